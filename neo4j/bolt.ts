import { createServer } from 'node:net';
import { setTimeout as sleep } from 'node:timers/promises';
import neo4j from 'neo4j-driver';
import type { Neo4jEndpoint } from './launcher.js';

/** Whether nothing listens on 127.0.0.1:`port` (checked by listening on it for a moment). */
export function portIsFree(port: number): Promise<boolean> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', (error: NodeJS.ErrnoException) => {
      if (error.code === 'EADDRINUSE' || error.code === 'EACCES') resolve(false);
      else reject(error);
    });
    probe.listen({ port, host: '127.0.0.1', exclusive: true }, () => probe.close(() => resolve(true)));
  });
}

/**
 * Whether a Bolt server answers at the endpoint and accepts its credentials. Throws when it
 * answers but refuses them: waiting longer would not help.
 */
export async function boltAnswers(endpoint: Neo4jEndpoint, timeoutMs = 5000): Promise<boolean> {
  const driver = neo4j.driver(endpoint.uri, neo4j.auth.basic(endpoint.user, endpoint.password), {
    connectionTimeout: timeoutMs,
    connectionAcquisitionTimeout: timeoutMs,
    maxConnectionPoolSize: 1,
  });
  try {
    await driver.verifyConnectivity();
    return true;
  } catch (error) {
    const code = (error as { code?: string }).code ?? '';
    if (code.startsWith('Neo.ClientError.Security.')) {
      throw new Error(`Neo4j at ${endpoint.uri} refused the credentials of user ${endpoint.user} (${code})`);
    }
    return false;
  } finally {
    await driver.close();
  }
}

/**
 * Waits until Bolt answers at the endpoint: 'ready'; or until `alive()` turns false: 'exited';
 * or `timeoutMs` passes: 'timeout'.
 */
export async function waitForBolt(endpoint: Neo4jEndpoint, alive: () => boolean, timeoutMs: number): Promise<'ready' | 'exited' | 'timeout'> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (!alive()) return 'exited';
    if (await boltAnswers(endpoint)) return 'ready';
    if (Date.now() > deadline) return 'timeout';
    await sleep(250);
  }
}
