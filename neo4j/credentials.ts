import { randomBytes } from 'node:crypto';
import { chmodSync, existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Instance } from './instance.js';
import { runTool } from './run-tool.js';

export interface Credentials {
  user: string;
  password: string;
}

/** The user and password stored in the instance's credentials.json, if any. */
export function readCredentials(inst: Instance): Credentials | undefined {
  if (!existsSync(inst.credentialsFile)) return undefined;
  const parsed = JSON.parse(readFileSync(inst.credentialsFile, 'utf8')) as Partial<Credentials>;
  if (typeof parsed.user !== 'string' || typeof parsed.password !== 'string') {
    throw new Error(`${inst.credentialsFile} does not hold {"user", "password"}`);
  }
  return { user: parsed.user, password: parsed.password };
}

/**
 * The instance's credentials. Before a first start (no system database yet) the password,
 * the stored one or else a new random one, is set with
 * `neo4j-admin dbms set-initial-password`; it is kept in credentials.json (mode 0600).
 * Note: the admin tool takes the password as an argument, so it shows in the process list
 * for the second that the tool runs; the server itself listens on loopback only.
 */
export async function ensureCredentials(inst: Instance, java: string): Promise<Credentials> {
  const stored = readCredentials(inst);
  const initialised = existsSync(join(inst.dataDir, 'databases', 'system'));
  if (initialised) {
    if (stored) return stored;
    throw new Error(
      `the Neo4j database in ${inst.dataDir} was created without ${inst.credentialsFile}, so its password is unknown; ` +
        `delete ${inst.home} to start afresh (this deletes its graph)`,
    );
  }
  // Note: a password that starts with '-' would be read by the admin tool as an option.
  const credentials = stored ?? { user: 'neo4j', password: `q${randomBytes(24).toString('base64url')}` };
  writeFileSync(inst.credentialsFile, `${JSON.stringify(credentials, null, 2)}\n`, { mode: 0o600 });
  chmodSync(inst.credentialsFile, 0o600);
  try {
    await setInitialPassword(inst, java, credentials.password);
  } catch (error) {
    if (!stored) rmSync(inst.credentialsFile, { force: true });
    throw error;
  }
  return credentials;
}

async function setInitialPassword(inst: Instance, java: string, password: string): Promise<void> {
  const args = ['-Xmx256m', '-cp', join(inst.libDir, '*'), 'org.neo4j.cli.AdminTool', 'dbms', 'set-initial-password', password];
  const env = { ...process.env, NEO4J_HOME: inst.home, NEO4J_CONF: inst.confDir };
  const tool = await runTool(java, args, { cwd: inst.home, env });
  if (tool.code !== 0) {
    const said = (tool.error?.message ?? tool.output).split(password).join('***').trim();
    throw new Error(`neo4j-admin dbms set-initial-password failed (${tool.code ?? 'not started'}):\n${said}`);
  }
}
