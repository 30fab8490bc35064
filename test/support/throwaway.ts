/**
 * A Neo4j of a test's own, to kill and restart without touching the shared
 * test server: home under the system's temporary folder, a free port, and
 * removed afterwards.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Db, type DbOptions } from '../../db/driver.js';
import { portIsFree } from '../../neo4j/bolt.js';
import { startNeo4j, stopNeo4j, type StartedNeo4j } from '../../neo4j/launcher.js';
import { signalServer } from '../../neo4j/process.js';
import { applySchema } from '../../schema/apply.js';

export class Throwaway {
  private server?: StartedNeo4j;

  private constructor(readonly home: string, readonly port: number) {}

  /** A new instance's folder and a free port; nothing runs until start(). */
  static async create(): Promise<Throwaway> {
    for (;;) {
      const port = 20000 + Math.floor(Math.random() * 10000);
      if (await portIsFree(port)) return new Throwaway(mkdtempSync(join(tmpdir(), 'quorum-neo4j-')), port);
    }
  }

  /** Starts (or restarts) the server; resolves when Bolt answers. */
  async start(): Promise<StartedNeo4j> {
    this.server = await startNeo4j({ home: this.home, port: this.port, log: () => {} });
    return this.server;
  }

  /** A Db on this server with the schema applied. */
  async db(options: Partial<DbOptions> = {}): Promise<Db> {
    const s = this.server ?? (await this.start());
    const db = new Db({ uri: s.uri, user: s.user, password: s.password, app: 'quorum-test', ...options });
    await applySchema(db);
    return db;
  }

  get endpoint(): StartedNeo4j {
    if (!this.server) throw new Error('the throwaway Neo4j was not started');
    return this.server;
  }

  /** Sends the server's process group a signal: SIGKILL (kill -9), SIGSTOP (hung), SIGCONT. */
  signal(signal: NodeJS.Signals): void {
    signalServer(this.endpoint.pid!, signal);
  }

  /** Stops the server and removes its folder. */
  async dispose(): Promise<void> {
    await stopNeo4j({ home: this.home, log: () => {} }).catch(() => false);
    rmSync(this.home, { recursive: true, force: true });
  }
}
