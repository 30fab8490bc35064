// The engine's floor for a cold load: the graph the loader wrote, exported as
// CSV (every node and relationship with its properties), then loaded with
// `neo4j-admin database import full` into the same Neo4j's database (stopped,
// overwritten), and the schema of schema/constraints.cypher built over it on
// the next start. What this takes is the least a cold ingest of the same graph
// could cost in this Neo4j; bench/ingest.mjs reports it beside the loader's.
import { performance } from 'node:perf_hooks';
import { cpuSeconds, dist, round } from './lib.mjs';

const { Db } = await import(dist('db', 'driver.js'));
const { importDatabase } = await import(dist('neo4j', 'import-tool.js'));
const { CsvGraph, nodeKey } = await import(dist('ingest', 'bulk', 'csv.js'));
const { resolveInstance } = await import(dist('neo4j', 'instance.js'));

const database = (e) => new Db({ uri: e.uri, user: e.user, password: e.password, app: 'quorum-bench' });

/**
 * Exports the graph of the Neo4j at `e` as CSV files in `dir`, one per label
 * or relationship type and set of properties; resolves to the files and counts.
 */
export async function exportGraph(e, dir) {
  const db = database(e);
  const t = performance.now();
  try {
    const nodes = await db.read('MATCH (n) RETURN labels(n)[0] AS label, coalesce(n.id, n.name) AS key, properties(n) AS props', {}, { timeoutMs: 600_000 });
    const rels = await db.read(
      'MATCH (a)-[r]->(b) RETURN labels(a)[0] AS al, coalesce(a.id, a.name) AS a, type(r) AS type, properties(r) AS props, labels(b)[0] AS bl, coalesce(b.id, b.name) AS b',
      {},
      { timeoutMs: 600_000 },
    );
    // Written as a first index writes its CSV (ingest/bulk/csv.ts): one file per label or type and set of properties.
    const csv = new CsvGraph(dir);
    for (const n of nodes) csv.node(n.label, String(n.key), n.props);
    for (const r of rels) csv.relationship(r.type, nodeKey(r.al, String(r.a)), nodeKey(r.bl, String(r.b)), r.props);
    const files = csv.close();
    return { files, nodes: nodes.length, relationships: rels.length, exportSeconds: round((performance.now() - t) / 1000, 2) };
  } finally {
    await db.close();
  }
}

/**
 * Loads exported CSV into the database `neo4j` of the (stopped) Neo4j at
 * `home` with `neo4j-admin database import full --overwrite-destination`, as
 * a first index does (neo4j/import-tool.ts); resolves to its seconds and the
 * tool's peak memory.
 */
export async function importCsv(home, files) {
  const tool = await importDatabase(resolveInstance({ home }), files);
  return { importSeconds: round(tool.seconds, 2), toolPeakMemory: tool.peakMemory, output: tool.summary };
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
