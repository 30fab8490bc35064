/**
 * A fingerprint of the graph: every node with its labels and properties and
 * every relationship with its type, properties and end nodes, as sorted lines
 * and their hash. Two graphs with the same fingerprint hold the same facts;
 * a duplicated node or relationship changes it.
 */
import { createHash } from 'node:crypto';
import type { Db } from '../../db/driver.js';

export interface Fingerprint {
  nodes: number;
  relationships: number;
  hash: string;
  /** The sorted lines, for a readable diff when two fingerprints differ. */
  lines: string[];
}

/** Fingerprints the whole graph, or only the nodes and relationships `keep` accepts (by node key). */
export async function fingerprint(db: Db, keep: (key: string) => boolean = () => true): Promise<Fingerprint> {
  const nodes = await db.read('MATCH (n) RETURN labels(n) AS labels, coalesce(n.id, n.name) AS key, properties(n) AS props', {}, { timeoutMs: 120_000 });
  const rels = await db.read(
    'MATCH (a)-[r]->(b) RETURN coalesce(a.id, a.name) AS a, type(r) AS type, properties(r) AS props, coalesce(b.id, b.name) AS b', {}, { timeoutMs: 120_000 });
  const nodeLines = nodes
    .filter((n) => keep(String(n.key)))
    .map((n) => `(${[...(n.labels as string[])].sort().join(':')} ${stable(n.props)})`);
  const relLines = rels
    .filter((r) => keep(String(r.a)) && keep(String(r.b)))
    .map((r) => `(${r.a})-[${r.type} ${stable(r.props)}]->(${r.b})`);
  const lines = [...nodeLines, ...relLines].sort();
  const hash = createHash('sha256').update(lines.join('\n')).digest('hex');
  return { nodes: nodeLines.length, relationships: relLines.length, hash, lines };
}

/** JSON with object keys sorted. */
function stable(v: unknown): string {
  if (Array.isArray(v)) return `[${v.map(stable).join(',')}]`;
  if (v && typeof v === 'object') {
    return `{${Object.keys(v).sort().map((k) => `${JSON.stringify(k)}:${stable((v as Record<string, unknown>)[k])}`).join(',')}}`;
  }
  return JSON.stringify(v);
}

/** The lines in one fingerprint and not the other, a few of each, for an assertion message. */
export function difference(a: Fingerprint, b: Fingerprint, most = 5): string {
  const inB = new Set(b.lines);
  const inA = new Set(a.lines);
  const onlyA = a.lines.filter((l) => !inB.has(l)).slice(0, most);
  const onlyB = b.lines.filter((l) => !inA.has(l)).slice(0, most);
  return `only in the first (${a.nodes} nodes, ${a.relationships} rels):\n  ${onlyA.join('\n  ')}\nonly in the second (${b.nodes} nodes, ${b.relationships} rels):\n  ${onlyB.join('\n  ')}`;
}
