/**
 * Turns meeting records into the parameter rows of the load queries
 * (ingest/load/cypher/*.cypher): ids assigned, terms computed, one array per query.
 */
import { createHash } from 'node:crypto';
import { indexTerms, termQuery, terms } from '../../schema/terms.js';
import type { PeopleDirectory } from '../resolve/people.js';
import type { MeetingRecord, PersonRecord, TopicRecord } from '../types.js';

export interface LoadRows {
  /** `urlPath`: the note's path as it goes into a source link, each segment percent-encoded (`Q&A 1.md` → `Q%26A%201.md`). */
  meetings: { id: string; props: Record<string, unknown>; urlPath: string }[];
  people: { person: string; meeting: string; attended: boolean; spoke: number; named: boolean; forms: string[]; handles: string[] }[];
  passages: { id: string; meeting: string; speaker: string | null; props: Record<string, unknown> }[];
  references: { id: string; meeting: string; kind: string; url: string | null; title: string | null; terms: string; lines: number[]; passages: string[] }[];
  topics: {
    id: string;
    meeting: string;
    name: string;
    terms: string;
    query: string | null;
    weight: number;
    kind: string | null;
    refs: string[];
    passages: string[];
  }[];
  decisions: { id: string; meeting: string; props: Record<string, unknown>; people: string[]; topics: string[]; refs: string[] }[];
  actionItems: { id: string; meeting: string; owner: string | null; owners: string[]; props: Record<string, unknown> }[];
  acronyms: { id: string; meeting: string; props: { meetingId: string; collection: string; short: string; long: string; text: string; line: number } }[];
  /** What completes a meeting written without its people (addPeopleRows): passages' speakers, owners, decisions' people, content hashes. */
  speakers: { passage: string; person: string }[];
  owners: { item: string; person: string; rank: number }[];
  involved: { decision: string; person: string }[];
  completes: { id: string; sha256: string }[];
}

export const emptyRows = (): LoadRows => ({
  meetings: [],
  people: [],
  passages: [],
  references: [],
  topics: [],
  decisions: [],
  actionItems: [],
  acronyms: [],
  speakers: [],
  owners: [],
  involved: [],
  completes: [],
});

/** The id of a meeting: its collection and its path. */
export const meetingId = (collection: string, path: string): string => `${collection}/${path}`;

/**
 * The key a passage shares with every passage of its collection written word
 * for word alike (case and spacing aside): a read query counts them to tell a
 * line of the notes' template ("Link to Code of Conduct: …" atop every
 * minutes) from what a meeting said. A fact of the passage alone, so a
 * meeting is still written whole.
 */
export function sameKey(collection: string, text: string): string {
  const line = text.toLowerCase().replace(/\s+/g, ' ').trim();
  return createHash('sha1').update(`${collection}\n${line}`).digest('base64url').slice(0, 16);
}

/** A topic's id: its normalised terms (`Page maps` and `page-map` are one topic). */
export const topicId = (name: string): string => terms(name).join(' ');

/** The full-text query that finds a topic's name in passages (schema/terms.ts), or null. */
function topicQuery(name: string): string | null {
  try {
    return termQuery(name);
  } catch {
    return null;
  }
}

/**
 * What of a meeting depends on who its people are, and nothing else of it: a
 * writer keeps this much of a meeting whose people's ids may still change
 * and writes the rest at once (ingest/load/batches.ts). Indices into `people`.
 */
export interface PeoplePart {
  collection: string;
  path: string;
  series: string;
  sha256: string;
  people: PersonRecord[];
  attendees: number[];
  /** Each passage's speaker, or null. */
  speakers: (number | null)[];
  /** Each decision's people. */
  decisions: number[][];
  /** Each action item's owners, the first one first. */
  owners: number[][];
}

export const peoplePart = (r: MeetingRecord): PeoplePart => ({
  collection: r.collection,
  path: r.path,
  series: r.series,
  sha256: r.sha256,
  people: r.people,
  attendees: r.attendees,
  speakers: r.passages.map((p) => p.speaker),
  decisions: r.decisions.map((d) => d.people),
  owners: r.actionItems.map(ownersOf),
});

/** Each of the part's people's Person id, as the directory resolves them now. */
export const personIdsOf = (part: PeoplePart, people: PeopleDirectory): string[] => part.people.map((p) => people.idOf(p, part));

/** Appends one meeting's rows. */
export function addMeetingRows(rows: LoadRows, record: MeetingRecord, people: PeopleDirectory, derived: string): void {
  const part = peoplePart(record);
  const personIds = personIdsOf(part, people);
  addFactRows(rows, record, derived, personIds);
  addPersonRows(rows, part, personIds);
}

/**
 * Appends the rows of a meeting whose people are written later
 * (`addPeopleRows`): no person row, no speaker, owner or party to a decision,
 * and no content hash, so that a run that ends before its people are written
 * leaves the note to be indexed again.
 */
export function addMeetingRowsWithoutPeople(rows: LoadRows, record: MeetingRecord, derived: string): void {
  addFactRows(rows, record, derived, null);
}

/**
 * Appends the rows that complete a meeting written without its people: its
 * person rows, its passages' speakers, its owners and decisions' people, and
 * its content hash.
 */
export function addPeopleRows(rows: LoadRows, part: PeoplePart, personIds: readonly string[]): void {
  const mid = meetingId(part.collection, part.path);
  addPersonRows(rows, part, personIds);
  part.speakers.forEach((s, i) => {
    if (s !== null) rows.speakers.push({ passage: `${mid}#p${i}`, person: personIds[s]! });
  });
  part.owners.forEach((owners, i) => idsOf(owners, personIds).forEach((person, rank) => rows.owners.push({ item: `${mid}#a${i}`, person, rank })));
  part.decisions.forEach((people, i) => {
    for (const person of idsOf(people, personIds)) rows.involved.push({ decision: `${mid}#d${i}`, person });
  });
  rows.completes.push({ id: mid, sha256: part.sha256 });
}

/** Appends a meeting's person rows: who attended, spoke or was named (an owner, a party to a decision). */
function addPersonRows(rows: LoadRows, part: PeoplePart, personIds: readonly string[]): void {
  const mid = meetingId(part.collection, part.path);
  const spoke = new Map<number, number>();
  for (const s of part.speakers) if (s !== null) spoke.set(s, (spoke.get(s) ?? 0) + 1);
  const attended = new Set(part.attendees);
  // Two records of one meeting may name the same human: merge their rows.
  const byPerson = new Map<string, LoadRows['people'][number]>();
  // People who neither attended nor spoke but own an action item or took part in a decision.
  const named = new Set<number>([...part.owners.flat(), ...part.decisions.flat()]);
  part.people.forEach((p, i) => {
    if (!attended.has(i) && !spoke.has(i) && !named.has(i)) return;
    const id = personIds[i]!;
    const row = byPerson.get(id) ?? { person: id, meeting: mid, attended: false, spoke: 0, named: false, forms: [], handles: [] };
    row.attended ||= attended.has(i);
    row.named ||= named.has(i);
    row.spoke += spoke.get(i) ?? 0;
    for (const f of [p.name, ...p.aliases]) if (!row.forms.includes(f)) row.forms.push(f);
    for (const h of p.handles) if (!row.handles.includes(h)) row.handles.push(h);
    byPerson.set(id, row);
  });
  rows.people.push(...byPerson.values());
}

/** Appends a meeting's own rows: the meeting, passages, references, topics, decisions, action items, acronyms; people's links only with `personIds`. */
function addFactRows(rows: LoadRows, record: MeetingRecord, derived: string, personIds: readonly string[] | null): void {
  const mid = meetingId(record.collection, record.path);
  rows.meetings.push({
    id: mid,
    props: {
      collection: record.collection,
      path: record.path,
      title: record.title,
      date: record.date,
      series: record.series,
      sha256: personIds ? record.sha256 : null,
      derived,
    },
    urlPath: record.path.split('/').map(encodeURIComponent).join('/'),
  });

  const passageIds = record.passages.map((_, i) => `${mid}#p${i}`);
  record.passages.forEach((p, i) => {
    rows.passages.push({
      id: passageIds[i]!,
      meeting: mid,
      speaker: p.speaker !== null && personIds ? personIds[p.speaker]! : null,
      props: {
        meetingId: mid,
        collection: record.collection,
        idx: i,
        text: p.text,
        section: p.section,
        startLine: p.startLine,
        endLine: p.endLine,
        terms: indexTerms(p.text, p.section),
        same: sameKey(record.collection, p.text),
        speakerAs: p.speakerAs ?? null,
        thread: p.thread ?? i,
        role: p.role ?? null,
        head: p.head ?? false,
        aka: p.aka ?? null,
      },
    });
  });

  const shared = sharedRows(record, mid, passageIds);
  rows.references.push(...shared.references);
  rows.topics.push(...shared.topics);
  const topicIds = shared.topicIds;

  record.decisions.forEach((d, i) => {
    rows.decisions.push({
      id: `${mid}#d${i}`,
      meeting: mid,
      props: {
        meetingId: mid,
        collection: record.collection,
        text: d.text,
        section: d.section,
        startLine: d.startLine,
        endLine: d.endLine,
        terms: indexTerms(`${d.text} ${d.section} ${d.topics.join(' ')}`),
      },
      people: personIds ? idsOf(d.people, personIds) : [],
      topics: [...new Set(d.topics.map((t) => topicIds.get(t)).filter((t): t is string => !!t))],
      refs: [...new Set(d.refs)].filter((id) => record.references.some((x) => x.id === id)),
    });
  });

  record.actionItems.forEach((a, i) => {
    rows.actionItems.push({
      id: `${mid}#a${i}`,
      meeting: mid,
      owner: a.owner !== null && personIds ? (personIds[a.owner] ?? null) : null,
      owners: personIds ? idsOf(ownersOf(a), personIds) : [],
      props: { meetingId: mid, text: a.text, startLine: a.startLine, endLine: a.endLine, ownerGroup: a.ownerGroup ?? null },
    });
  });
  addAcronymRows(rows, record, mid);
}

/** Appends the rows of the acronyms a meeting defines (records made before `acronyms` existed have none). */
function addAcronymRows(rows: LoadRows, record: MeetingRecord, mid: string): void {
  (record.acronyms ?? []).forEach((a, i) => {
    rows.acronyms.push({
      id: `${mid}#x${i}`,
      meeting: mid,
      props: { meetingId: mid, collection: record.collection, short: a.short, long: a.long, text: a.text, line: a.line },
    });
  });
}

/** The Person ids of people (indices into the record's people), each once, in order. */
function idsOf(people: readonly number[], personIds: readonly string[]): string[] {
  return [...new Set(people.map((p) => personIds[p]).filter((id): id is string => !!id))];
}

/** Every owner of an action item, the first one first (records made before `owners` existed carry only `owner`). */
function ownersOf(a: MeetingRecord['actionItems'][number]): number[] {
  return a.owners?.length ? a.owners : a.owner !== null ? [a.owner] : [];
}

/** A meeting's reference and topic rows. `topicIds`: each topic name's id, for the decisions' rows. */
function sharedRows(
  record: MeetingRecord,
  mid: string,
  passageIds: readonly string[],
): Pick<LoadRows, 'references' | 'topics'> & { topicIds: Map<string, string> } {
  const references: LoadRows['references'] = [];
  const passagesOfRef = new Map<string, string[]>();
  record.passages.forEach((p, i) => {
    for (const ref of new Set(p.refs)) {
      const list = passagesOfRef.get(ref) ?? [];
      list.push(passageIds[i]!);
      passagesOfRef.set(ref, list);
    }
  });
  for (const ref of record.references) {
    references.push({
      id: ref.id,
      meeting: mid,
      kind: ref.kind,
      url: ref.url ?? null,
      title: ref.title ?? null,
      terms: indexTerms(ref.id.replace(/^(crate|advisory):/, '')),
      lines: [...new Set(ref.lines)].sort((a, b) => a - b),
      passages: passagesOfRef.get(ref.id) ?? [],
    });
  }

  const topicIds = new Map<string, string>();
  // The decisions' topics are among the record's (extract/extract.ts withDecisionTopics).
  const allTopics: readonly TopicRecord[] = record.topics;
  const topicRows = new Map<string, LoadRows['topics'][number]>();
  for (const t of allTopics) {
    const id = t.key || topicId(t.name);
    if (!id) continue;
    topicIds.set(t.name, id);
    const existing = topicRows.get(id);
    const refs = (t.refs ?? []).filter((ref) => record.references.some((x) => x.id === ref));
    if (existing) {
      existing.weight += t.weight;
      for (const p of t.passages) if (!existing.passages.includes(passageIds[p]!)) existing.passages.push(passageIds[p]!);
      for (const ref of refs) if (!existing.refs.includes(ref)) existing.refs.push(ref);
      continue;
    }
    topicRows.set(id, {
      id,
      meeting: mid,
      name: t.name,
      terms: indexTerms(t.name),
      query: topicQuery(t.name),
      weight: t.weight,
      kind: t.kind ?? null,
      refs,
      passages: t.passages.map((p) => passageIds[p]!).filter(Boolean),
    });
  }
  return { references, topics: [...topicRows.values()], topicIds };
}
