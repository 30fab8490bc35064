/**
 * Writes a run's meetings while the run is still extracting: records are
 * handed over in file order as they come, gathered into batches of whole
 * meetings of about `batchRows` rows, and each batch is written as soon as it
 * is full, two transactions at a time. A meeting whose people's ids may still
 * change (a handle or a one-word name that a later meeting of the run may tie
 * to a full name) is written at once without its people; only what depends
 * on them (rows.ts PeoplePart) is held, and written at the end, when every
 * meeting of the run has been seen, with the ids a run that saw everything
 * first would give them. Until then the meeting has no content hash, so a run
 * that stops before the end leaves it to be indexed again.
 */
import { performance } from 'node:perf_hooks';
import type { PeopleDirectory } from '../resolve/people.js';
import type { MeetingRecord } from '../types.js';
import type { LoadTarget, Orphans, PersonLinks } from './load.js';
import { addMeetingRows, addMeetingRowsWithoutPeople, addPeopleRows, emptyRows, peoplePart, personIdsOf, type LoadRows, type PeoplePart } from './rows.js';

export interface BatchOptions {
  urlBase?: string;
  /** Rows (nodes and relationships) per write transaction; default 8000. */
  batchRows?: number;
  /** Collects what the removal of earlier versions touched, for the sweep. */
  orphans: Orphans;
  /** The stamp stored on each meeting (ingest/load/derived.ts). */
  derived: string;
  /** Whether the meeting at this path is already in the graph: a batch that replaces one is written alone. */
  replaces?: (path: string) => boolean;
}

/** What a run's writes touched, once they are all done. */
export interface Written {
  /** People tied to the meetings (attendees, speakers): their names are settled afterwards. */
  touched: string[];
  /** Owner and involvement links to people who may not have been in the graph yet (see link-people.cypher). */
  links: PersonLinks;
  /** Meetings whose people were held back until the end of the run (people ids not yet final when they came). */
  held: number;
  /** Milliseconds during which a write transaction was in flight. */
  writeMs: number;
}

/** Write transactions at once: on 2 cores, one keeps the server busy while the other waits for this process or commits. */
const PARALLEL_BATCHES = 2;
/** Full batches waiting for a transaction before the run's extraction waits too (so a large history is not held in memory). */
const MAX_QUEUED = 4;

interface Batch {
  rows: LoadRows;
  /** Replaces meetings already in the graph: written with no other batch in flight. */
  alone: boolean;
}

/**
 * Batches and writes the meetings of one run. `push` every record in file
 * order, then `end()`; `people` must be the run's directory, which `push`
 * teaches each record's handle ties as it comes.
 *
 * Note: batches may commit in any order, so nothing written may depend on it.
 * A topic's or reference's values, which the first row to create the node
 * decides, are those of the run's first row of it in file order (records come
 * in file order, and a held meeting's rows are counted where it came); people's
 * names are settled afterwards from every form seen. Shared nodes are locked in
 * one order in every batch (people, references, topics, each by id), so two
 * batches wait for each other rather than deadlock.
 */
export class MeetingWriter {
  private rows = emptyRows();
  private alone = false;
  /** The people of meetings written without them; each is let go (undefined) once written at the end. */
  private readonly heldBack: (PeoplePart | undefined)[] = [];
  private readonly touched = new Set<string>();
  private readonly links: PersonLinks = { owners: [], involved: [] };
  private readonly firstTopic = new Map<string, LoadRows['topics'][number]>();
  private readonly firstRef = new Map<string, LoadRows['references'][number]>();
  private readonly firstTitle = new Map<string, string>();
  private readonly queue: Batch[] = [];
  private readonly inFlight = new Set<Promise<void>>();
  private readonly waiting: (() => void)[] = [];
  private failure: unknown = null;
  /** Whether the batch in flight replaces meetings (then it is the only one). */
  private aloneInFlight = false;
  private writeMs = 0;
  private busySince = 0;

  constructor(
    private readonly target: LoadTarget,
    private readonly people: PeopleDirectory,
    private readonly o: BatchOptions,
  ) {}

  /** Takes the run's next record (in file order); writes a batch when one is full. Throws a failed batch's error. */
  push(r: MeetingRecord): void {
    if (this.failure) throw this.failure;
    this.people.observe([r]);
    // Note: a held meeting's people are not resolved now; each would learn the collection's roster again
    // (every record observed changes it), which made the writer's cost grow with the square of the run.
    const settled = r.people.every((p) => this.people.settled(p));
    if (!settled) this.heldBack.push(peoplePart(r));
    this.add(r, settled);
  }

  /** Resolves once fewer than MAX_QUEUED full batches wait for a transaction (at once when the writer has failed). */
  ready(): Promise<void> {
    if (this.failure || this.queue.length < MAX_QUEUED) return Promise.resolve();
    return new Promise((resolve) => this.waiting.push(resolve));
  }

  /** Writes what is left and the held people, waits for every batch; resolves to what was touched. */
  async end(): Promise<Written> {
    this.flush();
    // Every meeting is committed before the people held back are tied to it.
    await this.drain();
    // Note: the held people go as the meetings did, a batch queued only while few wait, each part let go
    // once its rows are made.
    const held = this.heldBack.length;
    for (let i = 0; i < held; i++) {
      await this.ready();
      if (this.failure) break;
      const part = this.heldBack[i]!;
      this.heldBack[i] = undefined;
      const from = this.rows.people.length;
      addPeopleRows(this.rows, part, personIdsOf(part, this.people));
      for (const p of this.rows.people.slice(from)) this.touched.add(p.person);
      if (rowCount(this.rows) >= (this.o.batchRows ?? 8000)) this.flush();
    }
    this.flush();
    await this.drain();
    if (this.failure) throw this.failure;
    return { touched: [...this.touched], links: this.links, held, writeMs: this.writeMs };
  }

  /** Resolves once no batch waits or is in flight (or the writer has failed and none is in flight). */
  private async drain(): Promise<void> {
    while (!this.failure && this.inFlight.size) await Promise.race(this.inFlight);
    await Promise.allSettled(this.inFlight);
  }

  /** Stops: no batch starts any more; resolves once those in flight have ended. */
  async abandon(): Promise<void> {
    this.failure ??= new Error('the run was abandoned');
    this.queue.length = 0;
    for (const go of this.waiting.splice(0)) go();
    await Promise.allSettled(this.inFlight);
  }

  /** Adds a meeting's rows to the batch, with its people or (held) without them. */
  private add(r: MeetingRecord, withPeople: boolean): void {
    const rows = this.rows;
    const at = {
      people: rows.people.length,
      items: rows.actionItems.length,
      decisions: rows.decisions.length,
      topics: rows.topics.length,
      refs: rows.references.length,
    };
    if (withPeople) addMeetingRows(rows, r, this.people, this.o.derived);
    else addMeetingRowsWithoutPeople(rows, r, this.o.derived);
    const mine = new Set(rows.people.slice(at.people).map((p) => p.person));
    for (const id of mine) this.touched.add(id);
    for (const a of rows.actionItems.slice(at.items))
      a.owners.forEach((o, rank) => {
        if (!mine.has(o)) this.links.owners.push({ item: a.id, person: o, rank });
      });
    for (const d of rows.decisions.slice(at.decisions)) for (const p of d.people) if (!mine.has(p)) this.links.involved.push({ decision: d.id, person: p });
    this.remember({ ...emptyRows(), topics: rows.topics.slice(at.topics), references: rows.references.slice(at.refs) });
    this.alone ||= this.o.replaces?.(r.path) ?? false;
    if (rowCount(rows) >= (this.o.batchRows ?? 8000)) this.flush();
  }

  /** Notes the first row (and first title) of each topic and reference not seen before in the run. */
  private remember(rows: LoadRows): void {
    for (const t of rows.topics) if (!this.firstTopic.has(t.id)) this.firstTopic.set(t.id, t);
    for (const r of rows.references) {
      if (!this.firstRef.has(r.id)) this.firstRef.set(r.id, r);
      if (r.title !== null && !this.firstTitle.has(r.id)) this.firstTitle.set(r.id, r.title);
    }
  }

  /** Queues the current batch (shared values fixed, shared rows sorted) and starts writers. */
  private flush(): void {
    const b = this.rows;
    this.rows = emptyRows();
    if (!rowCount(b)) return;
    b.topics = b.topics.map((t) => {
      const first = this.firstTopic.get(t.id)!;
      return { ...t, name: first.name, terms: first.terms, query: first.query };
    });
    // A title first given in a later batch reaches this node from that batch's rows (write-references keeps the first non-null title).
    b.references = b.references.map((r) => {
      const first = this.firstRef.get(r.id)!;
      return { ...r, kind: first.kind, url: first.url, title: this.firstTitle.get(r.id) ?? null };
    });
    // Array.prototype.sort is stable: rows of one node stay in file order.
    b.people.sort(byKey((p) => p.person));
    b.speakers.sort(byKey((x) => x.person));
    b.references.sort(byKey((r) => r.id));
    b.topics.sort(byKey((t) => t.id));
    this.queue.push({ rows: b, alone: this.alone });
    this.alone = false;
    this.pump();
  }

  /**
   * Starts queued batches while there is room: up to PARALLEL_BATCHES at once,
   * and a batch that replaces meetings only with nothing else in flight.
   * Note: removing a meeting's old facts locks the shared nodes they touch in no
   * fixed order, so two batches that replace meetings can deadlock (seen
   * re-deriving 277 meetings after an upgrade); they go one at a time.
   */
  private pump(): void {
    while (!this.failure && this.queue.length) {
      const next = this.queue[0]!;
      const room = next.alone ? this.inFlight.size === 0 : this.inFlight.size < PARALLEL_BATCHES && !this.aloneInFlight;
      if (!room) break;
      this.queue.shift();
      if (this.inFlight.size === 0) this.busySince = performance.now();
      const p: Promise<void> = this.target
        .writeBatch(next.rows, this.o.urlBase, this.o.orphans)
        .then(
          () => undefined,
          (err: unknown) => {
            this.failure ??= err;
          },
        )
        .finally(() => {
          this.inFlight.delete(p);
          if (next.alone) this.aloneInFlight = false;
          if (this.inFlight.size === 0) this.writeMs += performance.now() - this.busySince;
          this.pump();
        });
      this.aloneInFlight = next.alone;
      this.inFlight.add(p);
    }
    if (this.failure || this.queue.length < MAX_QUEUED) for (const go of this.waiting.splice(0)) go();
  }
}

const rowCount = (r: LoadRows): number =>
  r.meetings.length +
  r.people.length +
  r.passages.length +
  r.references.length +
  r.topics.length +
  r.decisions.length +
  r.actionItems.length +
  r.acronyms.length +
  r.speakers.length +
  r.owners.length +
  r.involved.length +
  r.completes.length;

const byKey =
  <T>(key: (x: T) => string) =>
  (a: T, b: T) =>
    key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0;
