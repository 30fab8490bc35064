// One ingest measurement in a process of its own (so its CPU time and peak
// memory are its own), run by bench/ingest.mjs; prints one JSON line.
//
//   node bench/ingest-child.mjs parse CORPUS            remark parse only, main thread
//   node bench/ingest-child.mjs extract CORPUS          parse + extract, main thread
//   node bench/ingest-child.mjs pool CORPUS N RECORDS   parse + extract on N workers; records saved to RECORDS
//   node bench/ingest-child.mjs load RECORDS            the records written by the loader alone
//   node bench/ingest-child.mjs ingest CORPUS [NAME…]   quorum's ingest of each collection (all by default)
//
// load and ingest use the Neo4j of NEO4J_URI, NEO4J_USER, NEO4J_PASSWORD (ingest: Quorum's own
// server at QUORUM_BENCH_OWN_HOME and _PORT when set, which a first index may be imported into); with
// QUORUM_BENCH_JVM_PID they also report the server's CPU time.
import { readFileSync, writeFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { deserialize, serialize } from 'node:v8';
import { collections, cpuSeconds, dist, round } from './lib.mjs';

const [mode, ...args] = process.argv.slice(2);
const { loadCollectionConfig } = await import(dist('ingest', 'read', 'config.js'));
const { listNotes, readNote } = await import(dist('ingest', 'read', 'read.js'));

const jvm = Number(process.env.QUORUM_BENCH_JVM_PID) || null;
const jvm0 = jvm ? cpuSeconds(jvm) : null;
const cpu0 = process.cpuUsage();
const t0 = performance.now();
const result = await { parse, extract: extractAll, pool, load, ingest }[mode]?.(...args);
if (!result) throw new Error(`unknown mode ${mode}`);
const cpu = process.cpuUsage(cpu0);
console.log(
  JSON.stringify({
    mode,
    seconds: round((performance.now() - t0) / 1000, 3),
    cpuSeconds: round((cpu.user + cpu.system) / 1e6, 2),
    peakRssMb: Math.round(process.resourceUsage().maxRSS / 1024),
    neo4jCpuSeconds: jvm ? round(cpuSeconds(jvm) - jvm0, 2) : null,
    ...result,
  }),
);

/** Every note of the corpus, read (not timed: reading is its own stage). */
async function notes(corpus) {
  const out = [];
  for (const c of collections(corpus)) {
    const { config } = await loadCollectionConfig(c.folder, c.config);
    const files = [];
    for (const path of (await listNotes(c.folder)).files) {
      const read = await readNote(c.folder, path, c.name);
      if (read.ok) files.push(read.file);
    }
    out.push({ ...c, config, files });
  }
  return out;
}

function megabytes(sets) {
  return sets.reduce((n, s) => n + s.files.reduce((m, f) => m + f.bytes, 0), 0) / 1e6;
}

async function parse(corpus) {
  const { parseNote } = await import(dist('ingest', 'parse', 'parse.js'));
  const sets = await notes(corpus);
  const t = performance.now();
  for (const s of sets) for (const f of s.files) parseNote(f);
  const seconds = (performance.now() - t) / 1000;
  return {
    files: sets.reduce((n, s) => n + s.files.length, 0),
    mb: round(megabytes(sets), 2),
    workSeconds: round(seconds, 2),
    mbPerSecond: round(megabytes(sets) / seconds, 2),
  };
}

async function extractAll(corpus) {
  const { parseNote } = await import(dist('ingest', 'parse', 'parse.js'));
  const { extractMeeting } = await import(dist('ingest', 'extract', 'extract.js'));
  const sets = await notes(corpus);
  const t = performance.now();
  let parseMs = 0;
  for (const s of sets) {
    for (const f of s.files) {
      const p = performance.now();
      const note = parseNote(f);
      parseMs += performance.now() - p;
      extractMeeting(note, s.config);
    }
  }
  const seconds = (performance.now() - t) / 1000;
  return {
    files: sets.reduce((n, s) => n + s.files.length, 0),
    mb: round(megabytes(sets), 2),
    workSeconds: round(seconds, 2),
    parseSeconds: round(parseMs / 1000, 2),
    mbPerSecond: round(megabytes(sets) / seconds, 2),
  };
}

async function pool(corpus, workers, recordsFile) {
  const { ExtractPool } = await import(dist('ingest', 'pool', 'pool.js'));
  const sets = await notes(corpus);
  const t = performance.now();
  const saved = [];
  let failed = 0;
  for (const s of sets) {
    const p = new ExtractPool({ size: Number(workers), timeoutMs: 120_000, config: s.config });
    const results = await Promise.all(s.files.map((f) => p.extract(f)));
    await p.close();
    failed += results.filter((r) => !r.ok).length;
    saved.push({ name: s.name, config: s.config, records: results.flatMap((r) => (r.ok ? [r.record] : [])) });
  }
  const seconds = (performance.now() - t) / 1000;
  if (recordsFile) writeFileSync(recordsFile, serialize(saved));
  return {
    workers: Number(workers),
    files: sets.reduce((n, s) => n + s.files.length, 0),
    failed,
    mb: round(megabytes(sets), 2),
    workSeconds: round(seconds, 2),
    mbPerSecond: round(megabytes(sets) / seconds, 2),
  };
}

/** CPU-s of Quorum's own server over an ingest, and of the import tool; null for a server of NEO4J_URI. */
function ownServerCpu(neo4j, written, at0, atImport) {
  if (!neo4j.pid || at0 === null) return null;
  const imported = written.imported;
  if (!imported) return { neo4j: round(cpuSeconds(neo4j.pid) - at0, 2), tool: null };
  const fields = readFileSync('/proc/self/stat', 'utf8').split(') ')[1].split(' ');
  const tool = (Number(fields[13]) + Number(fields[14])) / 100;
  const after = imported.serverPid ? cpuSeconds(imported.serverPid) : null;
  return { neo4j: after === null || atImport === null ? null : round(atImport - at0 + after, 2), tool: round(tool, 2) };
}

/**
 * The server to ingest into: with QUORUM_BENCH_OWN_HOME and QUORUM_BENCH_OWN_PORT, Quorum's own server at
 * that home, started here and left running (as after `quorum neo4j start`), so that a first index may be
 * imported into it; else the one of NEO4J_URI.
 */
async function server() {
  const home = process.env.QUORUM_BENCH_OWN_HOME;
  if (!home) {
    const neo4j = { uri: process.env.NEO4J_URI, user: process.env.NEO4J_USER, password: process.env.NEO4J_PASSWORD, embedded: false, startedHere: false };
    return { db: await database(), neo4j, startSeconds: null };
  }
  const { startNeo4j } = await import(dist('neo4j', 'launcher.js'));
  const { Db } = await import(dist('db', 'driver.js'));
  const { applySchema } = await import(dist('schema', 'apply.js'));
  const t = performance.now();
  const neo4j = await startNeo4j({ home, port: Number(process.env.QUORUM_BENCH_OWN_PORT), keepRunning: true, log: () => {} });
  const db = new Db({ uri: neo4j.uri, user: neo4j.user, password: neo4j.password, app: 'quorum-bench' });
  await applySchema(db);
  return { db, neo4j, startSeconds: round((performance.now() - t) / 1000, 2) };
}

async function database() {
  const { Db } = await import(dist('db', 'driver.js'));
  return new Db({ uri: process.env.NEO4J_URI, user: process.env.NEO4J_USER, password: process.env.NEO4J_PASSWORD, app: 'quorum-bench' });
}

async function load(recordsFile) {
  const { writeCollection } = await import(dist('ingest', 'pipeline.js'));
  const sets = deserialize(readFileSync(recordsFile));
  const db = await database();
  try {
    const { withFirstIndex } = await import(dist('schema', 'apply.js'));
    const t = performance.now();
    // As an ingest into an empty graph: the full-text indexes are built once the records are written.
    await withFirstIndex(db, async () => {
      for (const s of sets) await writeCollection({ db, collection: s.name, config: s.config }, s.records, []);
    });
    return { meetings: sets.reduce((n, s) => n + s.records.length, 0), workSeconds: round((performance.now() - t) / 1000, 2) };
  } finally {
    await db.close();
  }
}

async function ingest(corpus, ...names) {
  const { ingestFolder } = await import(dist('ingest', 'pipeline.js'));
  const { indexFolders } = await import(dist('ingest', 'bulk', 'first-index.js'));
  const { db, neo4j, startSeconds } = await server();
  try {
    const runs = [];
    const chosen = collections(corpus).filter((c) => !names.length || names.includes(c.name));
    // As `quorum ingest FOLDER...` does: into an empty graph, one first index (imported or loaded, as QUORUM_FIRST_INDEX says).
    const t = performance.now();
    const cpu = process.cpuUsage();
    let runsCpu = null;
    let serverCpuBefore = null;
    const serverCpu0 = neo4j.pid ? cpuSeconds(neo4j.pid) : null;
    const { written } = await indexFolders({ db, neo4j, folders: chosen.map((c) => c.folder) }, async (target) => {
      for (const c of chosen) {
        const { config } = await loadCollectionConfig(c.folder, c.config);
        const s = await ingestFolder({ db, target, folder: c.folder, collection: c.name, config });
        runs.push({
          collection: c.name,
          files: s.files,
          meetings: s.meetings,
          held: s.held ?? null,
          skipped: s.skipped,
          failed: s.failed,
          seconds: s.seconds,
          stages: s.stages,
        });
      }
      const used = process.cpuUsage(cpu);
      runsCpu = (used.user + used.system) / 1e6;
      serverCpuBefore = neo4j.pid ? cpuSeconds(neo4j.pid) : null;
    });
    const seconds = (performance.now() - t) / 1000;
    const sum = (f) =>
      round(
        runs.reduce((n, r) => n + f(r), 0),
        3,
      );
    return {
      files: sum((r) => r.files),
      meetings: sum((r) => r.meetings),
      held: sum((r) => r.held ?? 0),
      skipped: sum((r) => r.skipped),
      failed: sum((r) => r.failed),
      // The runs and, into an empty graph, what followed them: the full-text indexes built, or the import.
      ingestSeconds: round(seconds, 3),
      // This process's CPU (workers included) until the last collection's run ended: before an import, extraction and CSV.
      runsCpuSeconds: round(runsCpu, 2),
      textIndexSeconds: round(seconds - sum((r) => r.seconds), 3),
      firstIndex: written.how === 'update' ? null : { how: written.how, why: written.why, imported: written.imported ?? null },
      // Quorum's own server's CPU over the run (this child started it): with an import, the old server's until it
      // stopped, the tool's (a child of this process) and the new server's (its start, indexes and fixes).
      ownServerCpu: ownServerCpu(neo4j, written, serverCpu0, serverCpuBefore),
      serverStartSeconds: startSeconds,
      stages: Object.fromEntries(['read', 'parse', 'extract', 'load', 'settle'].map((k) => [k, sum((r) => r.stages[k] ?? 0)])),
      runs,
    };
  } finally {
    await db.close();
  }
}
