/**
 * The first index of an empty graph (schema/apply.ts withFirstIndex): the
 * full-text indexes are dropped while the notes are written and built once
 * at the end; a text search asked meanwhile says why it cannot answer; and
 * `quorum ingest` takes several folders in one run, each its own collection.
 */
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { buildApp } from '../api/app.js';
import type { Db } from '../db/driver.js';
import { withFirstIndex } from '../schema/apply.js';
import { projectRoot } from '../schema/paths.js';
import { runCli } from './support/cli.js';
import { emptyGraph, graphql, ingest, SEEDS, testDb } from './support/graph.js';

const EXAMPLES = join(projectRoot(), 'examples', 'notes');

let db: Db;
let app: FastifyInstance;

beforeAll(async () => {
  db = await testDb();
  app = await buildApp({ db, logger: false, cacheMb: 0 });
});

afterAll(async () => {
  await app?.close();
  await db?.close();
});

/** The full-text indexes: name → state. */
async function textIndexes(): Promise<Map<string, string>> {
  const rows = await db.read('SHOW FULLTEXT INDEXES YIELD name, state RETURN name, state ORDER BY name');
  return new Map(rows.map((r) => [r.name as string, r.state as string]));
}

const SEARCH = '{ search(text: "wasmtime", first: 3) { meeting { path } } }';

describe('an ingest into an empty graph', () => {
  test('writes without the full-text indexes, builds them at the end, and a search meanwhile answers 503 QRM_ERR_INDEXING', async () => {
    await emptyGraph(db);
    const before = await textIndexes();
    expect([...before.keys()]).toEqual(['decision_terms', 'passage_terms', 'person_forms', 'reference_terms', 'topic_terms']);
    const during = await withFirstIndex(db, async () => {
      await ingest(db, SEEDS, 'seeds');
      const res = await app.inject({ method: 'POST', url: '/graphql', payload: { query: SEARCH } });
      return { indexes: await textIndexes(), status: res.statusCode, body: res.json() as { errors?: { message: string; extensions: { code: string } }[] } };
    });
    expect(during.indexes.size).toBe(0);
    expect(during.status).toBe(503);
    expect(during.body.errors?.[0]?.extensions.code).toBe('QRM_ERR_INDEXING');
    expect(during.body.errors?.[0]?.message).toMatch(/text search is being built/);
    // Built again, online, and holding what was written while they were away.
    expect(await textIndexes()).toEqual(new Map([...before.keys()].map((n) => [n, 'ONLINE'])));
    const found = await graphql<{ search: { meeting: { path: string } }[] }>(app, SEARCH);
    expect(found.search.length).toBeGreaterThan(0);
  });

  test('a failed first index still gets its full-text indexes back, and its error is the one reported', async () => {
    await emptyGraph(db);
    await expect(
      withFirstIndex(db, async () => {
        await ingest(db, SEEDS, 'seeds');
        throw new Error('the ingest failed');
      }),
    ).rejects.toThrow('the ingest failed');
    expect([...(await textIndexes()).values()]).toEqual(Array(5).fill('ONLINE'));
  });

  test('into a graph that holds meetings, the full-text indexes stay as they are', async () => {
    // The graph holds the seeds of the test before.
    const during = await withFirstIndex(db, async () => {
      await ingest(db, EXAMPLES, 'examples');
      return textIndexes();
    });
    expect([...during.values()]).toEqual(Array(5).fill('ONLINE'));
  });
});

describe('quorum ingest FOLDER...', () => {
  test('indexes each folder as the collection of its name, in one run', async () => {
    await emptyGraph(db);
    const res = await runCli(['ingest', SEEDS, EXAMPLES]);
    expect(res.status, res.stderr).toBe(0);
    expect(res.stdout).toMatch(/^seeds: 2 files, 2 meetings indexed/m);
    expect(res.stdout).toMatch(/^notes: \d+ files, \d+ meetings indexed/m);
    const rows = await db.read('MATCH (m:Meeting) RETURN m.collection AS c, count(m) AS n ORDER BY c');
    expect(rows.map((r) => r.c)).toEqual(['notes', 'seeds']);
    expect([...(await textIndexes()).values()]).toEqual(Array(5).fill('ONLINE'));
  });

  test('refuses --collection, --url-base and --config with several folders, and two folders of one name', async () => {
    const named = await runCli(['ingest', SEEDS, EXAMPLES, '--collection', 'x']);
    expect(named.status).toBe(2);
    expect(named.stderr).toContain('--collection is for one FOLDER, but 2 were given');
    const linked = await runCli(['ingest', SEEDS, EXAMPLES, '--url-base', 'https://example.org']);
    expect(linked.stderr).toContain('--url-base is for one FOLDER');
    const twice = await runCli(['ingest', SEEDS, `${SEEDS}/`]);
    expect(twice.status).toBe(2);
    expect(twice.stderr).toContain('two FOLDERs would both be collection "seeds"');
  });
});
