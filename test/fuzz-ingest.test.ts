/**
 * Bad input through the whole ingest: a folder of pathological notes
 * (CommonMark's pathological patterns, compromise's traps, sheer size),
 * binary files under a note's name, invalid UTF-8, a 50 MB file, a link out
 * of the folder and a named pipe, beside good notes. Each bad file is indexed
 * or reported with its path and reason within the per-file timeout; every
 * good note is indexed. The size limit (--max-bytes, QUORUM_MAX_FILE_BYTES)
 * is checked before a file is read. The shapes the shared corpora brought
 * (test/support/shapes.ts: web pages saved as .md, HTML, template tags,
 * odd file names, other languages, long transcripts, copies, stubs) are all
 * indexed, each with what a reader would call its title, date and people.
 */
import { execFileSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readdirSync, rmSync, symlinkSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Db } from '../db/driver.js';
import { emptyConfig } from '../ingest/read/config.js';
import { ingestFolder, type IngestSummary } from '../ingest/pipeline.js';
import { runCli } from './support/cli.js';
import { PATHOLOGICAL } from './support/pathological.js';
import { DUPLICATES, SHAPES } from './support/shapes.js';
import { CORPUS, testDb } from './support/graph.js';

const TIMEOUT_MS = 5_000;
const GOOD = join(CORPUS, 'bytecodealliance-meetings', 'SIG-Packaging');

let db: Db;
let dir: string;

beforeAll(async () => {
  db = await testDb();
  dir = mkdtempSync(join(tmpdir(), 'quorum-bad-input-'));
});
afterAll(async () => {
  rmSync(dir, { recursive: true, force: true });
  await db?.close();
});

const slug = (name: string) =>
  name
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');

describe('a folder of bad input beside good notes', () => {
  let summary: IngestSummary;
  let seconds: number;
  const bad = new Map<string, string>(); // path → what it is

  beforeAll(async () => {
    const notes = join(dir, 'notes');
    cpSync(GOOD, join(notes, 'good'), { recursive: true });
    mkdirSync(join(notes, 'bad'));
    for (const p of PATHOLOGICAL) {
      const path = `bad/${slug(p.name)}.md`;
      writeFileSync(join(notes, path), p.text());
      bad.set(path, p.name);
    }
    const files: [string, Buffer | string][] = [
      ['bad/report.pdf.md', Buffer.concat([Buffer.from('%PDF-1.7\n%âãÏÓ\n1 0 obj << /Type /Catalog >>\n'), Buffer.alloc(2000, 0x41)])],
      ['bad/photo.png.md', Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52])],
      ['bad/random-bytes.md', Buffer.from(Array.from({ length: 4096 }, (_, i) => (i * 7919 + 13) % 256))],
      ['bad/latin-1.md', Buffer.from('# Réunion du comité\n\nPrésents : Zoë, Noël\n', 'latin1')],
      ['bad/utf-16.md', Buffer.from('\ufeff# Meeting\n\nAlice: hi\n', 'utf16le')],
    ];
    for (const [path, bytes] of files) {
      writeFileSync(join(notes, path), bytes);
      bad.set(path, path);
    }
    // 50 MB: refused by the 5 MB default before it is read (a sparse file, so the test writes nothing).
    writeFileSync(join(notes, 'bad', 'huge.md'), '');
    truncateSync(join(notes, 'bad', 'huge.md'), 50 * 1024 * 1024);
    bad.set('bad/huge.md', '50 MB');
    symlinkSync('/etc/passwd', join(notes, 'bad', 'leak.md'));
    bad.set('bad/leak.md', 'a link to /etc/passwd');
    execFileSync('mkfifo', [join(notes, 'bad', 'pipe.md')]);
    bad.set('bad/pipe.md', 'a named pipe');
    writeFileSync(join(notes, 'bad', 'scan.pdf'), '%PDF-1.4');
    writeFileSync(join(notes, 'bad', 'diagram.png'), Buffer.from([0x89, 0x50, 0x4e, 0x47]));

    const t0 = Date.now();
    summary = await ingestFolder({ db, folder: notes, collection: 'bad-input', config: emptyConfig(), fileTimeoutMs: TIMEOUT_MS });
    seconds = (Date.now() - t0) / 1000;
    // The figures for RELIABILITY.md.
    console.log(
      `bad input: ${summary.files} files in ${seconds} s; ${summary.meetings} indexed, ${summary.failed} reported:\n` +
        summary.messages
          .filter((m) => m.path.startsWith('bad/'))
          .map((m) => `  ${m.path}: ${m.reason}`)
          .join('\n'),
    );
  }, 600_000);

  test('every good note is indexed', async () => {
    const good = readdirSync(GOOD, { recursive: true })
      .map(String)
      .filter((f) => f.endsWith('.md'));
    const rows = await db.read("MATCH (m:Meeting {collection: 'bad-input'}) WHERE m.path STARTS WITH 'good/' RETURN count(m) AS n");
    expect(rows[0]!.n).toBe(good.length);
    expect(summary.messages.filter((m) => m.path.startsWith('good/') && /not parsed|cannot read|binary/.test(m.reason))).toEqual([]);
  });

  test('every bad file is indexed or reported with its path and reason', async () => {
    const indexed = new Set((await db.read("MATCH (m:Meeting {collection: 'bad-input'}) RETURN m.path AS p")).map((r) => r.p as string));
    const reported = new Map(summary.messages.map((m) => [m.path, m.reason]));
    for (const [path, what] of bad) {
      expect(indexed.has(path) || reported.has(path), `${path} (${what}) is neither indexed nor reported`).toBe(true);
    }
    expect(reported.get('bad/report.pdf.md')).toBe('binary file (PDF document); not a note');
    expect(reported.get('bad/photo.png.md')).toBe('binary file (PNG image); not a note');
    expect(reported.get('bad/random-bytes.md')).toMatch(/^binary file \((NUL bytes|control characters)\); not a note$/);
    expect(reported.get('bad/latin-1.md')).toBe('not valid UTF-8 text');
    expect(reported.get('bad/utf-16.md')).toBe('UTF-16 text; only UTF-8 notes are read');
    expect(reported.get('bad/huge.md')).toBe('file is 52428800 bytes, over the 5242880-byte limit (raise it with --max-bytes or QUORUM_MAX_FILE_BYTES)');
    expect(reported.get('bad/leak.md')).toBe('skipped: a link to a file outside the folder');
    expect(reported.get('bad/pipe.md')).toBe('skipped: not a regular file');
    expect(reported.get('bad/scan.pdf')).toMatch(/not a note/);
    expect(reported.get('bad/diagram.png')).toMatch(/not a note/);
    // Nothing of /etc/passwd was indexed.
    expect((await db.read("MATCH (x:Passage) WHERE x.text CONTAINS 'root:x:0:0' RETURN count(x) AS n"))[0]!.n).toBe(0);
    for (const [path, reason] of reported) {
      if (!bad.has(path)) continue;
      expect(reason, path).toMatch(
        /^(binary file|not valid UTF-8|UTF-16 text|file is \d+ bytes|skipped: |not parsed: took longer than 5 s|not parsed: the parser|could not be parsed: )/,
      );
    }
  });

  test('time is bounded by the per-file timeout', () => {
    const timedOut = summary.messages.filter((m) => /took longer than/.test(m.reason)).length;
    // Each timed-out note holds a worker for the timeout; the rest take well under it.
    expect(seconds).toBeLessThan(60 + timedOut * (TIMEOUT_MS / 1000));
  });
});

describe('the size limit', () => {
  test('--max-bytes and QUORUM_MAX_FILE_BYTES refuse larger notes, naming them; smaller ones are indexed', async () => {
    const folder = join(dir, 'sized');
    mkdirSync(folder);
    writeFileSync(join(folder, 'small.md'), '# Small\n\nAlice: we agreed.\n');
    writeFileSync(join(folder, 'large.md'), `# Large\n\n${'Bob: more words here.\n'.repeat(200)}`);
    const flag = await runCli(['ingest', folder, '--collection', 'sized', '--max-bytes', '1000']);
    expect(flag.status).toBe(1);
    expect(flag.stderr).toMatch(/^sized\/large\.md: file is 4\d{3} bytes, over the 1000-byte limit \(raise it with --max-bytes or QUORUM_MAX_FILE_BYTES\)$/m);
    expect(flag.stderr).not.toMatch(/small\.md/);
    const env = await runCli(['ingest', folder, '--collection', 'sized'], { QUORUM_MAX_FILE_BYTES: '1000' });
    expect(env.stderr).toMatch(/large\.md: file is \d+ bytes, over the 1000-byte limit/);
    expect((await db.read("MATCH (m:Meeting {collection: 'sized'}) RETURN m.path AS p")).map((r) => r.p)).toEqual(['small.md']);
    const bad = await runCli(['ingest', folder, '--max-bytes', 'lots']);
    expect(bad.status).toBe(2);
  });
});

describe('the shapes of the shared corpora, written small', () => {
  const COLLECTION = 'shapes';
  let summary: IngestSummary;
  const paths = [...SHAPES.map((x) => x.path), ...DUPLICATES.flatMap((d) => d.paths)];

  beforeAll(async () => {
    const folder = join(dir, 'shapes');
    const put = (path: string, text: string) => {
      mkdirSync(dirname(join(folder, path)), { recursive: true });
      writeFileSync(join(folder, path), text);
    };
    for (const x of SHAPES) put(x.path, x.text);
    for (const d of DUPLICATES) for (const p of d.paths) put(p, d.text);
    // A run before this one left these meetings, unchanged files would be skipped: start from none.
    await db.write('MATCH (m:Meeting {collection: $c}) OPTIONAL MATCH (x)-[:IN]->(m) DETACH DELETE x, m', { c: COLLECTION });
    summary = await ingestFolder({ db, folder, collection: COLLECTION, config: emptyConfig() });
  }, 600_000);

  test('every file is indexed as a meeting; none failed, none reported', async () => {
    expect(summary.failed).toBe(0);
    expect(summary.messages).toEqual([]);
    const rows = await db.read('MATCH (m:Meeting {collection: $c}) RETURN m.path AS p', { c: COLLECTION });
    expect(rows.map((r) => r.p).sort()).toEqual([...paths].sort());
  });

  test.each(SHAPES.map((x) => [x.name, x] as const))('%s: its title, date, people and passages', async (_name, x) => {
    const id = `${COLLECTION}/${x.path}`;
    const [m] = await db.read(
      `MATCH (m:Meeting {id: $id})
       RETURN m.title AS title, m.date AS date,
              COUNT { (:Passage)-[:IN]->(m) } AS passages,
              [(p:Person)-[:ATTENDED|SPOKE_IN]->(m) | p.name] AS people`,
      { id },
    );
    expect(m, id).toBeDefined();
    const e = x.expect;
    if (typeof e.title === 'string') expect(m!.title).toBe(e.title);
    expect(String(m!.title)).not.toMatch(/\{\{|\{%|<\/?[a-z]/i);
    if (e.date !== undefined) expect(m!.date === null ? null : String(m!.date)).toBe(e.date);
    if (e.people) expect(m!.people).toEqual(expect.arrayContaining(e.people));
    if (e.minPassages !== undefined) expect(m!.passages).toBeGreaterThanOrEqual(e.minPassages);
    if (e.maxPassages !== undefined) expect(m!.passages).toBeLessThanOrEqual(e.maxPassages);
    // Page machinery is not what was said: no passage holds a template tag or a page's script.
    const junk = await db.read("MATCH (x:Passage)-[:IN]->(:Meeting {id: $id}) WHERE x.text CONTAINS '{%' OR x.text CONTAINS 'window.' RETURN x.text AS t", {
      id,
    });
    expect(junk).toEqual([]);
  });

  test('byte-identical copies are separate meetings with the same facts, sharing their references and people', async () => {
    for (const d of DUPLICATES) {
      const rows = await db.read(
        `UNWIND $ids AS id MATCH (m:Meeting {id: id})
         RETURN m.title AS title, m.date AS date, m.sha256 AS sha,
                COUNT { (:Passage)-[:IN]->(m) } AS passages,
                [(p:Person)-[:ATTENDED|SPOKE_IN]->(m) | p.id] AS people`,
        { ids: d.paths.map((p) => `${COLLECTION}/${p}`) },
      );
      expect(rows).toHaveLength(d.paths.length);
      const [first, ...rest] = rows.map((r) => ({ ...r, people: [...(r.people as string[])].sort() }));
      for (const r of rest) expect(r).toEqual(first);
    }
    const refs = await db.read(
      "MATCH (r:Reference)<-[:CITES|MENTIONS]-()-[:IN]->(m:Meeting {collection: $c}) WHERE r.id ENDS WITH '#901' RETURN count(DISTINCT r) AS n, count(DISTINCT m) AS meetings",
      { c: COLLECTION },
    );
    expect(refs[0]).toMatchObject({ n: 1, meetings: 2 });
  });

  test('a second run over the same files changes nothing', async () => {
    const again = await ingestFolder({ db, folder: join(dir, 'shapes'), collection: COLLECTION, config: emptyConfig() });
    expect(again).toMatchObject({ failed: 0, meetings: 0, skipped: paths.length });
  });
});
