/**
 * Applies schema/constraints.cypher: every statement is `IF NOT EXISTS`, so
 * running it at each start is safe; then waits until the indexes are online.
 */
import { readFileSync } from 'node:fs';
import type { Db } from '../db/driver.js';
import { projectFile } from './paths.js';

/** The statements of constraints.cypher, comments removed. */
export function schemaStatements(): string[] {
  const text = readFileSync(projectFile('schema', 'constraints.cypher'), 'utf8');
  return text
    .split('\n')
    .filter((l) => !l.trim().startsWith('//'))
    .join('\n')
    .split(';')
    .map((s) => s.trim())
    .filter(Boolean);
}

/** Creates what is missing and waits for the indexes to come online. */
export async function applySchema(db: Db): Promise<void> {
  for (const statement of schemaStatements()) await db.write(statement, {}, { label: 'schema' });
  await db.write('CALL db.awaitIndexes(300)', {}, { label: 'schema', timeoutMs: 310_000 });
}
