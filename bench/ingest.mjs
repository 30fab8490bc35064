// The ingest figures of `npm run bench`, each taken in a process of its own
// (bench/ingest-child.mjs): the CPU bound (parse and extract, no database),
// the database bound (the same records written by the loader alone), a cold
// ingest of the corpus into an empty database on a freshly started Neo4j,
// re-ingest of the unchanged corpus, and re-ingest after one file changed.
import { spawn } from 'node:child_process';
import { appendFileSync, cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CORPUS, HOME, PORT, busy, dist, log, memoryOf, root, round } from './lib.mjs';

const { startNeo4j, stopNeo4j } = await import(dist('neo4j', 'launcher.js'));
const { connect } = await import(dist('cli', 'connect.js'));
const { defaultWorkers } = await import(dist('ingest', 'pipeline.js'));

/** The file changed for the one-file re-ingest (a typical note: 11 attendees, decisions, references). */
export const CHANGED = { collection: 'bytecodealliance-meetings', path: 'wasmtime/2025/wasmtime-06-05.md' };

/** Runs one measurement in a child process; resolves to its JSON line. */
function child(args, env = {}) {
  return new Promise((resolve, reject) => {
    const p = spawn(process.execPath, [join(root, 'bench', 'ingest-child.mjs'), ...args], {
      cwd: root,
      env: { ...process.env, ...env },
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    let out = '';
    p.stdout.on('data', (d) => (out += d));
    p.on('exit', (code) => {
      const line = out.trim().split('\n').pop();
      if (code !== 0 || !line) reject(new Error(`bench/ingest-child.mjs ${args.join(' ')} exited with ${code}`));
      else resolve({ ...JSON.parse(line), busy: busy() });
    });
  });
}

/**
 * Stops the bench's Neo4j if it runs, removes its user database (the system
 * database, with the credentials, stays), starts it afresh and applies the
 * schema: an empty database on a cold JVM.
 */
async function freshNeo4j() {
  await stopNeo4j({ home: HOME, log: () => {} });
  for (const dir of ['databases', 'transactions']) rmSync(join(HOME, 'data', dir, 'neo4j'), { recursive: true, force: true });
  const neo4j = await startNeo4j({ home: HOME, port: PORT, keepRunning: true, log });
  const conn = await connect({ home: HOME, port: PORT });
  await conn.db.close();
  const env = { NEO4J_URI: neo4j.uri, NEO4J_USER: neo4j.user, NEO4J_PASSWORD: neo4j.password, QUORUM_BENCH_JVM_PID: String(neo4j.pid ?? '') };
  return { neo4j, env };
}

/**
 * A cold ingest as `quorum ingest` makes it on Quorum's own server: the bench's
 * Neo4j stopped and its database removed, then a child starts it (left
 * running) and indexes `corpus` into the empty graph (imported, unless
 * QUORUM_FIRST_INDEX says otherwise). Resolves to the child's figures and
 * the running server.
 */
async function coldIngest(corpus) {
  await stopNeo4j({ home: HOME, log: () => {} });
  for (const dir of ['databases', 'transactions']) rmSync(join(HOME, 'data', dir, 'neo4j'), { recursive: true, force: true });
  const cold = await child(['ingest', corpus], { QUORUM_BENCH_OWN_HOME: HOME, QUORUM_BENCH_OWN_PORT: String(PORT), NEO4J_URI: '' });
  const neo4j = await startNeo4j({ home: HOME, port: PORT, keepRunning: true, log });
  const env = { NEO4J_URI: neo4j.uri, NEO4J_USER: neo4j.user, NEO4J_PASSWORD: neo4j.password, QUORUM_BENCH_JVM_PID: String(neo4j.pid ?? '') };
  return { cold: { ...cold, neo4jPeakRssMb: memoryOf(neo4j.pid).peakMb }, env, neo4j };
}

/**
 * Exports the graph of the running bench Neo4j as CSV, stops it, loads the CSV
 * with neo4j-admin database import (the database overwritten), starts it and
 * builds the schema: the import's and the schema's seconds, and the counts
 * before and after (they must be equal).
 */
async function importFloor(neo4j, dir) {
  const { buildSchema, exportGraph, importCsv } = await import('./import.mjs');
  const exported = await exportGraph(neo4j, dir);
  await stopNeo4j({ home: HOME, log: () => {} });
  const imported = await importCsv(HOME, exported.files);
  const started = await startNeo4j({ home: HOME, port: PORT, keepRunning: true, log });
  const schema = await buildSchema(started, started.pid);
  if (schema.nodes !== exported.nodes || schema.relationships !== exported.relationships) {
    throw new Error(
      `the imported graph differs: ${schema.nodes} nodes, ${schema.relationships} relationships; exported ${exported.nodes}, ${exported.relationships}`,
    );
  }
  const { files, ...rest } = exported;
  return { ...rest, ...imported, ...schema, seconds: round(imported.importSeconds + schema.schemaSeconds, 2), busy: busy() };
}

/** All ingest figures; leaves the bench's Neo4j running with the corpus indexed, and says how to reach it. */
export async function benchIngest() {
  const workers = defaultWorkers() || 2;
  const scratch = mkdtempSync(join(tmpdir(), 'quorum-bench-'));
  try {
    // A copy of the corpus, so one file can change.
    const corpus = join(scratch, 'corpus');
    cpSync(CORPUS, corpus, { recursive: true });
    const records = join(scratch, 'records.v8');
    const out = {};

    log('CPU bound: parse, then parse + extract, on the main thread; then on the worker pool');
    out.parseOneThread = await child(['parse', corpus]);
    out.extractOneThread = await child(['extract', corpus]);
    out.extractPool = await child(['pool', corpus, String(workers), records]);

    log('database bound: the records written by the loader alone, on a fresh Neo4j');
    let { env, neo4j } = await freshNeo4j();
    out.loadOnly = { ...(await child(['load', records], env)), neo4jPeakRssMb: memoryOf(neo4j.pid).peakMb };

    log("the engine's floor: the graph the loader wrote, as CSV, loaded by neo4j-admin database import into the stopped Neo4j, then its schema built");
    out.importFloor = await importFloor(neo4j, join(scratch, 'csv'));

    log('cold ingest by the loader (QUORUM_FIRST_INDEX=load) into an empty database, on a fresh Neo4j');
    ({ env, neo4j } = await freshNeo4j());
    out.coldLoad = { ...(await child(['ingest', corpus], { ...env, QUORUM_FIRST_INDEX: 'load' })), neo4jPeakRssMb: memoryOf(neo4j.pid).peakMb };

    log('cold ingest as `quorum ingest` makes it (QUORUM_FIRST_INDEX=auto: imported), from a stopped Neo4j with no database');
    ({ cold: out.cold, env, neo4j } = await coldIngest(corpus));

    log('re-ingest of the unchanged corpus');
    out.unchanged = await child(['ingest', corpus], env);

    log(`re-ingest after one file changed (${CHANGED.collection}/${CHANGED.path})`);
    appendFileSync(join(corpus, CHANGED.collection, CHANGED.path), '\n- Edited for the benchmark: Lin Clark will follow up.\n');
    out.oneChanged = await child(['ingest', corpus, CHANGED.collection], env);
    out.oneChangedRestored = await child(['ingest', CORPUS, CHANGED.collection], env);

    return { workers, figures: out, neo4j: { uri: neo4j.uri, user: neo4j.user, password: neo4j.password, pid: neo4j.pid } };
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
}

/**
 * The growth figures: for each multiplier, the corpus that many times the
 * shared one (bench/grow.mjs), ingested cold on a fresh Neo4j, the question
 * fields' p50 over it (cache off, one connection), then again after one file
 * changed. `e` is a Neo4j with the shared corpus indexed (its
 * people are renamed in the copies).
 */
export async function benchGrowth(e, multipliers, seconds = 3) {
  const { changeOneFile, grownCorpus, peopleWords } = await import('./grow.mjs');
  const { benchQuestionFields } = await import('./queries.mjs');
  const words = await peopleWords(e);
  if (!words.names.length) throw new Error(`the bench's Neo4j (${e.uri}) has no people: run the ingest bench first (QUORUM_BENCH_ONLY=ingest,growth)`);
  const out = [];
  for (const times of multipliers) {
    const corpus = grownCorpus(times, words);
    log(`growth ×${times}: cold ingest as quorum ingest makes it, from a stopped Neo4j with no database`);
    const { cold, env, neo4j } = await coldIngest(corpus.folder);
    log(`growth ×${times}: the question fields, answer cache off, one connection`);
    const questions = await benchQuestionFields({ neo4j, seconds });
    const changed = changeOneFile(corpus.folder);
    log(`growth ×${times}: one file changed (${changed.collection}/${changed.path})`);
    let oneChanged;
    try {
      oneChanged = await child(['ingest', corpus.folder, changed.collection], env);
    } finally {
      changed.restore();
    }
    out.push({
      times,
      mb: corpus.mb,
      files: cold.files,
      cold,
      oneChanged: { seconds: oneChanged.ingestSeconds, peakRssMb: oneChanged.peakRssMb, file: `${changed.collection}/${changed.path}` },
      questions,
    });
  }
  return out;
}
