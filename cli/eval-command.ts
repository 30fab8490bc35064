/**
 * `quorum eval` (npm run eval): indexes each folder of ../shared/corpus
 * (collection = folder name) and ../shared/seeds (collection `seeds`) into a
 * fresh database of a Neo4j instance of its own (.neo4j/eval), serves the API
 * on a free loopback port, and runs ../shared/tools/score.mjs for extraction
 * and for the dev questions. Prints the tables.
 */
import { spawn } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { buildApp } from '../api/app.js';
import { loadCollectionConfig } from '../ingest/read/config.js';
import { indexFolders } from '../ingest/bulk/first-index.js';
import { ingestFolder } from '../ingest/pipeline.js';
import { projectFile, projectRoot } from '../schema/paths.js';
import { parseArgs, UsageError } from './args.js';
import { connect } from './connect.js';

/** Deletes every node, in batches small enough for the default transaction memory. */
async function wipe(db: import('../db/driver.js').Db): Promise<void> {
  for (;;) {
    const [row] = await db.write('MATCH (n) WITH n LIMIT 20000 DETACH DELETE n RETURN count(*) AS n', {}, { label: 'eval:wipe', timeoutMs: 300_000 });
    if (!row || row.n === 0) return;
  }
}

function runScore(args: string[]): Promise<number> {
  return new Promise((done) => {
    const child = spawn(process.execPath, args, { cwd: projectRoot(), stdio: 'inherit' });
    child.on('exit', (code) => done(code ?? 1));
  });
}

export async function evalCommand(argv: string[]): Promise<number> {
  const p = parseArgs(argv, []);
  if (p.positional.length) throw new UsageError('eval takes no arguments');
  const shared = process.env.QUORUM_SHARED ?? join(projectRoot(), '..', 'shared');
  if (!existsSync(join(shared, 'corpus'))) throw new Error(`no corpus at ${join(shared, 'corpus')} (set QUORUM_SHARED to the shared folder)`);
  if (process.env.NEO4J_URI) throw new Error('eval wipes its database; it runs on its own embedded instance, so unset NEO4J_URI');
  const conn = await connect({ home: projectFile('.neo4j', 'eval'), port: Number(process.env.QUORUM_EVAL_PORT ?? 7689) });
  try {
    await wipe(conn.db);
    const folders: [string, string][] = [[join(shared, 'seeds'), 'seeds']];
    for (const name of readdirSync(join(shared, 'corpus')).sort()) {
      if (statSync(join(shared, 'corpus', name)).isDirectory()) folders.push([join(shared, 'corpus', name), name]);
    }
    // The first index as `quorum ingest` makes it (QUORUM_FIRST_INDEX; by default imported), so what is scored is that graph.
    const { written } = await indexFolders(
      { db: conn.db, neo4j: conn.neo4j, folders: folders.map(([folder]) => folder), log: (line) => console.log(line) },
      async (target) => {
        for (const [folder, collection] of folders) {
          const configFile = projectFile('examples', 'config', `${collection}.json`);
          const { config } = await loadCollectionConfig(folder, existsSync(configFile) ? configFile : undefined);
          const s = await ingestFolder({ db: conn.db, target, folder, collection, config });
          console.log(`${collection}: ${s.files} files, ${s.meetings} meetings, ${s.failed} failed, ${s.seconds} s`);
          for (const m of s.messages.slice(0, 10)) console.log(`  ${m.path}: ${m.reason}`);
        }
      },
    );
    console.log(`first index: ${written.how}${written.why ? ` (${written.why})` : ''}`);
    const app = await buildApp({ db: conn.db });
    await app.listen({ port: 0, host: '127.0.0.1' });
    const address = app.server.address();
    const endpoint = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}/graphql`;
    const score = join(shared, 'tools', 'score.mjs');
    console.log('\nextraction (gold: dev)');
    const a = await runScore([score, 'extraction', '--endpoint', endpoint, '--gold', join(shared, 'gold', 'dev')]);
    console.log('\nquestions (dev)');
    const b = await runScore([score, 'questions', '--endpoint', endpoint, '--qa', join(shared, 'gold', 'questions-dev.json')]);
    await app.close();
    return a || b;
  } finally {
    await conn.close();
  }
}
