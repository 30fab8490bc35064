import { existsSync, mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Instance } from './instance.js';
import { isAlive } from './process.js';

/*
 * Which processes use an instance's server, so that the last one to leave stops it and no
 * process stops it under another's feet. Each user is a file run/users/<pid>; a server
 * started with `quorum neo4j start` carries run/keep-running and is left for `stop`.
 */

const usersDir = (inst: Instance): string => join(inst.runDir, 'users');
const keepFile = (inst: Instance): string => join(inst.runDir, 'keep-running');

/** Records this process as a user of the instance's server. */
export function addUser(inst: Instance): void {
  mkdirSync(usersDir(inst), { recursive: true });
  writeFileSync(join(usersDir(inst), String(process.pid)), '');
}

/**
 * Forgets this process as a user; true if the server should now stop: this process used it,
 * no other live user is left and it is not kept running. Users whose process is gone are
 * forgotten too.
 */
export function removeUser(inst: Instance): boolean {
  const dir = usersDir(inst);
  const mine = join(dir, String(process.pid));
  if (!existsSync(mine)) return false;
  rmSync(mine);
  return otherUsers(inst).length === 0 && !keptRunning(inst);
}

/** The live processes other than this one that use the instance's server (those gone are forgotten). */
export function otherUsers(inst: Instance): number[] {
  const dir = usersDir(inst);
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .map(Number)
    .filter((pid) => {
      if (pid === process.pid) return false;
      if (pid > 0 && isAlive(pid)) return true;
      rmSync(join(dir, String(pid)), { force: true });
      return false;
    });
}

/** Whether the server is marked to be left running (quorum neo4j start). */
export function keptRunning(inst: Instance): boolean {
  return existsSync(keepFile(inst));
}

/** Marks the server to be left running when its users leave (or not). */
export function keepRunning(inst: Instance, keep: boolean): void {
  if (keep) writeFileSync(keepFile(inst), '');
  else rmSync(keepFile(inst), { force: true });
}

/** Forgets all users and the keep mark: the server is gone. */
export function clearUsers(inst: Instance): void {
  rmSync(usersDir(inst), { recursive: true, force: true });
  keepRunning(inst, false);
}
