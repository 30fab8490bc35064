// Shared pieces of the benchmark (npm run bench): where things are, the
// machine, CPU and memory of processes, percentiles, and the printed tables.
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { availableParallelism, cpus, loadavg, totalmem, type } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const root = dirname(dirname(fileURLToPath(import.meta.url)));
export const dist = (...parts) => join(root, 'dist', ...parts);
export const CORPUS = process.env.QUORUM_CORPUS ?? join(root, '..', 'shared', 'corpus');
export const HOME = process.env.QUORUM_BENCH_NEO4J_HOME ?? join(root, '.neo4j', 'bench');
export const PORT = Number(process.env.QUORUM_BENCH_NEO4J_PORT ?? 7706);
/** How many alternating rounds a timed comparison of the query figures is cut into (bench/queries.mjs `alternate`). */
export const ROUNDS = Math.max(1, Number(process.env.QUORUM_BENCH_ROUNDS ?? 3));

/**
 * The corpus's collections: every folder of it (sorted by name), each with the
 * example config of the same name when there is one (else the folder's own
 * quorum.json, if any, as `quorum ingest` would read it).
 */
export function collections(folder) {
  return readdirSync(folder, { withFileTypes: true })
    .filter((e) => e.isDirectory() && !e.name.startsWith('.'))
    .map((e) => e.name)
    .sort()
    .map((name) => {
      const example = join(root, 'examples', 'config', `${name}.json`);
      return { name, folder: join(folder, name), config: existsSync(example) ? example : undefined };
    });
}

/** CPU seconds (user + system) a process has used, from /proc; null where there is no /proc. */
export function cpuSeconds(pid) {
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
    return (Number(fields[11]) + Number(fields[12])) / 100;
  } catch {
    return null;
  }
}

/** A process's resident size now and at its peak, MB; nulls where there is no /proc. */
export function memoryOf(pid) {
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    const kb = (key) => Number(new RegExp(`^${key}:\\s+(\\d+)`, 'm').exec(status)?.[1] ?? NaN);
    return { rssMb: Math.round(kb('VmRSS') / 1024), peakMb: Math.round(kb('VmHWM') / 1024) };
  } catch {
    return { rssMb: null, peakMb: null };
  }
}

/** How busy the machine is: load averages and, on Linux, the share of time tasks waited for a CPU. */
export function busy() {
  let cpuPressure = null;
  try {
    cpuPressure = Number(/avg60=([\d.]+)/.exec(readFileSync('/proc/pressure/cpu', 'utf8'))?.[1]);
  } catch {}
  return { loadavg: loadavg().map((x) => Math.round(x * 100) / 100), cpuPressureAvg60: cpuPressure };
}

/** The machine and the versions the figures were taken with. */
export function machine(extra = {}) {
  const git = (...args) => {
    try {
      return execFileSync('git', args, { cwd: root, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
    } catch {
      return null;
    }
  };
  const pkg = (name) => {
    try {
      return JSON.parse(readFileSync(join(root, 'node_modules', name, 'package.json'), 'utf8')).version;
    } catch {
      return null;
    }
  };
  // `java -version` writes to standard error.
  const java = spawnSync('java', ['-version'], { encoding: 'utf8' }).stderr?.split('\n')[0]?.trim() || null;
  return {
    date: new Date().toISOString(),
    os: `${type()} ${process.platform} ${process.arch}`,
    cpu: cpus()[0]?.model ?? null,
    cores: availableParallelism(),
    memoryGb: Math.round(totalmem() / 2 ** 30),
    node: process.version,
    java,
    commit: git('rev-parse', '--short', 'HEAD'),
    uncommittedChanges: git('status', '--porcelain', '--untracked-files=no') ? true : false,
    packages: Object.fromEntries(['neo4j-driver', 'fastify', 'mercurius', 'graphql', 'remark-parse', 'autocannon', '@neo4j/graphql'].map((n) => [n, pkg(n)])),
    ...extra,
  };
}

/** A free TCP port on the loopback interface. */
export function freePort() {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address();
      s.close(() => resolve(port));
    });
  });
}

/** The p-th percentile (0..100) of a list of numbers. */
export function percentile(values, p) {
  if (!values.length) return null;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))];
}

export const round = (x, digits = 1) => (x === null || x === undefined || Number.isNaN(x) ? null : Math.round(x * 10 ** digits) / 10 ** digits);

/** Prints rows (objects) as an aligned table under a title. */
export function printTable(title, rows, columns) {
  const cols = columns ?? Object.keys(rows[0] ?? {});
  const text = (v) => (v === null || v === undefined ? '–' : typeof v === 'number' ? String(v) : String(v));
  const widths = cols.map((c) => Math.max(c.length, ...rows.map((r) => text(r[c]).length)));
  const line = (cells) => cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join('  ');
  console.log(`\n${title}\n${line(cols)}\n${line(widths.map((w) => '-'.repeat(w)))}`);
  for (const r of rows) console.log(line(cols.map((c) => text(r[c]))));
}

export const log = (line) => console.error(`bench: ${line}`);
