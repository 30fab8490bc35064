/**
 * Faults of the database, on a Neo4j of this file's own (test/support/throwaway.ts):
 * down when a command starts, killed (kill -9) in the middle of an ingest,
 * killed and hung while the API serves. Each: a clear message, nothing half
 * written, and recovery without restarting Quorum.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { buildApp } from '../api/app.js';
import { apiDbOptions } from '../api/security.js';
import { DbError, type Db } from '../db/driver.js';
import { emptyConfig } from '../ingest/read/config.js';
import { ingestFolder } from '../ingest/pipeline.js';
import { portIsFree } from '../neo4j/bolt.js';
import { difference, fingerprint, part, type Fingerprint } from './support/fingerprint.js';
import { CORPUS } from './support/graph.js';
import { runCli } from './support/cli.js';
import { Throwaway } from './support/throwaway.js';

const NOTES = join(CORPUS, 'bytecodealliance-meetings', 'SIG-Packaging');
const COLLECTION = 'faults';

let neo: Throwaway;
let db: Db;

beforeAll(async () => {
  neo = await Throwaway.create();
  await neo.start();
  db = await neo.db();
}, 240_000);
afterAll(async () => {
  await db?.close();
  await neo?.dispose();
}, 120_000);

describe('Neo4j down when a command starts', () => {
  test('it retries with backoff, then exits 1 saying what it tried and what to check', async () => {
    let port = 7999;
    while (!(await portIsFree(port))) port += 1;
    const empty = mkdtempSync(join(tmpdir(), 'quorum-down-'));
    try {
      const r = await runCli(['ingest', empty], {
        NEO4J_URI: `bolt://127.0.0.1:${port}`,
        NEO4J_USER: 'neo4j',
        NEO4J_PASSWORD: 'x',
        QUORUM_CONNECT_ATTEMPTS: '3',
      });
      expect(r.status).toBe(1);
      expect(r.stderr).toContain(`Neo4j at bolt://127.0.0.1:${port} does not answer yet; retrying in 0.5 s (1/3)`);
      expect(r.stderr).toContain('retrying in 1 s (2/3)');
      expect(r.stderr).toMatch(new RegExp(`cannot reach Neo4j at bolt://127\\.0\\.0\\.1:${port} after 3 attempts .*check NEO4J_URI`));
      expect(r.ms).toBeGreaterThanOrEqual(1500);
      expect(r.ms).toBeLessThan(15_000);
    } finally {
      rmSync(empty, { recursive: true });
    }
  });

  test('a wrong password is said at once, without retrying', async () => {
    const empty = mkdtempSync(join(tmpdir(), 'quorum-auth-'));
    try {
      const r = await runCli(['ingest', empty], {
        NEO4J_URI: neo.endpoint.uri,
        NEO4J_USER: 'quorum-nobody',
        NEO4J_PASSWORD: 'wrong',
        QUORUM_CONNECT_ATTEMPTS: '5',
      });
      expect(r.status).toBe(1);
      expect(r.stderr).toContain(
        `Neo4j at ${neo.endpoint.uri} refused user "quorum-nobody": wrong user name or password (Neo.ClientError.Security.Unauthorized); check NEO4J_USER and NEO4J_PASSWORD`,
      );
      expect(r.stderr).not.toContain('retrying');
    } finally {
      rmSync(empty, { recursive: true });
    }
  });
});

describe('Neo4j killed (kill -9) in the middle of an ingest', () => {
  test('the ingest stops with a clear error; after a restart no meeting is half there and the next run converges', async () => {
    const whole = await ingestFolder({ db, folder: NOTES, collection: COLLECTION, config: emptyConfig() });
    expect(whole.failed).toBe(0);
    const reference = await fingerprint(db);
    await db.write('MATCH (n) DETACH DELETE n');

    // The ingest's own driver gives up 2 s after the server is gone (the default retries for 30 s).
    const ingestDb = await neo.db({ maxRetryMs: 2_000 });
    const ingesting = ingestFolder({ db: ingestDb, folder: NOTES, collection: COLLECTION, config: emptyConfig(), batchRows: 1 }).then(
      () => null,
      (e: unknown) => e,
    );
    while (((await db.read('MATCH (m:Meeting) RETURN count(m) AS n'))[0]!.n as number) === 0) await sleep(20);
    neo.signal('SIGKILL');
    const err = await ingesting;
    await ingestDb.close();
    expect(err).toBeInstanceOf(DbError);
    expect((err as DbError).kind).toBe('unavailable');
    expect((err as DbError).message).toBe('the graph database is not reachable');

    const restart = Date.now();
    await neo.start();
    const restartMs = Date.now() - restart;
    const after = await fingerprint(db);
    const ids = (await db.read('MATCH (m:Meeting) RETURN m.id AS id')).map((r) => r.id as string);
    expect(ids.length).toBeGreaterThan(0);
    expect(ids.length).toBeLessThan(whole.files);
    for (const id of ids) expectSame(part(reference, ownedBy(id)), part(after, ownedBy(id)), `${id} is half there`);
    console.log(`Neo4j killed mid-ingest: ${ids.length} of ${whole.files} meetings committed, each whole; restarted in ${restartMs} ms`);

    const again = await ingestFolder({ db, folder: NOTES, collection: COLLECTION, config: emptyConfig() });
    expect(again).toMatchObject({ failed: 0, skipped: ids.length });
    expectSame(reference, await fingerprint(db), 'the run after the restart');
  }, 300_000);
});

describe('Neo4j restarted while the API serves', () => {
  let app: FastifyInstance;
  /** The same, with a short request timeout, for a server that hangs. */
  let impatient: FastifyInstance;
  let apiDb: Db;
  const QUERY = '{ meetings(first: 3) { path attendees { name } } }';
  const ask = async (on = app) => {
    const t0 = Date.now();
    const res = await on.inject({ method: 'POST', url: '/graphql', payload: { query: QUERY } });
    return { status: res.statusCode, body: res.json(), ms: Date.now() - t0 };
  };

  beforeAll(async () => {
    // As `quorum serve` builds it: the API's own driver retries for 1 s at most.
    apiDb = await neo.db(apiDbOptions({}));
    app = await buildApp({ db: apiDb, logger: false });
    impatient = await buildApp({ db: apiDb, logger: false, requestTimeoutMs: 3_000 });
  });
  afterAll(async () => {
    await app?.close();
    await impatient?.close();
    await apiDb?.close();
  });

  test('killed: requests fail fast with 503 and a clear message, /ready says why, and answers come back after the restart', async () => {
    expect((await ask()).status).toBe(200);
    neo.signal('SIGKILL');
    let down: Awaited<ReturnType<typeof ask>>;
    try {
      down = await ask();
      expect(down.status).toBe(503);
      expect(down.body.errors[0]).toEqual({
        message: 'the graph database is not reachable; try again shortly',
        path: ['meetings'],
        extensions: { code: 'QRM_ERR_DB_UNAVAILABLE' },
      });
      expect(down.ms).toBeLessThan(5_000);
      expect((await app.inject({ url: '/health' })).json()).toEqual({ status: 'ok', neo4j: 'down' });
      const ready = await app.inject({ url: '/ready' });
      expect(ready.statusCode).toBe(503);
      expect(ready.json()).toEqual({ ready: false, reason: 'the graph database is not reachable' });
    } finally {
      await neo.start();
    }
    // The same app, not restarted: the first requests may still meet the server recovering (503, or 504 at the 15 s request timeout).
    const t0 = Date.now();
    const failed: number[] = [];
    for (;;) {
      const r = await ask();
      if (r.status === 200) break;
      failed.push(r.status);
      expect([503, 504]).toContain(r.status);
      expect(Date.now() - t0).toBeLessThan(60_000);
      await sleep(200);
    }
    console.log(
      `killed: refused in ${down.ms} ms; after the restart, answers again in ${Date.now() - t0} ms (${failed.length} refused first: ${failed.join(', ') || 'none'})`,
    );
    expect((await app.inject({ url: '/ready' })).json()).toEqual({ ready: true });
  }, 300_000);

  test('hung (SIGSTOP): requests end at the request timeout with 504, and are answered again once it resumes', async () => {
    expect((await ask(impatient)).status).toBe(200);
    neo.signal('SIGSTOP');
    let hung: Awaited<ReturnType<typeof ask>>;
    try {
      hung = await ask(impatient);
      expect(hung.status).toBe(504);
      expect(hung.body.errors[0].extensions.code).toBe('QRM_ERR_TIMEOUT');
      expect(hung.ms).toBeLessThan(4_500);
    } finally {
      neo.signal('SIGCONT');
    }
    const t0 = Date.now();
    while ((await ask()).status !== 200) {
      expect(Date.now() - t0).toBeLessThan(30_000);
      await sleep(200);
    }
    console.log(`hung: answered ${hung.status} in ${hung.ms} ms; after SIGCONT, answers again in ${Date.now() - t0} ms`);
  }, 120_000);
});

/** Keys of a meeting and the nodes it owns. */
const ownedBy = (id: string) => (key: string) => key === id || key.startsWith(`${id}#`);

function expectSame(want: Fingerprint, have: Fingerprint, what: string): void {
  expect(have.hash, `${what}:\n${difference(want, have)}`).toBe(want.hash);
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
