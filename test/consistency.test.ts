/**
 * Nothing lost, nothing doubled: the graph after any sequence of ingests of a
 * folder (again, twice at once, killed half-way and run again, after renames
 * and deletions) has the same fingerprint (every node and relationship with
 * its properties) as one clean ingest of the folder as it is.
 */
import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { cpSync, mkdtempSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Db } from '../db/driver.js';
import { emptyConfig } from '../ingest/read/config.js';
import { ingestFolder } from '../ingest/pipeline.js';
import { projectRoot } from '../schema/paths.js';
import { difference, fingerprint, part, type Fingerprint } from './support/fingerprint.js';
import { CORPUS, emptyGraph, ingest, testDb } from './support/graph.js';

const COLLECTION = 'consistency';
const SOURCE = join(CORPUS, 'bytecodealliance-meetings', 'component-model');

let db: Db;
let work: string;
/** The graph after one clean ingest of SOURCE. */
let reference: Fingerprint;

const meetings = async () => (await db.read('MATCH (m:Meeting {collection: $c}) RETURN count(m) AS n', { c: COLLECTION }))[0]!.n as number;

/** Removes the collection through ingest itself (an empty folder: every meeting's file is gone). */
async function removeAll(): Promise<void> {
  const empty = mkdtempSync(join(tmpdir(), 'quorum-empty-'));
  await ingest(db, empty, COLLECTION);
  rmSync(empty, { recursive: true });
}

/** The graph is the one a clean ingest of `folder` gives (to see, the collection is removed and ingested again). */
async function expectAsCleanIngest(folder: string): Promise<void> {
  const now = await fingerprint(db);
  await removeAll();
  await ingest(db, folder, COLLECTION);
  const clean = await fingerprint(db);
  expect(now.hash, difference(clean, now)).toBe(clean.hash);
}

/** The notes under a folder, relative paths. */
const notesIn = (folder: string) =>
  readdirSync(folder, { recursive: true })
    .map(String)
    .filter((f) => f.endsWith('.md'))
    .sort();

/** Every meeting in the graph is whole: its own nodes and relationships are those of the same meeting in `whole`. */
async function expectWholeMeetings(whole: Fingerprint): Promise<number> {
  const now = await fingerprint(db);
  const ids = (await db.read('MATCH (m:Meeting {collection: $c}) RETURN m.id AS id', { c: COLLECTION })).map((r) => r.id as string);
  for (const id of ids) {
    const mine = (key: string) => key === id || key.startsWith(`${id}#`);
    const have = part(now, mine);
    const want = part(whole, mine);
    expect(have.hash, `${id} is half there:\n${difference(want, have)}`).toBe(want.hash);
  }
  return ids.length;
}

beforeAll(async () => {
  db = await testDb();
  await emptyGraph(db);
  work = mkdtempSync(join(tmpdir(), 'quorum-consistency-'));
  cpSync(SOURCE, join(work, 'notes'), { recursive: true });
  const first = await ingest(db, join(work, 'notes'), COLLECTION);
  expect(first.failed, JSON.stringify(first.messages.slice(0, 3))).toBe(0);
  reference = await fingerprint(db);
}, 300_000);
afterAll(async () => {
  rmSync(work, { recursive: true, force: true });
  await db?.close();
});

describe('the same folder, ingested again', () => {
  test('a second run writes nothing and leaves the same graph', async () => {
    const again = await ingest(db, join(work, 'notes'), COLLECTION);
    expect(again).toMatchObject({ meetings: 0, deleted: 0, failed: 0, skipped: again.files });
    const now = await fingerprint(db);
    expect(now.hash, difference(reference, now)).toBe(reference.hash);
  });

  test('rewriting every meeting (hashes made stale) gives the same graph: writes are idempotent', async () => {
    await db.write("MATCH (m:Meeting {collection: $c}) SET m.sha256 = 'stale'", { c: COLLECTION });
    const again = await ingest(db, join(work, 'notes'), COLLECTION);
    expect(again.meetings).toBe(again.files);
    const now = await fingerprint(db);
    expect(now.hash, difference(reference, now)).toBe(reference.hash);
  });

  test('two ingests at once: no duplicate, the same graph', async () => {
    await removeAll();
    expect(await meetings()).toBe(0);
    const [a, b] = await Promise.all(
      [0, 1].map(async () => {
        const other = await testDb(); // its own driver and connections, as another process would have
        try {
          // One meeting per transaction, so the two runs' writes interleave.
          return await ingestFolder({ db: other, folder: join(work, 'notes'), collection: COLLECTION, config: emptyConfig(), batchRows: 1, workers: 0 });
        } finally {
          await other.close();
        }
      }),
    );
    expect(a!.failed + b!.failed, JSON.stringify([...a!.messages, ...b!.messages].slice(0, 3))).toBe(0);
    const now = await fingerprint(db);
    expect(now.hash, difference(reference, now)).toBe(reference.hash);
  }, 300_000);
});

describe('an ingest killed half-way (kill -9)', () => {
  test('leaves only whole meetings, and the next run converges', async () => {
    await removeAll();
    const total = notesIn(join(work, 'notes')).length;
    const killedAt = await ingestKilledAfterFirstBatch(join(work, 'notes'));
    expect(killedAt, 'the kill came after the first batch and before the last').toBeGreaterThan(0);
    expect(killedAt).toBeLessThan(total);
    expect(await expectWholeMeetings(reference)).toBe(killedAt);
    await ingest(db, join(work, 'notes'), COLLECTION);
    const now = await fingerprint(db);
    expect(now.hash, difference(reference, now)).toBe(reference.hash);
  }, 300_000);

  test('killed while it replaces changed meetings: the next run converges to a clean ingest of the new notes', async () => {
    const notes = join(work, 'notes');
    // Every note changes (an attendee line is added), so every meeting is replaced.
    const files = notesIn(notes);
    for (const f of files) writeFileSync(join(notes, f), `${readFileSync(join(notes, f), 'utf8')}\n\nAttendees: Quinn Killtest\n`);
    const hashes = files.map((f) =>
      createHash('sha256')
        .update(readFileSync(join(notes, f)))
        .digest('hex'),
    );
    const replaced = async () =>
      (await db.read('MATCH (m:Meeting {collection: $c}) WHERE m.sha256 IN $hashes RETURN count(m) AS n', { c: COLLECTION, hashes }))[0]!.n as number;
    await ingestKilledAfterFirstBatch(notes, replaced);
    expect(await replaced()).toBeLessThan(files.length);
    await ingest(db, notes, COLLECTION);
    await expectAsCleanIngest(notes);
  }, 300_000);
});

describe('renamed, deleted and changed files', () => {
  test('the graph follows the folder: the same as a clean ingest of it', async () => {
    const notes = join(work, 'notes');
    const files = notesIn(notes);
    renameSync(join(notes, files[0]!), join(notes, 'renamed.md'));
    rmSync(join(notes, files[1]!));
    writeFileSync(join(notes, files[2]!), readFileSync(join(notes, files[2]!), 'utf8').replace(/\n/, '\n\nAttendees: Ren Follow\n'));
    const after = await ingest(db, notes, COLLECTION);
    expect(after).toMatchObject({ meetings: 2, deleted: 2, failed: 0 });
    await expectAsCleanIngest(notes);
  }, 300_000);
});

/**
 * Runs an ingest in a child process (one meeting per write transaction)
 * and kills it with SIGKILL as soon as `progress` is above zero; resolves to
 * the collection's meeting count after the kill.
 */
async function ingestKilledAfterFirstBatch(folder: string, progress: () => Promise<number> = meetings): Promise<number> {
  const child = spawn(process.execPath, [join('test', 'support', 'run-ts.mjs'), join('test', 'support', 'ingest-child.ts'), folder, COLLECTION, '1'], {
    cwd: projectRoot(),
    env: process.env,
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let stderr = '';
  child.stderr.on('data', (d) => (stderr += d));
  const exited = new Promise<number | null>((done) => child.on('exit', (code) => done(code)));
  let running = true;
  void exited.then(() => (running = false));
  for (;;) {
    if (!running) throw new Error(`the ingest ended before it could be killed:\n${stderr.slice(-2000)}`);
    if ((await progress()) > 0) break;
    await new Promise((r) => setTimeout(r, 25));
  }
  child.kill('SIGKILL');
  await exited;
  return meetings();
}
