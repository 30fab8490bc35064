/**
 * Indexes a folder of notes as one collection: lists the notes, reads each
 * and skips those whose content hash is already indexed, parses and extracts
 * the rest on a pool of worker threads (pool.ts) and writes them while the
 * pool works on the next (load/batches.ts: batches of whole meetings, in file
 * order), removes meetings whose files are gone and settles people's names.
 * A file that cannot be read or parsed, or takes too long, is reported with
 * its path and reason; the rest is indexed.
 *
 * Note: a person's id can depend on any meeting of the run (a handle written
 * alone in one file, next to a full name in a later one). A meeting whose
 * people's ids are final when it comes is written at once, whole; one whose
 * are not yet is written at once without its people and without its content
 * hash, and its people (who attended, spoke, owns, decided) are written at
 * the end of the run, once every meeting has been seen, with the hash. A run
 * that dies half-way leaves whole, correct meetings that the next run skips,
 * and meetings without a hash that it indexes again.
 */
import { availableParallelism } from 'node:os';
import { performance } from 'node:perf_hooks';
import type { Db } from '../db/driver.js';
import type { CollectionConfig } from './read/config.js';
import { derivedStamp, parseStamp } from './load/derived.js';
import { MeetingWriter, type Written } from './load/batches.js';
import { graphTarget, Orphans, type Indexed, type LoadTarget } from './load/load.js';
import { ExtractPool, type Extracted } from './pool/pool.js';
import { DEFAULT_MAX_BYTES, decodeNote, listNotes, readNoteBytes, realFolder, type Listing } from './read/read.js';
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
  /** Where the meetings go; default the graph behind `db` (graphTarget). A first index may build its graph to import (ingest/bulk/). */
  target?: LoadTarget;
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
  /** Meetings whose people were written at the end of the run because their ids were not final when they came (counted in `meetings` too). */
  held: number;
  /**
   * Seconds per stage; parse and extract are summed over the workers, and load (while a write
   * transaction was in flight, then the sweep and people's names) overlaps them, so they may add
   * up to more than `seconds`. `settle`: from the last note extracted to the end of the run.
   */
  stages: { read: number; parse: number; extract: number; load: number; settle: number };
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

/** What a run that extracted no note wrote. */
const NOTHING_WRITTEN: Written = { touched: [], links: { owners: [], involved: [] }, held: 0, writeMs: 0 };

/** What became of one file: unchanged, or what the pool made of it (a read failure is a failed extraction). */
type Outcome = { path: string; result: 'skipped' | Extracted };

/** Indexes one folder as one collection. */
export async function ingestFolder(options: IngestOptions): Promise<IngestSummary> {
  const t0 = performance.now();
  const target = options.target ?? graphTarget(options.db);
  const stages = { read: 0, parse: 0, extract: 0, load: 0, settle: 0 };
  const workers = options.workers ?? defaultWorkers();
  const pool = workers > 0 ? new ExtractPool({ size: workers, timeoutMs: options.fileTimeoutMs ?? defaultTimeout(), config: options.config }) : undefined;
  // Note: with a core to spare, a worker loads the parser while the folder is listed and the
  // files read and hashed, so a run with a few changed files does not wait for it after reading.
  if (pool && availableParallelism() > 1) pool.warm();
  let listing: Listing;
  let indexed: Map<string, Indexed>;
  let top: string;
  try {
    [listing, indexed, top] = await Promise.all([listNotes(options.folder), target.indexedMeetings(options.collection), realFolder(options.folder)]);
  } catch (err) {
    await pool?.close();
    throw err;
  }
  const messages: Message[] = [...listing.messages];
  const derived = options.derived ?? derivedStamp(options.config);
  const now = parseStamp(derived)!;
  const rederived: Rederived = { meetings: 0, rules: false, config: false };
  const extract = pool ? (f: SourceFile) => pool.extract(f) : await inThread(options.config);
  const orphans = new Orphans();
  // The collection's roster learns from every meeting of the run and from the people the graph's other meetings of it name.
  // Note: those are read, and the writer made, once a first note is to be extracted (while it is): a run over an
  // unchanged folder needs neither.
  let writer: MeetingWriter | undefined;
  let writerMade: Promise<MeetingWriter> | undefined;
  const makeWriter = (): Promise<MeetingWriter> => {
    if (!writerMade) {
      writerMade = Promise.all([target.knownHandles(), target.indexedPeople(options.collection)]).then(([known, named]) => {
        const people = new PeopleDirectory(options.config.people, known);
        people.observe([], named);
        return (writer = new MeetingWriter(target, people, {
          urlBase: options.config.urlBase,
          batchRows: options.batchRows,
          orphans,
          derived,
          replaces: (path) => indexed.has(path),
        }));
      });
      // Awaited by every note extracted; a failure is theirs to report, never an unhandled rejection meanwhile.
      writerMade.catch(() => undefined);
    }
    return writerMade;
  };

  // Lanes keep the pool fed: each reads its next file and waits for its extraction. The
  // read stage is the time during which any file was being read.
  const outcomes: (Outcome | undefined)[] = new Array(listing.files.length);
  let reads = 0;
  let readSince = 0;
  const outcome = async (path: string): Promise<Outcome> => {
    if (reads++ === 0) readSince = performance.now();
    const read = await readNoteBytes(options.folder, path, options.maxBytes ?? DEFAULT_MAX_BYTES, top);
    if (--reads === 0) stages.read += performance.now() - readSince;
    if (!read.ok) return { path, result: { ok: false, message: read.message } };
    const before = indexed.get(path);
    // Note: a note whose bytes are those indexed is not decoded again (it was text when it was indexed).
    if (before?.sha256 === read.sha256 && before.derived === derived) return { path, result: 'skipped' };
    const r = decodeNote(read.bytes, path, options.collection, read.sha256);
    if (!r.ok) return { path, result: { ok: false, message: r.message } };
    if (before?.sha256 === r.file.sha256) {
      // Unchanged, but written by other rules or another config (or before stamps): derived again.
      const then = parseStamp(before.derived);
      rederived.meetings += 1;
      rederived.rules ||= then === null || then.rules !== now.rules;
      rederived.config ||= then !== null && then.config !== now.config;
    }
    const made = makeWriter();
    const result = await extract(r.file);
    await made;
    return { path, result };
  };
  const tally = { skipped: 0, failed: 0, meetings: 0, decisions: 0, actionItems: 0, references: new Set<string>() };
  // Outcomes go to the writer in file order, as soon as every earlier file's has.
  let handed = 0;
  const handOver = (): void => {
    for (let x = outcomes[handed]; x !== undefined; x = outcomes[++handed]) {
      outcomes[handed] = undefined;
      const { result } = x;
      if (result === 'skipped') tally.skipped += 1;
      else if (!result.ok) {
        tally.failed += 1;
        messages.push(result.message);
      } else {
        const r = result.record;
        stages.parse += result.parseMs;
        stages.extract += result.extractMs;
        tally.meetings += 1;
        tally.decisions += r.decisions.length;
        tally.actionItems += r.actionItems.length;
        for (const ref of r.references) tally.references.add(ref.id);
        messages.push(...r.messages);
        // A record comes only after makeWriter() resolved (outcome waits for it).
        writer!.push(r);
      }
    }
  };
  let next = 0;
  let done = 0;
  const lane = async (): Promise<void> => {
    while (next < listing.files.length) {
      // Note: extraction waits while several batches wait to be written, so memory does not grow with the history.
      await writer?.ready();
      if (next >= listing.files.length) break;
      const i = next++;
      outcomes[i] = await outcome(listing.files[i]!);
      handOver();
      options.onProgress?.(++done, listing.files.length, listing.files[i]!);
    }
  };
  try {
    await Promise.all(Array.from({ length: Math.max(4, workers * 4) }, lane));
  } catch (err) {
    await writer?.abandon();
    throw err;
  } finally {
    await pool?.close();
  }

  const t = performance.now();
  const present = new Set(listing.files);
  const written = writer ? await writer.end() : NOTHING_WRITTEN;
  const finished = performance.now();
  const { touched, deleted } = await finishRun(
    target,
    options,
    written,
    orphans,
    [...indexed.keys()].filter((p) => !present.has(p)),
  );
  stages.load = written.writeMs + (performance.now() - finished);
  stages.settle = performance.now() - t;

  const sec = (ms: number) => Math.round(ms) / 1000;
  return {
    collection: options.collection,
    files: listing.files.length,
    meetings: tally.meetings,
    skipped: tally.skipped,
    rederived: rederived.meetings ? rederived : null,
    deleted,
    failed: tally.failed,
    people: touched.length,
    references: tally.references.size,
    decisions: tally.decisions,
    actionItems: tally.actionItems,
    held: written.held,
    seconds: sec(performance.now() - t0),
    stages: { read: sec(stages.read), parse: sec(stages.parse), extract: sec(stages.extract), load: sec(stages.load), settle: sec(stages.settle) },
    messages,
  };
}

/**
 * After a run's meetings are written: removes the meetings of the paths gone,
 * sweeps what the removals left unmentioned, ties owners and decisions to
 * people first seen later in the run, records the collection and settles the
 * touched people's names.
 */
async function finishRun(
  target: LoadTarget,
  o: Pick<IngestOptions, 'collection' | 'config'>,
  written: Written,
  orphans: Orphans,
  gone: string[],
): Promise<{ touched: string[]; deleted: number }> {
  await target.deleteMeetings(o.collection, gone, orphans);
  await target.finishCollection({ collection: o.collection, urlBase: o.config.urlBase, orphans, links: written.links });
  await target.settlePeople(written.touched, o.config.people);
  return { touched: written.touched, deleted: gone.length };
}

/**
 * The load stage alone, for records already extracted (the bench's database
 * bound): writes them (in file order) and removes the meetings of the paths
 * gone, then finishes the run as ingestFolder does.
 */
export async function writeCollection(
  run: Pick<IngestOptions, 'db' | 'collection' | 'config' | 'batchRows' | 'derived'> & { replacing?: boolean },
  records: MeetingRecord[],
  gone: string[],
): Promise<{ touched: string[]; deleted: number }> {
  const target = graphTarget(run.db);
  const people = new PeopleDirectory(run.config.people, await target.knownHandles());
  people.observe([], await target.indexedPeople(run.collection));
  const orphans = new Orphans();
  const writer = new MeetingWriter(target, people, {
    urlBase: run.config.urlBase,
    batchRows: run.batchRows,
    orphans,
    derived: run.derived ?? derivedStamp(run.config),
    replaces: () => run.replacing ?? false,
  });
  try {
    for (const r of records) writer.push(r);
  } catch (err) {
    await writer.abandon();
    throw err;
  }
  return finishRun(target, run, await writer.end(), orphans, gone);
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
