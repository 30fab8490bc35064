import { closeSync, existsSync, openSync, readFileSync, readSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { LauncherOptions } from './launcher.js';

/** Where one Neo4j instance keeps everything, and how it is reached. */
export interface Instance {
  /** The project folder (the one holding package.json). */
  root: string;
  /** The Neo4j jars, shared by all instances: `<root>/.neo4j/lib`. */
  libDir: string;
  home: string;
  port: number;
  /** False when the port is the default: then a running instance on another port is reused. */
  portExplicit: boolean;
  log: (line: string) => void;
  confDir: string;
  confFile: string;
  userLogsConfigFile: string;
  dataDir: string;
  logsDir: string;
  /** JVM stdout and stderr, which carry Neo4j's user log (debug.log sits beside it). */
  logFile: string;
  runDir: string;
  pidFile: string;
  lockFile: string;
  credentialsFile: string;
}

export const DEFAULT_PORT = 7687;

/**
 * The project folder: the nearest folder above this module holding a package.json.
 * Note: the module runs from neo4j/ (sources, under vitest) and from dist/neo4j/ (compiled).
 */
export function projectRoot(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  for (;;) {
    if (existsSync(join(dir, 'package.json'))) return dir;
    const parent = dirname(dir);
    if (parent === dir) throw new Error(`no package.json above ${fileURLToPath(import.meta.url)}`);
    dir = parent;
  }
}

/**
 * The instance that `o` designates: options first, then QUORUM_NEO4J_HOME / QUORUM_NEO4J_PORT,
 * then `<root>/.neo4j/default` on port 7687. A relative home is taken from the current folder.
 */
export function resolveInstance(o: LauncherOptions = {}): Instance {
  const root = projectRoot();
  const homeSetting = o.home ?? process.env.QUORUM_NEO4J_HOME;
  const home = homeSetting ? resolve(homeSetting) : join(root, '.neo4j', 'default');
  const portSetting = o.port ?? process.env.QUORUM_NEO4J_PORT;
  const port = portSetting === undefined || portSetting === '' ? DEFAULT_PORT : Number(portSetting);
  if (!Number.isInteger(port) || port < 1 || port > 65535) {
    throw new Error(`invalid Neo4j port ${JSON.stringify(portSetting)} (QUORUM_NEO4J_PORT must be 1-65535)`);
  }
  const confDir = join(home, 'conf');
  const logsDir = join(home, 'logs');
  const runDir = join(home, 'run');
  return {
    root,
    libDir: join(root, '.neo4j', 'lib'),
    home,
    port,
    portExplicit: portSetting !== undefined && portSetting !== '',
    log: o.log ?? ((line) => console.error(line)),
    confDir,
    confFile: join(confDir, 'neo4j.conf'),
    userLogsConfigFile: join(confDir, 'user-logs.xml'),
    dataDir: join(home, 'data'),
    logsDir,
    logFile: join(logsDir, 'neo4j.log'),
    runDir,
    pidFile: join(runDir, 'neo4j.pid'),
    lockFile: join(runDir, 'instance.lock'),
    credentialsFile: join(home, 'credentials.json'),
  };
}

/** The Bolt port in the instance's neo4j.conf, i.e. the port of the server last started there. */
export function configuredPort(inst: Instance): number | undefined {
  if (!existsSync(inst.confFile)) return undefined;
  const match = /^server\.bolt\.listen_address=.*:(\d+)\s*$/m.exec(readFileSync(inst.confFile, 'utf8'));
  return match ? Number(match[1]) : undefined;
}

/** The last `count` lines of the log written since byte `since` (at most its last 64 KiB). */
export function logTail(inst: Instance, since = 0, count = 30): string {
  if (!existsSync(inst.logFile)) return '(no log file)';
  const size = statSync(inst.logFile).size;
  const start = Math.max(since, size - 65536);
  const buffer = Buffer.alloc(Math.max(0, size - start));
  const fd = openSync(inst.logFile, 'r');
  try {
    readSync(fd, buffer, 0, buffer.length, start);
  } finally {
    closeSync(fd);
  }
  const lines = buffer.toString('utf8').trimEnd().split('\n').slice(-count);
  return lines.join('\n') || '(log is empty)';
}
