/**
 * One roster per collection, end to end: a small folder of notes of our own
 * and a roster file, indexed into the real Neo4j; who spoke in a meeting that
 * writes people by initials, a handle or a first name only.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Db } from '../db/driver.js';
import { loadCollectionConfig } from '../ingest/read/config.js';
import { ingestFolder } from '../ingest/pipeline.js';
import { ROSTER_FILE } from '../ingest/read/roster-file.js';
import { emptyGraph, testDb } from './support/graph.js';

const NOTES: Record<string, string> = {
  // Says who RD, TB and @ohaddad are.
  '2024-01-10.md':
    '# Build sync 2024-01-10\n\n## Attendees\n- Rosa Diaz (RD)\n- Omar Haddad (@ohaddad)\n- Tomas Berg (TB)\n\n## Notes\n\nRD: the release branch is cut.\n\nTB: the tests pass on every platform.\n',
  // Writes everyone short; unknown initials count as speakers once they take turns.
  '2024-01-17.md': [
    '# Build sync 2024-01-17',
    '',
    '## Notes',
    '',
    'RD: the release went out on Monday.',
    '',
    'The mirror is slow again. @ohaddad to file an issue about the mirror.',
    '',
    'TB: nothing from me.',
    '',
    'LC: the docs build is green.',
    '',
    'Kim: the new runners arrive next week.',
    '',
    'RD: then we look at the mirror next week.',
    '',
    'TB: fine by me.',
    '',
  ].join('\n'),
  // A second TB, and the collection's one Kim with a full name.
  '2024-01-24.md': '# Build sync 2024-01-24\n\n## Attendees\n- Tara Brown (TB)\n- Kim Novak\n\n## Notes\n\nTB: I joined the build team this week.\n',
  [ROSTER_FILE]: '# Who is who\n\n- Lee Chen (LC) @lchen\n',
};

let db: Db;
let folder: string;

beforeAll(async () => {
  db = await testDb();
  await emptyGraph(db);
  folder = mkdtempSync(join(tmpdir(), 'quorum-roster-'));
  for (const [name, text] of Object.entries(NOTES)) writeFileSync(join(folder, name), text);
  const { config } = await loadCollectionConfig(folder);
  const s = await ingestFolder({ db, folder, collection: 'roster', config });
  expect(s).toMatchObject({ files: 3, meetings: 3, failed: 0 });
});
afterAll(async () => {
  rmSync(folder, { recursive: true, force: true });
  await db?.close();
});

describe("a collection's roster over the graph", () => {
  test('initials, handles and a first name another note explains resolve; ambiguous initials stay as written', async () => {
    const rows = await db.read(
      `MATCH (:Meeting {id: 'roster/2024-01-17.md'})<-[:IN]-(:Passage)-[:SPOKEN_BY]->(p:Person)
       RETURN DISTINCT p.name AS name ORDER BY name`,
    );
    // RD is Rosa Diaz (said in another note); LC is Lee Chen (the roster file); TB is two people; Kim is the one
    // Kim the collection writes in full (resolved at ingest, resolve/roster.ts firstNameRoster).
    expect(rows.map((r) => r.name)).toEqual(['Kim Novak', 'Lee Chen', 'Rosa Diaz', 'TB']);
    const [owner] = await db.read(`MATCH (:Meeting {id: 'roster/2024-01-17.md'})<-[:IN]-(a:ActionItem)-[:OWNED_BY]->(p:Person) RETURN p.name AS name`);
    expect(owner).toEqual({ name: 'Omar Haddad' });
  });

  test('the resolved person keeps the short form as an alias, and the roster file is no meeting', async () => {
    const [rosa] = await db.read(`MATCH (p:Person {id: 'rosa diaz'}) RETURN p.aliases AS aliases`);
    expect(rosa!.aliases).toContain('RD');
    const [n] = await db.read(`MATCH (m:Meeting {collection: 'roster'}) RETURN count(m) AS n`);
    expect(n!.n).toBe(3);
  });
});
