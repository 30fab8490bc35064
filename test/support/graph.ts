/**
 * Test access to the real Neo4j that test/global-setup.ts started (or the one
 * NEO4J_URI names): a Db, a way to empty the graph, graph counts, and a
 * GraphQL request to an app over it.
 */
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { expect } from 'vitest';
import { Db } from '../../db/driver.js';
import { emptyConfig, loadCollectionConfig, type CollectionConfig } from '../../ingest/read/config.js';
import { ingestFolder, type IngestSummary } from '../../ingest/pipeline.js';
import { applySchema } from '../../schema/apply.js';
import { projectRoot } from '../../schema/paths.js';

export const SHARED = join(projectRoot(), '..', 'shared');
export const CORPUS = join(SHARED, 'corpus');
export const SEEDS = join(SHARED, 'seeds');

/** A driver for the test database, with the schema applied. */
export async function testDb(): Promise<Db> {
  const uri = process.env.NEO4J_URI;
  if (!uri) throw new Error('NEO4J_URI is not set: run the tests through vitest (test/global-setup.ts starts Neo4j)');
  const db = new Db({ uri, user: process.env.NEO4J_USER ?? 'neo4j', password: process.env.NEO4J_PASSWORD ?? '', app: 'quorum-test' });
  await applySchema(db);
  return db;
}

/** A driver for the test database holding only the seeds and examples/notes (what most API tests read). */
export async function seededDb(): Promise<Db> {
  const db = await testDb();
  await emptyGraph(db);
  await ingest(db, SEEDS, 'seeds');
  await ingest(db, join(projectRoot(), 'examples', 'notes'), 'examples');
  return db;
}

/** Deletes every node and relationship. */
export async function emptyGraph(db: Db): Promise<void> {
  for (;;) {
    const [row] = await db.write('MATCH (n) WITH n LIMIT 20000 DETACH DELETE n RETURN count(*) AS n');
    if (!row || row.n === 0) return;
  }
}

export async function counts(db: Db): Promise<{ nodes: number; relationships: number }> {
  const [n] = await db.read('MATCH (n) RETURN count(n) AS c');
  const [r] = await db.read('MATCH ()-[r]->() RETURN count(r) AS c');
  return { nodes: n!.c as number, relationships: r!.c as number };
}

/** Indexes a folder with the collection's example config when there is one. */
export async function ingest(db: Db, folder: string, collection: string, config?: CollectionConfig): Promise<IngestSummary> {
  const file = join(projectRoot(), 'examples', 'config', `${collection}.json`);
  const loaded =
    config ??
    (await loadCollectionConfig(folder, (await exists(file)) ? file : undefined)
      .then((c) => c.config)
      .catch(() => emptyConfig()));
  return ingestFolder({ db, folder, collection, config: loaded });
}

async function exists(p: string): Promise<boolean> {
  const { access } = await import('node:fs/promises');
  return access(p).then(
    () => true,
    () => false,
  );
}

/** Asks the app one GraphQL query (through fastify's inject); fails the test on any error; the data. */
export async function graphql<T>(app: FastifyInstance, query: string, variables: Record<string, unknown> = {}): Promise<T> {
  const res = await app.inject({ method: 'POST', url: '/graphql', payload: { query, variables } });
  const body = res.json() as { data?: T; errors?: unknown };
  expect(body.errors).toBeUndefined();
  return body.data!;
}
