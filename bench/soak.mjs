#!/usr/bin/env node
// The soak (npm run soak): the API under autocannon at 64 connections for 60 s,
// asking the contract's root fields, while `quorum ingest` indexes the whole
// corpus into the same Neo4j. It passes when no request failed (no non-200, no
// GraphQL error, no socket error; rate limiting is off, it has its own test),
// the API's memory stayed flat, a stable answer never changed, and every
// meeting a reader saw during the ingest was whole (the same as its final
// answer). Runs the compiled code (dist/) on a Neo4j of its own under the
// system's temporary folder.
//
// The load starts once the ingest has written its first meetings.
//
// Memory is the API process's resident size, sampled each second from the end of a
// warm-up (SOAK_WARMUP, 15 s of the same load) to 5 s after the load.
//
// Settings: SOAK_SECONDS (60), SOAK_CONNECTIONS (64), QUORUM_CORPUS (../shared/corpus),
// SOAK_INGEST_WAIT (seconds to wait for the ingest after the load, 1200).
import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import autocannon from 'autocannon';

const root = dirname(dirname(fileURLToPath(import.meta.url)));
const SECONDS = Number(process.env.SOAK_SECONDS ?? 60);
const WARMUP = Number(process.env.SOAK_WARMUP ?? 15);
const CONNECTIONS = Number(process.env.SOAK_CONNECTIONS ?? 64);
const CORPUS = process.env.QUORUM_CORPUS ?? join(root, '..', 'shared', 'corpus');
const SEEDS = join(root, '..', 'shared', 'seeds');
const INGEST_WAIT = Number(process.env.SOAK_INGEST_WAIT ?? 1200);
const log = (line) => console.error(`soak: ${line}`);

/** What a reader sees of a meeting: its parts by id (written once, whole, never changed by later runs). */
const MEETING = '{ id title date passages { id } decisions { id } actionItems { id } attendees { id } }';
// Not the attendees' names: people are shared with the corpus, whose ingest may settle a fuller name.
const STABLE = `{ meeting(collection: "seeds", path: "001_47f3fa9c104fb741.txt") { id title date attendees { id } passages { id text } decisions { id text } actionItems { id text } } }`;
const QUERIES = [
  { name: 'meeting (stable)', query: STABLE },
  { name: 'meetings', query: `{ meetings(collection: "bytecodealliance-meetings", first: 20) ${MEETING} }` },
  { name: 'meetings (other)', query: `{ meetings(collection: "webassembly-meetings", first: 20) ${MEETING} }` },
  { name: 'person', query: '{ person(name: "Alex Crichton") { id name aliases meetings(first: 10) { id date } } }' },
  { name: 'search', query: '{ search(text: "component model resources", first: 20) { text meeting { id } source { path startLine } } }' },
  { name: 'discussions', query: '{ discussions(topic: "wasi preview 2", first: 10) { meeting { id date } people { name } } }' },
  { name: 'decisions', query: '{ decisions(about: "release", first: 10) { id text meeting { id } } }' },
  { name: 'followUps', query: '{ followUps(topic: "garbage collection", first: 20) { reference { id kind } firstMeeting { id } } }' },
  { name: 'timeline', query: '{ timeline(ref: "bytecodealliance/wasmtime#1") { meeting { id date } } }' },
  { name: 'collections', query: '{ collections { name meetings firstDate lastDate } }' },
];

const { startNeo4j, stopNeo4j } = await import(join(root, 'dist', 'neo4j', 'launcher.js'));

const home = mkdtempSync(join(tmpdir(), 'quorum-soak-'));
const children = [];
let status = 1;
try {
  status = await soak();
} catch (err) {
  log(`failed: ${err.stack ?? err}`);
} finally {
  for (const c of children) if (c.exitCode === null) c.kill('SIGTERM');
  await stopNeo4j({ home, log: () => {} }).catch(() => {});
  rmSync(home, { recursive: true, force: true });
}
process.exit(status);

async function soak() {
  const neo4j = await startNeo4j({ home, port: await freePort(), log: () => {} });
  // Note: the answer cache is off unless QUORUM_CACHE_MB is set, so every request reads the graph the ingest is writing.
  const env = {
    ...process.env,
    NEO4J_URI: neo4j.uri,
    NEO4J_USER: neo4j.user,
    NEO4J_PASSWORD: neo4j.password,
    QUORUM_RATE_LIMIT: '0',
    QUORUM_CACHE_MB: process.env.QUORUM_CACHE_MB ?? '0',
  };
  log(`Neo4j ${neo4j.uri} (home ${home})`);
  await quorum(['ingest', SEEDS, '--collection', 'seeds'], env).done;

  const port = await freePort();
  const api = quorum(['serve', '--port', String(port)], env);
  const url = `http://127.0.0.1:${port}`;
  await until(async () => (await fetch(`${url}/ready`).catch(() => null))?.ok, 60_000, 'the API did not become ready');
  const ask = async (query) =>
    await (await fetch(`${url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query }) })).json();
  const stable = JSON.stringify(await ask(STABLE));
  log(`API ${url} (pid ${api.child.pid}); the stable answer is ${stable.length} bytes`);

  // The whole corpus, one collection after another, in a process of its own.
  const collections = readdirSync(CORPUS, { withFileTypes: true })
    .filter((d) => d.isDirectory())
    .map((d) => d.name);
  const ingestStart = Date.now();
  let ingestEnd = 0;
  const ingest = (async () => {
    for (const c of collections) await quorum(['ingest', join(CORPUS, c), '--collection', c], env, { quiet: true }).done;
    ingestEnd = Date.now();
  })();

  // The load starts once the ingest writes: readers then meet meetings as they are written.
  const first = `{ meetings(collection: ${JSON.stringify(collections[0])}, first: 1) { id } }`;
  await until(async () => ((await ask(first)).data?.meetings ?? []).length > 0, 600_000, 'the ingest wrote nothing in 10 minutes');
  log(`the ingest is writing (${Math.round((Date.now() - ingestStart) / 1000)} s in)`);

  const memory = [];
  const sampler = setInterval(() => memory.push({ t: Date.now(), mb: rssMb(api.child.pid) }), 1000);
  const seen = new Map(); // meeting id → Map(hash → body)
  const failures = new Map(); // reason → count
  const fail = (reason) => failures.set(reason, (failures.get(reason) ?? 0) + 1);
  let stableChanged = 0;

  const requests = QUERIES.map(({ name, query }) => ({
    method: 'POST',
    path: '/graphql',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ query }),
    onResponse: (code, body) => {
      if (code !== 200) return fail(`${name}: HTTP ${code}`);
      let json;
      try {
        json = JSON.parse(body);
      } catch {
        return fail(`${name}: not JSON`);
      }
      for (const e of json.errors ?? []) fail(`${name}: ${e.extensions?.code ?? e.message}`);
      if (name === 'meeting (stable)' && body !== stable) stableChanged += 1;
      for (const m of json.data?.meetings ?? []) {
        const text = JSON.stringify(m);
        const hash = createHash('sha1').update(text).digest('hex');
        if (!seen.has(m.id)) seen.set(m.id, new Map());
        seen.get(m.id).set(hash, text);
      }
    },
  }));
  log(`load: ${CONNECTIONS} connections, ${WARMUP} s to warm up, then ${SECONDS} s measured, over ${QUERIES.length} queries`);
  const loadStart = Date.now();
  const warmup = await autocannon({ url, connections: CONNECTIONS, duration: WARMUP, requests, timeout: 30 });
  memory.length = 0;
  const result = await autocannon({ url, connections: CONNECTIONS, duration: SECONDS, requests, timeout: 30 });
  const loadEnd = Date.now();
  await sleep(5000);
  clearInterval(sampler);
  const overlap = Math.round((Math.min(ingestEnd || loadEnd, loadEnd) - loadStart) / 1000);
  log(`load done: ${result.requests.total} requests; the ingest wrote during ${overlap} of its ${Math.round((loadEnd - loadStart) / 1000)} s`);

  await Promise.race([
    ingest,
    sleep(INGEST_WAIT * 1000).then(() => {
      throw new Error(`the ingest did not end within ${INGEST_WAIT} s`);
    }),
  ]);
  log(`ingest done in ${Math.round((ingestEnd - ingestStart) / 1000)} s`);

  // Each query alone, on the whole corpus: the median of 3, ms.
  const alone = {};
  for (const { name, query } of QUERIES) {
    const times = [];
    for (let i = 0; i < 3; i++) {
      const t = performance.now();
      await ask(query);
      times.push(Math.round(performance.now() - t));
    }
    alone[name] = times.sort((a, b) => a - b)[1];
  }

  // Every meeting a reader saw must be the meeting as it ended: written whole, once.
  let torn = 0;
  const examples = [];
  for (const [id, versions] of seen) {
    const slash = id.indexOf('/');
    const final = (await ask(`{ meeting(collection: ${JSON.stringify(id.slice(0, slash))}, path: ${JSON.stringify(id.slice(slash + 1))}) ${MEETING} }`)).data
      ?.meeting;
    const want = JSON.stringify(final);
    for (const text of versions.values()) {
      if (text === want) continue;
      torn += 1;
      if (examples.length < 3) examples.push({ id, seen: text.slice(0, 300), final: want.slice(0, 300) });
    }
  }

  const warm = memory;
  const report = {
    seconds: SECONDS,
    warmupSeconds: WARMUP,
    warmupRequests: warmup.requests.total,
    connections: CONNECTIONS,
    requests: result.requests.total,
    requestsPerSecond: result.requests.average,
    latencyMs: { p50: result.latency.p50, p90: result.latency.p90, p99: result.latency.p99, max: result.latency.max },
    msAloneAfterIngest: alone,
    non2xx: result.non2xx,
    socketErrors: result.errors,
    timeouts: result.timeouts,
    failures: Object.fromEntries(failures),
    stableAnswerChanged: stableChanged,
    meetingsSeen: seen.size,
    tornMeetings: torn,
    tornExamples: examples,
    loadSecondsWithIngest: overlap,
    ingestSeconds: Math.round((ingestEnd - ingestStart) / 1000),
    apiRssMb: { first: warm[0]?.mb, last: warm.at(-1)?.mb, min: Math.min(...warm.map((s) => s.mb)), max: Math.max(...warm.map((s) => s.mb)) },
  };
  console.log(JSON.stringify(report, null, 2));

  const problems = [];
  if (result.non2xx || result.errors || result.timeouts || warmup.non2xx || warmup.errors || warmup.timeouts || failures.size) problems.push('requests failed');
  if (stableChanged) problems.push('a stable answer changed');
  if (torn) problems.push('a reader saw a meeting that was not whole');
  if (!(report.apiRssMb.last <= report.apiRssMb.first * 1.25 + 20)) problems.push("the API's memory grew");
  api.child.kill('SIGTERM');
  await api.done.catch(() => {});
  log(problems.length ? `FAILED: ${problems.join('; ')}` : 'passed');
  return problems.length ? 1 : 0;
}

/** Runs bin/quorum.mjs; `done` resolves when it exits 0 and rejects otherwise. */
function quorum(argv, env, { quiet = false } = {}) {
  const child = spawn(process.execPath, [join(root, 'bin', 'quorum.mjs'), ...argv], { cwd: root, env, stdio: ['ignore', 'pipe', 'pipe'] });
  children.push(child);
  let output = '';
  const keep = (d) => (output = (output + d).slice(-4000));
  child.stdout.on('data', (d) => (quiet ? keep(d) : process.stderr.write(d)));
  child.stderr.on('data', keep);
  const done = new Promise((resolve, reject) =>
    child.on('exit', (code, signal) => {
      // Files of the corpus that fail are the ingest's report (it exits 1), not the soak's concern; a crash is.
      if (code === 0 || signal === 'SIGTERM' || (code === 1 && argv[0] === 'ingest' && / \d+ failed; /.test(output))) resolve();
      else reject(new Error(`quorum ${argv.join(' ')} exited with ${code ?? signal}:\n${output}`));
    }),
  );
  return { child, done };
}

function rssMb(pid) {
  const status = `/proc/${pid}/status`;
  if (!existsSync(status)) return NaN;
  const kb = Number(/VmRSS:\s+(\d+)/.exec(readFileSync(status, 'utf8'))?.[1]);
  return Math.round(kb / 102.4) / 10;
}

function freePort() {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address();
      s.close(() => resolve(port));
    });
  });
}

async function until(check, ms, message) {
  const t0 = Date.now();
  while (!(await check())) {
    if (Date.now() - t0 > ms) throw new Error(message);
    await sleep(250);
  }
}

function sleep(ms) {
  return new Promise((r) => setTimeout(r, ms));
}
