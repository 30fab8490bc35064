import type { FastifyInstance } from 'fastify';
import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { buildApp } from '../api/app.js';
import type { Db } from '../db/driver.js';
import { emptyGraph, ingest, testDb } from './support/graph.js';

let db: Db;
let app: FastifyInstance;
let dir: string;

const NOTE = `# Board sync March 4

## Attendees

- Rosa Diaz (RD)
- Omar Little (OL)
- Wen Zhao (WZ)

## Actions

* RD + OL: settle the travel budget
* WZ: circulate the minutes
* The board: review the charter
`;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'quorum-owners-'));
  mkdirSync(join(dir, 'board'));
  writeFileSync(join(dir, 'board', '2026-03-04.md'), NOTE);
  db = await testDb();
  await emptyGraph(db);
  await ingest(db, dir, 'owners');
  app = await buildApp({ db, logger: false });
});
afterAll(async () => {
  await app?.close();
  await db?.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

describe('ActionItem.owners', () => {
  test('a task for several people has every owner, the first named first, and the contract owner is the first', async () => {
    const res = await app.inject({
      method: 'POST',
      url: '/graphql',
      payload: {
        query:
          '{ meeting(collection: "owners", path: "board/2026-03-04.md") { actionItems { text owner { name } owners { name } ownerGroup source { startLine } } } }',
      },
    });
    expect(res.statusCode).toBe(200);
    const items = (res.json() as { data: { meeting: { actionItems: unknown[] } } }).data.meeting.actionItems;
    expect(items).toEqual([
      {
        // The owners' label is not part of the task, for `RD + OL:` as for `WZ:` (and `A & B:`).
        text: 'settle the travel budget',
        owner: { name: 'Rosa Diaz' },
        owners: [{ name: 'Rosa Diaz' }, { name: 'Omar Little' }],
        ownerGroup: null,
        source: { startLine: 11 },
      },
      { text: 'circulate the minutes', owner: { name: 'Wen Zhao' }, owners: [{ name: 'Wen Zhao' }], ownerGroup: null, source: { startLine: 12 } },
      { text: 'The board: review the charter', owner: { name: 'board' }, owners: [], ownerGroup: 'board', source: { startLine: 13 } },
    ]);
  });
});
