/**
 * `ask` through the real app over the real Neo4j: each kind of question is
 * answered with what its root field answers, filters narrow it, and a
 * question it cannot read gets a message and suggestions and no answer.
 */
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { buildApp } from '../api/app.js';
import type { Db } from '../db/driver.js';
import { seededDb } from './support/graph.js';

let db: Db;
let app: FastifyInstance;

async function gql(query: string, variables?: Record<string, unknown>) {
  const res = await app.inject({ method: 'POST', url: '/graphql', payload: { query, variables } });
  return { status: res.statusCode, body: res.json() as { data?: any; errors?: { message: string; extensions?: { code?: string } }[] } };
}

const ASK = `query($q: String!) { ask(question: $q) {
  question understood message suggestions
  interpretation { kind field topic person collection series from to summary }
  discussions { meeting { path } people { name } }
  decisions { text }
  followUps { reference { id } firstMeeting { path } }
  timeline { meeting { path date } }
  person { name }
} }`;

const ask = async (q: string) => {
  const { status, body } = await gql(ASK, { q });
  expect(status).toBe(200);
  expect(body.errors).toBeUndefined();
  return body.data.ask;
};

beforeAll(async () => {
  db = await seededDb();
  app = await buildApp({ db, logger: false });
});
afterAll(async () => {
  await app?.close();
  await db?.close();
});

describe('ask answers with the matching root field', () => {
  test('who discussed X: discussions(topic: X)', async () => {
    const a = await ask('Who has been talking about snapshot restore?');
    const { body } = await gql('{ discussions(topic: "snapshot restore") { meeting { path } people { name } } }');
    expect(a.interpretation).toMatchObject({ kind: 'WHO_DISCUSSED', field: 'discussions', topic: 'snapshot restore' });
    expect(a.discussions).toEqual(body.data.discussions);
    expect(a.discussions.map((d: any) => d.meeting.path)).toContain('runtime/2026/runtime-03-04.md');
    expect([a.decisions, a.followUps, a.timeline, a.person]).toEqual([null, null, null, null]);
  });

  test('what did we decide about X: decisions(about: X)', async () => {
    const a = await ask('what did we decide about snapshot restore');
    const { body } = await gql('{ decisions(about: "snapshot restore") { text } }');
    expect(a.decisions).toEqual(body.data.decisions);
    expect(a.decisions.map((d: any) => d.text).join('\n')).toMatch(/accept the RFC's direction/);
  });

  test('which PRs followed X: followUps(topic: X)', async () => {
    const a = await ask('Which PRs followed the snapshot restore discussion?');
    const { body } = await gql('{ followUps(topic: "snapshot restore") { reference { id } firstMeeting { path } } }');
    expect(a.followUps).toEqual(body.data.followUps);
    expect(a.followUps.map((f: any) => f.reference.id)).toContain('example-org/lumen-rfcs#12');
  });

  test('how did X evolve: timeline(ref: X); when did we last talk about X: its last entry', async () => {
    const evolved = await ask('How did snapshot restore evolve?');
    const { body } = await gql('{ timeline(ref: "snapshot restore") { meeting { path date } } }');
    expect(evolved.timeline).toEqual(body.data.timeline);
    expect(evolved.timeline.length).toBeGreaterThanOrEqual(2);
    const last = await ask('When did we last talk about snapshot restore?');
    expect(last.interpretation.kind).toBe('LAST_DISCUSSED');
    expect(last.timeline).toEqual(body.data.timeline.slice(-1));
    expect(last.timeline[0].meeting.path).toBe('runtime/2026/runtime-03-18.md');
  });

  test('what is X working on: person(name: X)', async () => {
    const a = await ask("What's Priya working on?");
    expect(a.interpretation).toMatchObject({ kind: 'WORKING_ON', field: 'person', person: 'Priya' });
    expect(a.person).toEqual({ name: 'Priya Raman' });
    const none = await ask('what is Nobody Atall working on');
    expect(none.person).toBeNull();
    expect(none.message).toMatch(/No one named "Nobody Atall"/);
  });

  test('dates, collection and series in the question narrow the answer', async () => {
    expect((await ask('who discussed snapshot restore in 2025?')).discussions).toEqual([]);
    const march = await ask('who discussed snapshot restore in March 2026');
    expect(march.interpretation).toMatchObject({ from: '2026-03-01', to: '2026-03-31' });
    expect(march.discussions.length).toBeGreaterThan(0);
    const before = await ask('how did snapshot restore evolve before 2026-03-10');
    expect(before.timeline.map((e: any) => e.meeting.path)).toEqual(['runtime/2026/runtime-03-04.md']);
    expect((await ask('who discussed snapshot restore in the seeds collection')).discussions).toEqual([]);
    const series = await ask('who discussed snapshot restore at the docs meetings');
    expect(series.interpretation.series).toBe('docs');
    expect(series.discussions.length).toBeGreaterThan(0);
    for (const d of series.discussions) expect(d.meeting.path).toMatch(/^docs\//);
  });
});

describe('ask does not guess', () => {
  test('an unread question gets the message, suggestions and no answer', async () => {
    const a = await ask('is the snapshot thing any good');
    expect(a).toMatchObject({ understood: false, interpretation: null, discussions: null, decisions: null, followUps: null, timeline: null, person: null });
    expect(a.message).toMatch(/could not read "is the snapshot thing any good"/);
    expect(a.suggestions.length).toBeGreaterThanOrEqual(6);
  });

  test('an empty or overlong question is refused as bad input', async () => {
    const { status, body } = await gql(ASK, { q: '  ' });
    expect(status).toBe(400);
    expect(body.errors?.[0]?.extensions?.code).toBe('QRM_ERR_BAD_INPUT');
    const long = await gql(ASK, { q: `who discussed ${'very '.repeat(80)}long topics` });
    expect(long.status).toBe(400);
    expect(long.body.errors?.[0]?.message).toMatch(/"question": is longer than 300 characters/);
  });
});
