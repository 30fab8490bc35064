/**
 * The dashboard questions over the real corpora: every dev question of
 * ../shared/gold/questions-dev.json asked through the app, scored the way
 * ../shared/tools/score.mjs scores them (GUIDELINES.md, "Question sets"),
 * with floors a little under what Quorum reaches; and the four questions the
 * project began with, answered right. The ingest of every collection they
 * need is checked too: no file failed, and a second run changes nothing.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { buildApp } from '../api/app.js';
import type { Db } from '../db/driver.js';
import { readFloors } from '../eval/floors.js';
import { fold, Tally } from '../eval/offline.js';
import type { IngestSummary } from '../ingest/pipeline.js';
import { difference, fingerprint } from './support/fingerprint.js';
import { CORPUS, emptyGraph, ingest, SEEDS, SHARED, testDb } from './support/graph.js';

interface Question {
  id: string;
  type: 'who_discussed' | 'decisions_about' | 'follow_ups' | 'timeline';
  topic: string;
  ref?: string;
  collection?: string;
  answer: {
    meetings?: string[];
    people?: string[][];
    decisions?: { path: string; line: number }[];
    references?: string[];
  };
}

const QUESTIONS = JSON.parse(readFileSync(join(SHARED, 'gold', 'questions-dev.json'), 'utf8')) as Question[];

let db: Db;
let app: FastifyInstance;
const COLLECTIONS = readdirSync(CORPUS)
  .filter((name) => statSync(join(CORPUS, name)).isDirectory())
  .sort();
/** The first ingest of each collection. */
const firstRun = new Map<string, IngestSummary>();

async function gql(query: string, variables?: Record<string, unknown>) {
  const res = await app.inject({ method: 'POST', url: '/graphql', payload: { query, variables } });
  return { status: res.statusCode, body: res.json() as { data?: any; errors?: { message: string; extensions?: { code?: string } }[] } };
}

async function data(query: string, variables?: Record<string, unknown>) {
  const { body } = await gql(query, variables);
  expect(body.errors, JSON.stringify(body.errors)).toBeUndefined();
  return body.data;
}

beforeAll(async () => {
  db = await testDb();
  await emptyGraph(db);
  await ingest(db, SEEDS, 'seeds');
  for (const name of COLLECTIONS) firstRun.set(name, await ingest(db, join(CORPUS, name), name));
  app = await buildApp({ db, logger: false });
}, 1_800_000);
afterAll(async () => {
  await app?.close();
  await db?.close();
});

type Person = { name: string; aliases: string[] };
const isPerson = (gold: string[], p: Person) => [p.name, ...p.aliases].some((n) => gold.map(fold).includes(fold(n)));
const near = (line: number, s: { startLine: number; endLine: number }) => line >= s.startLine - 1 && line <= s.endLine + 1;

/** One-to-one matches of gold items among found ones. */
function matches<G, F>(gold: G[], found: F[], same: (g: G, f: F) => boolean): number {
  const used = new Set<number>();
  let n = 0;
  for (const g of gold) {
    const i = found.findIndex((f, k) => !used.has(k) && same(g, f));
    if (i >= 0) {
      used.add(i);
      n++;
    }
  }
  return n;
}

function kendallTau(expected: string[], got: string[]): number {
  const pos = new Map(got.map((p, i) => [p, i]));
  const both = expected.filter((p) => pos.has(p));
  let agree = 0;
  let pairs = 0;
  for (let i = 0; i < both.length; i++) {
    for (let j = i + 1; j < both.length; j++) {
      pairs++;
      if (pos.get(both[i]!)! < pos.get(both[j]!)!) agree++;
    }
  }
  return pairs ? (2 * agree) / pairs - 1 : 1;
}

const ASK = {
  who_discussed:
    'query($t: String!, $c: String) { discussions(topic: $t, collection: $c) { meeting { path } people { name aliases } passages { text source { path startLine endLine } } } }',
  decisions_about: 'query($t: String!, $c: String) { decisions(about: $t, collection: $c) { text meeting { path } source { path startLine endLine } } }',
  follow_ups: 'query($t: String!, $c: String) { followUps(topic: $t, collection: $c) { reference { id } firstMeeting { path date } } }',
  timeline:
    'query($t: String!, $c: String) { timeline(ref: $t, collection: $c) { meeting { path date } passages { source { startLine } } decisions { source { startLine } } } }',
};

describe('the dev questions', () => {
  // collection → measure → tally; timeline order as the lowest Kendall tau of a collection.
  const tallies = new Map<string, Map<string, Tally>>();
  const taus = new Map<string, number[]>();
  const tally = (collection: string, measure: string) => {
    const row = tallies.get(collection) ?? tallies.set(collection, new Map()).get(collection)!;
    return row.get(measure) ?? row.set(measure, new Tally()).get(measure)!;
  };
  const figures = (collection: string): Record<string, number> => {
    const out: Record<string, number> = {};
    for (const [measure, t] of tallies.get(collection) ?? []) out[measure] = t.f1;
    const tau = taus.get(collection);
    if (tau?.length) out['timeline.tau'] = Math.min(...tau);
    return out;
  };

  test('are each answered', async () => {
    for (const q of QUESTIONS) {
      const c = q.collection ?? null;
      const key = q.collection ?? '(all)';
      const a = q.answer;
      if (q.type === 'who_discussed') {
        const d = (await data(ASK.who_discussed, { t: q.topic, c })).discussions as { meeting: { path: string }; people: Person[] }[];
        const paths = [...new Set(d.map((x) => x.meeting.path))];
        tally(key, 'who_discussed.meetings').add(paths.filter((p) => a.meetings!.includes(p)).length, paths.length, a.meetings!.length);
        const people: Person[] = [];
        for (const p of d.flatMap((x) => x.people)) if (!people.some((u) => fold(u.name) === fold(p.name))) people.push(p);
        tally(key, 'who_discussed.people').add(matches(a.people!, people, isPerson), people.length, a.people!.length);
      } else if (q.type === 'decisions_about') {
        const d = (await data(ASK.decisions_about, { t: q.topic, c })).decisions as {
          meeting: { path: string };
          source: { startLine: number; endLine: number };
        }[];
        tally(key, 'decisions_about.decisions').add(
          matches(a.decisions!, d, (g, f) => f.meeting.path === g.path && near(g.line, f.source)),
          d.length,
          a.decisions!.length,
        );
      } else if (q.type === 'follow_ups') {
        const d = (await data(ASK.follow_ups, { t: q.topic, c })).followUps as { reference: { id: string } }[];
        const ids = [...new Set(d.map((x) => x.reference.id.toLowerCase()))];
        tally(key, 'follow_ups.references').add(a.references!.filter((r) => ids.includes(r.toLowerCase())).length, ids.length, a.references!.length);
      } else {
        const d = (await data(ASK.timeline, { t: q.ref ?? q.topic, c })).timeline as { meeting: { path: string } }[];
        const paths = [...new Set(d.map((x) => x.meeting.path))];
        tally(key, 'timeline.meetings').add(paths.filter((p) => a.meetings!.includes(p)).length, paths.length, a.meetings!.length);
        (taus.get(key) ?? taus.set(key, []).get(key)!).push(kendallTau(a.meetings!, paths));
      }
    }
    // The figures, for eval/floors.json and EVAL.md.
    console.log(
      [...tallies.keys()]
        .sort()
        .map(
          (c) =>
            `${c}: ${Object.entries(figures(c))
              .map(([m, v]) => `${m} ${v.toFixed(3)}`)
              .join(', ')}`,
        )
        .join('\n'),
    );
    expect([...tallies.keys()].sort()).toEqual([...new Set(QUESTIONS.map((q) => q.collection ?? '(all)'))].sort());
  }, 300_000);

  // Floors a little under what Quorum reaches, per collection (eval/floors.json, "questions").
  const floors = readFloors().questions;
  test('every collection with questions has floors', () => {
    expect(Object.keys(floors).sort()).toEqual([...new Set(QUESTIONS.map((q) => q.collection ?? '(all)'))].sort());
  });
  for (const [collection, measures] of Object.entries(floors)) {
    test.each(Object.entries(measures))(`${collection}: %s ≥ %s`, (measure, floor) => {
      expect(figures(collection)[measure] ?? 0).toBeGreaterThanOrEqual(floor);
    });
  }
});

describe('the questions the project began with', () => {
  const BA = 'bytecodealliance-meetings';

  test('who discussed page-map scanning', async () => {
    const d = (await data(ASK.who_discussed, { t: 'page-map scanning', c: BA })).discussions;
    const paths = d.map((x: { meeting: { path: string } }) => x.meeting.path);
    expect(paths.slice(0, 2).sort()).toEqual(['wasmtime/2025/wasmtime-06-05.md', 'wasmtime/2025/wasmtime-08-14.md']);
    const first = d.find((x: { meeting: { path: string } }) => x.meeting.path === 'wasmtime/2025/wasmtime-06-05.md');
    expect(first.people.map((p: Person) => p.name)).toEqual(expect.arrayContaining(['Till Schneidereit', 'Alex Crichton', 'Nick Fitzgerald']));
    // The passages that say it, with their source lines.
    expect(first.passages).toContainEqual(expect.objectContaining({ source: { path: 'wasmtime/2025/wasmtime-06-05.md', startLine: 231, endLine: 234 } }));
    for (const x of first.passages) expect(x.text.toLowerCase()).toMatch(/page|scan/);
  });

  test('which pull requests followed page-map scanning', async () => {
    const d = (await data(ASK.follow_ups, { t: 'page-map scanning', c: BA })).followUps;
    expect(d).toEqual([
      { reference: { id: 'bytecodealliance/wasmtime#11372' }, firstMeeting: { path: 'wasmtime/2025/wasmtime-08-14.md', date: '2025-08-14' } },
    ]);
  });

  test('what did we decide about glibc policy', async () => {
    const all = (await data(ASK.decisions_about, { t: 'glibc policy', c: null })).decisions;
    expect(all[0]).toMatchObject({ source: { startLine: 118 } });
    const ba = (await data(ASK.decisions_about, { t: 'glibc policy', c: BA })).decisions;
    expect(ba[0]).toMatchObject({ meeting: { path: 'wasmtime/2025/wasmtime-06-05.md' }, source: { path: 'wasmtime/2025/wasmtime-06-05.md', startLine: 118 } });
    expect(ba[0].text).toMatch(/^In conclusion/);
    // The same meeting, kept as web-page text in the seeds.
    const seeds = (await data(ASK.decisions_about, { t: 'glibc policy', c: 'seeds' })).decisions;
    expect(seeds[0]).toMatchObject({ meeting: { path: '001_47f3fa9c104fb741.txt' }, source: { startLine: 118 } });
  });

  test('the timeline of bytecodealliance/rfcs#43, oldest first', async () => {
    const d = (await data(ASK.timeline, { t: 'bytecodealliance/rfcs#43', c: BA })).timeline;
    const paths = d.map((x: { meeting: { path: string } }) => x.meeting.path);
    expect(paths).toEqual(expect.arrayContaining(['wasmtime/2025/wasmtime-06-05.md', 'wasmtime/2025/wasmtime-07-31.md', 'cranelift/2025/cranelift-05-14.md']));
    const dates = d.map((x: { meeting: { date: string } }) => x.meeting.date);
    expect(dates).toEqual([...dates].sort());
    // The meeting that points at it, with the lines that do; a later one that only says its name.
    const june = d.find((x: { meeting: { path: string } }) => x.meeting.path === 'wasmtime/2025/wasmtime-06-05.md');
    expect(june.passages.map((x: { source: { startLine: number } }) => x.source.startLine)).toEqual(expect.arrayContaining([17, 124]));
    // A URL and the canonical id are the same reference; a topic works too.
    const byUrl = (await data(ASK.timeline, { t: 'https://github.com/bytecodealliance/rfcs/pull/43', c: BA })).timeline;
    expect(byUrl.map((x: { meeting: { path: string } }) => x.meeting.path)).toEqual(paths);
    const byTopic = (await data(ASK.timeline, { t: 'compile-time builtins', c: BA })).timeline;
    expect(byTopic.map((x: { meeting: { path: string } }) => x.meeting.path)).toEqual(
      expect.arrayContaining(['wasmtime/2025/wasmtime-06-05.md', 'cranelift/2025/cranelift-10-08.md']),
    );
  });
});

describe('ranked answers say how well and why', () => {
  const BA = 'bytecodealliance-meetings';
  type Why = { term: string; where: string; source: { path: string; startLine: number } };

  test('discussions come best first, each with its score and the words it holds', async () => {
    const d = (
      await data(
        'query($c: String) { discussions(topic: "page-map scanning", collection: $c) { score meeting { path } why { term where source { path startLine } } } }',
        { c: BA },
      )
    ).discussions as { score: number; meeting: { path: string }; why: Why[] }[];
    const scores = d.map((x) => x.score);
    expect(scores).toEqual([...scores].sort((a, b) => b - a));
    expect(d[0]!.why.map((w) => w.term)).toEqual(expect.arrayContaining(['page', 'map', 'scanning']));
    for (const x of d) for (const w of x.why) expect(w.source.path).toBe(x.meeting.path);
  });

  test('a decision has a score in an answer about a topic, and none in its meeting', async () => {
    const d = (
      await data('query($c: String) { decisions(about: "glibc policy", collection: $c) { score meeting { decisions { score why { term } } } } }', { c: BA })
    ).decisions;
    expect(d[0].score).toBeGreaterThan(0);
    expect(d[0].meeting.decisions.every((x: { score: number | null; why: unknown[] }) => x.score === null && x.why.length === 0)).toBe(true);
  });

  test('a timeline says which meetings link the reference and which only name it', async () => {
    const d = (
      await data(
        'query($c: String) { timeline(ref: "bytecodealliance/rfcs#43", collection: $c) { score meeting { path } why { term where source { startLine } } } }',
        { c: BA },
      )
    ).timeline as { score: number; meeting: { path: string }; why: Why[] }[];
    const june = d.find((x) => x.meeting.path === 'wasmtime/2025/wasmtime-06-05.md')!;
    expect(june.score).toBe(1);
    expect(june.why).toContainEqual({ term: 'bytecodealliance/rfcs#43', where: 'link', source: { startLine: 17 } });
    const named = d.find((x) => x.meeting.path === 'cranelift/2025/cranelift-10-08.md')!;
    expect(named.score).toBeLessThan(1);
    expect(named.why.every((w) => w.where === 'name')).toBe(true);
  });
});

describe('answers that agree with each other', () => {
  test("a timeline lists a meeting's decisions in the meeting's own order, also two on one line", async () => {
    const q = 'query($t: String!, $c: String) { timeline(ref: $t, collection: $c) { meeting { collection path decisions { id } } decisions { id } } }';
    // "threads" finds a meeting with two decisions on one line (machine-learning/2023/ML-11-28.md).
    const d = (await data(q, { t: 'threads', c: 'bytecodealliance-meetings' })).timeline as {
      meeting: { path: string; decisions: { id: string }[] };
      decisions: { id: string }[];
    }[];
    expect(d.some((x) => x.decisions.length > 1)).toBe(true);
    for (const x of d) {
      const ids = x.decisions.map((y) => y.id);
      expect(
        x.meeting.decisions.map((y) => y.id).filter((id) => ids.includes(id)),
        x.meeting.path,
      ).toEqual(ids);
    }
  });
});

describe('free text', () => {
  const FIELDS = [
    ['discussions', 'topic', 'meeting { path }'],
    ['decisions', 'about', 'id'],
    ['followUps', 'topic', 'reference { id }'],
    ['timeline', 'ref', 'meeting { path }'],
    ['search', 'text', 'text'],
  ] as const;

  test('never breaks a query: Lucene syntax, unbalanced quotes, AND/NOT', async () => {
    for (const [field, arg, selection] of FIELDS) {
      for (const text of ['C++', '(x)', 'a && b || !c', '"unbalanced', 'AND NOT', 'x:y^2~ [a TO b] {c} \\ /re/', '*', 'owner/repo#', 'crate:', '  ']) {
        const { status, body } = await gql(`query($t: String!) { ${field}(${arg}: $t) { ${selection} } }`, { t: text });
        if (!text.trim()) {
          expect(body.errors?.[0], `${field} ${JSON.stringify(text)}`).toMatchObject({ extensions: { code: 'QRM_ERR_BAD_INPUT' } });
          continue;
        }
        expect(status, `${field} ${text}`).toBe(200);
        expect(body.errors, `${field} ${text}`).toBeUndefined();
      }
    }
  });

  test('refuses a very long text, naming the argument', async () => {
    for (const [field, arg, selection] of FIELDS) {
      const { body } = await gql(`query($t: String!) { ${field}(${arg}: $t) { ${selection} } }`, { t: 'word '.repeat(200) });
      expect(body.errors?.[0], field).toMatchObject({ message: expect.stringContaining(`"${arg}"`), extensions: { code: 'QRM_ERR_BAD_INPUT' } });
    }
  });

  test('finds C++ and (x)', async () => {
    const cpp = (await data('{ search(text: "C++", first: 5) { text } }')).search;
    expect(cpp.length).toBeGreaterThan(0);
    for (const x of cpp) expect(x.text).toMatch(/c\+\+/i);
    const d = (await data('{ discussions(topic: "C++ exceptions", first: 5) { passages { text } } }')).discussions;
    expect(d.length).toBeGreaterThan(0);
    expect(d.flatMap((x: { passages: { text: string }[] }) => x.passages).some((x: { text: string }) => /c\+\+/i.test(x.text))).toBe(true);
    const paren = (await data('{ search(text: "(i32)", first: 5) { text } }')).search;
    for (const x of paren) expect(x.text).toMatch(/i32/i);
  });

  test('a topic with no searchable word has no answer, not an error', async () => {
    expect((await data('{ discussions(topic: "the of and") { meeting { path } } }')).discussions).toEqual([]);
    expect((await data('{ timeline(ref: "nobody/nothing#1") { meeting { path } } }')).timeline).toEqual([]);
  });
});

describe('the whole shared corpus', () => {
  /** Regular files under a folder, as a user would count them. */
  const filesIn = (dir: string): number =>
    readdirSync(dir, { withFileTypes: true }).reduce((n, e) => n + (e.isDirectory() ? filesIn(join(dir, e.name)) : e.isFile() ? 1 : 0), 0);

  test('every file of every collection is indexed as a meeting: none failed', () => {
    expect(COLLECTIONS.length).toBeGreaterThanOrEqual(12);
    const counts = COLLECTIONS.map((name) => {
      const s = firstRun.get(name)!;
      const why = s.failed ? s.messages.filter((m) => !m.line).slice(0, 5) : [];
      return { name, onDisk: filesIn(join(CORPUS, name)), files: s.files, meetings: s.meetings, failed: s.failed, why };
    });
    console.log(counts.map((c) => `${c.name}: ${c.files} files, ${c.failed} failed`).join('\n'));
    // Every collection at once, so that one failing says what the others did.
    expect(counts).toEqual(counts.map((c) => ({ ...c, files: c.onDisk, meetings: c.onDisk, failed: 0, why: [] })));
  });

  test('a second ingest of every collection changes nothing', async () => {
    const before = await fingerprint(db);
    for (const name of COLLECTIONS) {
      // A file that failed the first time (the test above says so) fails again, and changes nothing either.
      const s = await ingest(db, join(CORPUS, name), name);
      expect(s, name).toMatchObject({ meetings: 0, skipped: s.files - s.failed, deleted: 0, failed: firstRun.get(name)!.failed, rederived: null });
    }
    const after = await fingerprint(db);
    expect(after.hash, difference(before, after)).toBe(before.hash);
  }, 600_000);
});
