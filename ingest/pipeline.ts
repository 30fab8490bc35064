/**
 * Indexes a folder of notes as one collection: lists the notes, reads each
 * and skips those whose content hash is already indexed, parses and extracts
 * the rest on a pool of worker threads (pool.ts), loads the records in file
 * order in batches of whole meetings, removes meetings whose files are gone
 * and settles people. A file that cannot be read or parsed, or takes too
 * long, is reported with its path and reason; the rest is indexed.
 *
 * Note: loading starts once every record is extracted. A person's id can
 * depend on any meeting of the run (a handle written alone in one file, next
 * to a full name in a later one), and every batch committed is final: a run
 * that dies half-way leaves whole, correct meetings that the next run skips.
 */
import { availableParallelism } from 'node:os';
import { performance } from 'node:perf_hooks';
import type { Db } from '../db/driver.js';
import type { CollectionConfig } from './read/config.js';
import { derivedStamp, parseStamp } from './load/derived.js';
import { deleteMeetings, finishCollection, indexedMeetings, indexedPeople, knownHandles, loadMeetings, Orphans, settlePeople, type Indexed } from './load/load.js';
import { ExtractPool, type Extracted } from './pool/pool.js';
import { DEFAULT_MAX_BYTES, listNotes, readNote, type Listing } from './read/read.js';
import { PeopleDirectory } from './resolve/people.js';
import type { MeetingRecord, Message, SourceFile } from './types.js';

export interface IngestOptions {
  db: Db;
  folder: string;
  collection: string;
  config: CollectionConfig;
  /** Largest file parsed, bytes. */
  maxBytes?: number;
  /** Rows (nodes and relationships) per write transaction; default 8000. */
  batchRows?: number;
  /** Worker threads that parse and extract; 0 parses on the main thread. Default QUORUM_INGEST_WORKERS, else the cores (at most 4). */
  workers?: number;
  /** Longest one file may take to parse and extract, ms (with workers). Default QUORUM_FILE_TIMEOUT_MS, else 30 s. */
  fileTimeoutMs?: number;
  /** Called after each file is handled (read, skipped or failed). */
  onProgress?: (done: number, total: number, path: string) => void;
  /** The stamp of the rules and config that derive stored facts (ingest/load/derived.ts); a test seam, default derivedStamp(config). */
  derived?: string;
}

/**
 * Unchanged files indexed again because what derives their stored facts
 * changed since (ingest/load/derived.ts): how many, and whether the rules (an
 * upgrade) or the collection's config changed.
 */
export interface Rederived {
  meetings: number;
  rules: boolean;
  config: boolean;
}

export interface IngestSummary {
  collection: string;
  files: number;
  /** Meetings written (new or changed). */
  meetings: number;
  /** Files unchanged since the last run. */
  skipped: number;
  /** Unchanged files indexed again under new rules or config (counted in `meetings` too); null when none. */
  rederived: Rederived | null;
  /** Meetings removed because their file is gone. */
  deleted: number;
  failed: number;
  people: number;
  references: number;
  decisions: number;
  actionItems: number;
  seconds: number;
  /** Seconds per stage; parse and extract are summed over the workers, so they may add up to more than `seconds`. */
  stages: { read: number; parse: number; extract: number; load: number };
  messages: Message[];
}

/** Default worker count: QUORUM_INGEST_WORKERS, else one per core, at most 4. */
export function defaultWorkers(): number {
  const env = Number(process.env.QUORUM_INGEST_WORKERS);
  if (process.env.QUORUM_INGEST_WORKERS && Number.isInteger(env) && env >= 0) return env;
  return Math.max(1, Math.min(4, availableParallelism()));
}

function defaultTimeout(): number {
  const env = Number(process.env.QUORUM_FILE_TIMEOUT_MS);
  return Number.isFinite(env) && env > 0 ? env : 30_000;
}

/** What became of one file: unchanged, or what the pool made of it (a read failure is a failed extraction). */
type Outcome = { path: string; result: 'skipped' | Extracted };

/** Indexes one folder as one collection. */
export async function ingestFolder(o: IngestOptions): Promise<IngestSummary> {
  const t0 = performance.now();
  const stages = { read: 0, parse: 0, extract: 0, load: 0 };
  const workers = o.workers ?? defaultWorkers();
  const pool = workers > 0 ? new ExtractPool({ size: workers, timeoutMs: o.fileTimeoutMs ?? defaultTimeout(), config: o.config }) : undefined;
  // Note: with a core to spare, a worker loads the parser while the folder is listed and the
  // files read and hashed, so a run with a few changed files does not wait for it after reading.
  if (pool && availableParallelism() > 1) pool.warm();
  let listing: Listing;
  let indexed: Map<string, Indexed>;
  try {
    [listing, indexed] = await Promise.all([listNotes(o.folder), indexedMeetings(o.db, o.collection)]);
  } catch (err) {
    await pool?.close();
    throw err;
  }
  const messages: Message[] = [...listing.messages];
  const derived = o.derived ?? derivedStamp(o.config);
  const now = parseStamp(derived)!;
  const rederived: Rederived = { meetings: 0, rules: false, config: false };
  const extract = pool ? (f: SourceFile) => pool.extract(f) : await inThread(o.config);

  // Lanes keep the pool fed: each reads its next file and waits for its extraction. The
  // read stage is the time during which any file was being read.
  const outcomes: Outcome[] = new Array(listing.files.length);
  let reads = 0;
  let readSince = 0;
  const outcome = async (path: string): Promise<Outcome> => {
    if (reads++ === 0) readSince = performance.now();
    const r = await readNote(o.folder, path, o.collection, o.maxBytes ?? DEFAULT_MAX_BYTES);
    if (--reads === 0) stages.read += performance.now() - readSince;
    if (!r.ok) return { path, result: { ok: false, message: r.message } };
    const before = indexed.get(path);
    if (before?.sha256 === r.file.sha256) {
      if (before.derived === derived) return { path, result: 'skipped' };
      // Unchanged, but written by other rules or another config (or before stamps): derived again.
      const then = parseStamp(before.derived);
      rederived.meetings += 1;
      rederived.rules ||= then === null || then.rules !== now.rules;
      rederived.config ||= then !== null && then.config !== now.config;
    }
    return { path, result: await extract(r.file) };
  };
  let next = 0;
  let done = 0;
  const lane = async (): Promise<void> => {
    while (next < listing.files.length) {
      const i = next++;
      outcomes[i] = await outcome(listing.files[i]!);
      o.onProgress?.(++done, listing.files.length, listing.files[i]!);
    }
  };
  try {
    await Promise.all(Array.from({ length: Math.max(4, workers * 4) }, lane));
  } finally {
    await pool?.close();
  }
  let skipped = 0;
  let failed = 0;
  const records: MeetingRecord[] = [];
  for (const { result } of outcomes) {
    if (result === 'skipped') skipped += 1;
    else if (!result.ok) {
      failed += 1;
      messages.push(result.message);
    } else {
      stages.parse += result.parseMs;
      stages.extract += result.extractMs;
      records.push(result.record);
    }
  }

  const t = performance.now();
  const present = new Set(listing.files);
  const replacing = records.some((r) => indexed.has(r.path));
  const { touched, deleted } = await writeCollection({ ...o, derived, replacing }, records, [...indexed.keys()].filter((p) => !present.has(p)));
  stages.load = performance.now() - t;

  for (const r of records) messages.push(...r.messages);
  const sec = (ms: number) => Math.round(ms) / 1000;
  return {
    collection: o.collection,
    files: listing.files.length,
    meetings: records.length,
    skipped,
    rederived: rederived.meetings ? rederived : null,
    deleted,
    failed,
    people: touched.length,
    references: new Set(records.flatMap((r) => r.references.map((x) => x.id))).size,
    decisions: records.reduce((n, r) => n + r.decisions.length, 0),
    actionItems: records.reduce((n, r) => n + r.actionItems.length, 0),
    seconds: sec(performance.now() - t0),
    stages: { read: sec(stages.read), parse: sec(stages.parse), extract: sec(stages.extract), load: sec(stages.load) },
    messages,
  };
}

/**
 * The load stage of a run: writes the records (in file order) and removes
 * the meetings of the paths gone, sweeps what the removals left unmentioned,
 * ties owners and decisions to people first seen later in the run, records
 * the collection and settles the touched people's names.
 */
export async function writeCollection(
  o: Pick<IngestOptions, 'db' | 'collection' | 'config' | 'batchRows' | 'derived'> & { replacing?: boolean }, records: MeetingRecord[], gone: string[],
): Promise<{ touched: string[]; deleted: number }> {
  const people = new PeopleDirectory(o.config.people, await knownHandles(o.db));
  people.observe(records, await indexedPeople(o.db, o.collection));
  const orphans = new Orphans();
  const { touched, links } = await loadMeetings(o.db, records, people, { urlBase: o.config.urlBase, batchRows: o.batchRows, orphans, derived: o.derived ?? derivedStamp(o.config), replacing: o.replacing });
  await deleteMeetings(o.db, o.collection, gone, orphans);
  await finishCollection(o.db, { collection: o.collection, urlBase: o.config.urlBase, orphans, links });
  await settlePeople(o.db, touched, o.config.people);
  return { touched, deleted: gone.length };
}

/** Parsing on the main thread (workers: 0): no timeout, for debugging and profiling. */
async function inThread(config: CollectionConfig): Promise<(f: SourceFile) => Promise<Extracted>> {
  const [{ parseNote }, { extractMeeting }] = await Promise.all([import('./parse/parse.js'), import('./extract/extract.js')]);
  return async (file) => {
    try {
      let t = performance.now();
      const note = parseNote(file);
      const parseMs = performance.now() - t;
      t = performance.now();
      const record = extractMeeting(note, config);
      return { ok: true, record, parseMs, extractMs: performance.now() - t };
    } catch (err) {
      return { ok: false, message: { path: file.path, reason: `could not be parsed: ${(err as Error).message}` } };
    }
  };
}
