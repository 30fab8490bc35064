/**
 * Writes meeting records to Neo4j. Each batch of whole meetings is one write
 * transaction (a reader never sees half a meeting): the meetings' old facts
 * are removed and the new ones written with parameterised UNWIND queries from
 * ingest/cypher/. Afterwards people no longer mentioned are swept and each
 * touched person's name and aliases settled from every form seen.
 */
import { readFileSync } from 'node:fs';
import type { Db, Tx } from '../db/driver.js';
import { projectFile } from '../schema/paths.js';
import type { PersonEntry } from './config.js';
import { foldName } from '../schema/names.js';
import { nameAndAliases, type PeopleDirectory } from './resolve-people.js';
import { addMeetingRows, emptyRows, meetingId, type LoadRows } from './rows.js';
import type { MeetingRecord } from './types.js';

const cache = new Map<string, string>();

/** The text of ingest/cypher/NAME.cypher, read once. */
export function cypher(name: string): string {
  let text = cache.get(name);
  if (text === undefined) {
    text = readFileSync(projectFile('ingest', 'cypher', `${name}.cypher`), 'utf8');
    cache.set(name, text);
  }
  return text;
}

/** Paths and content hashes of what is indexed for a collection. */
export async function indexedHashes(db: Db, collection: string): Promise<Map<string, string>> {
  const rows = await db.read(cypher('meeting-hashes'), { collection }, { label: 'ingest:hashes' });
  return new Map(rows.map((r) => [r.path as string, r.sha256 as string]));
}

export async function knownHandles(db: Db): Promise<{ id: string; handles: string[] }[]> {
  const rows = await db.read(cypher('known-handles'), {}, { label: 'ingest:handles' });
  return rows.map((r) => ({ id: r.id as string, handles: r.handles as string[] }));
}

export async function upsertCollection(db: Db, name: string, urlBase: string | undefined): Promise<void> {
  await db.write(cypher('upsert-collection'), { name, urlBase: urlBase ?? null }, { label: 'ingest:collection' });
}

/** Replaces the given meetings' facts in one transaction; returns the person ids touched. */
export async function loadBatch(db: Db, records: MeetingRecord[], people: PeopleDirectory): Promise<string[]> {
  const rows = emptyRows();
  for (const r of records) addMeetingRows(rows, r, people);
  await db.writeTx(async (tx) => {
    await tx.run(cypher('delete-meetings'), { ids: rows.meetings.map((m) => m.id) });
    await writeRows(tx, rows);
  }, { label: 'ingest:batch', timeoutMs: 120_000 });
  return [...new Set(rows.people.map((p) => p.person))];
}

async function writeRows(tx: Tx, rows: LoadRows): Promise<void> {
  await tx.run(cypher('write-meetings'), { rows: rows.meetings });
  if (rows.people.length) await tx.run(cypher('write-people'), { rows: rows.people });
  if (rows.passages.length) await tx.run(cypher('write-passages'), { rows: rows.passages });
  if (rows.references.length) await tx.run(cypher('write-references'), { rows: rows.references });
  if (rows.topics.length) await tx.run(cypher('write-topics'), { rows: rows.topics });
  if (rows.decisions.length) await tx.run(cypher('write-decisions'), { rows: rows.decisions });
  if (rows.actionItems.length) await tx.run(cypher('write-action-items'), { rows: rows.actionItems });
}

/** Removes meetings (deleted files) in one transaction. */
export async function deleteMeetings(db: Db, collection: string, paths: string[]): Promise<void> {
  if (!paths.length) return;
  await db.write(cypher('delete-meetings'), { ids: paths.map((p) => meetingId(collection, p)) }, { label: 'ingest:delete', timeoutMs: 120_000 });
}

/** Sweeps orphans and settles names and aliases of the touched people. */
export async function settlePeople(db: Db, ids: string[], entries: PersonEntry[]): Promise<void> {
  await db.write(cypher('sweep-orphans'), {}, { label: 'ingest:sweep', timeoutMs: 120_000 });
  if (!ids.length) return;
  const configured = new Map<string, PersonEntry>();
  for (const e of entries) for (const f of [e.name, ...(e.aliases ?? [])]) configured.set(foldName(f), e);
  const forms = await db.read(cypher('person-forms'), { ids }, { label: 'ingest:person-forms', timeoutMs: 120_000 });
  const rows = forms.map((r) => {
    const seen = r.forms as string[];
    const entry = seen.map((f) => configured.get(foldName(f))).find(Boolean);
    const all = entry ? [entry.name, ...(entry.aliases ?? []), ...seen] : seen;
    const { name, aliases } = nameAndAliases(r.id as string, all);
    const handles = [...new Set([...(r.handles as string[]), ...(entry?.handles ?? [])])].sort();
    // An explicitly configured canonical name wins over the fullest form seen.
    if (entry && foldName(name) !== foldName(entry.name)) {
      return { id: r.id, name: entry.name, aliases: withHandles(entry.name, [name, ...aliases], handles), handles };
    }
    return { id: r.id, name, aliases: withHandles(name, aliases, handles), handles };
  });
  for (let i = 0; i < rows.length; i += 2000) {
    await db.write(cypher('set-person-names'), { rows: rows.slice(i, i + 2000) }, { label: 'ingest:person-names' });
  }
}

/** Aliases are every other form seen, handles included; each once, never the name itself. */
function withHandles(name: string, aliases: string[], handles: string[]): string[] {
  const out = new Map<string, string>();
  for (const a of [...aliases, ...handles]) if (foldName(a) !== foldName(name) && !out.has(foldName(a))) out.set(foldName(a), a);
  return [...out.values()].sort((a, b) => a.localeCompare(b));
}
