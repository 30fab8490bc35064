// The query figures of `npm run bench`. For each case of bench/cases.mjs, at
// each concurrency: Quorum's API as `quorum serve` runs it (a process of its
// own; rate limit off, everything else at its defaults) under autocannon; the
// floor, the same Cypher the API ran for that request sent straight through
// neo4j-driver (no HTTP, no GraphQL), level by level and transaction by
// transaction as the API's loaders and db/driver.ts send it; and the peer, @neo4j/graphql serving the same graph
// (bench/peer-server.mjs), on the equivalent question where it has one.
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import autocannon from 'autocannon';
import neo4j from 'neo4j-driver';
import { CASES } from './cases.mjs';
import { dist, freePort, log, percentile, root, ROUNDS, round } from './lib.mjs';

const { Db } = await import(dist('db', 'driver.js'));
const { buildApp } = await import(dist('api', 'app.js'));
const { termQuery } = await import(dist('schema', 'terms.js'));

/** Starts a server process and resolves once `ready` says so. */
async function server(args, env, ready) {
  const child = spawn(process.execPath, args, { cwd: root, env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'inherit'] });
  child.stdout.resume();
  const deadline = Date.now() + 120_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`${args.join(' ')} exited with ${child.exitCode}`);
    if (await ready().catch(() => false)) return child;
    if (Date.now() > deadline) throw new Error(`${args.join(' ')} did not become ready`);
    await new Promise((r) => setTimeout(r, 250));
  }
}

const post = async (url, query) => {
  const res = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query }) });
  const text = await res.text();
  return { status: res.status, bytes: text.length, json: JSON.parse(text) };
};

/** What a question answers: items at the root, size, and the first error. */
function answerOf({ status, bytes, json }) {
  const value = json.data ? Object.values(json.data)[0] : null;
  const items = Array.isArray(value) ? value.length : value?.edges ? value.edges.length : value ? 1 : 0;
  return { status, items, kb: round(bytes / 1024, 1), error: json.errors?.[0]?.message ?? null };
}

/** The request timeout `quorum serve` answers 504 at (QUORUM_REQUEST_TIMEOUT_MS); the floor's transactions get the same. */
const REQUEST_TIMEOUT_MS = Number(process.env.QUORUM_REQUEST_TIMEOUT_MS ?? 15_000);

/**
 * Requests one URL with autocannon for `run.seconds`, or `run.amount`
 * requests; latencies from each response's own time (sub-millisecond).
 */
function cannon(url, query, connections, run) {
  return new Promise((resolve, reject) => {
    const latencies = [];
    let graphqlErrors = 0;
    const started = performance.now();
    const instance = autocannon(
      {
        url: `${url}/graphql`,
        connections,
        ...(run.amount ? { amount: run.amount } : { duration: run.seconds }),
        timeout: REQUEST_TIMEOUT_MS / 1000 + 15,
        requests: [
          {
            method: 'POST',
            headers: { 'content-type': 'application/json' },
            body: JSON.stringify({ query }),
            onResponse: (status, body) => {
              if (status === 200 && body.includes('"errors"')) graphqlErrors += 1;
            },
          },
        ],
      },
      (err, result) => {
        if (err) return reject(err);
        const seconds = (performance.now() - started) / 1000;
        resolve(summary([{ seconds, latencies, errors: result.errors + result.timeouts + result.non2xx + graphqlErrors }]));
      },
    );
    instance.on('response', (_client, status, _bytes, ms) => {
      if (status === 200) latencies.push(ms);
    });
  });
}

/** Whole numbers as Neo4j integers, as db/driver.ts sends them. */
function toNeo4j(v) {
  if (typeof v === 'number') return Number.isInteger(v) ? neo4j.int(v) : v;
  if (Array.isArray(v)) return v.map(toNeo4j);
  if (v && typeof v === 'object' && Object.getPrototypeOf(v) === Object.prototype)
    return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, toNeo4j(x)]));
  return v;
}

/**
 * The Cypher the API runs for one request, in levels: the root query, then
 * each level of the answer. A level is the reads the API sent together: one
 * read transaction holding the queries of every loader of that level
 * (api/read-batch.ts), or a lone query.
 */
async function recordCypher(app, recorded, query) {
  recorded.length = 0;
  const res = await app.inject({ method: 'POST', url: '/graphql', payload: { query } });
  if (res.statusCode !== 200) throw new Error(`recording ${query}: HTTP ${res.statusCode}`);
  const levels = [];
  let end = -1;
  for (const r of [...recorded].sort((a, b) => a.start - b.start)) {
    if (!levels.length || r.start >= end) levels.push([]);
    levels[levels.length - 1].push(r.queries.map((q) => ({ cypher: q.cypher, params: toNeo4j(q.params ?? {}) })));
    end = Math.max(end, r.end);
  }
  return levels;
}

/**
 * The floor: `levels` sent through neo4j-driver by `connections` clients at
 * once, each level's transactions at the same time and each transaction's
 * queries together, as the API sends them; for `run.seconds` or `run.amount` requests.
 */
async function floor(driver, levels, connections, run) {
  const latencies = [];
  let errors = 0;
  const started = performance.now();
  const stopAt = started + (run.seconds ?? 0) * 1000;
  let left = run.amount ?? Infinity;
  const once = async () => {
    for (const level of levels) {
      await Promise.all(
        // As db/driver.ts sends them: a lone query as an auto-commit transaction, several in one
        // transaction closed without waiting for the server's answer.
        level.map(async (queries) => {
          const session = driver.session({ defaultAccessMode: neo4j.session.READ });
          if (queries.length === 1) {
            try {
              await session.run(queries[0].cypher, queries[0].params, { timeout: REQUEST_TIMEOUT_MS });
            } finally {
              await session.close();
            }
            return;
          }
          const tx = session.beginTransaction({ timeout: REQUEST_TIMEOUT_MS });
          try {
            await Promise.all(queries.map((q) => tx.run(q.cypher, q.params)));
          } catch (err) {
            await session.close();
            throw err;
          }
          void tx
            .commit()
            .catch(() => undefined)
            .finally(() => session.close());
        }),
      );
    }
  };
  await Promise.all(
    Array.from({ length: connections }, async () => {
      while (run.amount ? left-- > 0 : performance.now() < stopAt) {
        const t = performance.now();
        try {
          await once();
          latencies.push(performance.now() - t);
        } catch {
          errors += 1;
        }
      }
    }),
  );
  return summary([{ seconds: (performance.now() - started) / 1000, latencies, errors }]);
}

/**
 * The figures of one side from its parts (one part, or one per round): the
 * requests and seconds summed, the percentiles of every latency. Each part's
 * latencies are kept (`parts`) so that rounds can be merged.
 */
function summary(parts) {
  const latencies = parts.flatMap((p) => p.latencies);
  const seconds = parts.reduce((n, p) => n + p.seconds, 0);
  const figures = {
    requests: latencies.length,
    rps: round(latencies.length / seconds, 1),
    p50: round(percentile(latencies, 50), 2),
    p99: round(percentile(latencies, 99), 2),
    errors: parts.reduce((n, p) => n + p.errors, 0),
  };
  Object.defineProperty(figures, 'parts', { value: parts, enumerable: false });
  return figures;
}

/**
 * Runs the sides of one comparison (API, floor, peer) for `run.seconds` each,
 * cut into rounds that take turns, and merges each side's rounds: a machine
 * that slows down during the comparison (another process, Neo4j's background
 * work) then slows every side alike, instead of the one measured last. A run
 * of a fixed number of requests is one round.
 */
async function alternate(sides, run) {
  if (!run.seconds || ROUNDS === 1) {
    const out = [];
    for (const side of sides) out.push(side ? await side(run) : null);
    return out;
  }
  const parts = sides.map(() => []);
  for (let r = 0; r < ROUNDS; r++) {
    for (const [i, side] of sides.entries()) if (side) parts[i].push(...(await side({ seconds: run.seconds / ROUNDS })).parts);
  }
  return sides.map((side, i) => (side ? summary(parts[i]) : null));
}

/**
 * Every case at every concurrency against the API as `quorum serve` runs it
 * (its answer cache on: a dashboard asking again), the API with the cache
 * off (every request does all its work), the floor and the peer.
 */
export async function benchQueries({ neo4j: endpoint, seconds, concurrencies, only }) {
  const env = { NEO4J_URI: endpoint.uri, NEO4J_USER: endpoint.user, NEO4J_PASSWORD: endpoint.password, QUORUM_RATE_LIMIT: '0' };
  const apiPort = await freePort();
  const uncachedPort = await freePort();
  const peerPort = await freePort();
  const api = `http://127.0.0.1:${apiPort}`;
  const uncached = `http://127.0.0.1:${uncachedPort}`;
  const peer = `http://127.0.0.1:${peerPort}`;
  const children = [];
  const driver = neo4j.driver(endpoint.uri, neo4j.auth.basic(endpoint.user, endpoint.password), {
    disableLosslessIntegers: true,
    maxConnectionPoolSize: 100,
    userAgent: 'quorum-bench',
  });
  const db = new Db({ uri: endpoint.uri, user: endpoint.user, password: endpoint.password, app: 'quorum-bench' });
  const recorded = [];
  const recorder = Object.create(db);
  const record = async (queries, send) => {
    const r = { queries, start: performance.now(), end: Infinity };
    recorded.push(r);
    try {
      return await send();
    } finally {
      r.end = performance.now();
    }
  };
  recorder.read = (cypher, params, o) => record([{ cypher, params }], () => db.read(cypher, params, o));
  recorder.readAll = (queries, o) => record(queries, () => db.readAll(queries, o));
  const app = await buildApp({ db: recorder, logger: false, rateLimit: 0, maxConcurrent: 0 });
  try {
    log(`API: quorum serve on ${api}, and with QUORUM_CACHE_MB=0 on ${uncached}; peer: @neo4j/graphql on ${peer}`);
    children.push(await server(['bin/quorum.mjs', 'serve', '--port', String(apiPort)], env, async () => (await fetch(`${api}/ready`)).ok));
    children.push(
      await server(
        ['bin/quorum.mjs', 'serve', '--port', String(uncachedPort)],
        { ...env, QUORUM_CACHE_MB: '0' },
        async () => (await fetch(`${uncached}/ready`)).ok,
      ),
    );
    children.push(
      await server(
        ['bench/peer-server.mjs', String(peerPort)],
        env,
        async () =>
          (await fetch(`${peer}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"query":"{ __typename }"}' })).ok,
      ),
    );
    const terms = (text) => termQuery(text);
    const rows = [];
    for (const c of CASES.filter((c) => !only || only.includes(c.field))) {
      log(`${c.name}`);
      const peerQuery = c.peer?.({ terms });
      // The answer, and how long one request takes alone (the median of three).
      const times = [];
      let reply;
      for (let i = 0; i < 3; i++) {
        const t = performance.now();
        reply = await post(`${uncached}/graphql`, c.query);
        times.push(performance.now() - t);
      }
      const answer = { ...answerOf(reply), ms: round(percentile(times, 50), 1) };
      const cached = await post(`${api}/graphql`, c.query);
      if (JSON.stringify(cached.json) !== JSON.stringify(reply.json)) throw new Error(`${c.name}: the cached API answers differently`);
      const peerAnswer = peerQuery ? answerOf(await post(`${peer}/graphql`, peerQuery)) : null;
      const levels = await recordCypher(app, recorded, c.query);
      // A question that takes long (half a second alone) is asked a fixed number of times, at least once per connection.
      const slow = answer.ms > 500;
      const runOf = (connections) => (slow ? { amount: Math.max(3, connections) } : { seconds });
      // Warm-up (plans cached, code compiled), not measured.
      await cannon(api, c.query, 4, { seconds: 1 });
      await cannon(uncached, c.query, 4, slow ? { amount: 4 } : { seconds: 1 });
      await floor(driver, levels, 4, slow ? { amount: 4 } : { seconds: 1 });
      if (peerQuery) await cannon(peer, peerQuery, 4, { seconds: 1 });
      for (const connections of concurrencies) {
        const a = await cannon(api, c.query, connections, { seconds });
        const [u, f, p] = await alternate(
          [
            (run) => cannon(uncached, c.query, connections, run),
            (run) => floor(driver, levels, connections, run),
            peerQuery ? (run) => cannon(peer, peerQuery, connections, run) : null,
          ],
          runOf(connections),
        );
        rows.push({
          field: c.field,
          case: c.name,
          connections,
          answer,
          peerAnswer,
          queries: levels.flat(2).length,
          transactions: levels.flat().length,
          levels: levels.length,
          run: { ...runOf(connections), rounds: runOf(connections).seconds ? ROUNDS : 1 },
          api: a,
          apiUncached: u,
          floor: f,
          peer: p,
        });
      }
    }
    return rows;
  } finally {
    for (const child of children) child.kill('SIGTERM');
    await app.close();
    await db.close();
    await driver.close();
  }
}

/** The question fields whose p50 the growth figures follow. */
export const QUESTION_FIELDS = ['discussions', 'decisions', 'followUps', 'timeline'];

/**
 * The p50 of each question field's cases against `quorum serve` with its
 * answer cache off, one connection, over the graph the endpoint holds: for the
 * growth figures, which ask the same questions of a corpus N times larger.
 */
export async function benchQuestionFields({ neo4j: endpoint, seconds }) {
  const env = { NEO4J_URI: endpoint.uri, NEO4J_USER: endpoint.user, NEO4J_PASSWORD: endpoint.password, QUORUM_RATE_LIMIT: '0', QUORUM_CACHE_MB: '0' };
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const child = await server(['bin/quorum.mjs', 'serve', '--port', String(port)], env, async () => (await fetch(`${url}/ready`)).ok);
  try {
    const rows = [];
    for (const c of CASES.filter((c) => QUESTION_FIELDS.includes(c.field))) {
      log(`${c.name}`);
      const t = performance.now();
      const answer = answerOf(await post(`${url}/graphql`, c.query));
      const slow = performance.now() - t > 500;
      await cannon(url, c.query, 1, slow ? { amount: 2 } : { seconds: 1 });
      const run = await cannon(url, c.query, 1, slow ? { amount: 5 } : { seconds });
      rows.push({ field: c.field, case: c.name, answer, p50: run.p50, p99: run.p99, requests: run.requests, errors: run.errors });
    }
    return rows;
  } finally {
    child.kill('SIGTERM');
  }
}
