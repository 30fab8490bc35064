/**
 * Arguments as clients send them, checked and turned into query parameters.
 * A bad argument is refused with a message naming it and the reason.
 */
import { personKey } from '../schema/names.js';
import { MAX_QUERY_CHARS, QueryTextError, termQuery, type Expansion } from '../schema/terms.js';
import { badInput } from './errors.js';

type Args = Record<string, unknown>;

export function required(args: Args, name: string): string {
  const v = args[name];
  if (typeof v !== 'string' || !v.trim()) throw badInput(name, 'must be a non-empty string');
  if (v.length > 1000) throw badInput(name, 'is longer than 1000 characters');
  return v;
}

function optional(a: Args, name: string): string | null {
  const v = a[name];
  if (v === undefined || v === null) return null;
  if (typeof v !== 'string') throw badInput(name, 'must be a string');
  if (v.length > 1000) throw badInput(name, 'is longer than 1000 characters');
  return v;
}

/** A real calendar date in ISO form. */
export function dateArg(value: unknown, name: string): string {
  if (typeof value !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(value)) throw badInput(name, 'expected a date as "YYYY-MM-DD"');
  const d = new Date(`${value}T00:00:00Z`);
  if (Number.isNaN(d.getTime()) || d.toISOString().slice(0, 10) !== value) throw badInput(name, `${value} is not a calendar date`);
  return value;
}

/** collection, series, from, to and first. */
export function filters(args: Args, firstDefault: number) {
  const from = args.from == null ? null : dateArg(args.from, 'from');
  const to = args.to == null ? null : dateArg(args.to, 'to');
  if (from && to && from > to) throw badInput('from', `${from} is after "to" (${to})`);
  return {
    collection: optional(args, 'collection'),
    series: optional(args, 'series')?.toLowerCase() ?? null,
    from,
    to,
    first: clampFirst(args.first, firstDefault),
  };
}

/**
 * A person asked for by a form of their name: the id it would have, the form
 * as typed and lower-cased, and as a Lucene phrase for person_forms (quotes
 * and backslashes dropped; the index's analyzer splits the words as it split
 * the stored forms), or null when it holds no letter or digit.
 */
export function personLookup(args: Args) {
  const name = required(args, 'name').trim();
  const phrase = /[\p{L}\p{N}]/u.test(name) ? `"${name.replace(/["\\]/g, ' ')}"` : null;
  return { id: personKey(name), name, key: name.toLowerCase(), phrase };
}

/** A full-text query built from the words of `argument`; null when no word is searchable. */
export function textQuery(args: Args, argument: string, mode: 'all' | 'any' = 'all', expansions: readonly Expansion[] = []): string | null {
  const text = required(args, argument);
  try {
    return termQuery(text, mode, expansions);
  } catch (err) {
    if (err instanceof QueryTextError) throw badInput(argument, `${err.message}`);
    throw err;
  }
}

/**
 * A free-text topic (`topic`, `about`) as one Lucene query per word, each
 * with the forms joined to its neighbours (and the acronyms the notes define,
 * either way), so a query can weigh the words apart; with the filters. Null
 * when no word is searchable.
 */
export function topicArgs(args: Args, argument: string, firstDefault: number, expansions: readonly Expansion[] = []) {
  const query = textQuery(args, argument, 'all', expansions);
  return query ? { groups: query.split(' AND '), ...filters(args, firstDefault) } : null;
}

const GITHUB_URL = /^https?:\/\/github\.com\/([\w.-]+)\/([\w.-]+)\/(?:pull|issues|discussions)\/(\d+)\b/i;
const ADVISORY = /^(?:advisory:)?(RUSTSEC-\d{4}-\d{4}|CVE-\d{4}-\d{4,}|GHSA(?:-\w{4}){3})$/i;

/** The canonical id of a reference written as one (owner/repo#N, a GitHub URL, crate:NAME, an advisory id), else null. */
function canonicalRef(text: string): string | null {
  const url = GITHUB_URL.exec(text);
  if (url) return `${url[1]}/${url[2]}#${url[3]}`.toLowerCase();
  if (/^[\w.-]+\/[\w.-]+#\d+$/.test(text)) return text.toLowerCase();
  const crate = /^crate:([\w.-]+)$/i.exec(text);
  if (crate) return `crate:${crate[1]!.toLowerCase()}`;
  const advisory = ADVISORY.exec(text);
  return advisory ? `advisory:${advisory[1]!.toUpperCase()}` : null;
}

/** `ref` of timeline: a reference by its canonical id (or a GitHub URL), else a topic in free text. */
export function refOrTopicArgs(args: Args) {
  const text = required(args, 'ref').trim();
  const collection = optional(args, 'collection');
  const ref = canonicalRef(text);
  if (ref) return { ref, query: null, collection };
  const query = textQuery(args, 'ref');
  return query ? { ref: null, query, collection } : null;
}

export function searchArgs(args: Args) {
  const query = textQuery(args, 'text');
  return query ? { query, collection: optional(args, 'collection'), first: clampFirst(args.first, 20) } : null;
}

export { MAX_QUERY_CHARS };

/** `first` arguments are clamped to 1..1000. */
export function clampFirst(value: unknown, fallback = 50): number {
  const n = typeof value === 'number' && Number.isFinite(value) ? Math.trunc(value) : fallback;
  return Math.min(1000, Math.max(1, n));
}
