/**
 * The first index of a history: how an ingest into an empty graph is written.
 *
 * - `load`: the loader writes each batch as it is extracted, with the
 *   full-text indexes left out until the end (schema/apply.ts withFirstIndex).
 * - `import`: the server stops while the notes are extracted into CSV
 *   (graph.ts), `neo4j-admin database import` builds the database from it,
 *   and the server starts again and builds the schema. The engine's bulk path:
 *   over the shared corpus its Neo4j CPU is a fraction of the loader's
 *   (BENCHMARKS.md). It needs Quorum's own server, used by no other process,
 *   since the database is replaced while the server is down.
 *
 * QUORUM_FIRST_INDEX chooses: `import`, `load`, or `auto` (the default):
 * import when the server is Quorum's own, no other process uses it, and the
 * notes to index weigh from IMPORT_MIN_BYTES (below that, stopping and
 * starting the server costs more than it saves) to IMPORT_MAX_BYTES (beyond,
 * what the import holds to the end takes Quorum's memory past what the loader
 * needs). Both give the same graph (test/bulk.test.ts).
 */
import { rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import type { Db } from '../../db/driver.js';
import { importDatabase, type ImportResult } from '../../neo4j/import-tool.js';
import { otherUsersOf, ServerInUse, withServerStopped, type StartedNeo4j } from '../../neo4j/launcher.js';
import { applySchema, withFirstIndex } from '../../schema/apply.js';
import type { LoadTarget } from '../load/load.js';
import { STATEMENTS } from '../load/statements.js';
import { listNotes } from '../read/read.js';
import type { Fix } from './csv.js';
import { BulkGraph, type BulkCounts } from './graph.js';

export type FirstIndexMode = 'import' | 'load' | 'auto';

/**
 * Notes to index, in bytes, from which `auto` imports. Over the shared corpus (25 MB) on 2 cores the
 * import took 84.6–108.8 s against the loader's 91.8–118.4 s (five pairs, median 97.6 against 103.5)
 * and a sixth less CPU. Its fixed part (stopping and starting the server, the tool's start, the
 * fixes) is about 12 s; at the medians' gap the loader's extra cost per MB repays it from about
 * 16 MB, an estimate: the pairs' spread is wider than their gap (BENCHMARKS.md).
 */
export const IMPORT_MIN_BYTES = 16 * 1024 * 1024;

/**
 * Notes to index, in bytes, up to which `auto` imports. The import holds the run's meetings, people
 * (with what settles their names), references and late ties to the end (graph.ts), and its process peaked
 * at 751–855 MB over the shared corpus (25 MB) and 1,001 MB over it tripled (79 MB), two workers
 * included; the loader's peak was 597, 745 and 963 MB at 1×, 3× and 10× (265 MB). Beyond 64 MB the
 * loader keeps a history within 1 GiB; its time over the corpus is within a tenth of the import's.
 */
export const IMPORT_MAX_BYTES = 64 * 1024 * 1024;

/** Why `auto` imports a first index of `bytes` of notes, or why it loads it; `users`: the other processes of the server, asked only when the size allows an import. */
export function autoChoice(bytes: number, users: () => readonly number[]): Written {
  const MB = 1024 * 1024;
  const mb = (bytes / MB).toFixed(1);
  if (bytes < IMPORT_MIN_BYTES) return { how: 'load', why: `${mb} MB of notes; import from ${IMPORT_MIN_BYTES / MB} MB` };
  if (bytes > IMPORT_MAX_BYTES) {
    return { how: 'load', why: `${mb} MB of notes; import up to ${IMPORT_MAX_BYTES / MB} MB, beyond which the loader needs less memory` };
  }
  const others = users();
  if (others.length) return { how: 'load', why: `${mb} MB of notes, but process ${others.join(', ')} uses the server, which an import stops` };
  return { how: 'import', why: `${mb} MB of notes into an empty graph` };
}

/** How a run wrote its meetings, for its report. */
export interface Written {
  /** `update`: the graph held meetings already. */
  how: 'update' | 'load' | 'import';
  /** Why `auto` chose so, or why import could not be used. */
  why?: string;
  /**
   * An import's counts and seconds after the last note was extracted: writing the held nodes and closing the
   * CSV, waiting for the server's stop (begun as the run began), the import tool, the server's start, the
   * schema (indexes built and populated), the fixes; `seconds` all of it.
   */
  imported?: BulkCounts & {
    tool: ImportResult;
    seconds: number;
    stages: Record<Stage, number>;
    /** The server started after the import (its pid, when known). */
    serverPid?: number;
  };
}

/** QUORUM_FIRST_INDEX, checked. */
export function firstIndexMode(env: NodeJS.ProcessEnv = process.env): FirstIndexMode {
  const v = (env.QUORUM_FIRST_INDEX ?? 'auto').trim().toLowerCase() || 'auto';
  if (v === 'import' || v === 'load' || v === 'auto') return v;
  throw new Error(`QUORUM_FIRST_INDEX must be import, load or auto, not "${env.QUORUM_FIRST_INDEX}"`);
}

export interface IndexingOptions {
  db: Db;
  neo4j: StartedNeo4j;
  /** The folders the work indexes (their notes' size decides `auto`). */
  folders: string[];
  mode?: FirstIndexMode;
  /** Progress lines. */
  log?: (line: string) => void;
}

/**
 * Runs `work`, an ingest of `folders`, each through `target` when given (the
 * graph otherwise). Into an empty graph, as the mode says; into one that holds
 * meetings, as an update. Resolves to the work's result and how it was written.
 */
export async function indexFolders<T>(o: IndexingOptions, work: (target?: LoadTarget) => Promise<T>): Promise<{ result: T; written: Written }> {
  const [row] = await o.db.read('MATCH (m:Meeting) RETURN count(m) AS meetings', {}, { label: 'schema' });
  if (Number(row?.meetings ?? 1) > 0) return { result: await work(), written: { how: 'update' } };
  const mode = o.mode ?? firstIndexMode();
  const choice = await choose(o, mode);
  if (choice.how === 'load') return { result: await withFirstIndex(o.db, () => work()), written: choice };
  // When each step ended: the notes extracted, the CSV closed, the server stopped, the tool run, the server started, ….
  const at: Partial<Record<'extracted' | Stage, number>> = {};
  const imported = await extractAndImport(o, mode, work, (step) => (at[step] = performance.now())).catch(async (err: unknown) => {
    await applySchema(o.db).catch(() => undefined);
    throw err instanceof ServerInUse ? new Error(`${err.message}, so the first index cannot be imported; stop it, or set QUORUM_FIRST_INDEX=load`) : err;
  });
  if (imported === 'in use') {
    // Another process began to use the server after choose() asked: nothing was done, and the loader writes the notes.
    return { result: await withFirstIndex(o.db, () => work()), written: { how: 'load', why: 'another process uses the server, which an import stops' } };
  }
  at.start = performance.now();
  // The schema first: the fixes find their nodes by the constraints' indexes (without them, each row scans its label).
  o.log?.('building the indexes');
  await applySchema(o.db);
  at.indexes = performance.now();
  await applyFixes(o.db, imported.fixes);
  at.fixes = performance.now();
  const stages = {} as Record<Stage, number>;
  let before = at.extracted!;
  for (const stage of STAGES) {
    stages[stage] = Math.round(at[stage]! - before) / 1000;
    before = at[stage]!;
  }
  const { result, counts, tool, serverPid } = imported;
  const seconds = Math.round(at.fixes - at.extracted!) / 1000;
  return { result, written: { how: 'import', why: choice.why, imported: { ...counts, tool, seconds, stages, serverPid } } };
}

/** An import's steps after the notes were extracted, in order (Written.imported.stages). */
const STAGES = ['csv', 'stop', 'tool', 'start', 'indexes', 'fixes'] as const;
type Stage = (typeof STAGES)[number];

/**
 * The notes extracted to CSV while the server stops, then imported; the server
 * started again. `mark` is called at the end of each step: the notes
 * extracted, the CSV closed, the server stopped (it stops while the notes are
 * extracted), the tool run. `in use` when another process uses the server and
 * `auto` may load instead: nothing was done.
 */
async function extractAndImport<T>(
  o: IndexingOptions,
  mode: FirstIndexMode,
  work: (target?: LoadTarget) => Promise<T>,
  mark: (step: 'extracted' | 'csv' | 'stop' | 'tool') => void,
): Promise<'in use' | { result: T; counts: BulkCounts; fixes: Fix[]; tool: ImportResult; serverPid?: number }> {
  const home = o.neo4j.home!;
  const dir = join(home, 'import', `run-${process.pid}-${Date.now()}`);
  try {
    const { result, started } = await withServerStopped({ home, port: portOf(o.neo4j.uri), log: o.log ?? (() => {}) }, async (inst, stopped) => {
      // Nothing reads the server while the notes are extracted: the bulk graph answers the run's questions.
      const graph = new BulkGraph(dir);
      let result: T;
      try {
        result = await work(graph);
      } catch (err) {
        // Nothing was imported: the graph is as empty as before; the files are let go and removed.
        graph.discard();
        throw err;
      }
      mark('extracted');
      const { files, fixes, counts } = graph.close();
      mark('csv');
      await stopped;
      mark('stop');
      o.log?.(`importing ${counts.meetings} meetings (${counts.nodes} nodes, ${counts.relationships} relationships) with neo4j-admin database import`);
      try {
        return { result, counts, fixes, tool: await importDatabase(inst, files) };
      } catch (err) {
        // The graph was empty: a database the tool left half-made is removed, and the server starts with an empty one.
        for (const d of ['databases', 'transactions']) rmSync(join(inst.dataDir, d, 'neo4j'), { recursive: true, force: true });
        throw err;
      } finally {
        mark('tool');
      }
    });
    return { ...result, serverPid: started.pid };
  } catch (err) {
    // withServerStopped throws ServerInUse before `during` runs: nothing was done.
    if (err instanceof ServerInUse && mode === 'auto') return 'in use';
    throw err;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Import or load, and why. */
async function choose(o: IndexingOptions, mode: FirstIndexMode): Promise<Written> {
  const own = o.neo4j.embedded && o.neo4j.home !== undefined;
  if (mode === 'load') return { how: 'load', why: 'QUORUM_FIRST_INDEX=load' };
  if (mode === 'import') {
    if (!own) throw new Error(`QUORUM_FIRST_INDEX=import needs Quorum's own Neo4j, but NEO4J_URI names ${o.neo4j.uri}; unset one of them`);
    return { how: 'import', why: 'QUORUM_FIRST_INDEX=import' };
  }
  if (!own) return { how: 'load', why: "the server is not Quorum's own (NEO4J_URI)" };
  const bytes = await notesBytes(o.folders);
  return autoChoice(bytes, () => otherUsersOf({ home: o.neo4j.home }));
}

/** The size of the notes under the folders. */
async function notesBytes(folders: string[]): Promise<number> {
  let bytes = 0;
  for (const folder of folders) {
    for (const f of (await listNotes(folder)).files) {
      try {
        bytes += statSync(join(folder, f)).size;
      } catch {
        // Gone or unreadable: the run reports it.
      }
    }
  }
  return bytes;
}

/** What import-fixes.cypher can reach: every label written, and the relationship types with properties a CSV may not hold. */
const FIXABLE = new Set([
  'Person',
  'Meeting',
  'Passage',
  'Decision',
  'ActionItem',
  'Acronym',
  'Topic',
  'Reference',
  'Collection',
  'ATTENDED',
  'SPOKE_IN',
  'NAMED_IN',
  'DISCUSSES',
  'REFERENCES',
]);

/** Sets what the CSV could not hold (import-fixes.cypher), a few thousand rows a transaction. */
async function applyFixes(db: Db, fixes: Fix[]): Promise<void> {
  const nodes = new Map<string, { label: string; id: string; props: Record<string, unknown> }>();
  const relationships = new Map<string, { type: string; start: string; end: string; props: Record<string, unknown> }>();
  for (const f of fixes) {
    const on = f.on === 'node' ? f.label : f.type;
    if (!FIXABLE.has(on)) throw new Error(`import-fixes.cypher cannot set ${f.key} of ${on}`);
    if (f.on === 'node') {
      const k = `${f.label}|${f.id}`;
      const n = nodes.get(k) ?? { label: f.label, id: f.id, props: {} };
      n.props[f.key] = f.value;
      nodes.set(k, n);
    } else {
      const k = `${f.type}|${f.start}|${f.end}`;
      const r = relationships.get(k) ?? { type: f.type, start: idOf(f.start), end: idOf(f.end), props: {} };
      r.props[f.key] = f.value;
      relationships.set(k, r);
    }
  }
  const n = [...nodes.values()];
  const r = [...relationships.values()];
  for (let i = 0; i < Math.max(n.length, r.length); i += 5000) {
    await db.writeTx((tx) => STATEMENTS.importFixes.run(tx, { nodes: n.slice(i, i + 5000), relationships: r.slice(i, i + 5000) }), {
      label: 'ingest:import-fixes',
      timeoutMs: 300_000,
    });
  }
}

/** The Bolt port of the server's URI, if it names one. */
function portOf(uri: string): number | undefined {
  const port = Number(new URL(uri).port);
  return Number.isInteger(port) && port > 0 ? port : undefined;
}

/** A node's id from its CSV key (csv.ts nodeKey: the label, `|`, the id). */
const idOf = (key: string): string => key.slice(key.indexOf('|') + 1);
