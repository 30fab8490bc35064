/**
 * Whether the ingest runs notes on its worker pool (ingest/pool.ts), with a
 * per-file timeout (`fileTimeoutMs`) and write transactions sized by
 * `batchRows`. Note: tests that need them are skipped until the pool is in
 * the tree; remove this once it is committed.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { projectRoot } from '../../schema/paths.js';

export const hasWorkerPool = existsSync(join(projectRoot(), 'ingest', 'pool.ts'));
