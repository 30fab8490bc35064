import { cpSync, mkdirSync, mkdtempSync, rmSync, writeFileSync, readFileSync, renameSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Db } from '../db/driver.js';
import { emptyConfig } from '../ingest/read/config.js';
import { configHash, derivedStamp } from '../ingest/load/derived.js';
import { ingestFolder } from '../ingest/pipeline.js';
import { runCli } from './support/cli.js';
import { fingerprint } from './support/fingerprint.js';
import { counts, CORPUS, emptyGraph, ingest, SEEDS, testDb } from './support/graph.js';

let db: Db;

beforeAll(async () => {
  db = await testDb();
  await emptyGraph(db);
});
afterAll(async () => db?.close());

const SEED = 'seeds/001_47f3fa9c104fb741.txt';

describe('ingest of the seeds', () => {
  test('indexes both forms with no failure', async () => {
    const s = await ingest(db, SEEDS, 'seeds');
    expect(s).toMatchObject({ files: 2, meetings: 2, failed: 0 });
  });

  test('the 2025-06-05 notes: date, series, 11 attendees, Alex resolved, RFC 43', async () => {
    const [m] = await db.read('MATCH (m:Meeting {id: $id}) RETURN m.date AS date, m.series AS series, m.title AS title', { id: SEED });
    expect(m).toEqual({ date: '2025-06-05', series: 'wasmtime', title: 'June 05 | Wasmtime Project Bi-Weekly' });
    const attendees = await db.read('MATCH (:Meeting {id: $id})<-[:ATTENDED]-(p:Person) RETURN p.name AS name ORDER BY name', { id: SEED });
    expect(attendees).toHaveLength(11);
    expect(attendees.map((r) => r.name)).toContain('Khagan Karimov');
    const [alex] = await db.read(
      `MATCH (:Meeting {id: $id})<-[:IN]-(x:Passage)-[:SPOKEN_BY]->(p:Person)
       WHERE x.text STARTS WITH 'Alex: There' RETURN p.name AS name, x.speakerAs AS as, x.startLine AS line`,
      { id: SEED },
    );
    expect(alex).toEqual({ name: 'Alex Crichton', as: 'Alex', line: 41 });
    const refs = await db.read('MATCH (:Meeting {id: $id})-[:REFERENCES]->(r:Reference) RETURN r.id AS id, r.kind AS kind', { id: SEED });
    expect(refs).toContainEqual({ id: 'bytecodealliance/rfcs#43', kind: 'RFC' });
  });

  test('the web-page text seed: date from its header path, attendees with initials resolved', async () => {
    const id = 'seeds/000_588e6bce46531436.txt';
    const [m] = await db.read('MATCH (m:Meeting {id: $id}) RETURN m.date AS date, m.series AS series', { id });
    expect(m).toEqual({ date: '2021-09-02', series: 'wasmtime' });
    const [nf] = await db.read(
      `MATCH (:Meeting {id: $id})<-[:IN]-(x:Passage)-[:SPOKEN_BY]->(p:Person) WHERE x.text STARTS WITH 'NF: heads-up'
       RETURN p.name AS name, x.startLine AS line`,
      { id },
    );
    expect(nf).toEqual({ name: 'Nick Fitzgerald', line: 41 });
  });

  test('re-ingest changes nothing and skips every file, without reading the roster it would resolve people with', async () => {
    const before = await counts(db);
    // The labels of the run's read transactions (db/driver.ts TxOptions.label).
    const labels: string[] = [];
    const watched = Object.create(db) as Db;
    watched.readTx = (work, o) => (labels.push(o?.label ?? ''), db.readTx(work, o));
    const s = await ingest(watched, SEEDS, 'seeds');
    expect(s).toMatchObject({ meetings: 0, skipped: 2, deleted: 0 });
    expect(await counts(db)).toEqual(before);
    expect(labels).toEqual(['ingest:hashes']);
  });
});

describe('a changed, renamed or deleted file', () => {
  const dir = mkdtempSync(join(tmpdir(), 'quorum-ingest-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  test('the graph follows the folder', async () => {
    cpSync(join(CORPUS, 'bytecodealliance-meetings', 'wasmtime', '2025'), join(dir, 'wasmtime', '2025'), { recursive: true });
    const first = await ingest(db, dir, 'scratch');
    expect(first.failed).toBe(0);
    const meetings = async () => (await db.read('MATCH (m:Meeting {collection: "scratch"}) RETURN count(m) AS n'))[0]!.n;
    expect(await meetings()).toBe(first.files);

    const file = join(dir, 'wasmtime', '2025', 'wasmtime-06-05.md');
    writeFileSync(file, readFileSync(file, 'utf8').replace('Khagan Karimov', 'Maria Jensen'));
    const changed = await ingest(db, dir, 'scratch');
    expect(changed).toMatchObject({ meetings: 1, skipped: first.files - 1 });
    const names = await db.read('MATCH (:Meeting {id: "scratch/wasmtime/2025/wasmtime-06-05.md"})<-[:ATTENDED]-(p) RETURN p.name AS n');
    expect(names.map((r) => r.n)).toContain('Maria Jensen');
    expect(names.map((r) => r.n)).not.toContain('Khagan Karimov');

    renameSync(file, join(dir, 'wasmtime', '2025', 'renamed.md'));
    const renamed = await ingest(db, dir, 'scratch');
    expect(renamed).toMatchObject({ meetings: 1, deleted: 1 });
    expect(await db.read('MATCH (m:Meeting {id: "scratch/wasmtime/2025/wasmtime-06-05.md"}) RETURN m')).toHaveLength(0);
    expect(await db.read('MATCH (m:Meeting {id: "scratch/wasmtime/2025/renamed.md"}) RETURN m')).toHaveLength(1);
    expect(await meetings()).toBe(first.files);

    rmSync(join(dir, 'wasmtime', '2025', 'renamed.md'));
    const deleted = await ingest(db, dir, 'scratch');
    expect(deleted).toMatchObject({ meetings: 0, deleted: 1 });
    expect(await meetings()).toBe(first.files - 1);
    // Nothing left that only the deleted meeting mentioned.
    expect(await db.read('MATCH (p:Person {id: "maria jensen"}) RETURN p')).toHaveLength(0);
  }, 300_000);

  test('a file that cannot be read is reported and the rest indexed', async () => {
    writeFileSync(join(dir, 'binary.md'), Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 1]));
    writeFileSync(join(dir, 'picture.png'), Buffer.from([1, 2, 3]));
    const s = await ingest(db, dir, 'scratch');
    expect(s.failed).toBe(1);
    expect(s.messages).toContainEqual({ path: 'binary.md', reason: expect.stringContaining('binary') });
    expect(s.messages).toContainEqual({ path: 'picture.png', reason: expect.stringContaining('not a note') });
    expect((await db.read('MATCH (m:Meeting {collection: "scratch"}) RETURN count(m) AS n'))[0]!.n).toBeGreaterThan(0);
  });
});

describe('an upgrade: other rules derive stored facts', () => {
  const dir = mkdtempSync(join(tmpdir(), 'quorum-upgrade-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  test('the next ingest derives unchanged files again and says so once; the one after changes nothing', async () => {
    cpSync(join(CORPUS, 'bytecodealliance-meetings', 'wasmtime', '2025'), dir, { recursive: true });
    const config = emptyConfig();
    const now = derivedStamp(config);
    // As an older Quorum (other rules: the test seam) left it, with stored terms its rules wrote.
    const older = `0123456789abcdef/${configHash(config)}`;
    const first = await ingestFolder({ db, folder: dir, collection: 'upgrade', config, derived: older });
    expect(first).toMatchObject({ failed: 0, rederived: null });
    const reference = await fingerprint(db);
    await db.write("MATCH (x:Passage {collection: 'upgrade'}) SET x.terms = 'written by older rules'");

    const upgraded = await runCli(['ingest', dir, '--collection', 'upgrade']);
    expect(upgraded.status).toBe(0);
    expect(upgraded.stdout.match(/indexed again/g)).toHaveLength(1);
    expect(upgraded.stdout).toContain(
      `upgrade: ${first.files} unchanged notes were indexed again: Quorum's rules (an upgrade) changed since they were indexed`,
    );
    expect(upgraded.stdout).toContain(`upgrade: ${first.files} files, ${first.files} meetings indexed, 0 unchanged`);
    // The same facts as the older rules derived here, but every term rewritten and each meeting stamped with today's rules.
    const same = (fp: Awaited<ReturnType<typeof fingerprint>>) => fp.lines.map((l) => l.split(older).join('STAMP').split(now).join('STAMP'));
    expect(same(await fingerprint(db))).toEqual(same(reference));
    const stale = await db.read("MATCH (m:Meeting {collection: 'upgrade'}) WHERE m.derived <> $now RETURN count(m) AS n", { now });
    expect(stale[0]!.n).toBe(0);

    const again = await runCli(['ingest', dir, '--collection', 'upgrade']);
    expect(again.stdout).not.toContain('indexed again');
    expect(again.stdout).toContain(`upgrade: ${first.files} files, 0 meetings indexed, ${first.files} unchanged`);

    // Another config is another derivation too (here the URL base of source links).
    const linked = await ingestFolder({ db, folder: dir, collection: 'upgrade', config: { ...config, urlBase: 'https://example.org/notes' } });
    expect(linked).toMatchObject({ meetings: first.files, skipped: 0, rederived: { meetings: first.files, rules: false, config: true } });
    const urls = await db.read("MATCH (m:Meeting {collection: 'upgrade'}) WHERE m.url STARTS WITH 'https://example.org/notes/' RETURN count(m) AS n");
    expect(urls[0]!.n).toBe(first.files);
  }, 300_000);
});

test('a source link names a file whose path has spaces, & # ? % and non-ASCII letters, each segment encoded', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'quorum-url-'));
  try {
    mkdirSync(join(dir, 'Q&A 2024'));
    const path = 'Q&A 2024/Sync #3: 50% done? Zoë.md';
    writeFileSync(join(dir, path), '# Sync\n\nAttendees: Ada Lovelace\n\n- Decided: ship it.\n');
    const s = await ingestFolder({ db, folder: dir, collection: 'urls', config: { ...emptyConfig(), urlBase: 'https://example.org/notes' } });
    expect(s.failed).toBe(0);
    const rows = await db.read("MATCH (m:Meeting {collection: 'urls'}) RETURN m.path AS path, m.url AS url");
    expect(rows).toEqual([{ path, url: 'https://example.org/notes/Q%26A%202024/Sync%20%233%3A%2050%25%20done%3F%20Zo%C3%AB.md' }]);
    expect(new URL(rows[0]!.url as string).pathname.split('/').map(decodeURIComponent).slice(2).join('/')).toBe(path);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}, 120_000);

test('quorum ingest counts the messages about notes and prints each as path:line: reason with --verbose', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'quorum-messages-'));
  try {
    writeFileSync(
      join(dir, '2025-03-04.md'),
      '# Sync 2025-03-04\n\nAttendees: Ada Lovelace, Alan Turing\n\nAction items:\n\n## Notes\n\n- Ada: the build is green.\n',
    );
    const quiet = await runCli(['ingest', dir, '--collection', 'messages']);
    expect(quiet.status).toBe(0);
    expect(quiet.stdout).toContain("messages: 1 message about the notes' content (--verbose prints them)");
    expect(quiet.stderr).not.toContain('2025-03-04.md:5');
    writeFileSync(
      join(dir, '2025-03-04.md'),
      '# Sync 2025-03-04\n\nAttendees: Ada Lovelace, Alan Turing\n\nAction items:\n\n## Notes\n\n- Ada: the build is green again.\n',
    );
    const verbose = await runCli(['ingest', dir, '--collection', 'messages', '--verbose']);
    expect(verbose.status).toBe(0);
    expect(verbose.stderr).toContain('messages/2025-03-04.md:5: label "Action items:" has nothing after it');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}, 120_000);
