import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type AddressInfo, type Server } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import neo4j from 'neo4j-driver';
import { afterEach, describe, expect, inject, it } from 'vitest';
import { neo4jStatus, releaseNeo4j, startNeo4j, stopNeo4j } from '../neo4j/launcher.js';
import { scanNeo4jProcesses } from '../neo4j/process.js';

const testNeo4j = inject('testNeo4j');
const quiet = { log: () => {} };

async function freePort(): Promise<number> {
  const probe = createServer();
  await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
  const { port } = probe.address() as AddressInfo;
  await new Promise((resolve) => probe.close(resolve));
  return port;
}

describe('a home of its own', () => {
  const homes: string[] = [];
  const newHome = (): string => {
    const home = mkdtempSync(join(tmpdir(), 'quorum-neo4j-'));
    homes.push(home);
    return home;
  };
  afterEach(() => {
    for (const home of homes.splice(0)) rmSync(home, { recursive: true, force: true });
  });

  it('refuses to start on a port another program listens on, naming the port', async () => {
    const listener: Server = createServer();
    await new Promise<void>((resolve) => listener.listen(0, '127.0.0.1', resolve));
    const { port } = listener.address() as AddressInfo;
    const home = newHome();
    try {
      await expect(startNeo4j({ home, port, ...quiet })).rejects.toThrow(new RegExp(`port ${port}\\b.*in use`));
      expect(scanNeo4jProcesses(home)).toEqual([]);
      expect(existsSync(join(home, 'run', 'neo4j.pid'))).toBe(false);
    } finally {
      await new Promise((resolve) => listener.close(resolve));
    }
  });

  it('says that Java is missing when it is', async () => {
    const saved = { PATH: process.env.PATH, JAVA_HOME: process.env.JAVA_HOME };
    process.env.PATH = '/nonexistent';
    delete process.env.JAVA_HOME;
    try {
      await expect(startNeo4j({ home: newHome(), port: 7789, ...quiet })).rejects.toThrow(/Java 17/);
    } finally {
      process.env.PATH = saved.PATH;
      if (saved.JAVA_HOME !== undefined) process.env.JAVA_HOME = saved.JAVA_HOME;
    }
  });

  it('stops a shared server when its last user releases it', async () => {
    const home = newHome();
    const o = { home, port: await freePort(), ...quiet };
    try {
      const started = await startNeo4j(o);
      expect(started.startedHere).toBe(true);
      // Another live process (vitest itself, this worker's parent) uses it too.
      const other = join(home, 'run', 'users', String(process.ppid));
      writeFileSync(other, '');
      expect(await releaseNeo4j(o)).toBe(false);
      expect((await neo4jStatus(o)).running).toBe(true);
      rmSync(other);
      expect(await releaseNeo4j(o)).toBe(false); // no longer a user: nothing to do
      expect((await neo4jStatus(o)).running).toBe(true);
      expect(await startNeo4j(o)).toMatchObject({ startedHere: false, pid: started.pid });
      expect(await releaseNeo4j(o)).toBe(true);
      expect(scanNeo4jProcesses(home)).toEqual([]);
    } finally {
      await stopNeo4j(o);
    }
  }, 180_000); // a first start, which creates the database: 10-40 s on 2 busy cores

  it('cleans a stale pid file', async () => {
    const home = newHome();
    const gone = spawnSync(process.execPath, ['-e', 'console.log(process.pid)'], { encoding: 'utf8' });
    mkdirSync(join(home, 'run'));
    writeFileSync(join(home, 'run', 'neo4j.pid'), gone.stdout);
    const status = await neo4jStatus({ home, port: 7789 });
    expect(status.running).toBe(false);
    expect(existsSync(join(home, 'run', 'neo4j.pid'))).toBe(false);
  });
});

describe.skipIf(!testNeo4j)('the test server started by global setup', () => {
  const { home, port, pid } = testNeo4j ?? { home: '', port: 0, pid: 0 };

  it('is running, at the URI handed to the tests', async () => {
    const status = await neo4jStatus({ home, port });
    expect(status).toMatchObject({ running: true, ready: true, pid });
    expect(status.endpoint?.uri).toBe(`bolt://127.0.0.1:${port}`);
    expect(process.env.NEO4J_URI).toBe(`bolt://127.0.0.1:${port}`);
    expect(status.endpoint?.password).toBe(process.env.NEO4J_PASSWORD);
  });

  it('answers Cypher with the credentials', async () => {
    const driver = neo4j.driver(process.env.NEO4J_URI ?? '', neo4j.auth.basic(process.env.NEO4J_USER ?? '', process.env.NEO4J_PASSWORD ?? ''));
    try {
      const { records } = await driver.executeQuery('RETURN 1 AS one');
      expect(records[0]?.get('one').toNumber()).toBe(1);
    } finally {
      await driver.close();
    }
  });

  it('is reused, not started twice', async () => {
    const again = await startNeo4j({ home, port, ...quiet });
    expect(again).toMatchObject({ startedHere: false, pid, uri: process.env.NEO4J_URI });
    if (process.platform === 'linux') expect(scanNeo4jProcesses(home)).toEqual([pid]);
    // Global setup still uses it, so letting go of it here does not stop it.
    expect(await releaseNeo4j({ home, ...quiet })).toBe(false);
    expect((await neo4jStatus({ home, port })).running).toBe(true);
  });
});
