import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { buildApp } from '../api/app.js';
import { project } from '../api/queries.js';
import type { Db, Params, Row } from '../db/driver.js';
import { seededDb } from './support/graph.js';

/** A query the app sent, with the rows Neo4j gave back. */
interface Sent {
  cypher: string;
  rows: Row[];
}

let db: Db;
let app: FastifyInstance;
const sent: Sent[] = [];

async function gql(query: string) {
  sent.length = 0;
  const res = await app.inject({ method: 'POST', url: '/graphql', payload: { query } });
  return res.json() as { data?: any; errors?: { message: string }[] };
}

/** The rows of the one query whose text opens with `question` (the query file's first line). */
function rowsOf(question: string): Sent {
  const found = sent.filter((s) => s.cypher.startsWith(question));
  expect(found, question).toHaveLength(1);
  return found[0]!;
}

/** Every key of the objects a row holds, however deep (the collected nodes of a loader's row). */
function keysOf(value: unknown, into = new Set<string>()): Set<string> {
  if (Array.isArray(value)) for (const v of value) keysOf(v, into);
  else if (value && typeof value === 'object') for (const k of Object.keys(value)) into.add(k);
  return into;
}

beforeAll(async () => {
  db = await seededDb();
  // The real Db, watched: every read the app sends goes to Neo4j and is recorded with its rows.
  const watched = Object.create(db) as Db;
  watched.read = async (cypher: string, params?: Params, o?: object) => {
    const rows = await db.read(cypher, params, o);
    sent.push({ cypher, rows });
    return rows;
  };
  watched.readAll = async (queries, o) => {
    const results = await db.readAll(queries, o);
    queries.forEach((q, i) => sent.push({ cypher: q.cypher, rows: results[i]! }));
    return results;
  };
  app = await buildApp({ db: watched, logger: false, cacheMb: 0 });
});
afterAll(async () => {
  await app?.close();
  await db?.close();
});

describe('a request reads only the properties it selects', () => {
  test('project narrows every {.* of a query and refuses what is not a property name', () => {
    expect(project('RETURN m {.*} AS a, x {.*, path: m.path} AS b', ['id', 'title'])).toBe('RETURN m {.id, .title} AS a, x {.id, .title} AS b');
    // A key given beside the node's own properties is kept when the list names it, in place of the stored one.
    expect(project('RETURN x {.*, path: m.path, url: m.url, owner: o} AS b', ['id', 'path'])).toBe('RETURN x {.id, path: m.path, owner: o} AS b');
    expect(() => project('RETURN m {.*}', ['id} AS x //'])).toThrow(/not a property name/);
  });

  test('project narrows each variable by its type, and keeps {.* where the type is read whole or not named', () => {
    const cypher = 'RETURN m {.*} AS a, [x IN xs | x {.*, path: m.path}] AS b, d {.*} AS c, y {.*} AS e';
    expect(project(cypher, { Meeting: ['id', 'date'], Passage: ['id', 'text'], Decision: null }, { m: 'Meeting', x: 'Passage', d: 'Decision' })).toBe(
      'RETURN m {.id, .date} AS a, [x IN xs | x {.id, .text}] AS b, d {.*} AS c, y {.*} AS e',
    );
    expect(() => project(cypher, { Passage: ['text AS t'] }, { x: 'Passage' })).toThrow(/not a property name/);
  });

  test('a meeting: the row holds the selected properties and the id, no others', async () => {
    const body = await gql('{ meeting(collection: "seeds", path: "001_47f3fa9c104fb741.txt") { title } }');
    expect(body.data.meeting.title).toBeTruthy();
    const q = rowsOf('// Which meeting is this?');
    expect(q.cypher).toContain('m {.id, .title} AS meeting');
    expect(Object.keys(q.rows[0]!.meeting as object).sort()).toEqual(['id', 'title']);
  });

  test('a person and the people of a meeting: the name without the aliases and handles', async () => {
    const body = await gql('{ person(name: "Alex Crichton") { name meetings(first: 2) { attendees { name } } } }');
    expect(body.data.person.name).toBe('Alex Crichton');
    expect(Object.keys(rowsOf('// Who is this?').rows[0]!.person as object).sort()).toEqual(['id', 'name']);
    expect([...keysOf(rowsOf('// Who attended each of these meetings?').rows.map((r) => r.attendees))].sort()).toEqual(['id', 'name']);
  });

  test('search: a passage without its index terms, and with the lines its source needs', async () => {
    const body = await gql('{ search(text: "component model", first: 5) { text source { path startLine endLine } } }');
    expect(body.errors).toBeUndefined();
    expect(body.data.search.length).toBeGreaterThan(0);
    for (const x of body.data.search) expect(x.source.startLine).toBeGreaterThan(0);
    const keys = keysOf(rowsOf('// Which passages say this?').rows.map((r) => r.passage));
    expect([...keys].sort()).toEqual(['collection', 'endLine', 'id', 'meeting', 'meetingUrl', 'path', 'speaker', 'startLine', 'text']);
  });

  test("search: a passage's meeting and speaker come with it, in the same query", async () => {
    const body = await gql('{ search(text: "component model", first: 5) { text meeting { title path } speaker { name } } }');
    expect(body.errors).toBeUndefined();
    expect(body.data.search.length).toBeGreaterThan(0);
    for (const x of body.data.search) expect(x.meeting.title).toBeTruthy();
    expect(body.data.search.some((x: { speaker: unknown }) => x.speaker !== null)).toBe(true);
    expect(sent.map((s) => s.cypher.split('\n')[0])).toEqual(['// Which passages say this? Passages whose normalised terms match the text,']);
    // Each read as selected: the meeting's title and path, the speaker's name (and the ids the loaders key on).
    const passages = rowsOf('// Which passages say this?').rows.map((r) => r.passage as Record<string, unknown>);
    expect([...keysOf(passages.map((x) => x.meeting))].sort()).toEqual(['id', 'path', 'title']);
    expect([...keysOf(passages.map((x) => x.speaker))].sort()).toEqual(['id', 'name']);
    await gql('{ search(text: "component model", first: 5) { text } }');
    const bare = rowsOf('// Which passages say this?').rows.map((r) => r.passage as Record<string, unknown>);
    expect([...keysOf(bare.map((x) => x.meeting))]).toEqual(['id']);
  });

  test('nested levels: each loader reads what its type is asked for, across aliases and fragments', async () => {
    const body = await gql(`{ meetings(collection: "seeds", first: 3) {
      ...when
      a: decisions { text }
      b: decisions { source { startLine } }
      actionItems { owner { name } }
    } }
    fragment when on Meeting { date }`);
    expect(body.errors).toBeUndefined();
    const withDecisions = body.data.meetings.filter((m: { a: unknown[] }) => m.a.length);
    expect(withDecisions.length).toBeGreaterThan(0);
    for (const m of withDecisions) {
      expect(m.a.every((d: { text: string }) => d.text)).toBe(true);
      expect(m.b.every((d: { source: { startLine: number } }) => d.source.startLine > 0)).toBe(true);
    }
    const meetings = rowsOf('// Which meetings were held?').rows;
    expect([...keysOf(meetings.map((r) => r.meeting))].sort()).toEqual(['date', 'id']);
    expect([...keysOf(meetings.map((r) => r.decisions))].sort()).toEqual(['collection', 'endLine', 'id', 'meetingUrl', 'path', 'startLine', 'text']);
    const items = keysOf(meetings.map((r) => r.actionItems));
    expect(items.has('text')).toBe(false);
    expect(items.has('owner')).toBe(true);
  });

  test("an answer's meeting, passages and decisions are each read as selected", async () => {
    // A reference of the seeds whose timeline holds a decision.
    const seeds = await gql('{ meetings(collection: "seeds") { references { id } } }');
    const refs: string[] = seeds.data.meetings.flatMap((m: { references: { id: string }[] }) => m.references.map((r) => r.id));
    let rows: Row[] = [];
    let withDecisions = '';
    for (const ref of refs) {
      const body = await gql(`{ timeline(ref: "${ref}") { meeting { date } passages { text } decisions { source { startLine } } } }`);
      expect(body.errors).toBeUndefined();
      rows = rowsOf('// When did this reference (or topic) come up?').rows;
      expect(body.data.timeline).toHaveLength(rows.length);
      if (rows.some((r) => (r.decisions as object[]).length)) {
        withDecisions = ref;
        break;
      }
    }
    expect([...keysOf(rows.map((r) => r.meeting))].sort()).toEqual(['date', 'id']);
    // The passages' text without the meeting's coordinates, which only a source link reads.
    expect([...keysOf(rows.map((r) => r.passages))].sort()).toEqual(['id', 'text']);
    const decided = rows.flatMap((r) => r.decisions as object[]);
    expect(decided.length).toBeGreaterThan(0);
    expect([...keysOf(decided)].sort()).toEqual(['collection', 'endLine', 'id', 'meetingUrl', 'path', 'startLine']);
    // Not asked for, the decisions are not looked up: the same meetings, none of their decisions.
    const without = await gql(`{ timeline(ref: "${withDecisions}") { meeting { date } } }`);
    expect(without.data.timeline.map((e: { meeting: { date: string } }) => e.meeting.date)).toEqual(rows.map((r) => (r.meeting as { date: string }).date));
    expect(rowsOf('// When did this reference (or topic) come up?').rows.every((r) => (r.decisions as object[]).length === 0)).toBe(true);
    // Nor the passages (they still find and order the meetings); an entry's why reads them.
    expect(rows.some((r) => (r.passages as object[]).length > 0)).toBe(true);
    expect(rowsOf('// When did this reference (or topic) come up?').rows.every((r) => (r.passages as object[]).length === 0)).toBe(true);
    const why = await gql(`{ timeline(ref: "${withDecisions}") { meeting { date } why { term } } }`);
    expect(why.data.timeline.map((e: { meeting: { date: string } }) => e.meeting.date)).toEqual(rows.map((r) => (r.meeting as { date: string }).date));
    expect(rowsOf('// When did this reference (or topic) come up?').rows.every((r) => (r.passages as object[]).length > 0)).toBe(true);
  });

  test('a discussion whose people are not asked for does not look them up', async () => {
    const asked = await gql('{ discussions(topic: "component model", first: 3) { meeting { id } people { name } } }');
    const withPeople = rowsOf('// Where was this topic discussed').rows;
    expect(withPeople.some((r) => (r.people as object[]).length > 0)).toBe(true);
    const without = await gql('{ discussions(topic: "component model", first: 3) { meeting { id } } }');
    expect(without.data.discussions).toEqual(asked.data.discussions.map((d: { meeting: unknown }) => ({ meeting: d.meeting })));
    expect(rowsOf('// Where was this topic discussed').rows.every((r) => (r.people as object[]).length === 0)).toBe(true);
    // Nor their passages, which a request that asks for them gets.
    expect(rowsOf('// Where was this topic discussed').rows.every((r) => (r.passages as object[]).length === 0)).toBe(true);
    const passages = await gql('{ discussions(topic: "component model", first: 3) { meeting { id } passages { text } } }');
    expect(passages.data.discussions.map((d: { meeting: unknown }) => d.meeting)).toEqual(asked.data.discussions.map((d: { meeting: unknown }) => d.meeting));
    expect(passages.data.discussions.every((d: { passages: unknown[] }) => d.passages.length > 0)).toBe(true);
  });

  test("a discussion's why reads its passages whole (their index terms)", async () => {
    const body = await gql('{ discussions(topic: "component model", first: 3) { meeting { title } why { term } } }');
    expect(body.errors).toBeUndefined();
    expect(body.data.discussions.length).toBeGreaterThan(0);
    expect(body.data.discussions.some((d: { why: unknown[] }) => d.why.length > 0)).toBe(true);
    const q = rowsOf('// Where was this topic discussed');
    expect(q.cypher).toContain('m {.id, .title}');
    expect(q.cypher).toContain('x {.*,');
    expect(keysOf(q.rows.map((r) => r.passages)).has('terms')).toBe(true);
  });

  test('a field computed from the whole node (why) still gets every property', async () => {
    const body = await gql('{ meeting(collection: "seeds", path: "001_47f3fa9c104fb741.txt") { decisions { why { term } } } }');
    expect(body.errors).toBeUndefined();
    const q = rowsOf('// Which meeting is this?');
    expect(q.cypher).toContain('d {.*,');
    expect(q.cypher).toContain('m {.id} AS meeting');
  });
});

describe("a parent's lists are read with it", () => {
  const firstLines = () => sent.map((s) => s.cypher.split('\n')[0]);

  test('a meeting and every list the request selects of it: one query', async () => {
    const body = await gql(`{ meeting(collection: "seeds", path: "001_47f3fa9c104fb741.txt") {
      title attendees { name } speakers { name } references { id } decisions { text } actionItems { text owner { name } } topics { name }
      passages(first: 3) { text }
    } }`);
    expect(body.errors).toBeUndefined();
    const m = body.data.meeting;
    expect(m.attendees).toHaveLength(11);
    expect(m.speakers.map((p: { name: string }) => p.name)).toContain('Alex Crichton');
    expect(m.references).toContainEqual({ id: 'bytecodealliance/rfcs#43' });
    expect(m.passages).toHaveLength(3);
    expect(m.topics.length).toBeGreaterThan(0);
    expect(firstLines()).toEqual(['// Which meeting is this? One meeting by its collection and path, with the']);
  });

  test('a list the request does not select is not read', async () => {
    await gql('{ meeting(collection: "seeds", path: "001_47f3fa9c104fb741.txt") { title speakers { name } } }');
    const [row] = rowsOf('// Which meeting is this?').rows;
    expect((row!.speakers as unknown[]).length).toBeGreaterThan(0);
    for (const list of ['attendees', 'references', 'decisions', 'actionItems', 'topics', 'passages']) expect(row![list], list).toEqual([]);
  });

  test('the same lists of meetings found another way come from the batch queries, equal to the root query’s', async () => {
    const select =
      'path attendees { name } speakers { name } references { id kind } decisions { text } actionItems { text owner { name } owners { name } } topics { name } passages(first: 4) { text }';
    const direct = await gql(`{ meetings(collection: "seeds", first: 5) { ${select} } }`);
    expect(firstLines()).toHaveLength(1);
    const viaPerson = await gql(`{ person(name: "Alex Crichton") { meetings(first: 50) { ${select} } } }`);
    expect(firstLines()).toContain('// Who attended each of these meetings? By name.');
    const seeds = viaPerson.data.person.meetings.filter((m: { path: string }) => direct.data.meetings.some((d: { path: string }) => d.path === m.path));
    expect(seeds.length).toBeGreaterThan(0);
    for (const m of seeds) expect(m).toEqual(direct.data.meetings.find((d: { path: string }) => d.path === m.path));
  });

  test("a person's meetings and topics come with the person, each alias cut at its own first", async () => {
    const body = await gql(
      '{ person(name: "Alex Crichton") { name few: meetings(first: 1) { path } more: meetings(first: 2) { path } topics(first: 2) { name } } }',
    );
    expect(body.errors).toBeUndefined();
    const p = body.data.person;
    expect(p.few).toHaveLength(1);
    expect(p.more).toHaveLength(2);
    expect(p.more[0]).toEqual(p.few[0]);
    expect(p.topics).toHaveLength(2);
    expect(firstLines()).toEqual(['// Who is this? A person by any form of their name: the id (folded full name),']);
    expect((rowsOf('// Who is this?').rows[0]!.meetings as unknown[]).length).toBe(2);
  });

  test('a first given by a variable reads that many', async () => {
    const res = await app.inject({
      method: 'POST',
      url: '/graphql',
      payload: {
        query: 'query($n: Int) { meeting(collection: "seeds", path: "001_47f3fa9c104fb741.txt") { passages(first: $n) { text } } }',
        variables: { n: 2 },
      },
    });
    expect(res.json().data.meeting.passages).toHaveLength(2);
    expect((rowsOf('// Which meeting is this?').rows[0]!.passages as unknown[]).length).toBe(2);
  });
});
