/**
 * An ingest in a process of its own, for tests that kill it with SIGKILL:
 * `node test/support/run-ts.mjs test/support/ingest-child.ts FOLDER COLLECTION BATCH_ROWS`.
 * Small batches give a kill many points to land between write transactions.
 */
import { Db } from '../../db/driver.js';
import { emptyConfig } from '../../ingest/read/config.js';
import { ingestFolder } from '../../ingest/pipeline.js';

export async function run([folder, collection, batchRows]: string[]): Promise<number> {
  const db = new Db({
    uri: process.env.NEO4J_URI!,
    user: process.env.NEO4J_USER ?? 'neo4j',
    password: process.env.NEO4J_PASSWORD ?? '',
    app: 'quorum-test-child',
  });
  try {
    const s = await ingestFolder({ db, folder: folder!, collection: collection!, config: emptyConfig(), batchRows: Number(batchRows) });
    return s.failed ? 1 : 0;
  } finally {
    await db.close();
  }
}
