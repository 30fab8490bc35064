import { spawn } from 'node:child_process';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { buildApp } from '../api/app.js';
import type { Db } from '../db/driver.js';
import { projectRoot } from '../schema/paths.js';
import { SHARED, testDb } from './support/graph.js';

let db: Db;
let app: FastifyInstance;
let endpoint: string;

beforeAll(async () => {
  db = await testDb();
  app = await buildApp({ db, logger: false });
  await app.listen({ port: 0, host: '127.0.0.1' });
  const address = app.server.address();
  endpoint = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}/graphql`;
});
afterAll(async () => {
  await app?.close();
  await db?.close();
});

/** Runs a script with node, without blocking this process (the app answers it). */
function run(args: string[]): Promise<{ status: number | null; out: string }> {
  return new Promise((done) => {
    // check-contract takes graphql from the project it runs in: run it from the project root.
    const child = spawn(process.execPath, args, { cwd: projectRoot() });
    let out = '';
    child.stdout.on('data', (d) => (out += d));
    child.stderr.on('data', (d) => (out += d));
    child.on('close', (status) => done({ status, out }));
  });
}

test('the served schema has every type, field and argument of the dashboard contract', async () => {
  const { status, out } = await run([join(SHARED, 'tools', 'check-contract.mjs'), '--endpoint', endpoint]);
  expect(out).toContain('contract: every type, field and argument is served');
  expect(status, out).toBe(0);
});
