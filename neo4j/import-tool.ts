/**
 * Runs `neo4j-admin database import full` of the instance's own jars: loads
 * CSV files (ingest/bulk/csv.ts writes them) into the database `neo4j` of a
 * stopped server, replacing it. Used for the first index of a history
 * (ingest/bulk/first-index.ts) and by the bench as the engine's floor.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import type { Instance } from './instance.js';
import { findJava } from './prerequisites.js';
import { runTool } from './run-tool.js';

/** The CSV files of one import: node files and relationship files, each with its header on its first line. */
export interface ImportFiles {
  nodes: string[];
  relationships: string[];
}

/** What an import took and said. */
export interface ImportResult {
  seconds: number;
  /** The tool's own "Peak memory usage", as it prints it. */
  peakMemory: string | null;
  /** Its closing lines: counts of nodes, relationships and properties. */
  summary: string[];
  /** Where its whole report is: `<home>/logs/import.log`. */
  logFile: string;
}

/** Separates the elements of an array in a CSV field (--array-delimiter); ingest/bulk/csv.ts writes what holds it otherwise. */
export const ARRAY_DELIMITER = '\u001f';

/** The import tool's heap: enough for its caches at ten times the shared corpus. */
const TOOL_HEAP = '-Xmx1g';

/**
 * Imports `files` into the database `neo4j` of the (stopped) server at `inst`,
 * overwriting it. Throws with the tool's last lines when it fails.
 */
export async function importDatabase(inst: Instance, files: ImportFiles): Promise<ImportResult> {
  const args = [
    TOOL_HEAP,
    '-cp',
    join(inst.libDir, '*'),
    'org.neo4j.cli.AdminTool',
    'database',
    'import',
    'full',
    'neo4j',
    '--overwrite-destination=true',
    '--id-type=string',
    '--multiline-fields=true',
    '--array-delimiter=U+001F',
    // Note: the database's name comes first; --nodes and --relationships take every word after them as files.
    ...files.nodes.map((f) => `--nodes=${f}`),
    ...files.relationships.map((f) => `--relationships=${f}`),
  ];
  const env = { ...process.env, NEO4J_HOME: inst.home, NEO4J_CONF: inst.confDir };
  const t = performance.now();
  const tool = await runTool(findJava(), args, { cwd: inst.home, env });
  const seconds = Math.round(performance.now() - t) / 1000;
  const logFile = join(inst.logsDir, 'import.log');
  writeFileSync(logFile, tool.output);
  if (tool.code !== 0) {
    const why = tool.error ? `could not be run (${tool.error.message})` : `exited with status ${tool.code}`;
    throw new Error(`neo4j-admin database import ${why} (its report: ${logFile}); its last lines:\n${tool.output.trimEnd().split('\n').slice(-15).join('\n')}`);
  }
  return {
    seconds,
    peakMemory: /Peak memory usage: ([\d.]+ ?\w+)/i.exec(tool.output)?.[1] ?? null,
    summary: tool.output
      .split('\n')
      .filter((l) => /IMPORT DONE|Imported:|nodes|relationships|properties/i.test(l))
      .slice(-6)
      .map((l) => l.trim()),
    logFile,
  };
}
