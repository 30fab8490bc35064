/**
 * Which rules derived what is stored of a meeting. Every Meeting node carries
 * `derived`, a stamp of the rules and of the collection's config that wrote
 * its facts; an ingest re-derives an unchanged file whose stamp differs, so
 * an upgrade (new extraction rules, new stored terms) or a config change
 * reaches every meeting, not only the files edited since.
 *
 * Note: the rules' part is a hash of the code that derives stored values
 * (every module of ingest/, its write queries, and schema/'s code such as
 * the terms of schema/terms.ts), not a number bumped by hand. A forgotten
 * bump would leave users on old facts for good; a hash cannot be forgotten.
 * The cost is that a change that derives nothing new (a comment) also
 * re-indexes once, which takes what a first ingest takes.
 */
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, extname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { projectFile } from '../schema/paths.js';
import type { CollectionConfig } from './config.js';

/** A meeting's stamp: `<rules>/<config>`, each a short hash. */
export interface DerivedStamp {
  rules: string;
  config: string;
}

let rulesHash: string | undefined;

/**
 * The hash of the code that derives stored values: the modules of ingest/
 * and schema/ as they run (built .js, or .ts under the test runner) and the
 * write queries of ingest/cypher/.
 */
export function derivationRules(): string {
  if (rulesHash !== undefined) return rulesHash;
  const here = dirname(fileURLToPath(import.meta.url));
  const ext = extname(fileURLToPath(import.meta.url));
  const h = createHash('sha256');
  const add = (dir: string, keep: (name: string) => boolean) => {
    for (const name of readdirSync(dir).filter(keep).sort()) h.update(`${name}\0`).update(readFileSync(join(dir, name))).update('\0');
  };
  const code = (name: string) => (name.endsWith(ext) || name.endsWith('.mjs')) && !name.endsWith('.d.ts');
  add(here, code);
  add(join(here, '..', 'schema'), code);
  add(projectFile('ingest', 'cypher'), (name) => name.endsWith('.cypher'));
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
function stable(v: unknown): string {
  if (v instanceof Map) return stable(Object.fromEntries([...v.entries()].map(([k, x]) => [String(k), x])));
  if (v instanceof Set) return stable([...v].map(stable).sort());
  if (v instanceof RegExp) return JSON.stringify(String(v));
  if (Array.isArray(v)) return `[${v.map(stable).join(',')}]`;
  if (v && typeof v === 'object') {
    return `{${Object.keys(v).sort().map((k) => `${JSON.stringify(k)}:${stable((v as Record<string, unknown>)[k])}`).join(',')}}`;
  }
  return JSON.stringify(v) ?? 'null';
}
