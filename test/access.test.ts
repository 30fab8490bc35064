/**
 * When a Db lets calls reach Neo4j (db/access.ts), with a ping of our own
 * and a clock of our own: one login check however many calls wait, none
 * after a refused login, none while the rate limit holds.
 */
import { describe, expect, test } from 'vitest';
import { Access } from '../db/access.js';
import { DbError, translate } from '../db/driver.js';

const who = { uri: 'bolt://127.0.0.1:1', user: 'quorum' };
const coded = (code: string) => Object.assign(new Error(code), { code });

/** An Access whose ping answers with what `next` holds (ok, or an error to throw), counting the pings. */
function setup(o: { lockMs?: number; trustMs?: number } = {}) {
  let clock = 1_000_000;
  const state = { pings: 0, next: null as Error | null };
  const access = new Access(
    async () => {
      state.pings += 1;
      await new Promise((r) => setTimeout(r, 5));
      if (state.next) throw state.next;
    },
    (err) => translate(err, who),
    { ...o, now: () => clock },
  );
  return { access, state, tick: (ms: number) => void (clock += ms) };
}

const settle = (ps: Promise<unknown>[]) => Promise.allSettled(ps);

describe('Access', () => {
  test('calls that arrive together before any answer wait for one login check', async () => {
    const { access, state } = setup();
    const all = await settle(Array.from({ length: 20 }, () => access.admit()));
    expect(all.every((r) => r.status === 'fulfilled')).toBe(true);
    expect(state.pings).toBe(1);
    await access.admit();
    expect(state.pings).toBe(1);
  });

  test('a refused login is final: every later call fails at once with it, and no login is tried again', async () => {
    const { access, state, tick } = setup();
    state.next = coded('Neo.ClientError.Security.Unauthorized');
    const all = await settle(Array.from({ length: 20 }, () => access.admit()));
    expect(state.pings).toBe(1);
    for (const r of all) {
      expect(r.status).toBe('rejected');
      const e = (r as PromiseRejectedResult).reason as DbError;
      expect(e).toBeInstanceOf(DbError);
      expect(e.message).toBe('Neo4j at bolt://127.0.0.1:1 refused user "quorum": wrong user name or password (Neo.ClientError.Security.Unauthorized)');
    }
    state.next = null;
    tick(3_600_000);
    await expect(access.admit()).rejects.toThrow('refused user "quorum"');
    await expect(access.check()).rejects.toThrow('refused user "quorum"');
    expect(state.pings).toBe(1);
    expect(access.refusal()?.kind).toBe('auth');
  });

  test("Neo4j's rate limit pauses calls for longer than its lock, then one call tries again", async () => {
    const { access, state, tick } = setup({ lockMs: 10_000 });
    state.next = coded('Neo.ClientError.Security.AuthenticationRateLimit');
    await expect(access.admit()).rejects.toThrow('refuses user "quorum" for now: too many failed logins');
    tick(9_000);
    await expect(access.admit()).rejects.toThrow('too many failed logins');
    expect(state.pings).toBe(1);
    state.next = null;
    tick(1_001);
    await settle([access.admit(), access.admit()]);
    expect(state.pings).toBe(2);
    expect(access.refusal()).toBeNull();
  });

  test('after an answer calls go straight on; after a lost connection, or a quiet while, the login is checked first', async () => {
    const { access, state, tick } = setup({ trustMs: 1_000 });
    access.answered();
    await access.admit();
    expect(state.pings).toBe(0);
    access.failed(coded('ServiceUnavailable'));
    await access.admit();
    expect(state.pings).toBe(1);
    tick(999);
    await access.admit();
    expect(state.pings).toBe(1);
    tick(2);
    await access.admit();
    expect(state.pings).toBe(2);
    // The server answered, with an error of the query: the login was good.
    tick(5_000);
    expect(access.failed(coded('Neo.ClientError.Statement.SyntaxError')).kind).toBe('query');
    await access.admit();
    expect(state.pings).toBe(2);
  });
});
