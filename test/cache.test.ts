/**
 * The answer cache (api/cache.ts) and the per-request read batch
 * (api/read-batch.ts) against the real Neo4j: a repeated question is
 * answered from the cache with the same bytes, an ingest that changes the
 * graph drops every stored answer, errors are never stored, and a level of
 * loaders goes to Neo4j as one transaction.
 */
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { buildApp } from '../api/app.js';
import { hardeningFromEnv } from '../api/security.js';
import type { Db, Params, TxOptions } from '../db/driver.js';
import { projectRoot } from '../schema/paths.js';
import { emptyGraph, ingest, testDb } from './support/graph.js';

const NOTES = join(projectRoot(), 'examples', 'notes');
const COLLECTION = 'cache-test';
const POLL_MS = 50;

let db: Db;
let app: FastifyInstance;
let folder: string;

const post = (query: string, variables?: Record<string, unknown>) => app.inject({ method: 'POST', url: '/graphql', payload: { query, variables } });

/** Waits until the cache has seen the graph's newest state (two polls). */
const polled = () => new Promise((r) => setTimeout(r, POLL_MS * 3));

beforeAll(async () => {
  db = await testDb();
  await emptyGraph(db);
  folder = mkdtempSync(join(tmpdir(), 'quorum-cache-'));
  cpSync(NOTES, folder, { recursive: true });
  await ingest(db, folder, COLLECTION);
  app = await buildApp({ db, logger: false, cacheMb: 4, cachePollMs: POLL_MS });
  await app.ready();
});
afterAll(async () => {
  await app?.close();
  await db?.close();
  if (folder) rmSync(folder, { recursive: true, force: true });
});

describe('the answer cache', () => {
  const query = `{ meetings(collection: "${COLLECTION}") { path title attendees { name } } }`;

  test('a repeated question is answered from the cache, byte for byte', async () => {
    const first = await post(query);
    expect(first.statusCode).toBe(200);
    expect(first.headers['x-quorum-cache']).toBe('miss');
    const again = await post(query);
    expect(again.headers['x-quorum-cache']).toBe('hit');
    expect(again.body).toBe(first.body);
    expect(again.headers['content-type']).toMatch(/^application\/json/);
    // The same question with other variables is another entry.
    const v = 'query($c: String) { meetings(collection: $c) { path } }';
    expect((await post(v, { c: COLLECTION })).headers['x-quorum-cache']).toBe('miss');
    expect((await post(v, { c: 'no-such-collection' })).headers['x-quorum-cache']).toBe('miss');
    const hit = await post(v, { c: COLLECTION });
    expect(hit.headers['x-quorum-cache']).toBe('hit');
    expect(hit.json().data.meetings.length).toBeGreaterThan(0);
  });

  test('an ingest that changes the graph drops what was stored', async () => {
    const before = (await post(query)).json().data.meetings as { path: string; title: string }[];
    expect((await post(query)).headers['x-quorum-cache']).toBe('hit');
    const path = before[0]!.path;
    const file = join(folder, path);
    writeFileSync(file, readFileSync(file, 'utf8').replace(/^#\s.*$/m, '# Retitled for the cache test'));
    await ingest(db, folder, COLLECTION);
    await polled();
    const after = await post(query);
    expect(after.headers['x-quorum-cache']).toBe('miss');
    const titles = (after.json().data.meetings as { path: string; title: string }[]).map((m) => [m.path, m.title]);
    expect(titles).toContainEqual([path, 'Retitled for the cache test']);
    expect((await post(query)).headers['x-quorum-cache']).toBe('hit');
  });

  test('an unchanged re-ingest writes nothing, so answers stay stored', async () => {
    await post(query);
    await ingest(db, folder, COLLECTION);
    await polled();
    expect((await post(query)).headers['x-quorum-cache']).toBe('hit');
  });

  test('answers with errors are never stored', async () => {
    const bad = '{ meeting(collection: "", path: "x") { id } }';
    for (let i = 0; i < 2; i++) {
      const res = await post(bad);
      expect(res.json().errors?.[0]?.extensions?.code).toBe('QRM_ERR_BAD_INPUT');
      expect(res.headers['x-quorum-cache']).toBe('miss');
    }
  });

  test('quorum serve caches 64 MB by default; QUORUM_CACHE_MB=0 switches it off, and a bad value is named', () => {
    expect(hardeningFromEnv({}).cacheMb).toBe(64);
    expect(hardeningFromEnv({ QUORUM_CACHE_MB: '0' }).cacheMb).toBe(0);
    expect(() => hardeningFromEnv({ QUORUM_CACHE_POLL_MS: 'soon' })).toThrow(/QUORUM_CACHE_POLL_MS/);
  });
});

describe('the read batch', () => {
  test("a level's loaders go to Neo4j in one transaction, with the same answer as one transaction each", async () => {
    const sent: string[][] = [];
    const recorder = Object.create(db) as Db;
    recorder.read = (cypher: string, params?: Params, o?: TxOptions) => {
      sent.push([o?.label ?? '']);
      return db.read(cypher, params, o);
    };
    recorder.readAll = (queries, o) => {
      sent.push(queries.map(() => o?.label ?? ''));
      return db.readAll(queries, o);
    };
    const batched = await buildApp({ db: recorder, logger: false });
    try {
      // A person's meetings come with the person (api/lists.ts); the lists of those meetings are the next level.
      const meetingsOf = (fields: string) => `{ person(name: "Priya Raman") { meetings(first: 3) { path ${fields} } } }`;
      const res = await batched.inject({
        method: 'POST',
        url: '/graphql',
        payload: { query: meetingsOf('attendees { name } speakers { name } references { id } decisions { text } actionItems { text }') },
      });
      expect(res.statusCode).toBe(200);
      // The root query alone, then the five loaders of the meetings together.
      expect(sent.map((t) => t.length)).toEqual([1, 5]);
      // One transaction per query (each field asked on its own) gives the same answer.
      const fields = ['attendees { name }', 'speakers { name }', 'references { id }', 'decisions { text }', 'actionItems { text }'];
      const meetings = res.json().data.person.meetings as Record<string, unknown>[];
      expect(meetings.length).toBeGreaterThan(1);
      for (const f of fields) {
        const one = await post(meetingsOf(f));
        const key = f.split(' ')[0]!;
        expect(one.json().data.person.meetings.map((m: Record<string, unknown>) => m[key])).toEqual(meetings.map((m) => m[key]));
      }
    } finally {
      await batched.close();
    }
  });
});
