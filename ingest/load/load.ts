/**
 * Writes meeting records to Neo4j. Each batch of whole meetings (batched by
 * batches.ts) is one write transaction (a reader never sees half a meeting's
 * notes; the people of a meeting batches.ts holds back come in a later one):
 * the meetings' old facts are removed and the new ones written with
 * parameterised UNWIND queries from ingest/load/cypher/ (statements.ts). Afterwards the people,
 * references and topics the removals touched are swept if nothing mentions
 * them any more, owners and decisions are tied to people first seen later in
 * the run, and each touched person's name and aliases settled from every
 * form seen (by resolve/people.ts:settleName).
 */
import type { Db, Tx } from '../../db/driver.js';
import { projectFile } from '../../schema/paths.js';
import type { PersonEntry } from '../read/config.js';
import { configuredByForm, settleName } from '../resolve/people.js';
import { meetingId, type LoadRows } from './rows.js';
import { STATEMENTS as S } from './statements.js';
import type { PersonRecord } from '../types.js';

/** Shared nodes a removal touched: they are swept at the end of the run if nothing mentions them. */
export class Orphans {
  readonly people = new Set<string>();
  readonly references = new Set<string>();
  readonly topics = new Set<string>();

  add(rows: { people?: unknown; references?: unknown; topics?: unknown }[]): void {
    for (const r of rows) {
      for (const id of (r.people as string[] | null) ?? []) this.people.add(id);
      for (const id of (r.references as string[] | null) ?? []) this.references.add(id);
      for (const id of (r.topics as string[] | null) ?? []) this.topics.add(id);
    }
  }

  get size(): number {
    return this.people.size + this.references.size + this.topics.size;
  }
}

/** What is indexed of one file: its content hash and the stamp of what derived its facts (null before stamps). */
export interface Indexed {
  sha256: string;
  derived: string | null;
}

/** What is indexed for a collection, by path. */
export async function indexedMeetings(db: Db, collection: string): Promise<Map<string, Indexed>> {
  const rows = await db.readTx((tx) => S.meetingHashes.run(tx, { collection }), { label: 'ingest:hashes' });
  return new Map(rows.map((r) => [r.path as string, { sha256: r.sha256 as string, derived: (r.derived as string | null) ?? null }]));
}

/** The people a collection's meetings in the graph name, each with every form and handle written for them there. */
export async function indexedPeople(db: Db, collection: string): Promise<PersonRecord[]> {
  const rows = await db.readTx((tx) => S.collectionPeople.run(tx, { collection }), { label: 'ingest:roster' });
  return rows.map((r) => ({
    name: r.name as string,
    aliases: [...new Set(r.forms as string[])].filter((f) => f !== r.name),
    handles: [...new Set(r.handles as string[])],
  }));
}

export async function knownHandles(db: Db): Promise<{ id: string; handles: string[] }[]> {
  const rows = await db.readTx((tx) => S.knownHandles.run(tx, {}), { label: 'ingest:handles' });
  return rows.map((r) => ({ id: r.id as string, handles: r.handles as string[] }));
}

/**
 * Replaces a batch of meetings in one transaction: each is removed first
 * (a no-op for a new one; it also makes a concurrent run of the same folder
 * wait for this one), then every meeting's facts are written. The people of
 * meetings written earlier without them (`rows.completes`) replace any they have.
 */
export async function writeBatch(db: Db, rows: LoadRows, urlBase: string | undefined, orphans: Orphans): Promise<void> {
  await db.writeTx(
    async (tx) => {
      // Both are awaited together: when the server goes away, each rejects, and neither may be left unhandled.
      // Meetings written without their people are cleared of any a concurrent run of the folder gave them.
      const [removed, cleared] = await Promise.all([
        rows.meetings.length ? S.deleteMeetings.run(tx, { ids: rows.meetings.map((m) => m.id) }) : [],
        rows.completes.length ? S.clearPeople.run(tx, { ids: rows.completes.map((m) => m.id) }) : [],
        writeRows(tx, rows, urlBase ?? null),
      ]);
      orphans.add(removed);
      orphans.add(cleared);
    },
    { label: 'ingest:batch', timeoutMs: 300_000 },
  );
}

/**
 * Note: the queries are sent one after the other without waiting for each answer (the
 * server runs them in order within the transaction), so the server is not left idle
 * while this process builds the next batch.
 */
function writeRows(tx: Tx, rows: LoadRows, urlBase: string | null): Promise<unknown> {
  const runs: Promise<unknown>[] = [];
  if (rows.meetings.length) runs.push(S.writeMeetings.run(tx, { rows: rows.meetings, urlBase }));
  if (rows.people.length) runs.push(S.writePeople.run(tx, { rows: rows.people }));
  if (rows.passages.length) runs.push(S.writePassages.run(tx, { rows: rows.passages }));
  if (rows.references.length) runs.push(S.writeReferences.run(tx, { rows: rows.references }));
  if (rows.topics.length) runs.push(S.writeTopics.run(tx, { rows: rows.topics }));
  if (rows.decisions.length) runs.push(S.writeDecisions.run(tx, { rows: rows.decisions }));
  if (rows.actionItems.length) runs.push(S.writeActionItems.run(tx, { rows: rows.actionItems }));
  if (rows.acronyms.length) runs.push(S.writeAcronyms.run(tx, { rows: rows.acronyms }));
  // Meetings written earlier without their people (batches.ts): their people rows went with `people` above.
  if (rows.owners.length || rows.involved.length) runs.push(S.linkPeople.run(tx, { owners: rows.owners, involved: rows.involved }));
  if (rows.completes.length) runs.push(S.completeMeetings.run(tx, { speakers: rows.speakers, meetings: rows.completes }));
  return Promise.all(runs);
}

/** Removes meetings (deleted files) in one transaction; what they touched goes to `orphans`. */
export async function deleteMeetings(db: Db, collection: string, paths: string[], orphans: Orphans): Promise<void> {
  if (!paths.length) return;
  const rows = await db.writeTx((tx) => S.deleteMeetings.run(tx, { ids: paths.map((p) => meetingId(collection, p)) }), {
    label: 'ingest:delete',
    timeoutMs: 300_000,
  });
  orphans.add(rows);
}

/** Links that may have found no person when written (see link-people.cypher). */
export interface PersonLinks {
  owners: { item: string; person: string; rank: number }[];
  involved: { decision: string; person: string }[];
}

/**
 * Ends a collection's load in one transaction: removes the orphan candidates
 * nothing mentions any more, makes the owner and involvement links whose
 * person exists by now, and records the collection (rewriting its meetings'
 * source links when the URL base changed).
 */
export async function finishCollection(db: Db, options: { collection: string; urlBase?: string; orphans: Orphans; links: PersonLinks }): Promise<void> {
  await db.writeTx(
    async (tx) => {
      if (options.orphans.size) {
        await S.sweepOrphans.run(tx, {
          people: [...options.orphans.people],
          references: [...options.orphans.references],
          topics: [...options.orphans.topics],
        });
      }
      const { owners, involved } = options.links;
      for (let i = 0; i < Math.max(owners.length, involved.length); i += 5000) {
        await S.linkPeople.run(tx, { owners: owners.slice(i, i + 5000), involved: involved.slice(i, i + 5000) });
      }
      await S.upsertCollection.run(tx, { name: options.collection, urlBase: options.urlBase ?? null });
    },
    { label: 'ingest:finish', timeoutMs: 120_000 },
  );
}

/**
 * Where a run's meetings go and what it reads of what is indexed: the graph
 * (graphTarget: the functions above, each a transaction), or a first index
 * built outside the server and imported in one go (ingest/bulk/). Both give
 * the same graph (test/bulk.test.ts compares their fingerprints).
 */
export interface LoadTarget {
  indexedMeetings(collection: string): Promise<Map<string, Indexed>>;
  indexedPeople(collection: string): Promise<PersonRecord[]>;
  knownHandles(): Promise<{ id: string; handles: string[] }[]>;
  writeBatch(rows: LoadRows, urlBase: string | undefined, orphans: Orphans): Promise<void>;
  deleteMeetings(collection: string, paths: string[], orphans: Orphans): Promise<void>;
  finishCollection(options: { collection: string; urlBase?: string; orphans: Orphans; links: PersonLinks }): Promise<void>;
  settlePeople(ids: string[], entries: PersonEntry[]): Promise<void>;
}

/** The graph in Neo4j as a load target: every write a transaction of its own. */
export function graphTarget(db: Db): LoadTarget {
  return {
    indexedMeetings: (collection) => indexedMeetings(db, collection),
    indexedPeople: (collection) => indexedPeople(db, collection),
    knownHandles: () => knownHandles(db),
    writeBatch: (rows, urlBase, orphans) => writeBatch(db, rows, urlBase, orphans),
    deleteMeetings: (collection, paths, orphans) => deleteMeetings(db, collection, paths, orphans),
    finishCollection: (options) => finishCollection(db, options),
    settlePeople: (ids, entries) => settlePeople(db, ids, entries),
  };
}

/** Settles names and aliases of the touched people from every form seen, in one transaction. */
export async function settlePeople(db: Db, ids: string[], entries: PersonEntry[]): Promise<void> {
  if (!ids.length) return;
  const configured = configuredByForm(entries);
  await db.writeTx(
    async (tx) => {
      // Every form the graph holds of each touched person, earlier runs' meetings included; the policy is resolve/'s.
      const forms = await S.personForms.run(tx, { ids });
      const rows = forms.map((r) => settleName(r.id as string, r.forms as string[], r.handles as string[], configured));
      for (let i = 0; i < rows.length; i += 2000) await S.setPersonNames.run(tx, { rows: rows.slice(i, i + 2000) });
    },
    { label: 'ingest:people', timeoutMs: 120_000 },
  );
}
