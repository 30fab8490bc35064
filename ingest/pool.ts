/**
 * A pool of extraction workers (worker_threads running worker.ts): each note
 * is parsed and extracted on one of `size` threads while the main thread
 * loads. Workers start when the first note needs one. A note that takes longer
 * than `timeoutMs`, or whose worker crashes or runs out of memory, is answered
 * with a message naming the reason; its worker is replaced and the other
 * notes go on.
 */
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Worker, type ResourceLimits } from 'node:worker_threads';
import type { CollectionConfig } from './config.js';
import type { Message, MeetingRecord, SourceFile } from './types.js';
import type { WorkerAnswer, WorkerTask } from './worker.js';

export interface PoolOptions {
  /** Worker threads, at least 1. */
  size: number;
  /** Longest a note may take to parse and extract, ms. */
  timeoutMs: number;
  config: CollectionConfig;
  /** Heap limits of each worker; a note that needs more is reported, not fatal (default 512 MB old space, 64 MB young). */
  resourceLimits?: ResourceLimits;
  /** The workers' module (default worker.ts, compiled or not); tests give one that misbehaves on cue. */
  entry?: URL;
}

export type Extracted =
  | { ok: true; record: MeetingRecord; parseMs: number; extractMs: number }
  | { ok: false; message: Message };

interface Task {
  id: number;
  file: SourceFile;
  done: (e: Extracted) => void;
}

interface Slot {
  worker: Worker;
  ready: boolean;
  task?: Task;
  timer?: NodeJS.Timeout;
  /** Set once the slot is given up, so its late events are ignored. */
  gone: boolean;
}

/** Where a worker's code is: compiled worker.js beside this module, else the sources through worker-source.mjs. */
function workerEntry(): URL {
  const compiled = new URL('./worker.js', import.meta.url);
  if (existsSync(fileURLToPath(compiled))) return compiled;
  const hooks = new URL('./worker-source.mjs', import.meta.url).href;
  const source = new URL('./worker.ts', import.meta.url).href;
  const boot = `import { register } from 'node:module'; register(${JSON.stringify(hooks)}); await import(${JSON.stringify(source)});`;
  return new URL(`data:text/javascript,${encodeURIComponent(boot)}`);
}

/** Starting a worker (loading the parser and NLP) may take this long before its first note's clock starts. */
const START_TIMEOUT_MS = 120_000;

export class ExtractPool {
  private readonly slots: Slot[] = [];
  private readonly queue: Task[] = [];
  private nextId = 0;
  private closed = false;
  private readonly entry: URL;

  constructor(private readonly o: PoolOptions) {
    this.entry = o.entry ?? workerEntry();
  }

  /** Parses and extracts one note on a worker. Never rejects: failures are messages. */
  extract(file: SourceFile): Promise<Extracted> {
    if (this.closed) return Promise.resolve({ ok: false, message: { path: file.path, reason: 'not parsed: the ingest was stopped' } });
    return new Promise((done) => {
      this.queue.push({ id: this.nextId++, file, done });
      this.dispatch();
    });
  }

  /** Starts one worker ahead of the first note (loading the parser takes a while); a no-op once one runs. */
  warm(): void {
    if (!this.closed && !this.slots.length) this.spawn();
  }

  /** Stops every worker; notes in progress or queued are answered as not parsed. */
  async close(): Promise<void> {
    this.closed = true;
    const stopped = (t: Task) => t.done({ ok: false, message: { path: t.file.path, reason: 'not parsed: the ingest was stopped' } });
    const slots = this.slots.splice(0);
    for (const s of slots) if (s.task) stopped(s.task);
    for (const t of this.queue.splice(0)) stopped(t);
    await Promise.all(slots.map((s) => this.retire(s)));
  }

  private dispatch(): void {
    while (this.queue.length) {
      let slot = this.slots.find((s) => !s.task);
      if (!slot) {
        if (this.slots.length >= Math.max(1, this.o.size)) return;
        slot = this.spawn();
      }
      this.assign(slot, this.queue.shift()!);
    }
  }

  private spawn(): Slot {
    const worker = new Worker(this.entry, {
      workerData: { config: this.o.config },
      // Note: a young generation of 64 MB saves ~10% of parsing's time in GC (the default is smaller).
      resourceLimits: this.o.resourceLimits ?? { maxOldGenerationSizeMb: 512, maxYoungGenerationSizeMb: 64 },
    });
    const slot: Slot = { worker, ready: false, gone: false };
    worker.on('message', (a: WorkerAnswer) => this.answer(slot, a));
    worker.on('error', (err) => this.crash(slot, `the parser crashed (${err.message})`));
    worker.on('exit', (code) => this.crash(slot, `the parser's worker exited (status ${code})`));
    this.slots.push(slot);
    return slot;
  }

  private assign(slot: Slot, task: Task): void {
    slot.task = task;
    slot.worker.postMessage({ id: task.id, file: task.file } satisfies WorkerTask);
    this.startClock(slot);
  }

  /** The note's clock runs from when its worker is loaded; loading has a limit of its own. */
  private startClock(slot: Slot): void {
    clearTimeout(slot.timer);
    if (!slot.task) return;
    const ms = slot.ready ? this.o.timeoutMs : START_TIMEOUT_MS;
    const reason = slot.ready
      ? `not parsed: took longer than ${this.o.timeoutMs / 1000} s to parse and extract`
      : `not parsed: the parser did not start within ${START_TIMEOUT_MS / 1000} s`;
    slot.timer = setTimeout(() => this.fail(slot, reason), ms);
  }

  private answer(slot: Slot, a: WorkerAnswer): void {
    if (slot.gone) return;
    if (a.kind === 'ready') {
      slot.ready = true;
      this.startClock(slot);
      return;
    }
    const task = slot.task;
    if (!task || task.id !== a.id) return;
    clearTimeout(slot.timer);
    slot.task = undefined;
    task.done(a.kind === 'done'
      ? { ok: true, record: a.record, parseMs: a.parseMs, extractMs: a.extractMs }
      : { ok: false, message: { path: task.file.path, reason: a.reason } });
    this.dispatch();
  }

  private crash(slot: Slot, reason: string): void {
    if (slot.gone) return;
    this.fail(slot, `not parsed: ${reason}`);
  }

  /** Answers the slot's note with the reason, retires its worker and starts another for what is queued. */
  private fail(slot: Slot, reason: string): void {
    if (slot.gone) return;
    const task = slot.task;
    slot.task = undefined;
    const i = this.slots.indexOf(slot);
    if (i >= 0) this.slots.splice(i, 1);
    void this.retire(slot);
    task?.done({ ok: false, message: { path: task.file.path, reason } });
    if (!this.closed) this.dispatch();
  }

  private async retire(slot: Slot): Promise<void> {
    slot.gone = true;
    clearTimeout(slot.timer);
    await slot.worker.terminate().catch(() => undefined);
  }
}
