import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { buildApp } from '../api/app.js';
import { DbError, type Db } from '../db/driver.js';
import { ERRORS, toClientError } from '../api/errors.js';
import { seededDb } from './support/graph.js';

let db: Db;
let app: FastifyInstance;

async function gql(query: string, variables?: Record<string, unknown>) {
  const res = await app.inject({ method: 'POST', url: '/graphql', payload: { query, variables } });
  return { status: res.statusCode, body: res.json() as { data?: any; errors?: { message: string; extensions?: { code?: string } }[] } };
}

beforeAll(async () => {
  db = await seededDb();
  app = await buildApp({ db, logger: false });
});
afterAll(async () => {
  await app?.close();
  await db?.close();
});

describe('meeting', () => {
  test('answers with the contract types, nested fields and source lines', async () => {
    const { status, body } = await gql(
      `query($c: String!, $p: String!) { meeting(collection: $c, path: $p) {
      id collection path title date series
      attendees { name aliases } speakers { name }
      references { id kind title meetings { path } }
      passages(first: 500) { text speaker { name } source { collection path startLine endLine } meeting { path } }
    } }`,
      { c: 'seeds', p: '001_47f3fa9c104fb741.txt' },
    );
    expect(status).toBe(200);
    const m = body.data.meeting;
    expect(m).toMatchObject({ id: 'seeds/001_47f3fa9c104fb741.txt', date: '2025-06-05', series: 'wasmtime' });
    expect(m.attendees).toHaveLength(11);
    expect(m.speakers.map((p: { name: string }) => p.name)).toContain('Alex Crichton');
    expect(m.references).toContainEqual(expect.objectContaining({ id: 'bytecodealliance/rfcs#43', kind: 'RFC' }));
    const alex = m.passages.find((x: { text: string }) => x.text.startsWith("Alex: I'll file an issue"));
    expect(alex).toMatchObject({
      speaker: { name: 'Alex Crichton' },
      source: { collection: 'seeds', path: '001_47f3fa9c104fb741.txt', startLine: 56, endLine: 60 },
      meeting: { path: '001_47f3fa9c104fb741.txt' },
    });
  });

  test('is null for an unknown path', async () => {
    const { body } = await gql('{ meeting(collection: "seeds", path: "nope.md") { id } }');
    expect(body).toEqual({ data: { meeting: null } });
  });
});

describe('meetings', () => {
  test('filters by collection, series and dates, newest first', async () => {
    const { body } = await gql('{ meetings(collection: "examples", series: "runtime", from: "2026-03-01", to: "2026-03-31") { path date } }');
    expect(body.data.meetings).toEqual([
      { path: 'runtime/2026/runtime-03-18.md', date: '2026-03-18' },
      { path: 'runtime/2026/runtime-03-04.md', date: '2026-03-04' },
    ]);
    const first = await gql('{ meetings(first: 1) { path } }');
    expect(first.body.data.meetings).toHaveLength(1);
  });

  test('refuses a date that is not a calendar date, naming it', async () => {
    const { status, body } = await gql('{ meetings(from: "2026-02-30") { path } }');
    expect(status).toBe(400);
    expect(body.errors?.[0]?.message).toMatch(/2026-02-30 is not a calendar date/);
    const order = await gql('{ meetings(from: "2026-03-02", to: "2026-03-01") { path } }');
    expect(order.body.errors?.[0]).toMatchObject({ message: expect.stringMatching(/"from"/), extensions: { code: 'QRM_ERR_BAD_INPUT' } });
  });
});

describe('person', () => {
  test('finds a person by full name, alias or case-folded form, with their meetings', async () => {
    for (const name of ['Alex Crichton', 'alex crichton', 'AC']) {
      const { body } = await gql('query($n: String!) { person(name: $n) { name aliases meetings { path } } }', { n: name });
      expect(body.data.person, name).toMatchObject({ name: 'Alex Crichton' });
      expect(body.data.person.meetings.length).toBeGreaterThanOrEqual(2);
    }
    const none = await gql('{ person(name: "Nobody Here") { name } }');
    expect(none.body.data.person).toBeNull();
  });

  test("a form with the search engine's signs, or none of letters, is looked up as written", async () => {
    for (const name of ['"AC"', 'AC\\', 'Alex AND Crichton', '(x) [y]', '---', 'a:b^2~']) {
      const { status, body } = await gql('query($n: String!) { person(name: $n) { name } }', { n: name });
      expect(status, name).toBe(200);
      expect(body.errors, name).toBeUndefined();
      expect(body.data.person, name).toBeNull();
    }
    // A handle written in another case is found through the index of forms.
    const { body } = await gql('{ person(name: "PRAMAN") { name } }');
    expect(body.data.person).toMatchObject({ name: 'Priya Raman' });
  });

  test('applies the collection people file: handle and canonical name', async () => {
    const { body } = await gql('{ person(name: "praman") { name handles } }');
    expect(body.data.person).toMatchObject({ name: 'Priya Raman', handles: ['praman'] });
  });
});

describe('search', () => {
  test('finds passages the way a person types, best first, with sources', async () => {
    const { body } = await gql('{ search(text: "page-map scanning", collection: "seeds") { text source { path startLine endLine } meeting { date } } }');
    expect(body.data.search.length).toBeGreaterThan(0);
    for (const p of body.data.search) expect(p.text.toLowerCase()).toMatch(/page ?map|pagemap/);
  });

  test('free text never breaks the query', async () => {
    for (const text of ['C++', '(x)', 'a && b || !c', '"unbalanced', 'AND NOT', 'x:y^2~ [a TO b] {c} \\ /re/', '*']) {
      const { status, body } = await gql('query($t: String!) { search(text: $t) { text } }', { t: text });
      expect(status, text).toBe(200);
      expect(body.errors, text).toBeUndefined();
    }
    const long = await gql('query($t: String!) { search(text: $t) { text } }', { t: 'word '.repeat(200) });
    expect(long.body.errors?.[0]).toMatchObject({ extensions: { code: 'QRM_ERR_BAD_INPUT' } });
  });
});

describe('health', () => {
  test('reports Neo4j reachable and the schema applied', async () => {
    expect((await app.inject({ url: '/health' })).json()).toEqual({ status: 'ok', neo4j: 'up' });
    expect((await app.inject({ url: '/ready' })).json()).toEqual({ ready: true });
  });
});

describe('a query past the memory Neo4j allows one transaction', () => {
  test('fails at its first try as DbError "memory", which a client sees as 503 QRM_ERR_DB_MEMORY', async () => {
    // A list of 200 million numbers: far past dbms.memory.transaction.total.max of Quorum's own server (70 % of its 1 GiB heap).
    const failed = await db.read('UNWIND range(1, 200000000) AS i WITH collect(i) AS l RETURN size(l) AS n').catch((e: unknown) => e);
    expect(failed).toBeInstanceOf(DbError);
    expect((failed as DbError).kind).toBe('memory');
    const client = toClientError(failed);
    expect([client.code, ERRORS[client.code].status]).toEqual(['QRM_ERR_DB_MEMORY', 503]);
    expect(client.message).toContain('dbms.memory.transaction.total.max');
  });
});
