/**
 * Two forms of how minutes are written that a discussion must read: a line of
 * the notes' template, written word for word atop meeting after meeting, is
 * not what any one meeting said (queries/discussions.cypher, `same` on each
 * passage, api/calibration.ts `template`); and a name typed in full also finds
 * the initials any collection's notes define for it (queries/acronyms.cypher),
 * while initials typed are read only as the asked collection defines them.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { buildApp } from '../api/app.js';
import { DISCUSSION } from '../api/calibration.js';
import type { Db } from '../db/driver.js';
import { loadQueries } from '../api/queries.js';
import { listNotes } from '../ingest/read/read.js';
import { acronymCandidates } from '../schema/terms.js';
import { CORPUS, emptyGraph, graphql, ingest, testDb } from './support/graph.js';

const SWC = join(CORPUS, 'swcarpentry-board');
const PSC = join(CORPUS, 'python-steering-council');
const TEMPLATE = /^- Link to Code of Conduct: http:\/\/software-carpentry\.org\/conduct\/\s*$/;

const lines = (path: string) => readFileSync(join(SWC, path), 'utf8').split('\n');
/** Whether a note mentions the code of conduct anywhere but on the template's line. */
const saysItElsewhere = (path: string) => lines(path).some((l) => /code of conduct|\bCoC\b/i.test(l) && !TEMPLATE.test(l));

describe('discussions over minutes written from a template', () => {
  let db: Db;
  let app: FastifyInstance;
  let templated: string[];

  beforeAll(async () => {
    db = await testDb();
    await emptyGraph(db);
    await ingest(db, SWC, 'swc');
    await ingest(db, PSC, 'psc');
    app = await buildApp({ db });
    templated = (await listNotes(SWC)).files.filter((p) => lines(p).some((l) => TEMPLATE.test(l)));
  }, 300_000);

  afterAll(async () => {
    await app?.close();
    await db?.close();
  });

  type Found = { meeting: { path: string }; why: { term: string; source: { startLine: number } }[] }[];
  const discussions = async (topic: string) =>
    (
      await graphql<{ discussions: Found }>(
        app,
        `
          query ($t: String!) {
            discussions(topic: $t, collection: "swc") {
              meeting {
                path
              }
              why {
                term
                source {
                  startLine
                }
              }
            }
          }
        `,
        { t: topic },
      )
    ).discussions;

  test('a meeting whose only mention is the template line is no discussion of it', async () => {
    expect(templated.length).toBeGreaterThanOrEqual(DISCUSSION.template);
    const only = templated.filter((p) => !saysItElsewhere(p));
    expect(only.length).toBeGreaterThan(0);
    const found = new Set((await discussions('code of conduct')).map((d) => d.meeting.path));
    for (const p of only) expect(found.has(p)).toBe(false);
    // A meeting that writes the template and takes the topic up as well is kept.
    const both = templated.filter((p) => lines(p).filter((l) => /code of conduct/i.test(l) && !TEMPLATE.test(l)).length >= 2);
    expect(both.length).toBeGreaterThan(0);
    for (const p of both) expect(found.has(p)).toBe(true);
  });

  test('the template line is stored like any passage, with the key it shares with its copies', async () => {
    const rows = await db.read(`MATCH (x:Passage {collection: 'swc'}) WHERE x.text STARTS WITH 'Link to Code of Conduct' RETURN x.same AS same, count(*) AS n`);
    expect(rows).toHaveLength(1);
    expect(rows[0]!.n).toBe(templated.length);
  });

  test('the name typed in full finds initials only another collection defines', async () => {
    // Only the python notes write "Code of Conduct (CoC)"; the carpentry notes use CoC undefined.
    expect(readFileSync(join(PSC, 'updates/2024-09-steering-council-update.md'), 'utf8')).toContain('Code of Conduct (CoC)');
    const found = await discussions('code of conduct');
    // The lines given as why that write only the initials.
    const initialsOnly = found.flatMap((d) =>
      d.why.filter((w) => {
        const line = lines(d.meeting.path)[w.source.startLine - 1] ?? '';
        return /\bCoC\b/.test(line) && !/code of conduct/i.test(line);
      }),
    );
    expect(initialsOnly.length).toBeGreaterThan(0);
    expect(new Set(initialsOnly.map((w) => w.term))).toEqual(new Set(['code', 'conduct']));
  });

  test('initials typed are not read by another collection’s definition', async () => {
    const q = loadQueries();
    expect(await q.acronyms.run(db, { ...acronymCandidates('CoC'), collection: 'swc' })).toEqual([]);
    expect(await q.acronyms.run(db, { ...acronymCandidates('CoC'), collection: 'psc' })).toEqual([{ short: 'coc', long: 'cod conduct' }]);
    expect(await q.acronyms.run(db, { ...acronymCandidates('code of conduct'), collection: 'swc' })).toEqual([{ short: 'coc', long: 'cod conduct' }]);
  });
});
