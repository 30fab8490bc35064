/**
 * The body of an extraction worker (a worker_threads thread started by
 * pool.ts): parses and extracts each note it is sent and posts back the
 * meeting record, or why the note could not be parsed. The collection's
 * config comes with the worker's start (workerData), and again with a task
 * when a worker kept from one collection's pool serves the next.
 */
import { performance } from 'node:perf_hooks';
import { parentPort, workerData } from 'node:worker_threads';
import type { CollectionConfig } from '../read/config.js';
import { extractMeeting } from '../extract/extract.js';
import { parseNote } from '../parse/parse.js';
import type { MeetingRecord, SourceFile } from '../types.js';

/** A note to parse, as pool.ts posts it. */
export interface WorkerTask {
  id: number;
  file: SourceFile;
  /** The collection's config, when it is not the one the worker has. */
  config?: CollectionConfig;
}

/** What a worker posts back: `ready` once loaded, then one answer per task. */
export type WorkerAnswer =
  { kind: 'ready' } | { kind: 'done'; id: number; record: MeetingRecord; parseMs: number; extractMs: number } | { kind: 'failed'; id: number; reason: string };

const port = parentPort;
if (!port) throw new Error('ingest/worker runs in a worker thread (see ingest/pool/pool.ts)');
let config = (workerData as { config: CollectionConfig }).config;

port.on('message', (task: WorkerTask) => {
  let answer: WorkerAnswer;
  if (task.config) config = task.config;
  try {
    let t = performance.now();
    const note = parseNote(task.file);
    const parseMs = performance.now() - t;
    t = performance.now();
    const record = extractMeeting(note, config);
    answer = { kind: 'done', id: task.id, record, parseMs, extractMs: performance.now() - t };
  } catch (err) {
    answer = { kind: 'failed', id: task.id, reason: `could not be parsed: ${(err as Error).message}` };
  }
  port.postMessage(answer);
});
port.postMessage({ kind: 'ready' } satisfies WorkerAnswer);
