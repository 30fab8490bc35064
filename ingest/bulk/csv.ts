/**
 * Writes nodes and relationships as the CSV files `neo4j-admin database
 * import` reads: a header of typed columns (`startLine:long`,
 * `forms:string[]`), one row per node or relationship. Rows go to disk as
 * they come, so a large history is not held in memory.
 *
 * A column has one type, and an empty field (or a row that ends before the
 * column) is no property. So the nodes share a file (each row names its
 * label) whose columns grow as new properties come, its header put before the
 * rows at the end, and the relationships another (each row names its type); a
 * row goes to another file only when a property's type differs from its
 * column's: a weight of 2 (INTEGER, as the loader stores it) to another than
 * 2.5 (FLOAT). The graph is then the one the loader writes, property for
 * property. Few files: before it starts, the tool spends about 0.1 s on each
 * (over the corpus, 3 files instead of 39, one per label or type and set of
 * properties: its start 4.1 s → 1.2 s).
 *
 * What a CSV field cannot hold is returned as a fix, set by Cypher after the
 * import (ingest/load/cypher/import-fixes.cypher): an empty list (the tool
 * reads an empty field as no value), a list with an element holding the array
 * delimiter, a string with a NUL.
 */
import { closeSync, mkdirSync, openSync, readSync, rmSync, writeSync } from 'node:fs';
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
  kind: 'nodes' | 'relationships';
  /** The file the tool reads, made at the end: the header, then the rows written meanwhile to `rowsPath`. */
  path: string;
  rowsPath: string;
  fd: number;
  /** The columns after the fixed ones (`key:type`), and each key's column and type. */
  columns: string[];
  byKey: Map<string, { at: number; type: string }>;
  /** Rows not yet written. */
  pending: string[];
  bytes: number;
}

/** Rows gathered per file before a write. */
const FLUSH_BYTES = 1 << 20;
/** What is read and written at once when a file's rows follow its header. */
const COPY_BYTES = 8 << 20;

/** A property a field holds: its key, its column type, the field. */
type Column = [key: string, type: string, field: string];

export class CsvGraph {
  /** The files, in the order made. */
  private readonly made: File[] = [];
  readonly fixes: Fix[] = [];
  nodes = 0;
  relationships = 0;

  constructor(private readonly dir: string) {
    mkdirSync(dir, { recursive: true });
  }

  /** Writes a node: `label`, its key's id (`id`, or a collection's name), its properties (null ones are none). */
  node(label: string, id: string, props: Readonly<Record<string, unknown>>): void {
    const columns = this.columns(props, (key, value) => this.fixes.push({ on: 'node', label, id, key, value }));
    this.row('nodes', columns, [quote(nodeKey(label, id)), label]);
    this.nodes += 1;
  }

  /** Writes a relationship between two nodes' keys (nodeKey). */
  relationship(type: string, start: string, end: string, props: Readonly<Record<string, unknown>> = {}): void {
    const columns = this.columns(props, (key, value) => this.fixes.push({ on: 'relationship', type, start, end, key, value }));
    this.row('relationships', columns, [quote(start), quote(end), type]);
    this.relationships += 1;
  }

  /** Writes what is left, puts each file's header before its rows, and closes the files; resolves to them for the import tool. */
  close(): ImportFiles {
    const out: ImportFiles = { nodes: [], relationships: [] };
    const buffer = Buffer.allocUnsafe(COPY_BYTES);
    for (const f of this.made) {
      this.flush(f);
      closeSync(f.fd);
      const fixed = f.kind === 'nodes' ? [':ID', ':LABEL'] : [':START_ID', ':END_ID', ':TYPE'];
      const to = openSync(f.path, 'w');
      const from = openSync(f.rowsPath, 'r');
      try {
        writeSync(to, `${[...fixed, ...f.columns].join(',')}\n`);
        for (let n: number; (n = readSync(from, buffer, 0, COPY_BYTES, null)) > 0;) writeSync(to, buffer, 0, n);
      } finally {
        closeSync(from);
        closeSync(to);
      }
      rmSync(f.rowsPath);
      out[f.kind].push(f.path);
    }
    this.made.length = 0;
    return out;
  }

  /** Each property a field can hold; the others go to `fix`. */
  private columns(props: Readonly<Record<string, unknown>>, fix: (key: string, value: Value) => void): Column[] {
    const out: Column[] = [];
    for (const key of Object.keys(props)) {
      const value = props[key];
      if (value === null || value === undefined) continue;
      const typed = encode(value);
      if (typed) out.push([key, typed[0], typed[1]]);
      else fix(key, value as Value);
    }
    return out;
  }

  private row(kind: 'nodes' | 'relationships', columns: Column[], fixed: string[]): void {
    // The first file of the kind where no property has another type than its column.
    let f = this.made.find((x) => x.kind === kind && columns.every(([key, type]) => (x.byKey.get(key)?.type ?? type) === type));
    if (!f) {
      const n = this.made.length;
      const rowsPath = join(this.dir, `${kind}-${n}.rows`);
      f = { kind, path: join(this.dir, `${kind}-${n}.csv`), rowsPath, fd: openSync(rowsPath, 'w'), columns: [], byKey: new Map(), pending: [], bytes: 0 };
      this.made.push(f);
    }
    const fields: string[] = [];
    for (const [key, type, field] of columns) {
      let c = f.byKey.get(key);
      if (!c) {
        f.byKey.set(key, (c = { at: f.columns.length, type }));
        f.columns.push(`${key}:${type}`);
      }
      while (fields.length < c.at) fields.push('');
      fields[c.at] = field;
    }
    const line = `${[...fixed, ...fields].join(',')}\n`;
    f.pending.push(line);
    f.bytes += line.length;
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
