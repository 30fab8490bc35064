import { existsSync, linkSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { setTimeout as sleep } from 'node:timers/promises';
import type { Instance } from './instance.js';

export const ENTRY_POINT = 'org.neo4j.server.CommunityEntryPoint';
const HAS_PROC = existsSync('/proc/self/cmdline');

/** Whether a process with this pid exists. */
export function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * Whether `pid` is a live Neo4j server of the instance at `home`. On Linux its command line
 * must name the entry point and the home (a reused pid or a zombie does not count);
 * elsewhere, being alive is all that can be checked.
 */
export function isNeo4jProcess(pid: number, home: string): boolean {
  if (!HAS_PROC) return isAlive(pid);
  try {
    const args = readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0');
    return args.includes(ENTRY_POINT) && args.includes(`--home-dir=${home}`);
  } catch {
    return false;
  }
}

/** The pids of the Neo4j servers of `home` found in /proc (Linux only; elsewhere none). */
export function scanNeo4jProcesses(home: string): number[] {
  if (!HAS_PROC) return [];
  return readdirSync('/proc')
    .filter((name) => /^\d+$/.test(name))
    .map(Number)
    .filter((pid) => isNeo4jProcess(pid, home));
}

/**
 * The pid of the instance's running server, or undefined. A pid file naming a process that is
 * gone is removed. Note: a server whose pid file was lost is still found (on Linux), so that
 * it is neither started twice nor left running.
 */
export function runningPid(inst: Instance): number | undefined {
  if (existsSync(inst.pidFile)) {
    const pid = Number(readFileSync(inst.pidFile, 'utf8').trim());
    if (Number.isInteger(pid) && pid > 0 && isNeo4jProcess(pid, inst.home)) return pid;
    rmSync(inst.pidFile, { force: true });
  }
  const [found] = scanNeo4jProcesses(inst.home);
  if (found !== undefined) writeFileSync(inst.pidFile, `${found}\n`);
  return found;
}

/** Sends `signal` to the server's process group (it leads one), or to it alone if not. */
export function signalServer(pid: number, signal: NodeJS.Signals): void {
  for (const target of [-pid, pid]) {
    try {
      process.kill(target, signal);
      return;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ESRCH') throw error;
    }
  }
}

/** Waits until the server is gone; false if it still runs after `timeoutMs`. */
export async function waitForExit(pid: number, home: string, timeoutMs: number): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  while (isNeo4jProcess(pid, home)) {
    if (Date.now() > deadline) return false;
    await sleep(100);
  }
  return true;
}

/**
 * Runs `fn` holding the instance's lock, so that two processes starting (or releasing) the
 * same instance at once do not both act. A lock left by a process that is gone is taken over.
 */
export async function withInstanceLock<T>(inst: Instance, timeoutMs: number, fn: () => Promise<T>): Promise<T> {
  const mine = `${inst.lockFile}.${process.pid}`;
  writeFileSync(mine, `${process.pid}\n`);
  const deadline = Date.now() + timeoutMs;
  try {
    for (;;) {
      try {
        linkSync(mine, inst.lockFile); // atomic: fails if the lock exists
        break;
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      }
      const owner = Number(readFileSync(inst.lockFile, 'utf8').trim());
      if (!(owner > 0 && isAlive(owner))) {
        rmSync(inst.lockFile, { force: true });
        continue;
      }
      if (Date.now() > deadline) {
        throw new Error(`process ${owner} has held the lock of Neo4j at ${inst.home} for too long (lock ${inst.lockFile})`);
      }
      await sleep(250);
    }
  } finally {
    rmSync(mine, { force: true });
  }
  try {
    return await fn();
  } finally {
    rmSync(inst.lockFile, { force: true });
  }
}
