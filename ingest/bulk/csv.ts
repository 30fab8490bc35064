/**
 * Writes nodes and relationships as the CSV files `neo4j-admin database
 * import` reads: a header of typed columns (`startLine:long`,
 * `forms:string[]`), one row per node or relationship. Rows go to disk as
 * they come, so a large history is not held in memory.
 *
 * A column has one type and a missing value is no property, so each file
 * holds the rows of one label (or type) with one set of properties and types:
 * a passage without a speaker's name goes to another file than one with it, a
 * weight of 2 (INTEGER, as the loader stores it) to another than 2.5 (FLOAT).
 * The graph is then the one the loader writes, property for property.
 *
 * What a CSV field cannot hold is returned as a fix, set by Cypher after the
 * import (ingest/load/cypher/import-fixes.cypher): an empty list (the tool
 * reads an empty field as no value), a list with an element holding the array
 * delimiter, a string with a NUL.
 */
import { closeSync, mkdirSync, openSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { ARRAY_DELIMITER, type ImportFiles } from '../../neo4j/import-tool.js';

/** A value of a property as the loader stores it. */
type Value = string | number | boolean | readonly string[] | readonly number[];

/** A node's key in the CSV's one id space: its label and id (a collection's: its name). */
export const nodeKey = (label: string, id: string): string => `${label}|${id}`;

/** A value set after the import, on a node (label and id) or a relationship (its type and end nodes' keys). */
export type Fix =
  | { on: 'node'; label: string; id: string; key: string; value: Value }
  | { on: 'relationship'; type: string; start: string; end: string; key: string; value: Value };

interface File {
  path: string;
  fd: number;
  /** Rows not yet written. */
  pending: string[];
  bytes: number;
  rows: number;
}

/** Rows gathered per file before a write. */
const FLUSH_BYTES = 1 << 20;

export class CsvGraph {
  private readonly files = new Map<string, File>();
  private readonly nodeFiles: string[] = [];
  private readonly relFiles: string[] = [];
  readonly fixes: Fix[] = [];
  nodes = 0;
  relationships = 0;

  constructor(private readonly dir: string) {
    mkdirSync(dir, { recursive: true });
  }

  /** Writes a node: `label`, its key's id (`id`, or a collection's name), its properties (null ones are none). */
  node(label: string, id: string, props: Readonly<Record<string, unknown>>): void {
    const columns = this.columns(props, (key, value) => this.fixes.push({ on: 'node', label, id, key, value }));
    this.row('nodes', label, columns, [quote(nodeKey(label, id)), label]);
    this.nodes += 1;
  }

  /** Writes a relationship between two nodes' keys (nodeKey). */
  relationship(type: string, start: string, end: string, props: Readonly<Record<string, unknown>> = {}): void {
    const columns = this.columns(props, (key, value) => this.fixes.push({ on: 'relationship', type, start, end, key, value }));
    this.row('relationships', type, columns, [quote(start), quote(end), type]);
    this.relationships += 1;
  }

  /** Writes what is left and closes the files; resolves to them for the import tool. */
  close(): ImportFiles {
    for (const f of this.files.values()) {
      this.flush(f);
      closeSync(f.fd);
    }
    this.files.clear();
    return { nodes: [...this.nodeFiles], relationships: [...this.relFiles] };
  }

  /** Each property a field can hold, as [header, field]; the others go to `fix`. */
  private columns(props: Readonly<Record<string, unknown>>, fix: (key: string, value: Value) => void): [string, string][] {
    const out: [string, string][] = [];
    for (const key of Object.keys(props).sort()) {
      const value = props[key];
      if (value === null || value === undefined) continue;
      const typed = encode(value);
      if (typed) out.push([`${key}:${typed[0]}`, typed[1]]);
      else fix(key, value as Value);
    }
    return out;
  }

  private row(kind: 'nodes' | 'relationships', name: string, columns: [string, string][], fixed: string[]): void {
    const header = [...(kind === 'nodes' ? [':ID', ':LABEL'] : [':START_ID', ':END_ID', ':TYPE']), ...columns.map((c) => c[0])].join(',');
    const signature = `${kind} ${name} ${header}`;
    let f = this.files.get(signature);
    if (!f) {
      const path = join(this.dir, `${kind}-${name}-${this.files.size}.csv`);
      f = { path, fd: openSync(path, 'w'), pending: [`${header}\n`], bytes: 0, rows: 0 };
      this.files.set(signature, f);
      (kind === 'nodes' ? this.nodeFiles : this.relFiles).push(path);
    }
    const line = `${[...fixed, ...columns.map((c) => c[1])].join(',')}\n`;
    f.pending.push(line);
    f.bytes += line.length;
    f.rows += 1;
    if (f.bytes >= FLUSH_BYTES) this.flush(f);
  }

  private flush(f: File): void {
    if (!f.pending.length) return;
    writeSync(f.fd, f.pending.join(''));
    f.pending = [];
    f.bytes = 0;
  }
}

/** A value's column type and CSV field, or null when a field cannot hold it. */
export function encode(value: unknown): [string, string] | null {
  if (typeof value === 'string') return value.includes('\0') ? null : ['string', quote(value)];
  if (typeof value === 'boolean') return ['boolean', String(value)];
  if (typeof value === 'number') return number(value);
  if (!Array.isArray(value) || value.length === 0) return null;
  if (value.every((v) => typeof v === 'string')) {
    const strings = value as string[];
    return strings.some((s) => s.includes(ARRAY_DELIMITER) || s.includes('\0')) ? null : ['string[]', quote(strings.join(ARRAY_DELIMITER))];
  }
  if (value.every((v) => typeof v === 'number' && Number.isFinite(v))) {
    // A list of whole numbers is an INTEGER list; one with none a FLOAT list; a mix goes through Cypher as the loader's would.
    const numbers = value as number[];
    const whole = numbers.filter(Number.isInteger).length;
    if (whole === numbers.length && numbers.every(Number.isSafeInteger)) return ['long[]', quote(numbers.join(ARRAY_DELIMITER))];
    return whole === 0 ? ['double[]', quote(numbers.join(ARRAY_DELIMITER))] : null;
  }
  return null;
}

/** A number as the driver sends it (db/driver.ts toNeo4j): a whole number is an INTEGER, any other a FLOAT. */
function number(n: number): [string, string] | null {
  if (!Number.isFinite(n)) return null;
  return Number.isInteger(n) ? (Number.isSafeInteger(n) ? ['long', String(n)] : null) : ['double', String(n)];
}

const quote = (s: string): string => `"${s.replaceAll('"', '""')}"`;
