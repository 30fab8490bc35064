#!/usr/bin/env node
// npm run bench: ingest and query speed of the compiled code (dist/) on a
// Neo4j of its own (.neo4j/bench, Bolt on 7706), over ../shared/corpus.
// Prints the tables and writes bench/results/<date>.json; BENCHMARKS.md says
// what each figure is and the targets.
//
// Settings: QUORUM_CORPUS (../shared/corpus), QUORUM_BENCH_NEO4J_HOME
// (.neo4j/bench), QUORUM_BENCH_NEO4J_PORT (7706), QUORUM_BENCH_SECONDS (3,
// per measured run), QUORUM_BENCH_ROUNDS (3: the API without its cache, the
// floor and the peer take turns in that many rounds of a case's run),
// QUORUM_BENCH_CONNECTIONS (1,16,64), QUORUM_BENCH_ONLY
// (ingest, queries, growth, or root field names: discussions,search),
// QUORUM_BENCH_GROWTH (3,10: the sizes of the growth figures, × the corpus),
// QUORUM_INGEST_WORKERS.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { HOME, PORT, ROUNDS, busy, collections, CORPUS, dist, log, machine, printTable, root, round } from './lib.mjs';

const SECONDS = Number(process.env.QUORUM_BENCH_SECONDS ?? 3);
const CONNECTIONS = (process.env.QUORUM_BENCH_CONNECTIONS ?? '1,16,64').split(',').map(Number);
const ONLY = process.env.QUORUM_BENCH_ONLY?.split(',').filter(Boolean) ?? [];
const doIngest = !ONLY.length || ONLY.includes('ingest');
const queryFields = ONLY.filter((o) => o !== 'ingest' && o !== 'queries' && o !== 'growth');
const doQueries = !ONLY.length || ONLY.includes('queries') || queryFields.length > 0;
const doGrowth = !ONLY.length || ONLY.includes('growth');
const GROWTH = (process.env.QUORUM_BENCH_GROWTH ?? '3,10')
  .split(',')
  .map(Number)
  .filter((n) => Number.isInteger(n) && n > 1);

const started = busy();
const result = {
  machine: machine(),
  settings: {
    corpus: CORPUS,
    neo4jHome: HOME,
    neo4jPort: PORT,
    seconds: SECONDS,
    rounds: ROUNDS,
    connections: CONNECTIONS,
    only: ONLY,
    growth: GROWTH,
  },
  busy: { start: started },
};
log(`machine: ${result.machine.cores} cores (${result.machine.cpu}), load ${started.loadavg.join(' ')}`);

let endpoint;
if (doIngest) {
  const { benchIngest } = await import('./ingest.mjs');
  const ingest = await benchIngest();
  endpoint = ingest.neo4j;
  result.ingest = { workers: ingest.workers, ...ingest.figures };
} else {
  // Queries only: the bench's Neo4j as a previous run left it (started if need be).
  const { startNeo4j } = await import(dist('neo4j', 'launcher.js'));
  endpoint = await startNeo4j({ home: HOME, port: PORT, keepRunning: true, log });
}
result.machine.neo4j = await serverVersion(endpoint);

if (doQueries) {
  const { benchQueries } = await import('./queries.mjs');
  result.queries = await benchQueries({ neo4j: endpoint, seconds: SECONDS, concurrencies: CONNECTIONS, only: queryFields.length ? queryFields : null });
}
// Last: it leaves the bench's Neo4j with the largest corpus, not the shared one.
if (doGrowth && GROWTH.length) {
  const { benchGrowth } = await import('./ingest.mjs');
  result.growth = await benchGrowth(endpoint, GROWTH, SECONDS);
}
result.busy.end = busy();
result.targets = targets(result);

report(result);
mkdirSync(join(root, 'bench', 'results'), { recursive: true });
const file = join(root, 'bench', 'results', `${result.machine.date.replace(/[:.]/g, '-')}.json`);
writeFileSync(file, `${JSON.stringify(result, null, 2)}\n`);
console.log(`\nwritten: ${file.slice(root.length + 1)}`);
log(`the bench's Neo4j keeps running with the corpus indexed (${endpoint.uri}); stop it with QUORUM_NEO4J_HOME=${HOME} node bin/quorum.mjs neo4j stop`);

async function serverVersion(e) {
  const { default: neo4j } = await import('neo4j-driver');
  const driver = neo4j.driver(e.uri, neo4j.auth.basic(e.user, e.password));
  try {
    return (await driver.getServerInfo()).agent;
  } finally {
    await driver.close();
  }
}

/** The targets, each with the figure it is judged on. */
function targets(r) {
  const out = [];
  const t = (name, value, limit, ok) => out.push({ target: name, value, limit, met: value === null || value === undefined ? null : ok(value) });
  const i = r.ingest;
  if (i) {
    const mb = i.extractPool.mb;
    // The cold ingest is timed from a running server (its first start, ~6–8 s, is beside it as serverStartSeconds).
    const cold = i.cold.ingestSeconds ?? i.cold.seconds;
    t('cold ingest of the corpus, s', cold, '≤ 60', (v) => v <= 60);
    t('cold ingest peak RSS, MB', i.cold.peakRssMb, '≤ 1024', (v) => v <= 1024);
    t('unchanged re-ingest, s', i.unchanged.ingestSeconds, '≤ 1', (v) => v <= 1);
    t('one changed file, s', i.oneChanged.ingestSeconds, '≤ 1', (v) => v <= 1);
    t('parse + extract on the pool, MB/s', round(mb / i.extractPool.workSeconds, 2), '≥ 1', (v) => v >= 1);
    const bound = Math.max(i.extractPool.workSeconds, i.loadOnly.workSeconds);
    t('cold ingest ÷ max(CPU bound, database bound)', round(cold / bound, 2), '≤ 1.2', (v) => v <= 1.2);
    if (i.importFloor) t('database bound ÷ neo4j-admin import + schema', round(i.loadOnly.workSeconds / i.importFloor.seconds, 2), '≤ 2', (v) => v <= 2);
  }
  for (const g of r.growth ?? []) {
    t(`${g.times}× corpus: cold ingest peak RSS, MB`, g.cold.peakRssMb, '≤ 1024', (v) => v <= 1024);
    if (i)
      t(
        `${g.times}× corpus: cold ingest ÷ 1× cold ingest`,
        round(g.cold.ingestSeconds / (i.cold.ingestSeconds ?? i.cold.seconds), 2),
        `≤ ${round(g.times * 1.1, 1)}`,
        (v) => v <= g.times * 1.1,
      );
    t(`${g.times}× corpus: one changed file, s`, g.oneChanged.seconds, '≤ 1', (v) => v <= 1);
  }
  const againstPeer = [];
  for (const q of r.queries ?? []) {
    // The API's own overhead is judged with its cache off (every request does all its work).
    t(`${q.case} @${q.connections}: API (no cache) p50 ÷ floor p50`, round(q.apiUncached.p50 / q.floor.p50, 2), '≤ 1.2', (v) => v <= 1.2);
    if (q.connections === 16) {
      t(`${q.case} @16: API p99, ms`, q.api.p99, '≤ 50', (v) => v <= 50);
      t(`${q.case} @16: API (no cache) p99, ms`, q.apiUncached.p99, '≤ 50', (v) => v <= 50);
    }
    if (q.peer) {
      t(`${q.case} @${q.connections}: API rps ÷ peer rps`, round(q.api.rps / q.peer.rps, 2), '≥ 2', (v) => v >= 2);
      t(`${q.case} @${q.connections}: API (no cache) rps ÷ peer rps`, round(q.apiUncached.rps / q.peer.rps, 2), '≥ 1.5', (v) => v >= 1.5);
      againstPeer.push(q.apiUncached.rps / q.peer.rps);
    }
  }
  if (againstPeer.length) {
    const sorted = againstPeer.sort((a, b) => a - b);
    const mid = sorted.length >> 1;
    const median = sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
    t('API (no cache) rps ÷ peer rps, median of the equivalent cases', round(median, 2), '≥ 2', (v) => v >= 2);
  }
  return out;
}

function report(r) {
  const i = r.ingest;
  if (i) {
    const mbOf = (x) => x.mb ?? i.extractPool.mb;
    const row = (figure, x, s = x.workSeconds ?? x.seconds) => ({
      figure,
      seconds: s,
      'files/s': x.files ? round(x.files / s, 0) : null,
      'MB/s': x.mb || x.files ? round(mbOf(x) / s, 2) : null,
      'peak RSS MB': x.peakRssMb,
      'CPU s': x.cpuSeconds,
      'Neo4j CPU s': x.neo4jCpuSeconds,
      'Neo4j peak MB': x.neo4jPeakRssMb ?? null,
    });
    printTable(
      `Ingest of the ${collections(CORPUS).length} collections of ${CORPUS} (${i.extractPool.files} files, ${i.extractPool.mb} MB read as notes), ${r.machine.cores} cores`,
      [
        row('parse only, main thread', i.parseOneThread),
        row('parse + extract, main thread', i.extractOneThread),
        row(`parse + extract, pool of ${i.workers} (CPU bound)`, i.extractPool),
        row('loader alone (database bound)', { ...i.loadOnly, files: i.extractPool.files }),
        ...(i.importFloor
          ? [
              row(
                'neo4j-admin import + schema (engine floor)',
                { ...i.importFloor, files: i.extractPool.files, neo4jCpuSeconds: i.importFloor.schemaNeo4jCpuSeconds },
                i.importFloor.seconds,
              ),
            ]
          : []),
        ...(i.coldLoad ? [row('cold ingest by the loader (QUORUM_FIRST_INDEX=load)', i.coldLoad, i.coldLoad.ingestSeconds)] : []),
        row(
          `cold ingest into an empty database${i.cold.firstIndex?.how === 'import' ? ' (imported, as by default)' : ''}`,
          i.cold,
          i.cold.ingestSeconds ?? i.cold.seconds,
        ),
        row('re-ingest, unchanged', i.unchanged, i.unchanged.ingestSeconds),
        row('re-ingest, one file changed', i.oneChanged, i.oneChanged.ingestSeconds),
      ],
    );
    console.log(
      `cold ingest stages (s; parse and extract summed over the workers, load overlapping them): ${Object.entries(i.cold.stages)
        .map(([k, v]) => `${k} ${v}`)
        .join(', ')}`,
    );
    const imported = i.cold.firstIndex?.imported;
    if (imported) {
      console.log(
        `cold ingest's import (s, after the last note was extracted): ${Object.entries(imported.stages)
          .map(([k, v]) => `${k} ${v}`)
          .join(', ')}; ${imported.nodes} nodes, ${imported.relationships} relationships; the server's first start ${i.cold.serverStartSeconds} s before it`,
      );
    }
    if (i.importFloor) {
      const f = i.importFloor;
      console.log(
        `engine floor: ${f.nodes} nodes and ${f.relationships} relationships exported as CSV in ${f.exportSeconds} s; neo4j-admin database import ${f.importSeconds} s, then the schema (constraints, indexes, full-text) built in ${f.schemaSeconds} s with ${f.schemaNeo4jCpuSeconds} Neo4j CPU-s`,
      );
    }
  }
  if (r.growth?.length) {
    const one = i
      ? [
          {
            size: '1×',
            mb: i.extractPool.mb,
            files: i.cold.files,
            seconds: i.cold.ingestSeconds ?? i.cold.seconds,
            how: i.cold.firstIndex?.how,
            peakRssMb: i.cold.peakRssMb,
            neo4jPeakMb: i.cold.neo4jPeakRssMb,
            changed: i.oneChanged.ingestSeconds,
          },
        ]
      : [];
    printTable(
      'Growth: cold ingest and one changed file of the corpus copied N times (bench/grow.mjs)',
      [
        ...one,
        ...r.growth.map((g) => ({
          size: `${g.times}×`,
          mb: g.mb,
          files: g.files,
          seconds: g.cold.ingestSeconds,
          how: g.cold.firstIndex?.how,
          peakRssMb: g.cold.peakRssMb,
          neo4jPeakMb: g.cold.neo4jPeakRssMb,
          changed: g.oneChanged.seconds,
        })),
      ].map((x) => ({
        size: x.size,
        'MB on disk': x.mb,
        files: x.files,
        'cold ingest s': x.seconds,
        // Imported or loaded (ingest/bulk/first-index.ts: auto imports 16–64 MB of notes).
        'first index': x.how ?? '–',
        'per 1× s': one.length ? round(x.seconds / (Number.parseInt(x.size, 10) || 1), 1) : null,
        'peak RSS MB': x.peakRssMb,
        'Neo4j peak MB': x.neo4jPeakMb,
        'one changed s': x.changed,
      })),
    );
    // The question fields' p50 at each size; 1× from the query figures of this run, when it took them.
    const atOne = new Map((r.queries ?? []).filter((q) => q.connections === 1).map((q) => [q.case, q.apiUncached.p50]));
    printTable(
      'Growth: the question fields at each size, answer cache off, one connection (p50 ms; answer items)',
      r.growth[0].questions.map((q, k) => ({
        case: q.case,
        '1× p50': atOne.get(q.case) ?? null,
        ...Object.fromEntries(
          r.growth.flatMap((g) => [
            [`${g.times}× p50`, g.questions[k]?.p50 ?? null],
            [`${g.times}× items`, g.questions[k]?.answer.items ?? null],
          ]),
        ),
      })),
    );
  }
  if (r.queries?.length) {
    printTable(
      'Queries: API (quorum serve, answer cache on), API with QUORUM_CACHE_MB=0, floor (the same Cypher through neo4j-driver), peer (@neo4j/graphql); latency ms, throughput requests/s',
      r.queries.map((q) => ({
        case: q.case,
        c: q.connections,
        answer: `${q.answer.items}/${q.answer.kb}KB`,
        tx: `${q.transactions}/${q.queries}`,
        'API p50': q.api.p50,
        'API p99': q.api.p99,
        'API rps': q.api.rps,
        'no-cache p50': q.apiUncached.p50,
        'no-cache p99': q.apiUncached.p99,
        'no-cache rps': q.apiUncached.rps,
        err: q.api.errors + q.apiUncached.errors,
        'floor p50': q.floor.p50,
        'floor p99': q.floor.p99,
        'floor rps': q.floor.rps,
        'floor err': q.floor.errors,
        'no-cache p50 ÷ floor': round(q.apiUncached.p50 / q.floor.p50, 2),
        'peer p50': q.peer?.p50 ?? null,
        'peer rps': q.peer?.rps ?? null,
        'peer err': q.peer?.errors ?? null,
        'rps ÷ peer': q.peer ? round(q.api.rps / q.peer.rps, 2) : null,
        'no-cache rps ÷ peer': q.peer ? round(q.apiUncached.rps / q.peer.rps, 2) : null,
      })),
    );
  }
  printTable(
    'Targets',
    r.targets.map((x) => ({ target: x.target, value: x.value, limit: x.limit, met: x.met === null ? '–' : x.met ? 'yes' : 'NO' })),
  );
  console.log(`load average at start ${r.busy.start.loadavg.join(' ')}, at end ${r.busy.end.loadavg.join(' ')} (cores: ${r.machine.cores})`);
}
