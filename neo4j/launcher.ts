import { spawn } from 'node:child_process';
import { closeSync, existsSync, mkdirSync, openSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { constants } from 'node:os';
import { join } from 'node:path';
import { boltAnswers, portIsFree, waitForBolt } from './bolt.js';
import { JVM_OPTIONS, writeNeo4jConfig } from './config.js';
import { ensureCredentials, readCredentials } from './credentials.js';
import { configuredPort, logTail, resolveInstance, type Instance } from './instance.js';
import { ensureNeo4jJars, findJava } from './prerequisites.js';
import { ENTRY_POINT, isNeo4jProcess, runningPid, signalServer, waitForExit, withInstanceLock } from './process.js';
import { addUser, clearUsers, keepRunning, keptRunning, otherUsers, removeUser } from './users.js';

/** How to reach a Neo4j server. */
export interface Neo4jEndpoint {
  uri: string;
  user: string;
  password: string;
  /** True for Quorum's own server (started by this launcher), false for one named by NEO4J_URI. */
  embedded: boolean;
}

export interface LauncherOptions {
  /** The instance folder; default QUORUM_NEO4J_HOME, else `<project>/.neo4j/default`. */
  home?: string;
  /** The Bolt port on 127.0.0.1; default QUORUM_NEO4J_PORT, else 7687. */
  port?: number;
  /** Where progress lines go; default stderr. */
  log?: (line: string) => void;
  /** startNeo4j: leave the server running when the processes using it end (`quorum neo4j start`). */
  keepRunning?: boolean;
}

/** An endpoint in use, with whether this process started it. */
export interface StartedNeo4j extends Neo4jEndpoint {
  startedHere: boolean;
  /** The instance folder of an embedded server. */
  home?: string;
  /** The JVM's pid (it leads its own process group) of an embedded server. */
  pid?: number;
}

export interface Neo4jStatus {
  running: boolean;
  pid?: number;
  endpoint?: Neo4jEndpoint;
  /** Whether Bolt answered with the stored credentials (only when running). */
  ready?: boolean;
  home: string;
  logFile: string;
}

const START_TIMEOUT_MS = 120_000;
const STOP_TIMEOUT_MS = 60_000;
const LOG_ROTATE_BYTES = 20 * 1024 * 1024;

function endpointOf(inst: Instance, port: number): Neo4jEndpoint {
  const credentials = readCredentials(inst);
  if (!credentials) throw new Error(`Neo4j at ${inst.home} has no ${inst.credentialsFile}`);
  return { uri: `bolt://127.0.0.1:${port}`, ...credentials, embedded: true };
}

/**
 * Starts the instance's Neo4j server, or reuses it when it already runs and answers, and
 * counts this process among its users (see releaseNeo4j). Resolves once Bolt accepts a
 * connection; throws with the reason and the log's last lines when the port is taken, Java
 * or the jars are missing, or the server fails to start.
 */
export async function startNeo4j(o: LauncherOptions = {}): Promise<StartedNeo4j> {
  const inst = resolveInstance(o);
  mkdirSync(inst.runDir, { recursive: true });
  return withInstanceLock(inst, START_TIMEOUT_MS, async () => {
    const started = (await reuse(inst)) ?? (await launch(inst));
    addUser(inst);
    if (o.keepRunning) keepRunning(inst, true);
    return started;
  });
}

/** The running server of the instance, once it answers; undefined if there is none (any more). */
async function reuse(inst: Instance): Promise<StartedNeo4j | undefined> {
  const pid = runningPid(inst);
  if (pid === undefined) return undefined;
  const port = configuredPort(inst) ?? inst.port;
  if (inst.portExplicit && port !== inst.port) {
    throw new Error(`Neo4j at ${inst.home} already runs (pid ${pid}) on port ${port}, not ${inst.port}; stop it first (quorum neo4j stop)`);
  }
  const endpoint = endpointOf(inst, port);
  // It may still be starting (another process launched it) or stopping: wait for either.
  const outcome = await waitForBolt(endpoint, () => isNeo4jProcess(pid, inst.home), START_TIMEOUT_MS);
  if (outcome === 'exited') {
    rmSync(inst.pidFile, { force: true });
    return undefined;
  }
  if (outcome === 'timeout') {
    throw new Error(
      `Neo4j at ${inst.home} runs (pid ${pid}) but Bolt on port ${port} did not answer within ${START_TIMEOUT_MS / 1000} s; see ${inst.logFile}:\n${logTail(inst)}`,
    );
  }
  inst.log(`Reusing Neo4j already running at ${endpoint.uri} (pid ${pid}, home ${inst.home})`);
  return { ...endpoint, startedHere: false, home: inst.home, pid };
}

async function launch(inst: Instance): Promise<StartedNeo4j> {
  const java = findJava();
  await ensureNeo4jJars(inst);
  if (!(await portIsFree(inst.port))) {
    throw new Error(
      `port ${inst.port} on 127.0.0.1 is already in use by another program, so Neo4j cannot listen there; stop that program or choose another port (QUORUM_NEO4J_PORT)`,
    );
  }
  writeNeo4jConfig(inst);
  keepRunning(inst, false);
  const credentials = await ensureCredentials(inst, java);
  const endpoint: Neo4jEndpoint = { uri: `bolt://127.0.0.1:${inst.port}`, ...credentials, embedded: true };

  if (existsSync(inst.logFile) && statSync(inst.logFile).size > LOG_ROTATE_BYTES) renameSync(inst.logFile, `${inst.logFile}.1`);
  const logStart = existsSync(inst.logFile) ? statSync(inst.logFile).size : 0;
  const out = openSync(inst.logFile, 'a');
  const args = [...JVM_OPTIONS, '-cp', join(inst.libDir, '*'), ENTRY_POINT, `--home-dir=${inst.home}`, `--config-dir=${inst.confDir}`, '--console-mode'];
  const startedAt = Date.now();
  // Detached: the JVM leads its own process group, so a Ctrl-C meant for us does not reach it
  // half-way; stopNeo4j (or onExitStop) ends the whole group.
  const child = spawn(java, args, { cwd: inst.home, detached: true, stdio: ['ignore', out, out] });
  closeSync(out);
  let exit: string | undefined;
  child.once('exit', (code, signal) => (exit = signal ? `killed by ${signal}` : `exited with status ${code}`));
  child.once('error', (error) => (exit = `could not be run (${error.message})`));
  child.unref();
  const pid = child.pid;
  if (pid !== undefined) writeFileSync(inst.pidFile, `${pid}\n`);
  inst.log(`Starting Neo4j (pid ${pid}) at ${endpoint.uri}, home ${inst.home}, log ${inst.logFile}`);

  const outcome = pid === undefined ? 'exited' : await waitForBolt(endpoint, () => exit === undefined, START_TIMEOUT_MS).catch((error: Error) => error);
  if (outcome !== 'ready') {
    if (pid !== undefined && exit === undefined) await stopProcess(inst, pid);
    rmSync(inst.pidFile, { force: true });
    const reason =
      outcome instanceof Error
        ? outcome.message
        : outcome === 'timeout'
          ? `Bolt did not answer within ${START_TIMEOUT_MS / 1000} s`
          : `the JVM ${exit ?? 'exited'}`;
    throw new Error(`Neo4j failed to start at ${inst.home}: ${reason}. Last lines of ${inst.logFile}:\n${logTail(inst, logStart)}`);
  }
  inst.log(`Neo4j is up at ${endpoint.uri} after ${((Date.now() - startedAt) / 1000).toFixed(1)} s`);
  return { ...endpoint, startedHere: true, home: inst.home, pid };
}

/** SIGTERM to the server's group, then after STOP_TIMEOUT_MS SIGKILL; resolves once it is gone. */
async function stopProcess(inst: Instance, pid: number): Promise<void> {
  signalServer(pid, 'SIGTERM');
  if (await waitForExit(pid, inst.home, STOP_TIMEOUT_MS)) return;
  inst.log(`Neo4j (pid ${pid}) did not stop within ${STOP_TIMEOUT_MS / 1000} s; killing it`);
  signalServer(pid, 'SIGKILL');
  await waitForExit(pid, inst.home, 10_000);
}

async function stopInstance(inst: Instance): Promise<boolean> {
  const pid = runningPid(inst);
  clearUsers(inst);
  if (pid === undefined) return false;
  inst.log(`Stopping Neo4j (pid ${pid}, home ${inst.home})`);
  await stopProcess(inst, pid);
  rmSync(inst.pidFile, { force: true });
  return true;
}

/** Stops the instance's server if it runs, whoever uses it; true if it stopped one. Cleans a stale pid file. */
export async function stopNeo4j(o: LauncherOptions = {}): Promise<boolean> {
  return stopInstance(resolveInstance(o));
}

/**
 * Says that this process is done with the instance's server (after startNeo4j; otherwise this
 * does nothing). The server is stopped if no other live process uses it and it was not started
 * to keep running; true if so.
 * Note: so the first of two processes sharing a server does not stop it under the other.
 */
export async function releaseNeo4j(o: LauncherOptions = {}): Promise<boolean> {
  const inst = resolveInstance(o);
  if (!existsSync(inst.runDir)) return false;
  return withInstanceLock(inst, START_TIMEOUT_MS, async () => removeUser(inst) && (await stopInstance(inst)));
}

/** The other live processes that use the instance's server (see users.ts). */
export function otherUsersOf(o: LauncherOptions = {}): number[] {
  return otherUsers(resolveInstance(o));
}

/** Thrown by withServerStopped when another process uses the server: it is left running. */
export class ServerInUse extends Error {}

/**
 * Stops the instance's server, runs `during` (which may replace its database
 * files once `stopped` resolves: neo4j-admin works on a stopped database), and
 * starts it again, this process still among its users and a server kept
 * running still kept. `during` runs while the server stops, so work that needs
 * no server (extracting the notes to import) overlaps the stop. Only when no
 * other live process uses the server: otherwise throws ServerInUse before
 * `during` runs and touches nothing. The instance's lock is held throughout,
 * so a process that starts the server meanwhile waits for the new one.
 */
export async function withServerStopped<T>(
  o: LauncherOptions,
  during: (inst: Instance, stopped: Promise<void>) => Promise<T>,
): Promise<{ result: T; started: StartedNeo4j }> {
  const base = resolveInstance(o);
  // Started again where it listened, unless told otherwise: its users' URIs name that port.
  const inst = o.port === undefined ? { ...base, port: configuredPort(base) ?? base.port } : base;
  mkdirSync(inst.runDir, { recursive: true });
  return withInstanceLock(inst, START_TIMEOUT_MS, async () => {
    const others = otherUsers(inst);
    if (others.length) throw new ServerInUse(`Neo4j at ${inst.home} is in use by process ${others.join(', ')}`);
    const kept = keptRunning(inst);
    const pid = runningPid(inst);
    let stopped = Promise.resolve();
    if (pid !== undefined) {
      inst.log(`Stopping Neo4j (pid ${pid}) to replace its database`);
      stopped = stopProcess(inst, pid).then(() => rmSync(inst.pidFile, { force: true }));
      // Awaited below, whether `during` awaits it or not.
      stopped.catch(() => undefined);
    }
    let outcome: { ok: true; result: T } | { ok: false; error: unknown };
    try {
      outcome = { ok: true, result: await during(inst, stopped) };
    } catch (error) {
      outcome = { ok: false, error };
    }
    await stopped;
    // Started again whatever `during` did, so the caller can still reach the server (and report).
    const started = await launch(inst);
    addUser(inst);
    if (kept) keepRunning(inst, true);
    if (!outcome.ok) throw outcome.error;
    return { result: outcome.result, started };
  });
}

/** Whether the instance's server runs, its pid and endpoint, and whether Bolt answers. */
export async function neo4jStatus(o: LauncherOptions = {}): Promise<Neo4jStatus> {
  const inst = resolveInstance(o);
  const pid = runningPid(inst);
  if (pid === undefined) return { running: false, home: inst.home, logFile: inst.logFile };
  const endpoint = endpointOf(inst, configuredPort(inst) ?? inst.port);
  const ready = await boltAnswers(endpoint).catch(() => false);
  return { running: true, pid, endpoint, ready, home: inst.home, logFile: inst.logFile };
}

/**
 * The Neo4j to use: the server named by NEO4J_URI (with NEO4J_USER, default neo4j, and
 * NEO4J_PASSWORD) when that is set, else Quorum's own server, started or reused.
 */
export async function resolveNeo4j(o: LauncherOptions = {}): Promise<StartedNeo4j> {
  const uri = process.env.NEO4J_URI;
  if (uri) {
    return { uri, user: process.env.NEO4J_USER || 'neo4j', password: process.env.NEO4J_PASSWORD ?? '', embedded: false, startedHere: false };
  }
  return startNeo4j(o);
}

/**
 * Releases Quorum's own server when this process stops (see releaseNeo4j), so that Neo4j
 * stops when its last user stops: on SIGINT, SIGTERM or SIGHUP it is released (and a stop
 * waited for) before the process exits with 128 + signal; on any other exit a stop is begun
 * with SIGTERM and the server finishes shutting down on its own. A server started with
 * `quorum neo4j start`, or still used by another process, is left running; so is one named
 * by NEO4J_URI. Returns a function that cancels this (call releaseNeo4j yourself then).
 */
export function onExitStop(started: StartedNeo4j, o: LauncherOptions = {}): () => void {
  const { home } = started;
  if (!started.embedded || home === undefined) return () => {};
  const signals: NodeJS.Signals[] = ['SIGINT', 'SIGTERM', 'SIGHUP'];
  const onExit = (): void => {
    const inst = resolveInstance({ ...o, home });
    const pid = removeUser(inst) ? runningPid(inst) : undefined;
    if (pid !== undefined) signalServer(pid, 'SIGTERM');
  };
  const onSignal = (signal: NodeJS.Signals): void => {
    cancel();
    void releaseNeo4j({ ...o, home })
      .catch((error: unknown) => console.error(`quorum: stopping Neo4j failed: ${String(error)}`))
      .finally(() => process.exit(128 + (constants.signals[signal] ?? 0)));
  };
  const cancel = (): void => {
    process.off('exit', onExit);
    for (const signal of signals) process.off(signal, onSignal);
  };
  process.once('exit', onExit);
  for (const signal of signals) process.once(signal, onSignal);
  return cancel;
}
