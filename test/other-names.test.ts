/**
 * Other names a thing goes by ("extensions (formerly shapes)", "Output from
 * Declarative macro repetition counts project"): found at ingest
 * (ingest/extract/topics/other-names.ts, the vocabulary's `names` table),
 * stored on the passage, and followed by discussions from the best
 * discussion of a topic to the meetings that used the other name
 * (queries/parts/discussion-rank.cypher).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { buildApp } from '../api/app.js';
import type { Db } from '../db/driver.js';
import { extractMeeting } from '../ingest/extract/extract.js';
import { otherNames } from '../ingest/extract/topics/other-names.js';
import { NAME_WORDS } from '../ingest/formats/cue-words.js';
import { parseNote } from '../ingest/parse/parse.js';
import { emptyConfig } from '../ingest/read/config.js';
import { CORPUS, emptyGraph, graphql, ingest, testDb } from './support/graph.js';

const RUST = 'rust-lang-lang-team';

function passagesOf(collection: string, path: string) {
  const text = readFileSync(join(CORPUS, collection, path), 'utf8');
  return extractMeeting(parseNote({ collection, path, text, sha256: 'x', bytes: text.length }), emptyConfig()).passages;
}

/** The other names given on one line of a note of the corpus. */
function namesOn(collection: string, path: string, line: number): string[] {
  const passage = passagesOf(collection, path).find((p) => p.startLine <= line && p.endLine >= line);
  expect(passage, `${path}:${line}`).toBeDefined();
  return passage!.aka ?? [];
}

describe('other names a note gives a thing', () => {
  test('the effort a proposal came out of, its kind word taken off, in index form', () => {
    expect(namesOn(RUST, 'minutes/2021-03-02.md', 87)).toEqual(['declarativ macro repetition count']);
  });

  test('a former name, up to the end of its clause', () => {
    expect(namesOn('w3c-webextensions', '_minutes/2022-05-26-wecg.md', 65)).toEqual(['ad block dev summit']);
    expect(namesOn('graphql-graphql-wg', 'agendas/2023/12-Dec/07-wg-primary.md', 132)).toEqual(['client controll nullability']);
  });

  test('a single word, or what follows "output of" without a kind word, is no name', () => {
    expect(namesOn('w3c-webextensions', '_minutes/2023-02-02-wecg.md', 34)).toEqual([]); // Simeon Vincent (formerly Google)
    expect(namesOn('eslint-tsc-meetings', 'notes/2017/2017-08-31.md', 53)).toEqual([]); // … error output from the CLI
    expect(otherNames('the output of the language model', NAME_WORDS)).toEqual([]);
    expect(otherNames('Today we reviewed the latest output from the unions working group: a proposal', NAME_WORDS)).toEqual([]);
  });

  test('link markup and code quotes are no part of a name', () => {
    expect(otherNames('`ipfs-api` was renamed to [`ipfs-http-client`](https://github.com/ipfs/js-ipfs-http-client)', NAME_WORDS)).toEqual(['ipf http client']);
    expect(otherNames('what was previously known as `implicit extension`s, which is now', NAME_WORDS)).toEqual(['implicit extension']);
  });
});

describe('discussions follow another name', () => {
  let db: Db;
  let app: FastifyInstance;
  beforeAll(async () => {
    db = await testDb();
    await emptyGraph(db);
    await ingest(db, join(CORPUS, RUST), RUST);
    app = await buildApp({ db, logger: false, cacheMb: 0 });
  }, 300_000);
  afterAll(async () => {
    await app?.close();
    await db?.close();
  });

  test('meetings that use the name the best discussion gives the topic come after those that say it', async () => {
    const data = await graphql<any>(
      app,
      '{ discussions(topic: "macro metavariable expressions", collection: "rust-lang-lang-team") { score meeting { path } } }',
    );
    const paths: string[] = data.discussions.map((d: { meeting: { path: string } }) => d.meeting.path);
    // The best discussion says "Output from Declarative macro repetition counts project"; these meetings say only that name.
    expect(paths[0]).toBe('minutes/2021-03-02.md');
    expect(paths).toEqual(
      expect.arrayContaining([
        'design-meeting-minutes/2021-02-03-Planning-Meeting.md',
        'design-meeting-minutes/2021-03-03-Planning-Meeting.md',
        'minutes/2021-02-16.md',
      ]),
    );
    const scoreOf = (p: string) => data.discussions.find((d: { meeting: { path: string } }) => d.meeting.path === p).score;
    expect(scoreOf('minutes/2021-02-16.md')).toBeLessThan(scoreOf('minutes/2021-03-02.md'));
    // The name is not a word of the topic: searched alone, the topic's words do not find them.
    for (const p of ['design-meeting-minutes/2021-02-03-Planning-Meeting.md', 'minutes/2021-02-16.md']) {
      const text = readFileSync(join(CORPUS, RUST, p), 'utf8').toLowerCase();
      expect(text).not.toContain('metavariable');
    }
  });
});
