/**
 * The offline scorer reads the labels as GUIDELINES.md writes them: a decision
 * or task found at one of its `also` lines is found, and a task's owner is
 * right when it is any of its `owners`.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { scoreOffline } from '../eval/offline.js';
import { projectRoot } from '../schema/paths.js';
import { SHARED } from './support/graph.js';

// The note states its decision at line 9 and gives Grace Hopper the letter at line 10 (with Ada Lovelace).
const NOTES = join(projectRoot(), 'test', 'fixtures', 'scorer', 'notes');
const base = {
  corpus: 'board',
  path: 'board/2020-01-02.md',
  date: '2020-01-02',
  series: 'board',
  attendees: ['Ada Lovelace', 'Grace Hopper'],
  speakers: ['Ada Lovelace', 'Grace Hopper'],
  references: [],
  crates: [],
  advisories: [],
  topics: [],
};
const dirs: string[] = [];
afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

async function score(label: object) {
  const dir = mkdtempSync(join(tmpdir(), 'quorum-gold-'));
  dirs.push(dir);
  mkdirSync(join(dir, 'board'));
  writeFileSync(join(dir, 'board', '2020-01-02.md.json'), JSON.stringify({ ...base, ...label }));
  return scoreOffline(SHARED, dir, NOTES);
}

describe('the offline scorer', () => {
  test('an outcome found at one of its `also` lines is found; at none of them, missed', async () => {
    const decision = { line: 3, summary: 'the budget moves to the new fund' };
    const missed = await score({ decisions: [decision], actionItems: [] });
    expect(missed.scores.decisions).toMatchObject({ tp: 0, found: 1, gold: 1 });
    const also = await score({ decisions: [{ ...decision, also: [9] }], actionItems: [] });
    expect(also.scores.decisions).toMatchObject({ tp: 1, found: 1, gold: 1 });
  });

  test("a task's owner is right when it is any of its `owners`", async () => {
    const task = { line: 10, owner: 'Ada Lovelace', summary: 'draft the letter' };
    const one = await score({ decisions: [], actionItems: [task] });
    expect(one.scores.actionItems).toMatchObject({ tp: 1, found: 1, gold: 1 });
    expect(one.scores.actionOwners).toMatchObject({ tp: 0 });
    expect(one.files[0]!.misses.actionOwners).toEqual({ missed: ['10 (Ada Lovelace)'], extra: ['10 (Grace Hopper)'] });
    const several = await score({ decisions: [], actionItems: [{ ...task, owners: ['Ada Lovelace', 'Grace Hopper'] }] });
    expect(several.scores.actionOwners).toMatchObject({ tp: 1, found: 1, gold: 1 });
  });

  test('figures are kept per collection as well as pooled', async () => {
    const { scores, byCollection } = await score({ decisions: [], actionItems: [] });
    expect([...byCollection.keys()]).toEqual(['board']);
    expect(byCollection.get('board')!.attendees).toMatchObject({ tp: 2, found: 2, gold: 2 });
    expect(scores.attendees).toMatchObject({ tp: 2, found: 2, gold: 2 });
  });
});
