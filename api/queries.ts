/**
 * The read queries: one .cypher file in queries/ each, loaded once at
 * startup, each with a typed runner. A test checks that every file has a
 * runner and every runner a file.
 */
import { readFileSync } from 'node:fs';
import type { Params, Row } from '../db/driver.js';
import type { Reader } from './read-batch.js';
import { projectFile } from '../schema/paths.js';
import type { Lists } from './lists.js';

/**
 * The stored properties a request reads (selection.ts): one list for every
 * `{.*` of a query, or, for a query that returns nodes of several types, a
 * list per type name (null: every property of that type).
 */
export type Projection = readonly string[] | Readonly<Record<string, readonly string[] | null>>;

export interface Runner<P extends Params, R extends Row> {
  readonly name: string;
  readonly cypher: string;
  /** Runs the query; `props`, when given, are the only stored properties its `{.*` projections return. */
  run(db: Reader, params: P, props?: Projection | null): Promise<R[]>;
}

/** Where a query takes in a part of queries/parts/: a line `// @include NAME`. */
const INCLUDE = /^([ \t]*)\/\/ @include ([\w-]+)[ \t]*$/gm;

/**
 * A query's text with each `// @include NAME` line replaced by
 * queries/parts/NAME.cypher, indented as the line was; a part may include
 * parts in turn. Note: the logic several questions share (the topic's words,
 * the threads that hold them, a meeting's lists) is written once there, so the
 * queries cannot drift apart.
 */
export function compose(text: string, part: (name: string) => string = readPart, within: readonly string[] = []): string {
  return text.replace(INCLUDE, (_line, indent: string, name: string) => {
    if (within.includes(name)) throw new Error(`queries/parts/${name}.cypher includes itself (${[...within, name].join(' → ')})`);
    return compose(part(name), part, [...within, name])
      .replace(/\n$/, '')
      .split('\n')
      .map((l) => (l ? indent + l : l))
      .join('\n');
  });
}

function readPart(name: string): string {
  return readFileSync(projectFile('queries', 'parts', `${name}.cypher`), 'utf8');
}

/** A Cypher name: a variable, a property, a map key. */
const NAME = '[A-Za-z_][A-Za-z0-9_]*';

/** A property name as a projection may list it. */
const PROPERTY = new RegExp(`^${NAME}$`);

/** A key a projection gives beside a node's own properties, from another variable: `, path: m.path`. */
const GIVEN = new RegExp(`, (${NAME}): (${NAME}\\.${NAME})`, 'g');

/** A variable's `{.*` projection, `x {.*`, with the keys given beside it. */
const ALL_OF = new RegExp(`\\b(${NAME}) \\{\\.\\*((?:, ${NAME}: ${NAME}\\.${NAME})*)`, 'g');

/**
 * A query's text with each `{.*` (every stored property of a node) narrowed
 * to `props`, and the keys given beside it (`, path: m.path`) kept only when
 * `props` names them: with ['id', 'title'], `m {.*, path: m.path}` becomes
 * `m {.id, .title}`; with ['id', 'path'], `m {.id, path: m.path}`.
 * With a list per type, `types` says which variable holds which type
 * (`{ m: 'Meeting', x: 'Passage' }`); a variable it does not name, or a type
 * the projection has no list for, keeps `{.*` and every key given.
 * Note: the names come from selection.ts's table, never from a request; a
 * name that is not an identifier is a programmer error.
 */
export function project(cypher: string, props: Projection, types: Readonly<Record<string, string>> = {}): string {
  const lists = Array.isArray(props) ? [props as readonly string[]] : Object.values(props);
  for (const list of lists) for (const p of list ?? []) if (!PROPERTY.test(p)) throw new Error(`not a property name: ${JSON.stringify(p)}`);
  return cypher.replace(ALL_OF, (whole, variable: string, beside: string) => {
    const list = Array.isArray(props)
      ? (props as readonly string[])
      : Object.hasOwn(types, variable)
        ? (props as Record<string, readonly string[] | null>)[types[variable]!]
        : null;
    if (!list) return whole;
    const given = [...beside.matchAll(GIVEN)].map((m) => ({ key: m[1]!, value: m[2]! }));
    const keys = new Set(given.map((g) => g.key));
    const entries = [...list.filter((p) => !keys.has(p)).map((p) => `.${p}`), ...given.filter((g) => list.includes(g.key)).map((g) => `${g.key}: ${g.value}`)];
    return `${variable} {${entries.join(', ')}`;
  });
}

/**
 * A query file's runner. `types`, for a query returning nodes of several
 * types, names the type each projected variable holds (see `project`).
 */
function runner<P extends Params, R extends Row>(name: string, types?: Readonly<Record<string, string>>): Runner<P, R> {
  const cypher = compose(readFileSync(projectFile('queries', `${name}.cypher`), 'utf8'));
  const label = `query:${name}`;
  // One text per selection shape, compiled once (a handful per query).
  const shapes = new Map<string, string>();
  const textFor = (props: Projection | null | undefined): string => {
    if (!props || !cypher.includes('{.*')) return cypher;
    const key = JSON.stringify(props);
    let text = shapes.get(key);
    if (text === undefined) {
      text = project(cypher, props, types);
      if (shapes.size < 256) shapes.set(key, text);
    }
    return text;
  };
  return { name, cypher, run: (db, params, props) => db.read(textFor(props), params, { label }) as Promise<R[]> };
}

export interface MeetingRow extends Row {
  id: string;
  collection: string;
  path: string;
  title: string;
  date: string | null;
  series: string;
  url?: string | null;
}
export interface PersonRow extends Row {
  id: string;
  name: string;
  aliases: string[];
  handles?: string[];
}
export interface ReferenceRow extends Row {
  id: string;
  kind: string;
  url: string | null;
  title: string | null;
}
export interface TopicRow extends Row {
  id: string;
  name: string;
}
/** Passages, decisions and action items carry their meeting's coordinates for the source link. */
export interface Located extends Row {
  id: string;
  meetingId: string;
  collection: string;
  path: string;
  meetingUrl: string | null;
  startLine: number;
  endLine: number;
  text: string;
}
export interface PassageRow extends Located {
  section: string;
}
export interface DecisionRow extends Located {
  section: string;
}
export interface ActionItemRow extends Located {
  owner: PersonRow | null;
  owners: PersonRow[];
  ownerGroup: string | null;
}

/** A topic in free text, as word groups (schema/terms.ts), with the usual filters. */
type TopicFilters = Filters & { groups: string[]; named: number };
/** A reference by canonical id, or a topic as word groups. */
type RefOrTopic = { refs: string[]; query: string | null; discussed: string[] | null; collection: string | null; decisions: boolean; passages: boolean };
export interface DiscussionRow extends Row {
  meeting: MeetingRow;
  people: PersonRow[];
  passages: PassageRow[];
  score: number;
}
export interface FollowUpRow extends Row {
  reference: ReferenceRow;
  firstMeeting: MeetingRow;
}
export interface TimelineRow extends Row {
  meeting: MeetingRow;
  passages: PassageRow[];
  decisions: DecisionRow[];
  score: number;
}

type Ids = { ids: string[] };
/** Ids, and how many of the list to read per parent (`lists.<field>`: queries/parts/). */
type IdsCut = { ids: string[]; lists: Record<string, number> };
/** A meeting with the lists its query read (lists.ts): those not asked for are empty. */
export type MeetingWithLists = { meeting: MeetingRow } & Record<keyof Lists<'Meeting'>, unknown>;
/** The variables that hold each type in a query that reads a meeting's lists (queries/parts/meeting-*.cypher). */
export const MEETING_LISTS = { m: 'Meeting', p: 'Person', d: 'Decision', a: 'ActionItem', x: 'Passage' } as const;
type Filters = { collection: string | null; series: string | null; from: string | null; to: string | null; first: number };

export type Queries = ReturnType<typeof loadQueries>;

/** The calibration a discussion is ranked by (api/calibration.ts DISCUSSION). */
type Calibrated = { cutoff: number; relative: number; planned: number; again: number; template: number; templateChars: number; short: number; near: number };

/** Reads every query file. Throws at startup, naming the file, when one is missing. */
export function loadQueries() {
  return {
    meeting: runner<{ collection: string; path: string; lists: Lists<'Meeting'> }, MeetingWithLists>('meeting', MEETING_LISTS),
    meetings: runner<Filters & { lists: Lists<'Meeting'> }, MeetingWithLists>('meetings', MEETING_LISTS),
    person: runner<
      { id: string; name: string; key: string; phrase: string | null; lists: Lists<'Person'> },
      { person: PersonRow; meetings: unknown; topics: unknown }
    >('person', { p: 'Person', m: 'Meeting' }),
    search: runner<{ query: string; collection: string | null; first: number }, { passage: PassageRow; score: number }>('search', {
      node: 'Passage',
      m: 'Meeting',
      p: 'Person',
    }),
    collections: runner<Params, { collection: Row }>('collections'),
    meetingsById: runner<Ids, { id: string; meeting: MeetingRow }>('meetings-by-id'),
    meetingAttendees: runner<Ids, { id: string; attendees: PersonRow[] }>('meeting-attendees'),
    meetingSpeakers: runner<Ids, { id: string; speakers: PersonRow[] }>('meeting-speakers'),
    meetingReferences: runner<Ids, { id: string; references: ReferenceRow[] }>('meeting-references'),
    meetingDecisions: runner<Ids, { id: string; decisions: DecisionRow[] }>('meeting-decisions'),
    meetingActionItems: runner<Ids, { id: string; actionItems: ActionItemRow[] }>('meeting-action-items'),
    meetingTopics: runner<Ids, { id: string; topics: TopicRow[] }>('meeting-topics'),
    meetingPassages: runner<IdsCut, { id: string; passages: PassageRow[] }>('meeting-passages'),
    personMeetings: runner<IdsCut, { id: string; meetings: MeetingRow[] }>('person-meetings'),
    personTopics: runner<IdsCut, { id: string; topics: TopicRow[] }>('person-topics'),
    referenceMeetings: runner<Ids, { id: string; meetings: MeetingRow[] }>('reference-meetings'),
    topicMeetings: runner<Ids, { id: string; meetings: MeetingRow[] }>('topic-meetings'),
    decisionPeople: runner<Ids, { id: string; people: PersonRow[] }>('decision-people'),
    decisionTopics: runner<Ids, { id: string; topics: TopicRow[] }>('decision-topics'),
    decisionReferences: runner<Ids, { id: string; refs: ReferenceRow[] }>('decision-references'),
    passageSpeakers: runner<Ids, { id: string; person: PersonRow }>('passage-speakers'),
    discussions: runner<TopicFilters & Calibrated & { people: boolean; passages: boolean }, DiscussionRow>('discussions', { m: 'Meeting', x: 'Passage' }),
    discussed: runner<TopicFilters & Calibrated, { id: string; score: number }>('discussed'),
    decisions: runner<TopicFilters & { cutoff: number; context: number }, { decision: DecisionRow; score: number }>('decisions'),
    followUps: runner<TopicFilters, FollowUpRow>('follow-ups', { first: 'Meeting' }),
    timeline: runner<RefOrTopic, TimelineRow>('timeline', { m: 'Meeting', x: 'Passage', d: 'Decision' }),
    acronyms: runner<{ words: string[]; phrases: string[]; collection: string | null }, { short: string; long: string }>('acronyms'),
    topicReferences: runner<{ groups: string[]; collection: string | null; named: number }, { id: string; named: number }>('topic-references'),
  };
}
