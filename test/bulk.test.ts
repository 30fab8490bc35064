/**
 * The first index by import (ingest/bulk/): the run's graph written as CSV,
 * loaded by neo4j-admin database import into Quorum's own server (stopped for
 * it), which then starts again and builds its schema. The graph is the
 * loader's, node for node and property for property, value types included;
 * what a CSV field cannot hold is set after the import; a server another
 * process uses is left alone; QUORUM_FIRST_INDEX chooses, `auto` by size.
 */
import { mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { Db } from '../db/driver.js';
import { autoChoice, firstIndexMode, indexFolders } from '../ingest/bulk/first-index.js';
import { encode } from '../ingest/bulk/csv.js';
import { graphTarget, Orphans, type LoadTarget } from '../ingest/load/load.js';
import { emptyRows, type LoadRows } from '../ingest/load/rows.js';
import { startNeo4j, type StartedNeo4j } from '../neo4j/launcher.js';
import { applySchema } from '../schema/apply.js';
import { runCli } from './support/cli.js';
import { difference, fingerprint, type Fingerprint } from './support/fingerprint.js';
import { CORPUS, counts, emptyGraph, SEEDS } from './support/graph.js';
import { Throwaway } from './support/throwaway.js';

let neo: Throwaway;
let server: StartedNeo4j;
let db: Db;

beforeAll(async () => {
  neo = await Throwaway.create();
  // Kept running when a command run here releases it, as after `quorum neo4j start`.
  server = await startNeo4j({ home: neo.home, port: neo.port, keepRunning: true, log: () => {} });
  db = new Db({ uri: server.uri, user: server.user, password: server.password, app: 'quorum-test' });
  await applySchema(db);
});

afterAll(async () => {
  await db?.close();
  await neo?.dispose();
});

/** The fingerprint, and every property's value type with how many carry it. */
async function graphOf(): Promise<{ fp: Fingerprint; types: string[] }> {
  const rows = await db.read(
    `MATCH (n) UNWIND keys(n) AS k RETURN labels(n)[0] + '.' + k + ': ' + valueType(n[k]) AS t, count(*) AS n
     UNION ALL
     MATCH ()-[r]->() UNWIND keys(r) AS k RETURN type(r) + '.' + k + ': ' + valueType(r[k]) AS t, count(*) AS n`,
  );
  return { fp: await fingerprint(db), types: rows.map((r) => `${r.t as string} ×${r.n as number}`).sort() };
}

function expectSameGraph(imported: { fp: Fingerprint; types: string[] }, loaded: { fp: Fingerprint; types: string[] }): void {
  expect(imported.fp.hash, difference(imported.fp, loaded.fp)).toBe(loaded.fp.hash);
  expect(imported.types).toEqual(loaded.types);
}

const env = (mode: string) => ({ QUORUM_NEO4J_HOME: neo.home, QUORUM_NEO4J_PORT: String(neo.port), NEO4J_URI: '', QUORUM_FIRST_INDEX: mode });
const FOLDERS = [join(CORPUS, 'python-steering-council'), join(CORPUS, 'swcarpentry-board'), SEEDS];

describe('quorum ingest into an empty graph of its own server', () => {
  test('imports a graph equal to the one the loader writes, and the server answers searches over it', async () => {
    await emptyGraph(db);
    const res = await runCli(['ingest', ...FOLDERS], env('import'));
    expect(res.status, res.stderr).toBe(0);
    const said = /first index: (\d+) meetings imported by neo4j-admin database import \(QUORUM_FIRST_INDEX=import\): (\d+) nodes, (\d+) relationships/.exec(
      res.stdout,
    );
    expect(said, res.stdout).not.toBeNull();
    const imported = await graphOf();
    // What the import said it wrote is what the graph holds.
    expect(await counts(db)).toEqual({ nodes: Number(said![2]), relationships: Number(said![3]) });
    expect(Number(said![1])).toBe(98);
    // A person seen in one form has no aliases: no empty list is stored (the tool cannot write one), so some people
    // carry none and none carries an empty one.
    const people = Number((await db.read('MATCH (p:Person) RETURN count(p) AS n'))[0]!.n);
    const withAliases = Number(
      /^Person\.aliases: LIST<STRING NOT NULL> NOT NULL ×(\d+)$/.exec(imported.types.find((t) => t.startsWith('Person.aliases: LIST<STRING')) ?? '')?.[1],
    );
    expect(withAliases).toBeGreaterThan(0);
    expect(withAliases).toBeLessThan(people);
    expect(imported.types.filter((t) => /LIST<NOTHING>/.test(t))).toEqual([]);
    // The schema is built: a full-text search finds passages.
    const found = await db.read("CALL db.index.fulltext.queryNodes('passage_terms', 'budget') YIELD node RETURN count(node) AS n");
    expect(found[0]!.n).toBeGreaterThan(0);

    await emptyGraph(db);
    const loaded = await runCli(['ingest', ...FOLDERS], env('load'));
    expect(loaded.status, loaded.stderr).toBe(0);
    expect(loaded.stdout).toContain('first index: written by the loader (QUORUM_FIRST_INDEX=load)');
    expectSameGraph(imported, await graphOf());
  }, 240_000);

  test('values a CSV field cannot hold are set after the import, as the loader stores them', async () => {
    // Rows as the extractor never quite makes them: a NUL in a passage, the array delimiter inside a
    // form and a handle, empty lists, quotes, commas and line breaks, whole and fractional weights.
    const write = async (target: LoadTarget): Promise<void> => {
      const rows: LoadRows = emptyRows();
      const mid = 'odd/2024-01-02.md';
      rows.meetings.push({
        id: mid,
        props: {
          collection: 'odd',
          path: '2024-01-02.md',
          title: 'A "quoted", title\r\nover two lines, a tab\tand a lone\rreturn',
          date: '2024-01-02',
          series: 'odd',
          sha256: 'x',
          derived: 'd',
        },
        urlPath: '2024-01-02.md',
      });
      rows.people.push({ person: 'jane doe', meeting: mid, attended: true, spoke: 2, named: false, forms: ['Jane\u001fDoe', 'Jane'], handles: ['j\u001fd'] });
      rows.people.push({ person: 'bob', meeting: mid, attended: true, spoke: 0, named: false, forms: ['Bob'], handles: [] });
      rows.passages.push({
        id: `${mid}#p0`,
        meeting: mid,
        speaker: 'jane doe',
        props: { meetingId: mid, idx: 0, text: 'a\u0000b, "c"', section: '', startLine: 3, endLine: 4, head: false, aka: null },
      });
      rows.passages.push({
        id: `${mid}#p1`,
        meeting: mid,
        speaker: null,
        props: { meetingId: mid, idx: 1, text: 'ünïcödé ✓', section: 'Notes', startLine: 5, endLine: 5, head: true, aka: ['x'] },
      });
      rows.topics.push({
        id: 'budget',
        meeting: mid,
        name: 'Budget',
        terms: 'budget',
        query: null,
        weight: 1.5,
        kind: 'thread',
        refs: [],
        passages: [`${mid}#p0`],
      });
      rows.topics.push({
        id: 'minutes',
        meeting: mid,
        name: 'Minutes',
        terms: 'minutes',
        query: 'minutes',
        weight: 2,
        kind: null,
        refs: ['rfc:1'],
        passages: [],
      });
      rows.references.push({ id: 'rfc:1', meeting: mid, kind: 'rfc', url: null, title: null, terms: 'rfc 1', lines: [3, 5], passages: [`${mid}#p1`] });
      await target.writeBatch(rows, 'https://example.org/notes', new Orphans());
      await target.finishCollection({ collection: 'odd', urlBase: 'https://example.org/notes', orphans: new Orphans(), links: { owners: [], involved: [] } });
      await target.settlePeople(['jane doe', 'bob'], []);
    };
    await emptyGraph(db);
    const { written } = await indexFolders({ db, neo4j: server, folders: [], mode: 'import' }, (target) => write(target!));
    expect(written.how).toBe('import');
    const imported = await graphOf();
    // A meeting, two people, two passages, two topics, a reference and the collection.
    expect(imported.fp.nodes).toBe(9);
    await emptyGraph(db);
    await write(graphTarget(db));
    expectSameGraph(imported, await graphOf());
  });

  test('a server another process uses is not stopped: auto loads instead, and an import asked for is refused and says why', async () => {
    await emptyGraph(db);
    // The process that runs vitest stands for another user of the server.
    const users = join(neo.home, 'run', 'users');
    mkdirSync(users, { recursive: true });
    writeFileSync(join(users, String(process.ppid)), '');
    try {
      // Asked for as `auto`, a large first index goes to the loader instead, and says why.
      const large = readdirSync(CORPUS, { withFileTypes: true }).flatMap((d) => (d.isDirectory() ? [join(CORPUS, d.name)] : []));
      const auto = await indexFolders({ db, neo4j: server, folders: large, mode: 'auto' }, async () => 0);
      expect(auto.written).toEqual({
        how: 'load',
        why: expect.stringMatching(new RegExp(`^\\d+\\.\\d MB of notes, but process ${process.ppid} uses the server, which an import stops$`)),
      });
      await emptyGraph(db);
      await expect(indexFolders({ db, neo4j: server, folders: [SEEDS], mode: 'import' }, async () => 0)).rejects.toThrow(
        new RegExp(`in use by process ${process.ppid}, so the first index cannot be imported; stop it, or set QUORUM_FIRST_INDEX=load`),
      );
    } finally {
      rmSync(join(users, String(process.ppid)), { force: true });
    }
    // Still the same server, still answering.
    expect((await db.read('RETURN 1 AS one'))[0]!.one).toBe(1);
  });

  test('a run that fails before the import imports nothing, removes its files and reports its own error', async () => {
    await emptyGraph(db);
    const rows: LoadRows = { ...emptyRows(), meetings: [{ id: 'c/a.md', props: { collection: 'c', path: 'a.md' }, urlPath: 'a.md' }] };
    await expect(
      indexFolders({ db, neo4j: server, folders: [], mode: 'import' }, async (target) => {
        await target!.writeBatch(rows, undefined, new Orphans());
        throw new Error('the ingest failed');
      }),
    ).rejects.toThrow('the ingest failed');
    expect(await counts(db)).toEqual({ nodes: 0, relationships: 0 });
    expect(readdirSync(join(neo.home, 'import'))).toEqual([]);
  });

  test('a failed import leaves an empty graph with its schema, and names the tool and its report', async () => {
    await emptyGraph(db);
    // A passage of a meeting the run never wrote: the tool refuses a relationship to a missing node.
    const rows: LoadRows = { ...emptyRows(), passages: [{ id: 'x#p0', meeting: 'x', speaker: null, props: { idx: 0, text: 't' } }] };
    await expect(
      indexFolders({ db, neo4j: server, folders: [], mode: 'import' }, (target) => target!.writeBatch(rows, undefined, new Orphans())),
    ).rejects.toThrow(/neo4j-admin database import exited with status \d+ \(its report: .*import\.log\)/);
    expect(await counts(db)).toEqual({ nodes: 0, relationships: 0 });
    const indexes = await db.read("SHOW INDEXES YIELD name, state WHERE state = 'ONLINE' RETURN count(*) AS n");
    expect(indexes[0]!.n).toBeGreaterThan(10);
  });
});

describe('which way a first index goes', () => {
  test('QUORUM_FIRST_INDEX is import, load or auto', () => {
    expect(firstIndexMode({})).toBe('auto');
    expect(firstIndexMode({ QUORUM_FIRST_INDEX: ' Import ' })).toBe('import');
    expect(() => firstIndexMode({ QUORUM_FIRST_INDEX: 'bulk' })).toThrow('QUORUM_FIRST_INDEX must be import, load or auto, not "bulk"');
  });

  test('auto imports from 16 MB to 64 MB of notes, when no other process uses the server, and says why it loads otherwise', () => {
    const MB = 1024 * 1024;
    expect(autoChoice(15.5 * MB, () => [])).toEqual({ how: 'load', why: '15.5 MB of notes; import from 16 MB' });
    expect(autoChoice(25 * MB, () => [])).toEqual({ how: 'import', why: '25.0 MB of notes into an empty graph' });
    expect(autoChoice(64 * MB, () => [])).toEqual({ how: 'import', why: '64.0 MB of notes into an empty graph' });
    expect(autoChoice(64 * MB, () => [4242])).toEqual({ how: 'load', why: '64.0 MB of notes, but process 4242 uses the server, which an import stops' });
    expect(autoChoice(265 * MB, () => [4242])).toEqual({
      how: 'load',
      why: '265.0 MB of notes; import up to 64 MB, beyond which the loader needs less memory',
    });
  });

  test('auto loads a small history, and import needs Quorum’s own server; a graph with meetings is updated', async () => {
    await emptyGraph(db);
    const small = await indexFolders({ db, neo4j: server, folders: [SEEDS], mode: 'auto' }, async () => 0);
    expect(small.written).toEqual({ how: 'load', why: expect.stringMatching(/^0\.\d MB of notes; import from 16 MB$/) });
    const other = { ...server, embedded: false, home: undefined };
    await expect(indexFolders({ db, neo4j: other, folders: [SEEDS], mode: 'import' }, async () => 0)).rejects.toThrow(
      /needs Quorum's own Neo4j, but NEO4J_URI names/,
    );
    expect((await indexFolders({ db, neo4j: other, folders: [SEEDS], mode: 'auto' }, async () => 0)).written.how).toBe('load');
    await db.write("CREATE (:Meeting {id: 'm', collection: 'c', path: 'p'})");
    expect((await indexFolders({ db, neo4j: server, folders: [SEEDS], mode: 'import' }, async () => 0)).written).toEqual({ how: 'update' });
    await emptyGraph(db);
  });

  test('a CSV field holds strings, numbers, booleans and non-empty lists; not a NUL, an empty list or an element with the delimiter', () => {
    expect(encode('a "b", c\nd')).toEqual(['string', '"a ""b"", c\nd"']);
    expect(encode('')).toEqual(['string', '""']);
    expect(encode(3)).toEqual(['long', '3']);
    expect(encode(2.5)).toEqual(['double', '2.5']);
    expect(encode(false)).toEqual(['boolean', 'false']);
    expect(encode(['a', 'b'])).toEqual(['string[]', '"a\u001fb"']);
    expect(encode([1, 2])).toEqual(['long[]', '"1\u001f2"']);
    expect(encode([1, 2.5])).toBeNull();
    expect(encode([])).toBeNull();
    expect(encode(['a\u001fb'])).toBeNull();
    expect(encode('a\u0000b')).toBeNull();
  });
});
