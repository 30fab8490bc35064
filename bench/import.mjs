// The engine's floor for a cold load: the graph the loader wrote, exported as
// CSV (every node and relationship with its properties), then loaded with
// `neo4j-admin database import full` into the same Neo4j's database (stopped,
// overwritten), and the schema of schema/constraints.cypher built over it on
// the next start. What this takes is the least a cold ingest of the same graph
// could cost in this Neo4j; bench/ingest.mjs reports it beside the loader's.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { cpuSeconds, dist, round } from './lib.mjs';

const { Db } = await import(dist('db', 'driver.js'));
const { findJava } = await import(dist('neo4j', 'prerequisites.js'));
const { runTool } = await import(dist('neo4j', 'run-tool.js'));
const { resolveInstance } = await import(dist('neo4j', 'instance.js'));

/** Separates the elements of an array in a CSV field (neo4j-admin's --array-delimiter): no note text contains it. */
const ARRAY = '\u001f';

const database = (e) => new Db({ uri: e.uri, user: e.user, password: e.password, app: 'quorum-bench' });
const keyOf = (label, key) => `${label}|${key}`;
const quote = (s) => `"${String(s).replaceAll('"', '""')}"`;

/** The CSV type of a property from its values: long, double, boolean or string, `[]` for arrays (an array with no elements: string[]). */
function typeOf(values) {
  let array = false;
  let base = null;
  for (const v of values) {
    if (v === null || v === undefined) continue;
    array ||= Array.isArray(v);
    for (const x of Array.isArray(v) ? v : [v]) {
      const t = typeof x === 'boolean' ? 'boolean' : typeof x === 'number' ? (Number.isInteger(x) ? 'long' : 'double') : 'string';
      base = base === null || (base === 'long' && t === 'double') ? t : base;
    }
  }
  return `${base ?? 'string'}${array ? '[]' : ''}`;
}

function field(v) {
  if (v === null || v === undefined) return '';
  if (Array.isArray(v)) return quote(v.join(ARRAY));
  return typeof v === 'string' ? quote(v) : String(v);
}

/** Writes one CSV file of rows (objects with `props`) under a header of `fixed` columns and the properties' typed columns. */
function writeCsv(file, fixed, rows, fixedOf) {
  const keys = [...new Set(rows.flatMap((r) => Object.keys(r.props)))].sort();
  const types = keys.map((k) => typeOf(rows.map((r) => r.props[k])));
  const lines = [[...fixed, ...keys.map((k, i) => `${k}:${types[i]}`)].join(',')];
  for (const r of rows) lines.push([...fixedOf(r).map(field), ...keys.map((k) => field(r.props[k]))].join(','));
  writeFileSync(file, `${lines.join('\n')}\n`);
}

/**
 * Exports the graph of the Neo4j at `e` as CSV files in `dir`, one per label
 * and one per relationship type; resolves to the files and counts.
 */
export async function exportGraph(e, dir) {
  mkdirSync(dir, { recursive: true });
  const db = database(e);
  const t = performance.now();
  try {
    const nodes = await db.read('MATCH (n) RETURN labels(n)[0] AS label, coalesce(n.id, n.name) AS key, properties(n) AS props', {}, { timeoutMs: 600_000 });
    const rels = await db.read(
      'MATCH (a)-[r]->(b) RETURN labels(a)[0] AS al, coalesce(a.id, a.name) AS a, type(r) AS type, properties(r) AS props, labels(b)[0] AS bl, coalesce(b.id, b.name) AS b',
      {},
      { timeoutMs: 600_000 },
    );
    const files = { nodes: [], relationships: [] };
    for (const label of new Set(nodes.map((n) => n.label))) {
      const file = join(dir, `nodes-${label}.csv`);
      writeCsv(
        file,
        [':ID', ':LABEL'],
        nodes.filter((n) => n.label === label),
        (n) => [keyOf(n.label, n.key), n.label],
      );
      files.nodes.push(file);
    }
    for (const type of new Set(rels.map((r) => r.type))) {
      const file = join(dir, `rels-${type}.csv`);
      writeCsv(
        file,
        [':START_ID', ':END_ID', ':TYPE'],
        rels.filter((r) => r.type === type),
        (r) => [keyOf(r.al, r.a), keyOf(r.bl, r.b), r.type],
      );
      files.relationships.push(file);
    }
    return { files, nodes: nodes.length, relationships: rels.length, exportSeconds: round((performance.now() - t) / 1000, 2) };
  } finally {
    await db.close();
  }
}

/**
 * Loads exported CSV into the database `neo4j` of the (stopped) Neo4j at
 * `home` with `neo4j-admin database import full --overwrite-destination`;
 * resolves to its wall and CPU seconds and peak memory.
 */
export async function importCsv(home, files) {
  const inst = resolveInstance({ home });
  const args = [
    '-Xmx1g',
    '-cp',
    join(inst.libDir, '*'),
    'org.neo4j.cli.AdminTool',
    'database',
    'import',
    'full',
    'neo4j',
    '--overwrite-destination=true',
    '--id-type=string',
    '--multiline-fields=true',
    '--array-delimiter=U+001F',
    // Note: the database's name comes first; --nodes and --relationships take every word after them as files.
    ...files.nodes.map((f) => `--nodes=${f}`),
    ...files.relationships.map((f) => `--relationships=${f}`),
  ];
  const env = { ...process.env, NEO4J_HOME: inst.home, NEO4J_CONF: inst.confDir };
  const t = performance.now();
  const tool = await runTool(findJava(), args, { cwd: home, env });
  const seconds = round((performance.now() - t) / 1000, 2);
  if (tool.code !== 0) throw new Error(`neo4j-admin database import failed (${tool.code}):\n${tool.output.slice(-3000)}`);
  const peak = /Peak memory usage: ([\d.]+ ?\w+)/i.exec(tool.output)?.[1] ?? null;
  return {
    importSeconds: seconds,
    toolPeakMemory: peak,
    output: tool.output
      .split('\n')
      .filter((l) => /IMPORT DONE|Imported:|nodes|relationships|properties/i.test(l))
      .slice(-6),
  };
}

/**
 * On the Neo4j at `e` (just started on the imported database): builds the
 * schema (constraints, indexes, full-text indexes populated) and counts the
 * graph; resolves to the seconds and Neo4j CPU-s the schema took.
 */
export async function buildSchema(e, pid) {
  const { applySchema } = await import(dist('schema', 'apply.js'));
  const db = database(e);
  try {
    const cpu0 = pid ? cpuSeconds(pid) : null;
    const t = performance.now();
    await applySchema(db);
    const seconds = round((performance.now() - t) / 1000, 2);
    const cpu = pid ? round(cpuSeconds(pid) - cpu0, 2) : null;
    const [n] = await db.read('MATCH (n) RETURN count(n) AS n');
    const [r] = await db.read('MATCH ()-[r]->() RETURN count(r) AS n');
    return { schemaSeconds: seconds, schemaNeo4jCpuSeconds: cpu, nodes: n.n, relationships: r.n };
  } finally {
    await db.close();
  }
}
