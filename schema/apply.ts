/**
 * Applies schema/constraints.cypher: every statement is `IF NOT EXISTS`, so
 * running it at each start is safe; then waits until the indexes are online.
 */
import { readFileSync } from 'node:fs';
import type { Db } from '../db/driver.js';
import { projectFile } from './paths.js';

/** The statements of constraints.cypher, comments removed. */
export function schemaStatements(): string[] {
  return statementsOf('constraints.cypher');
}

/** The statements of one of schema/'s files, comments removed. */
function statementsOf(file: string): string[] {
  const text = readFileSync(projectFile('schema', file), 'utf8');
  return text
    .split('\n')
    .filter((l) => !l.trim().startsWith('//'))
    .join('\n')
    .split(';')
    .map((s) => s.trim())
    .filter(Boolean);
}

/**
 * Creates what is missing and waits for the indexes to come online.
 * Note: full-text indexes first, then the other indexes, constraints last.
 * Creating an index returns at once and Neo4j fills it in the background, a
 * few at a time; creating a constraint returns once its index is filled. So
 * over a graph that has none (an imported first index) the indexes fill while
 * the constraints' do (281k nodes: 14.4 s in the file's order, 10.7 s so, on a
 * warm server), and the slowest, the passages' full-text index (11.7 s of
 * Lucene over 72 MB of terms), starts first instead of after ten others
 * (15.5–15.7 → 14.7–15.0 s on a server just started).
 */
export async function applySchema(db: Db): Promise<void> {
  const statements = schemaStatements();
  const rank = (s: string) => (/^CREATE FULLTEXT INDEX\b/i.test(s) ? 0 : /^CREATE CONSTRAINT\b/i.test(s) ? 2 : 1);
  // Array.prototype.sort is stable: the file's order within each kind.
  for (const statement of [...statements].sort((a, b) => rank(a) - rank(b))) await db.write(statement, {}, { label: 'schema' });
  await db.write('CALL db.awaitIndexes(300)', {}, { label: 'schema', timeoutMs: 310_000 });
}

/**
 * Runs `work`, an ingest. When the graph holds no meeting yet (the first index
 * of a history), the full-text indexes are dropped first and built again once
 * `work` ends, failed or not, and waited for: Neo4j then builds each from the
 * whole graph at once instead of updating it at every commit (the loader alone
 * over the shared corpus: 63.9 s and 102 Neo4j CPU-s with them; 44.6 s, then
 * 9.2 s to build them, 82 CPU-s in all, without). A text search asked meanwhile
 * fails with QRM_ERR_INDEXING. A process killed before the end leaves them to
 * the next start: applySchema creates what is missing.
 */
export async function withFirstIndex<T>(db: Db, work: () => Promise<T>): Promise<T> {
  const [row] = await db.read('MATCH (m:Meeting) RETURN count(m) AS meetings', {}, { label: 'schema' });
  if (Number(row?.meetings ?? 1) > 0) return work();
  for (const statement of statementsOf('drop-text-indexes.cypher')) await db.write(statement, {}, { label: 'schema' });
  let result: T;
  try {
    result = await work();
  } catch (err) {
    // The indexes are built again even so; the work's error is the one to report.
    await applySchema(db).catch(() => undefined);
    throw err;
  }
  await applySchema(db);
  return result;
}
