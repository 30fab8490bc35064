/**
 * Connects a command to Neo4j: the server NEO4J_URI names, else Quorum's own
 * (started or reused). Waits for it with backoff, applies the schema, and
 * arranges for a server this process started to stop when it stops.
 */
import { RATE_LIMIT_PAUSE_MS } from '../db/access.js';
import { Db, DbError } from '../db/driver.js';
import { onExitStop, resolveNeo4j, type StartedNeo4j } from '../neo4j/launcher.js';
import { applySchema } from '../schema/apply.js';

export interface Connection {
  db: Db;
  neo4j: StartedNeo4j;
  /** Closes the driver and stops a server this process started. */
  close(): Promise<void>;
  /** For a caller that handles SIGINT/SIGTERM itself (and then calls close). */
  handleSignalsHere(): void;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Connects, or throws an Error whose message says what to do. */
export async function connect(options: { home?: string; port?: number; attempts?: number } = {}): Promise<Connection> {
  const neo4j = await resolveNeo4j({ home: options.home, port: options.port });
  const cancel = onExitStop(neo4j);
  const db = new Db({ uri: neo4j.uri, user: neo4j.user, password: neo4j.password, app: 'quorum' });
  const attempts = options.attempts ?? Number(process.env.QUORUM_CONNECT_ATTEMPTS ?? 5);
  for (let i = 1; ; i++) {
    try {
      await db.ping();
      break;
    } catch (err) {
      if (err instanceof DbError && err.kind === 'auth' && !(err.rateLimited && i < attempts)) {
        // A wrong password is not transient: trying again would only lock the user (Neo4j's rate limit) for everyone.
        await db.close();
        throw new Error(`${err.message}; check NEO4J_USER and NEO4J_PASSWORD`);
      }
      if (err instanceof DbError && err.rateLimited) {
        // Someone's failed logins locked the user for a few seconds: one more try once the lock is over.
        console.error(`quorum: ${err.message}; trying again in ${RATE_LIMIT_PAUSE_MS / 1000} s (${i}/${attempts})`);
        await sleep(RATE_LIMIT_PAUSE_MS);
        continue;
      }
      if (i >= attempts) {
        await db.close();
        throw new Error(
          `cannot reach Neo4j at ${neo4j.uri} after ${attempts} attempts (${(err as Error).message}); check NEO4J_URI, NEO4J_USER and NEO4J_PASSWORD, or unset NEO4J_URI to use Quorum's own server`,
        );
      }
      const wait = Math.min(8000, 500 * 2 ** (i - 1));
      console.error(`quorum: Neo4j at ${neo4j.uri} does not answer yet; retrying in ${wait / 1000} s (${i}/${attempts})`);
      await sleep(wait);
    }
  }
  await applySchema(db);
  let closed = false;
  return {
    db,
    neo4j,
    handleSignalsHere: cancel,
    async close() {
      if (closed) return;
      closed = true;
      await db.close();
      if (neo4j.embedded) {
        // Released, not stopped: the server stops when its last user is done with it.
        const { releaseNeo4j } = await import('../neo4j/launcher.js');
        cancel();
        await releaseNeo4j({ home: neo4j.home });
      }
    },
  };
}
