/**
 * A pool of extraction workers (worker_threads running worker.ts): each note
 * is parsed and extracted on one of `size` threads while the main thread
 * loads. Workers start when the first note needs one. A note that takes longer
 * than `timeoutMs`, or whose worker crashes or runs out of memory, is answered
 * with a message naming the reason; its worker is replaced and the other
 * notes go on. A closed pool's idle workers are kept a few seconds for the
 * next pool (the next collection of the same run), which then pays neither
 * their start nor their warming up again.
 */
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Worker, type ResourceLimits } from 'node:worker_threads';
import type { CollectionConfig } from '../read/config.js';
import type { Message, MeetingRecord, SourceFile } from '../types.js';
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

export type Extracted = { ok: true; record: MeetingRecord; parseMs: number; extractMs: number } | { ok: false; message: Message };

interface Task {
  id: number;
  file: SourceFile;
  done: (e: Extracted) => void;
}

interface Slot {
  worker: Worker;
  /** The config the worker has (sent again with a task when another pool takes the worker). */
  config: CollectionConfig;
  /** Removes this pool's listeners from the worker. */
  detach: () => void;
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

/** How long a closed pool's idle worker waits for another pool before it is stopped. */
const KEEP_MS = 5_000;

interface Kept {
  worker: Worker;
  config: CollectionConfig;
  timer: NodeJS.Timeout;
  detach: () => void;
}

/**
 * Idle workers of closed pools, by entry and heap limits.
 * Note: a thread that has parsed some notes runs optimised code; a new one
 * loads its modules and compiles it all again (over the corpus's two
 * collections, two workers kept: ~36 CPU-s instead of ~46).
 */
const kept = new Map<string, Kept[]>();

/** Keeps an idle worker for the next pool of the same kind; it does not hold the process open. */
function keep(key: string, worker: Worker, config: CollectionConfig): void {
  const list = kept.get(key) ?? [];
  kept.set(key, list);
  const forget = () => {
    const i = list.indexOf(k);
    if (i >= 0) list.splice(i, 1);
    clearTimeout(k.timer);
    k.detach();
  };
  const onExit = () => forget();
  const k: Kept = {
    worker,
    config,
    timer: setTimeout(() => {
      forget();
      void worker.terminate().catch(() => undefined);
    }, KEEP_MS).unref(),
    detach: () => {
      worker.off('exit', onExit);
      worker.off('error', onExit);
    },
  };
  worker.on('exit', onExit);
  worker.on('error', onExit);
  worker.unref();
  list.push(k);
}

/** A kept worker for a new pool, if there is one. */
function takeKept(key: string): Kept | undefined {
  const k = kept.get(key)?.pop();
  if (!k) return undefined;
  clearTimeout(k.timer);
  k.detach();
  k.worker.ref();
  return k;
}

export class ExtractPool {
  private readonly slots: Slot[] = [];
  private readonly queue: Task[] = [];
  private nextId = 0;
  private closed = false;
  private readonly entry: URL;
  private readonly limits: ResourceLimits;
  /** Which kept workers this pool may take: same entry, same limits. */
  private readonly kind: string;

  constructor(private readonly o: PoolOptions) {
    this.entry = o.entry ?? workerEntry();
    // Note: a young generation of 64 MB saves ~10% of parsing's time in GC (the default is smaller).
    this.limits = o.resourceLimits ?? { maxOldGenerationSizeMb: 512, maxYoungGenerationSizeMb: 64 };
    this.kind = `${this.entry.href}\0${JSON.stringify(this.limits)}`;
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

  /**
   * Stops the pool; notes in progress or queued are answered as not parsed.
   * Workers in the middle of a note are stopped; idle ones are kept a few
   * seconds for the next pool, then stopped.
   */
  async close(): Promise<void> {
    this.closed = true;
    const stopped = (t: Task) => t.done({ ok: false, message: { path: t.file.path, reason: 'not parsed: the ingest was stopped' } });
    const slots = this.slots.splice(0);
    const idle = slots.filter((s) => !s.task && s.ready);
    for (const s of slots) if (s.task) stopped(s.task);
    for (const t of this.queue.splice(0)) stopped(t);
    for (const s of idle) {
      s.gone = true;
      clearTimeout(s.timer);
      s.detach();
      keep(this.kind, s.worker, s.config);
    }
    await Promise.all(slots.filter((s) => !idle.includes(s)).map((s) => this.retire(s)));
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

  /** A worker for this pool: one a closed pool kept, else a new one. */
  private spawn(): Slot {
    const old = takeKept(this.kind);
    const worker = old?.worker ?? new Worker(this.entry, { workerData: { config: this.o.config }, resourceLimits: this.limits });
    const slot: Slot = { worker, config: old?.config ?? this.o.config, detach: () => undefined, ready: !!old, gone: false };
    const onMessage = (a: WorkerAnswer) => this.answer(slot, a);
    const onError = (err: Error) => this.crash(slot, `the parser crashed (${err.message})`);
    const onExit = (code: number) => this.crash(slot, `the parser's worker exited (status ${code})`);
    worker.on('message', onMessage);
    worker.on('error', onError);
    worker.on('exit', onExit);
    slot.detach = () => {
      worker.off('message', onMessage);
      worker.off('error', onError);
      worker.off('exit', onExit);
    };
    this.slots.push(slot);
    return slot;
  }

  private assign(slot: Slot, task: Task): void {
    slot.task = task;
    const config = slot.config === this.o.config ? undefined : this.o.config;
    slot.config = this.o.config;
    slot.worker.postMessage({ id: task.id, file: task.file, ...(config ? { config } : {}) } satisfies WorkerTask);
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
    task.done(
      a.kind === 'done'
        ? { ok: true, record: a.record, parseMs: a.parseMs, extractMs: a.extractMs }
        : { ok: false, message: { path: task.file.path, reason: a.reason } },
    );
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
