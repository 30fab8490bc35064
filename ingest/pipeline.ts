/**
 * Indexes a folder of notes as one collection: lists the notes, skips those
 * whose content hash is already indexed, reads, parses and extracts the rest,
 * loads them in batches of whole meetings, removes meetings whose files are
 * gone, and settles people. A file that cannot be read or parsed is reported
 * with its path and reason; the rest is indexed.
 */
import { performance } from 'node:perf_hooks';
import type { Db } from '../db/driver.js';
import type { CollectionConfig } from './config.js';
import { extractMeeting } from './extract.js';
import { deleteMeetings, indexedHashes, knownHandles, loadBatch, settlePeople, upsertCollection } from './load.js';
import { parseNote } from './parse.js';
import { DEFAULT_MAX_BYTES, listNotes, readNote } from './read.js';
import { PeopleDirectory } from './resolve-people.js';
import type { MeetingRecord, Message } from './types.js';

export interface IngestOptions {
  db: Db;
  folder: string;
  collection: string;
  config: CollectionConfig;
  /** Largest file parsed, bytes. */
  maxBytes?: number;
  /** Meetings per write transaction. */
  batchSize?: number;
  /** Called after each file is handled (read, skipped or failed). */
  onProgress?: (done: number, total: number, path: string) => void;
}

export interface IngestSummary {
  collection: string;
  files: number;
  /** Meetings written (new or changed). */
  meetings: number;
  /** Files unchanged since the last run. */
  skipped: number;
  /** Meetings removed because their file is gone. */
  deleted: number;
  failed: number;
  people: number;
  references: number;
  decisions: number;
  actionItems: number;
  seconds: number;
  /** Seconds per stage. */
  stages: { read: number; parse: number; extract: number; load: number };
  messages: Message[];
}

/** Indexes one folder as one collection. */
export async function ingestFolder(o: IngestOptions): Promise<IngestSummary> {
  const t0 = performance.now();
  const stages = { read: 0, parse: 0, extract: 0, load: 0 };
  const listing = await listNotes(o.folder);
  const messages: Message[] = [...listing.messages];
  const indexed = await indexedHashes(o.db, o.collection);
  const records: MeetingRecord[] = [];
  let skipped = 0;
  let failed = 0;
  let done = 0;
  for (const path of listing.files) {
    let t = performance.now();
    const read = await readNote(o.folder, path, o.collection, o.maxBytes ?? DEFAULT_MAX_BYTES);
    stages.read += performance.now() - t;
    done += 1;
    if (!read.ok) {
      failed += 1;
      messages.push(read.message);
    } else if (indexed.get(path) === read.file.sha256) {
      skipped += 1;
    } else {
      try {
        t = performance.now();
        const note = parseNote(read.file);
        stages.parse += performance.now() - t;
        t = performance.now();
        records.push(extractMeeting(note, o.config));
        stages.extract += performance.now() - t;
      } catch (err) {
        failed += 1;
        messages.push({ path, reason: `could not be parsed: ${(err as Error).message}` });
      }
    }
    o.onProgress?.(done, listing.files.length, path);
  }

  const t = performance.now();
  const directory = new PeopleDirectory(o.config.people, await knownHandles(o.db));
  directory.observe(records);
  const touched = new Set<string>();
  const batchSize = o.batchSize ?? 25;
  for (let i = 0; i < records.length; i += batchSize) {
    for (const id of await loadBatch(o.db, records.slice(i, i + batchSize), directory)) touched.add(id);
  }
  const present = new Set(listing.files);
  const gone = [...indexed.keys()].filter((p) => !present.has(p));
  await deleteMeetings(o.db, o.collection, gone);
  await upsertCollection(o.db, o.collection, o.config.urlBase);
  await settlePeople(o.db, [...touched], o.config.people);
  stages.load = performance.now() - t;

  for (const r of records) messages.push(...r.messages);
  const sec = (ms: number) => Math.round(ms) / 1000;
  return {
    collection: o.collection,
    files: listing.files.length,
    meetings: records.length,
    skipped,
    deleted: gone.length,
    failed,
    people: touched.size,
    references: new Set(records.flatMap((r) => r.references.map((x) => x.id))).size,
    decisions: records.reduce((n, r) => n + r.decisions.length, 0),
    actionItems: records.reduce((n, r) => n + r.actionItems.length, 0),
    seconds: sec(performance.now() - t0),
    stages: { read: sec(stages.read), parse: sec(stages.parse), extract: sec(stages.extract), load: sec(stages.load) },
    messages,
  };
}
