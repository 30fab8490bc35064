/**
 * Template lines: a passage whose text recurs word for word in several
 * meetings of a collection (a minutes template's "Link to Code of Conduct: …")
 * is marked at the end of a load (ingest/load/cypher/mark-templates.cypher)
 * and says nothing about what a meeting discussed (queries/parts/topic-threads.cypher).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { buildApp } from '../api/app.js';
import type { Db } from '../db/driver.js';
import { TEMPLATE } from '../ingest/load/load.js';
import { CORPUS, emptyGraph, ingest, testDb } from './support/graph.js';

const SWC = join(CORPUS, 'swcarpentry-board');
const LINE = 'Link to Code of Conduct: http://software-carpentry.org/conduct/';

describe('template lines of a collection', () => {
  let db: Db;
  let app: FastifyInstance;
  /** The notes that hold the template line, and those of them that say "conduct" nowhere else. */
  const notes = readdirSync(join(SWC, 'minutes')).filter((f) => readFileSync(join(SWC, 'minutes', f), 'utf8').includes(LINE));
  const only = notes.filter((f) => readFileSync(join(SWC, 'minutes', f), 'utf8').split(/conduct/i).length - 1 === 2);

  beforeAll(async () => {
    db = await testDb();
    await emptyGraph(db);
    await ingest(db, SWC, 'swc');
    app = await buildApp({ db });
  }, 300_000);

  afterAll(async () => {
    await app?.close();
    await db?.close();
  });

  test('a line in at least TEMPLATE.least meetings is marked; a line of one meeting is not', async () => {
    expect(notes.length).toBeGreaterThanOrEqual(TEMPLATE.least);
    const rows = await db.read(`MATCH (x:Passage {collection: 'swc'}) WHERE x.text = $line RETURN count(x) AS all, count(x.template) AS marked`, {
      line: LINE,
    });
    expect(rows[0]!.all).toBe(notes.length);
    expect(rows[0]!.marked).toBe(notes.length);
    const single = await db.read(
      `MATCH (x:Passage {collection: 'swc'}) WHERE size(x.text) >= 30 WITH x.text AS t, collect(x) AS xs, count(DISTINCT x.meetingId) AS n WHERE n = 1 UNWIND xs AS x RETURN count(x.template) AS marked, count(x) AS all`,
    );
    expect(single[0]!.all).toBeGreaterThan(100);
    expect(single[0]!.marked).toBe(0);
  });

  test('a meeting whose only mention of the topic is the template line is not a discussion of it', async () => {
    expect(only.length).toBeGreaterThan(0);
    const res = await app.inject({
      method: 'POST',
      url: '/graphql',
      payload: { query: '{ discussions(topic: "code of conduct", collection: "swc", first: 50) { meeting { path } } }' },
    });
    const paths = (res.json() as { data: { discussions: { meeting: { path: string } }[] } }).data.discussions.map((d) => d.meeting.path);
    expect(paths.length).toBeGreaterThan(0);
    for (const f of only) expect(paths).not.toContain(`minutes/${f}`);
  });

  test('a second ingest of the unchanged folder leaves the marks as they are', async () => {
    const before = await db.read(`MATCH (x:Passage {collection: 'swc'}) WHERE x.template RETURN count(x) AS n`);
    await ingest(db, SWC, 'swc');
    const after = await db.read(`MATCH (x:Passage {collection: 'swc'}) WHERE x.template RETURN count(x) AS n`);
    expect(after[0]!.n).toBe(before[0]!.n);
  });
});
