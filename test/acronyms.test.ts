/**
 * Acronyms the notes define ("Python Security Response Team (PSRT)"): found at
 * ingest (ingest/extract/topics/acronyms.ts), stored with their meeting, and
 * read by the question fields so that a question written one way finds notes
 * written the other (schema/terms.ts termQuery, queries/acronyms.cypher).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { buildApp } from '../api/app.js';
import type { Db } from '../db/driver.js';
import { extractMeeting } from '../ingest/extract/extract.js';
import { parseNote } from '../ingest/parse/parse.js';
import { emptyConfig } from '../ingest/read/config.js';
import { acronymCandidates, termQuery } from '../schema/terms.js';
import { CORPUS, emptyGraph, graphql, ingest, testDb } from './support/graph.js';

const PSC = join(CORPUS, 'python-steering-council');

function acronymsOf(collection: string, path: string) {
  const text = readFileSync(join(CORPUS, collection, path), 'utf8');
  return extractMeeting(parseNote({ collection, path, text, sha256: 'x', bytes: text.length }), emptyConfig()).acronyms;
}

describe('acronyms a note defines', () => {
  test('a name followed by its initials, small words giving their letter or not', () => {
    const found = acronymsOf('python-steering-council', 'updates/2024-09-steering-council-update.md');
    expect(found).toContainEqual(expect.objectContaining({ short: 'coc', long: 'cod conduct', text: 'Code of Conduct (CoC)' }));
    expect(found).toContainEqual(expect.objectContaining({ short: 'dei', long: 'diversity equity inclusion' }));
    for (const a of found)
      expect(readFileSync(join(PSC, 'updates/2024-09-steering-council-update.md'), 'utf8').split('\n')[a.line - 1]).toContain(`(${a.text.split(' (')[1]}`);
  });

  test('a camel-case word gives the letter of each part', () => {
    const found = acronymsOf('rust-lang-lang-team', 'design-meeting-minutes/2021-11-17-named-fn-types.md');
    expect(found.map((a) => a.short)).toEqual(expect.arrayContaining(['rpit', 'rpitit']));
  });

  test("people's initials on an attendance list are not acronyms", () => {
    const text = readFileSync(join(CORPUS, 'emberjs-core-notes', 'st-embroider/2023/2023-07-11.md'), 'utf8');
    expect(text).toContain('Chris Manson (CM)');
    expect(acronymsOf('emberjs-core-notes', 'st-embroider/2023/2023-07-11.md')).toEqual([]);
  });
});

describe('a question with an acronym the notes define', () => {
  const psrt = [{ short: 'psrt', long: 'python security respons team' }];

  test('matches the initials with the name as a phrase, and the name with the initials', () => {
    expect(termQuery('PSRT', 'all', psrt)).toBe('(psrt OR "python security respons team")');
    expect(termQuery('Python security response team', 'all', psrt)).toContain('psrt');
    expect(termQuery('Python security response team', 'all', [])).not.toContain('psrt');
    // Mixed-case initials are split like camel case; either half carries the name.
    expect(termQuery('CoC', 'all', [{ short: 'coc', long: 'cod conduct' }])).toBe('(co OR coc OR "cod conduct") AND (c OR coc OR "cod conduct")');
  });

  test('looks up each word, the camel-case halves joined, and each run of terms', () => {
    const c = acronymCandidates('CoC of the Python Security Response Team');
    expect(c.words).toEqual(expect.arrayContaining(['coc', 'python']));
    expect(c.phrases).toContain('python security respons team');
  });
});

describe('questions over a collection that defines acronyms', () => {
  let db: Db;
  let app: FastifyInstance;

  beforeAll(async () => {
    db = await testDb();
    await emptyGraph(db);
    await ingest(db, PSC, 'psc');
    app = await buildApp({ db });
  }, 300_000);

  afterAll(async () => {
    await app?.close();
    await db?.close();
  });

  type Found = { meeting: { path: string }; why: { term: string }[] }[];
  const discussions = async (topic: string) =>
    (
      await graphql<{ discussions: Found }>(
        app,
        `
          query ($t: String!) {
            discussions(topic: $t, collection: "psc") {
              meeting {
                path
              }
              why {
                term
              }
            }
          }
        `,
        { t: topic },
      )
    ).discussions;

  test('the acronyms are stored with the meeting and line that define them', async () => {
    const rows = await db.read(`MATCH (a:Acronym {short: 'psrt'})-[:IN]->(m:Meeting) RETURN a.long AS long, m.path AS path, a.line AS line`);
    expect(rows.length).toBeGreaterThan(0);
    for (const r of rows) {
      expect(r.long).toBe('python security respons team');
      expect(readFileSync(join(PSC, r.path as string), 'utf8').split('\n')[(r.line as number) - 1]).toContain('(PSRT)');
    }
  });

  test('the initials find a meeting that writes only the name, and say why', async () => {
    const nameOnly = 'updates/2022-05-steering-council-update.md';
    const text = readFileSync(join(PSC, nameOnly), 'utf8');
    expect(text).toMatch(/Security Response Team/i);
    expect(text).not.toMatch(/\bPSRT\b/);
    const found = await discussions('PSRT');
    const hit = found.find((d) => d.meeting.path === nameOnly);
    expect(hit).toBeDefined();
    expect(hit!.why.map((w) => w.term)).toContain('psrt');
  });

  test('the name finds the meetings that write the initials', async () => {
    const byName = new Set((await discussions('Python Security Response Team')).map((d) => d.meeting.path));
    const byInitials = (await discussions('PSRT')).map((d) => d.meeting.path);
    for (const p of byInitials) expect(byName.has(p)).toBe(true);
  });
});
