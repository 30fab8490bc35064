/**
 * Notes whose series (folder), config keys, names, handles, headings and
 * repository words are Object.prototype member names (`constructor`,
 * `__proto__`, …), indexed into the real Neo4j and read back through the
 * API: every meeting is there, with the facts the offline pipeline extracts.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { buildApp } from '../api/app.js';
import type { Db } from '../db/driver.js';
import { parseCollectionConfig } from '../ingest/read/config.js';
import type { IngestSummary } from '../ingest/pipeline.js';
import type { MeetingRecord } from '../ingest/types.js';
import { emptyGraph, ingest, testDb } from './support/graph.js';
import { extractCase, PROTOTYPE_WORDS, protoCase } from './support/prototype-words.js';

const COLLECTION = 'proto-words';
let db: Db;
let app: FastifyInstance;
let folder: string;
let summary: IngestSummary;
const offline = new Map<string, { path: string; record: MeetingRecord }>();

/**
 * The attendees the API should serve for a note: those extracted offline, where a
 * name that is one of the person's configured handles (`@__proto__` is read as
 * `proto`, markdown's emphasis) is the configured person, as the loader settles it.
 */
function servedAttendees(record: MeetingRecord): string[] {
  const handles = new Set(PROTOTYPE_WORDS.map((w) => w.replace(/^_+|_+$/g, '').toLowerCase()));
  return record.attendees
    .map((i) => record.people[i]!.name)
    .map((n) => (handles.has(n.toLowerCase()) ? 'Ada Lovelace' : n))
    .sort();
}

async function gql(query: string, variables?: Record<string, unknown>) {
  const res = await app.inject({ method: 'POST', url: '/graphql', payload: { query, variables } });
  expect(res.statusCode, res.body).toBe(200);
  return (res.json() as { data: any }).data;
}

beforeAll(async () => {
  folder = mkdtempSync(join(tmpdir(), 'quorum-proto-'));
  // One config for the collection: every word is a series key and an alias and handle of one person.
  const configText = JSON.stringify({
    repositories: Object.fromEntries([['*', 'acme/engine'], ...PROTOTYPE_WORDS.map((w) => [w.toLowerCase(), 'acme/series-repo'])]),
    people: [{ name: 'Ada Lovelace', aliases: [...PROTOTYPE_WORDS], handles: [...PROTOTYPE_WORDS] }],
  });
  writeFileSync(join(folder, 'quorum.json'), configText);
  const config = parseCollectionConfig(configText, 'quorum.json');
  for (const w of PROTOTYPE_WORDS) {
    const c = { ...protoCase(w, 'series'), configText };
    mkdirSync(join(folder, dirname(c.path)), { recursive: true });
    writeFileSync(join(folder, c.path), c.text);
    offline.set(w, { path: c.path, record: extractCase(c, COLLECTION).record });
  }
  db = await testDb();
  await emptyGraph(db);
  summary = await ingest(db, folder, COLLECTION, config);
  app = await buildApp({ db, logger: false });
});
afterAll(async () => {
  await app?.close();
  await db?.close();
  if (folder) rmSync(folder, { recursive: true, force: true });
});

describe('notes full of Object.prototype member names, through Neo4j and the API', () => {
  test('every note is indexed; none failed', () => {
    expect(summary.failed).toBe(0);
    expect(summary.meetings).toBe(PROTOTYPE_WORDS.length);
    expect(summary.messages.filter((m) => !/unchanged/.test(m.reason))).toEqual([]);
  });

  test.each(PROTOTYPE_WORDS)('%s: the meeting reads back with the facts extracted offline', async (w) => {
    const { path, record } = offline.get(w)!;
    const data = await gql(
      `query($c: String!, $p: String!) { meeting(collection: $c, path: $p) {
      title date series attendees { name } references { id } decisions { text } actionItems { owner { name } } topics { name } } }`,
      { c: COLLECTION, p: path },
    );
    const m = data.meeting;
    expect(m).toMatchObject({ title: record.title, date: '2024-03-04', series: w.toLowerCase() });
    expect(m.attendees.map((p: { name: string }) => p.name).sort()).toEqual(servedAttendees(record));
    expect(m.attendees.map((p: { name: string }) => p.name)).toEqual(expect.arrayContaining(['Alice Jones', 'Bob Smith']));
    expect(m.references.map((r: { id: string }) => r.id).sort()).toEqual(record.references.map((r) => r.id).sort());
    expect(m.references.map((r: { id: string }) => r.id)).toContain('acme/series-repo#741');
    expect(m.decisions).toHaveLength(record.decisions.length);
    expect(m.actionItems.map((a: { owner: { name: string } | null }) => a.owner?.name)).toEqual(['Bob Smith']);
    expect(m.topics.map((t: { name: string }) => t.name).sort()).toEqual(record.topics.map((t) => t.name).sort());

    const bySeries = await gql('query($c: String!, $s: String!) { meetings(collection: $c, series: $s) { path } }', { c: COLLECTION, s: w.toLowerCase() });
    expect(bySeries.meetings).toEqual([{ path }]);
  });

  test('a reference every note makes lists every meeting, and the configured person is found by a member-name alias', async () => {
    const data = await gql('query($c: String!) { timeline(ref: "acme/series-repo#741", collection: $c) { meeting { path } } }', { c: COLLECTION });
    expect(data.timeline.map((e: { meeting: { path: string } }) => e.meeting.path).sort()).toEqual([...offline.values()].map((o) => o.path).sort());
    const ada = await gql('{ person(name: "Ada Lovelace") { name meetings { path } } }');
    const attends = [...offline.values()].filter((o) => servedAttendees(o.record).includes('Ada Lovelace')).map((o) => o.path);
    expect(attends).toContain('constructor/2024/constructor-03-04.md');
    expect(ada.person.meetings.map((x: { path: string }) => x.path).sort()).toEqual(attends.sort());
    for (const w of ['constructor', 'toString', '__proto__']) {
      const byAlias = await gql('query($n: String!) { person(name: $n) { name } }', { n: w });
      expect(byAlias.person, w).toEqual({ name: 'Ada Lovelace' });
    }
  });
});
