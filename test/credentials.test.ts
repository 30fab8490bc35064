/**
 * A password changed under a running API, on a Neo4j of this file's own
 * (test/support/throwaway.ts): the API keeps being asked (GraphQL, /health,
 * /ready, the answer cache polling every 50 ms) while its Neo4j is replaced
 * by one with another password. It must cost Neo4j one failed login, not
 * enough for Neo4j's AuthenticationRateLimit to lock the user for everyone,
 * and say at /health and /ready which user and URI were refused.
 */
import { randomBytes } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import neo4j from 'neo4j-driver';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { buildApp } from '../api/app.js';
import { apiDbOptions } from '../api/security.js';
import type { Db } from '../db/driver.js';
import { runCli } from './support/cli.js';
import { Throwaway } from './support/throwaway.js';

let neo: Throwaway;
let apiDb: Db;
let app: FastifyInstance;

beforeAll(async () => {
  neo = await Throwaway.create();
  await neo.start();
  apiDb = await neo.db(apiDbOptions({}));
  app = await buildApp({ db: apiDb, logger: false, cacheMb: 1, cachePollMs: 50 });
  await app.ready();
}, 240_000);
afterAll(async () => {
  await app?.close();
  await apiDb?.close();
  await neo?.dispose();
}, 120_000);

const QUERY = '{ meetings(first: 1) { path } }';

/**
 * Neo4j's lines about logins since `from` characters of its debug log.
 * Note: the community edition writes no security.log; its debug log has a
 * line for each refused login.
 */
function loginLog(from = 0): string[] {
  const file = join(neo.home, 'logs', 'debug.log');
  const text = existsSync(file) ? readFileSync(file, 'utf8') : '';
  return text
    .slice(from)
    .split('\n')
    .filter((l) => /unauthori[sz]ed|authentication|too many/i.test(l));
}
const logSize = () => (existsSync(join(neo.home, 'logs', 'debug.log')) ? readFileSync(join(neo.home, 'logs', 'debug.log'), 'utf8').length : 0);
const failedLogins = (lines: string[]) => lines.filter((l) => /unauthorized due to authentication failure/i.test(l));

/** Whether a login with these credentials is accepted right now, or the code Neo4j refused it with. */
async function login(password: string): Promise<true | string> {
  const driver = neo4j.driver(neo.endpoint.uri, neo4j.auth.basic(neo.endpoint.user, password), { maxConnectionPoolSize: 1 });
  try {
    await driver.verifyAuthentication();
    return true;
  } catch (err) {
    return (err as { code?: string }).code ?? String(err);
  } finally {
    await driver.close();
  }
}

test('the API asked on while its Neo4j comes back with another password: one failed login, no rate limit, /health and /ready say who was refused', async () => {
  // Answered first (on a busy machine the first answer of a cold server may take past the request timeout).
  const t = Date.now();
  while ((await app.inject({ method: 'POST', url: '/graphql', payload: { query: QUERY } })).statusCode !== 200) expect(Date.now() - t).toBeLessThan(120_000);
  // Counted from before the restart: the answer cache polls every 50 ms and may try its one login
  // between the server's start and the next line.
  const from = logSize();
  const old = neo.endpoint.password;
  const fresh = randomBytes(18).toString('base64url');
  const admin = neo4j.driver(neo.endpoint.uri, neo4j.auth.basic(neo.endpoint.user, old));
  await admin.executeQuery('ALTER CURRENT USER SET PASSWORD FROM $old TO $fresh', { old, fresh }, { database: 'system' });
  await admin.close();
  neo.setStoredPassword(fresh);
  await neo.stop();
  await neo.start();

  // 6 s of a dashboard's traffic: 8 requests at once every 100 ms, besides the cache's poll.
  const statuses = new Map<string, number>();
  const t0 = Date.now();
  while (Date.now() - t0 < 6_000) {
    const replies = await Promise.all([
      ...Array.from({ length: 6 }, () => app.inject({ method: 'POST', url: '/graphql', payload: { query: QUERY } })),
      app.inject({ url: '/health' }),
      app.inject({ url: '/ready' }),
    ]);
    for (const r of replies.slice(0, 6)) {
      const key = `${r.statusCode} ${r.json().errors?.[0]?.extensions?.code ?? 'ok'}`;
      statuses.set(key, (statuses.get(key) ?? 0) + 1);
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  await new Promise((r) => setTimeout(r, 500));
  // Right away, a new client with the new password is let in: the user is not locked.
  const newcomer = await login(fresh);
  // Neo4j writes its debug log a little after the fact: wait (up to 5 s) for the refused login's line.
  let lines = loginLog(from);
  for (const t1 = Date.now(); failedLogins(lines).length === 0 && Date.now() - t1 < 5_000; lines = loginLog(from)) {
    await new Promise((r) => setTimeout(r, 200));
  }
  console.log(`after the restart: ${JSON.stringify(Object.fromEntries(statuses))}; a new client: ${newcomer}; Neo4j's log of logins:\n  ${lines.join('\n  ')}`);
  expect(newcomer).toBe(true);
  expect(failedLogins(lines)).toHaveLength(1);
  expect(lines.join('\n')).not.toMatch(/too many|rate ?limit/i);
  expect([...statuses.keys()]).toEqual(['503 QRM_ERR_DB_REFUSED']);

  const who = `Neo4j at ${neo.endpoint.uri} refused user "${neo.endpoint.user}": wrong user name or password (Neo.ClientError.Security.Unauthorized)`;
  const health = await app.inject({ url: '/health' });
  expect(health.json()).toEqual({ status: 'ok', neo4j: 'refused', reason: who });
  const ready = await app.inject({ url: '/ready' });
  expect(ready.statusCode).toBe(503);
  expect(ready.json()).toEqual({ ready: false, reason: who });
  for (const said of [health.body, ready.body]) {
    expect(said).not.toContain(old);
    expect(said).not.toContain(fresh);
  }
  // Still asked, it tries no more.
  const before = logSize();
  await Promise.all(Array.from({ length: 5 }, () => app.inject({ url: '/ready' })));
  expect(failedLogins(loginLog(before))).toHaveLength(0);

  // The command line: refused at once with the old password, saying whom; works at once with the new one.
  const folder = mkdtempSync(join(tmpdir(), 'quorum-credentials-'));
  try {
    writeFileSync(join(folder, '2025-01-02.md'), '# Sync 2025-01-02\n\nAttendees: Ada Lovelace\n\n- Decided: ship it.\n');
    const env = { NEO4J_URI: neo.endpoint.uri, NEO4J_USER: neo.endpoint.user, QUORUM_CONNECT_ATTEMPTS: '5' };
    const refused = await runCli(['ingest', folder, '--collection', 'credentials'], { ...env, NEO4J_PASSWORD: old });
    expect(refused.status).toBe(1);
    expect(refused.stderr).toContain(`${who}; check NEO4J_USER and NEO4J_PASSWORD`);
    expect(refused.stderr).not.toContain('retrying');
    expect(refused.stderr).not.toContain(old);
    const accepted = await runCli(['ingest', folder, '--collection', 'credentials'], { ...env, NEO4J_PASSWORD: fresh });
    expect(accepted.stderr).not.toMatch(/refuse|retrying/);
    expect(accepted.status).toBe(0);
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
}, 300_000);
