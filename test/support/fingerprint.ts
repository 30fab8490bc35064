/**
 * A fingerprint of the graph: every node with its labels and properties and
 * every relationship with its type, properties and end nodes, as sorted lines
 * and their hash. Two graphs with the same fingerprint hold the same facts;
 * a duplicated node or relationship changes it.
 */
import { createHash } from 'node:crypto';
import type { Db } from '../../db/driver.js';
import { stable } from '../../ingest/load/derived.js';

export interface Fingerprint {
  nodes: number;
  relationships: number;
  hash: string;
  /** The sorted lines, for a readable diff when two fingerprints differ. */
  lines: string[];
  /** Each line with the keys (`id`, or `name` for collections) of the nodes it is about. */
  entries: { keys: string[]; line: string }[];
}

/** Fingerprints the whole graph. */
export async function fingerprint(db: Db): Promise<Fingerprint> {
  const nodes = await db.read('MATCH (n) RETURN labels(n) AS labels, coalesce(n.id, n.name) AS key, properties(n) AS props', {}, { timeoutMs: 120_000 });
  const rels = await db.read(
    'MATCH (a)-[r]->(b) RETURN coalesce(a.id, a.name) AS a, type(r) AS type, properties(r) AS props, coalesce(b.id, b.name) AS b',
    {},
    { timeoutMs: 120_000 },
  );
  return of([
    ...nodes.map((n) => ({ keys: [String(n.key)], line: `(${[...(n.labels as string[])].sort().join(':')} ${stable(n.props)})` })),
    ...rels.map((r) => ({ keys: [String(r.a), String(r.b)], line: `(${r.a})-[${r.type} ${stable(r.props)}]->(${r.b})` })),
  ]);
}

/** The part of a fingerprint about nodes `keep` accepts: those nodes, and relationships with one end among them. */
export function part(fp: Fingerprint, keep: (key: string) => boolean): Fingerprint {
  return of(fp.entries.filter((e) => e.keys.some(keep)));
}

function of(entries: Fingerprint['entries']): Fingerprint {
  entries.sort((a, b) => (a.line < b.line ? -1 : a.line > b.line ? 1 : 0));
  const lines = entries.map((e) => e.line);
  const hash = createHash('sha256').update(lines.join('\n')).digest('hex');
  const nodes = entries.filter((e) => e.keys.length === 1).length;
  return { nodes, relationships: entries.length - nodes, hash, lines, entries };
}

/** The lines in one fingerprint and not the other, a few of each, for an assertion message. */
export function difference(a: Fingerprint, b: Fingerprint, most = 5): string {
  const inB = new Set(b.lines);
  const inA = new Set(a.lines);
  const onlyA = a.lines.filter((l) => !inB.has(l)).slice(0, most);
  const onlyB = b.lines.filter((l) => !inA.has(l)).slice(0, most);
  return `only in the first (${a.nodes} nodes, ${a.relationships} rels):\n  ${onlyA.join('\n  ')}\nonly in the second (${b.nodes} nodes, ${b.relationships} rels):\n  ${onlyB.join('\n  ')}`;
}
