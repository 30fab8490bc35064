/**
 * The dashboard and GraphiQL in a real browser (Debian's Chromium, headless)
 * against the real API over the real Neo4j with the seeds and the examples
 * indexed. Each page must load with no console error and no request leaving
 * the machine; what the pages show is checked against what the API answers
 * and against the example notes. Screenshots go to docs/screenshots (README).
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import type { Browser } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, test } from 'vitest';
import { buildApp } from '../api/app.js';
import type { Db } from '../db/driver.js';
import { projectRoot } from '../schema/paths.js';
import { launchBrowser, watchedPage, type Watched } from './support/browser.js';
import { seededDb } from './support/graph.js';

const SHOTS = join(projectRoot(), 'docs', 'screenshots');
const TOPIC = 'snapshot restore';

let db: Db;
let browser: Browser;
const servers: { app: FastifyInstance; origin: string }[] = [];
let opened: Watched[] = [];

async function serve(cacheMb: number) {
  const app = await buildApp({ db, logger: false, rateLimit: 0, cacheMb, cachePollMs: 50 });
  const origin = await app.listen({ host: '127.0.0.1', port: 0 });
  servers.push({ app, origin });
  return { app, origin };
}

async function gql(app: FastifyInstance, query: string, variables?: Record<string, unknown>) {
  const res = await app.inject({ method: 'POST', url: '/graphql', payload: { query, variables } });
  const body = res.json() as { data: any; errors?: unknown[] };
  expect(body.errors, JSON.stringify(body.errors)).toBeUndefined();
  return body.data;
}

async function open(origin: string, path: string): Promise<Watched> {
  const w = await watchedPage(browser, origin);
  opened.push(w);
  await w.page.goto(`${origin}${path}`);
  return w;
}

/** Asserts the page was clean: no console or page error, no request to another host. */
function clean(w: Watched) {
  expect(w.errors, 'console and page errors').toEqual([]);
  expect(w.outside, 'requests leaving the machine').toEqual([]);
}

const shot = (w: Watched, name: string) => w.page.screenshot({ path: join(SHOTS, `${name}.png`), fullPage: false });

let api: { app: FastifyInstance; origin: string };

beforeAll(async () => {
  mkdirSync(SHOTS, { recursive: true });
  db = await seededDb();
  browser = await launchBrowser();
  api = await serve(0);
});
afterEach(async () => {
  for (const w of opened) await w.context.close();
  opened = [];
});
afterAll(async () => {
  await browser?.close();
  for (const s of servers) await s.app.close();
  await db?.close();
});

describe('serving the pages', () => {
  test('from local files, with a policy that allows only this host, and only the built assets', async () => {
    const home = await api.app.inject({ url: '/' });
    expect(home.statusCode).toBe(200);
    expect(home.headers['content-type']).toMatch(/text\/html/);
    expect(home.headers['content-security-policy']).toMatch(/default-src 'self'/);
    expect(home.body).not.toMatch(/https?:\/\//);
    const script = await api.app.inject({ url: '/assets/dashboard.js' });
    expect(script.statusCode).toBe(200);
    expect(script.headers['content-type']).toMatch(/javascript/);
    for (const url of ['/assets/..%2F..%2Fpackage.json', '/assets/%2E%2E%2Findex.html', '/assets/nope.js'])
      expect((await api.app.inject({ url })).statusCode, url).toBe(404);
  });

  test('QUORUM_DASHBOARD off sends / to GraphiQL, or to /health when that is off too', async () => {
    const off = await buildApp({ db, logger: false, dashboard: false });
    expect((await off.inject({ url: '/' })).headers.location).toBe('/graphiql');
    await off.close();
    const bare = await buildApp({ db, logger: false, dashboard: false, graphiql: false });
    expect((await bare.inject({ url: '/' })).headers.location).toBe('/health');
    expect((await bare.inject({ url: '/assets/dashboard.js' })).statusCode).toBe(404);
    await bare.close();
  });
});

describe('home', () => {
  test('shows the collections with their meetings and dates, and the ask box', async () => {
    const w = await open(api.origin, '/');
    const { collections } = await gql(api.app, '{ collections { name meetings firstDate lastDate } }');
    await w.page.getByRole('table').waitFor();
    expect(await w.page.getByRole('table').getByRole('row').count()).toBe(collections.length + 1);
    for (const c of collections) {
      const row = w.page.getByRole('row', { name: new RegExp(`^${c.name}\\b`) });
      expect(await row.textContent()).toContain(`${c.meetings}`);
      expect(await row.textContent()).toContain(c.firstDate);
      expect(await row.textContent()).toContain(c.lastDate);
    }
    expect(await w.page.getByRole('heading', { name: /Recent decisions/ }).count()).toBe(1);
    expect(await w.page.getByText('the snapshot restore RFC enters its final comment period').count()).toBeGreaterThan(0);
    expect(await w.page.getByLabel('Ask a question in plain words').count()).toBe(1);
    await shot(w, 'home');
    clean(w);
  });
});

describe('topic', () => {
  test('typing a topic shows its meetings, people, decisions, follow-ups and a timeline with one mark per meeting', async () => {
    const w = await open(api.origin, '/');
    // Keyboard only: focus the topic box, type, Enter.
    await w.page.getByLabel('Or look up a topic').waitFor();
    await w.page.getByLabel('Or look up a topic').focus();
    await w.page.keyboard.type(TOPIC);
    await w.page.keyboard.press('Enter');
    await w.page.waitForURL(/view=topic&q=snapshot\+restore/);
    const want = await gql(
      api.app,
      `query($t: String!) {
      discussions(topic: $t, first: 30) { meeting { path title } people { name } }
      decisions(about: $t, first: 30) { text }
      followUps(topic: $t) { reference { id } }
      timeline(ref: $t) { meeting { path date } }
    }`,
      { t: TOPIC },
    );
    await w.page.locator('.discussion').first().waitFor();
    // What the API answers, and what the example notes say.
    expect(want.discussions.map((d: any) => d.meeting.path)).toEqual(
      expect.arrayContaining(['runtime/2026/runtime-03-04.md', 'runtime/2026/runtime-03-18.md']),
    );
    expect(await w.page.locator('.discussion').count()).toBe(want.discussions.length);
    const discussions = (await w.page.locator('.discussions').textContent()) ?? '';
    for (const d of want.discussions) for (const p of d.people) expect(discussions).toContain(p.name);
    expect(discussions).toContain('Grace Liu');
    const decisions = (await w.page.locator('.decisions').textContent()) ?? '';
    expect(decisions).toContain("accept the RFC's direction");
    for (const d of want.decisions) expect(decisions).toContain(d.text);
    const followUps = (await w.page.locator('.followups').textContent()) ?? '';
    for (const f of want.followUps) expect(followUps).toContain(f.reference.id);
    expect(followUps).toContain('example-org/lumen-rfcs#12');
    // The timeline: one mark per dated meeting, each a link to its meeting.
    const dated = want.timeline.filter((e: any) => e.meeting.date);
    expect(dated.length).toBeGreaterThanOrEqual(2);
    const marks = w.page.locator('#timeline svg g[aria-description="meetings"] circle');
    expect(await marks.count()).toBe(dated.length);
    expect(await w.page.locator('#timeline svg g[aria-description="meetings"] a').count()).toBe(dated.length);
    await shot(w, 'topic');
    clean(w);
  });

  test("a decision's source link leads to its meeting and marks its lines", async () => {
    const w = await open(api.origin, `/?view=topic&q=${encodeURIComponent(TOPIC)}`);
    const decision = w.page.locator('.decision', { hasText: "accept the RFC's direction" }).first();
    const link = decision.locator('.source a').first();
    await link.waitFor();
    await link.click();
    await w.page.waitForURL(/view=meeting/);
    const url = new URL(w.page.url());
    expect(url.searchParams.get('c')).toBe('examples');
    expect(url.searchParams.get('path')).toBe('runtime/2026/runtime-03-04.md');
    const [start, end] = url.searchParams.get('lines')!.split('-').map(Number);
    // The note's own line numbers: the decision is on lines 34-35.
    expect(start).toBeLessThanOrEqual(34);
    expect(end).toBeGreaterThanOrEqual(34);
    await w.page.locator('.passage.hit').first().waitFor();
    expect(await w.page.locator('.passage.hit').first().textContent()).toContain("accept the RFC's direction");
    expect(await w.page.locator('.decision.hit').count()).toBe(1);
    // The marked passage is where the focus went.
    expect(await w.page.evaluate(() => document.activeElement?.classList.contains('hit'))).toBe(true);
    clean(w);
  });
});

describe('meeting', () => {
  test('shows attendees, speakers, decisions, action items with owners, references and passages in order', async () => {
    const w = await open(api.origin, '/?view=meeting&c=examples&path=runtime%2F2026%2Fruntime-03-04.md');
    const { meeting } = await gql(
      api.app,
      `{ meeting(collection: "examples", path: "runtime/2026/runtime-03-04.md") {
      title attendees { name } speakers { name } decisions { text } actionItems { text owner { name } } references { id } passages { source { startLine } } } }`,
    );
    await w.page.getByRole('heading', { level: 1, name: meeting.title }).waitFor();
    const section = (id: string) => w.page.locator(`section[aria-labelledby="${id}"]`);
    const attendees = (await section('attendees-h').textContent()) ?? '';
    for (const p of meeting.attendees) expect(attendees).toContain(p.name);
    expect(attendees).toContain('Tomás Ortega');
    for (const p of meeting.speakers) expect(await section('speakers-h').textContent()).toContain(p.name);
    for (const d of meeting.decisions) expect(await section('decisions-h').textContent()).toContain(d.text);
    const actions = (await section('actions-h').textContent()) ?? '';
    for (const a of meeting.actionItems) expect(actions).toContain(a.owner?.name ?? a.text);
    expect(actions).toContain('Priya Raman');
    for (const r of meeting.references) expect(await section('refs-h').textContent()).toContain(r.id);
    const lines = await w.page.locator('.passage').evaluateAll((els) => els.map((e) => Number(e.getAttribute('data-lines')!.split('-')[0])));
    expect(lines).toEqual(meeting.passages.map((p: any) => p.source.startLine));
    expect(lines).toEqual([...lines].sort((a, b) => a - b));
    await shot(w, 'meeting');
    clean(w);
  });
});

describe('person', () => {
  test('shows every alias, meetings over time, topics and the action items they own', async () => {
    const w = await open(api.origin, '/?view=person&name=Priya%20Raman');
    const { person } = await gql(api.app, '{ person(name: "Priya Raman") { name aliases meetings { path } } }');
    await w.page.locator('section[aria-labelledby="names-h"]').waitFor();
    const names = (await w.page.locator('section[aria-labelledby="names-h"]').textContent()) ?? '';
    for (const a of person.aliases) expect(names).toContain(a);
    expect(await w.page.locator('section[aria-labelledby="person-meetings-h"] li').count()).toBe(person.meetings.length);
    // One bar a month, as many meetings in all as the list shows.
    const bars = await w.page
      .locator('#per-month svg g[aria-description="meetings a month"] rect')
      .evaluateAll((els) => els.map((e) => e.getAttribute('aria-label') ?? ''));
    expect(bars.reduce((n, label) => n + Number(/: (\d+) meeting/.exec(label)?.[1] ?? 0), 0)).toBe(person.meetings.length);
    expect(await w.page.locator('section[aria-labelledby="person-actions-h"]').textContent()).toContain('update the RFC');
    await shot(w, 'person');
    clean(w);
  });
});

describe('ask', () => {
  test('a question in the box gets its interpretation and answer at a shareable URL', async () => {
    const w = await open(api.origin, '/');
    await w.page.getByLabel('Ask a question in plain words').fill('What did we decide about snapshot restore?');
    await w.page.getByRole('button', { name: 'Ask' }).click();
    await w.page.waitForURL(/view=ask&q=/);
    await w.page.locator('.interpretation').waitFor();
    expect(await w.page.locator('.interpretation').textContent()).toContain('decisions');
    expect(await w.page.locator('.decisions').textContent()).toContain("accept the RFC's direction");
    await shot(w, 'ask');
    // The URL alone brings the same answer back.
    const again = await open(api.origin, new URL(w.page.url()).pathname + new URL(w.page.url()).search);
    await again.page.locator('.decisions').waitFor();
    expect(await again.page.locator('.decisions').textContent()).toContain("accept the RFC's direction");
    clean(w);
    clean(again);
  });

  test('"what is X working on" shows the person', async () => {
    const w = await open(api.origin, `/?view=ask&q=${encodeURIComponent("what's Priya working on?")}`);
    await w.page.locator('section[aria-labelledby="names-h"]').waitFor();
    expect(await w.page.locator('.interpretation').textContent()).toContain('working on');
    expect(await w.page.locator('section[aria-labelledby="names-h"]').textContent()).toContain('Priya Raman');
    expect(await w.page.locator('section[aria-labelledby="person-actions-h"]').textContent()).toContain('update the RFC');
    clean(w);
  });

  test('a question it cannot read gets the message and suggestions that it can', async () => {
    const w = await open(api.origin, '/?view=ask&q=tell%20me%20a%20joke');
    await w.page.locator('.unread').waitFor();
    expect(await w.page.getByRole('alert').textContent()).toMatch(/could not read/);
    const suggestion = w.page.locator('.unread a').first();
    expect(await w.page.locator('.unread a').count()).toBeGreaterThanOrEqual(6);
    await suggestion.click();
    await w.page.locator('.interpretation').waitFor();
    clean(w);
  });
});

describe('graphiql', () => {
  test('renders from local assets and runs the preloaded query', async () => {
    const w = await open(api.origin, '/graphiql');
    await w.page.locator('.graphiql-container').waitFor();
    await w.page.locator('.graphiql-execute-button').click();
    // The result pane shows its first lines (CodeMirror draws what is in view).
    await expect.poll(() => w.page.locator('.result-window').textContent(), { timeout: 15_000 }).toContain('"understood": true');
    expect(await w.page.locator('.result-window').textContent()).toContain('"topic": "snapshot restore"');
    await shot(w, 'graphiql');
    clean(w);
  });
});

describe('with the answer cache on', () => {
  test('the topic page shows the same answer, served from the cache the second time', async () => {
    const cached = await serve(16);
    const url = `/?view=topic&q=${encodeURIComponent(TOPIC)}`;
    const first = await open(cached.origin, url);
    await first.page.locator('.decision').first().waitFor();
    const text = await first.page.locator('main').textContent();
    const second = await open(cached.origin, url);
    await second.page.locator('.decision').first().waitFor();
    expect(await second.page.locator('main').textContent()).toBe(text);
    expect(second.cache).toContain('hit');
    clean(first);
    clean(second);
  });
});
