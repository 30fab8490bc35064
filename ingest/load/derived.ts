/**
 * Which rules derived what is stored of a meeting. Every Meeting node carries
 * `derived`, a stamp of the rules and of the collection's config that wrote
 * its facts; an ingest re-derives an unchanged file whose stamp differs, so
 * an upgrade (new extraction rules, new stored terms) or a config change
 * reaches every meeting, not only the files edited since.
 *
 * Note: the rules' part is a hash of the code that derives stored values
 * (every module of ingest/ and its folders, its write queries, and schema/'s code such as
 * the terms of schema/terms.ts), not a number bumped by hand. A forgotten
 * bump would leave users on old facts for good; a hash cannot be forgotten.
 * The cost is that a change that derives nothing new (a comment) also
 * re-indexes once, which takes what a first ingest takes.
 */
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, extname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { projectFile } from '../../schema/paths.js';
import type { CollectionConfig } from '../read/config.js';

/** A meeting's stamp: `<rules>/<config>`, each a short hash. */
export interface DerivedStamp {
  rules: string;
  config: string;
}

let rulesHash: string | undefined;

/**
 * The hash of the code that derives stored values: the modules of ingest/
 * (all its stage folders) and schema/ as they run (built .js, or .ts under
 * the test runner) and the write queries of ingest/load/cypher/.
 */
export function derivationRules(): string {
  if (rulesHash !== undefined) return rulesHash;
  const ingest = join(dirname(fileURLToPath(import.meta.url)), '..');
  const ext = extname(fileURLToPath(import.meta.url));
  const h = createHash('sha256');
  const code = (name: string) => (name.endsWith(ext) || name.endsWith('.mjs')) && !name.endsWith('.d.ts');
  /** Every file `keep` accepts under `dir`, its sub-folders too, by path relative to `top`, in a stable order. */
  const add = (top: string, dir: string, keep: (name: string) => boolean) => {
    for (const entry of readdirSync(dir, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) add(top, path, keep);
      else if (keep(entry.name))
        h.update(`${relative(top, path)}\0`)
          .update(readFileSync(path))
          .update('\0');
    }
  };
  add(ingest, ingest, code);
  add(join(ingest, '..', 'schema'), join(ingest, '..', 'schema'), code);
  const queries = projectFile('ingest', 'load', 'cypher');
  add(queries, queries, (name) => name.endsWith('.cypher'));
  rulesHash = h.digest('hex').slice(0, 16);
  return rulesHash;
}

/** The hash of a collection's config: everything in it may change what is derived. */
export function configHash(config: CollectionConfig): string {
  return createHash('sha256').update(stable(config)).digest('hex').slice(0, 8);
}

/** The stamp an ingest with this config writes now. */
export function derivedStamp(config: CollectionConfig): string {
  return `${derivationRules()}/${configHash(config)}`;
}

/** A stored stamp read back; a meeting written before stamps existed has none (null). */
export function parseStamp(stamp: unknown): DerivedStamp | null {
  if (typeof stamp !== 'string') return null;
  const [rules = '', config = ''] = stamp.split('/');
  return { rules, config };
}

/** JSON of any config value with keys sorted (Maps and Sets as sorted entries), so equal configs hash alike. */
export function stable(v: unknown): string {
  if (v instanceof Map) return stable(Object.fromEntries([...v.entries()].map(([k, x]) => [String(k), x])));
  if (v instanceof Set) return stable([...v].map(stable).sort());
  if (v instanceof RegExp) return JSON.stringify(String(v));
  if (Array.isArray(v)) return `[${v.map(stable).join(',')}]`;
  if (v && typeof v === 'object') {
    return `{${Object.keys(v)
      .sort()
      .map((k) => `${JSON.stringify(k)}:${stable((v as Record<string, unknown>)[k])}`)
      .join(',')}}`;
  }
  return JSON.stringify(v) ?? 'null';
}
