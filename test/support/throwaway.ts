/**
 * A Neo4j of a test's own, to kill and restart without touching the shared
 * test server: home under the project's .neo4j/ (ignored by git), the port
 * QUORUM_TEST_SPARE_NEO4J_PORT names (parallel work trees each have their
 * own) or else a free one, and removed afterwards.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Db, type DbOptions } from '../../db/driver.js';
import { portIsFree } from '../../neo4j/bolt.js';
import { startNeo4j, stopNeo4j, type StartedNeo4j } from '../../neo4j/launcher.js';
import { signalServer } from '../../neo4j/process.js';
import { applySchema } from '../../schema/apply.js';
import { projectFile } from '../../schema/paths.js';

export class Throwaway {
  private server?: StartedNeo4j;

  private constructor(
    readonly home: string,
    readonly port: number,
  ) {}

  /** A new instance's folder and a free port; nothing runs until start(). */
  static async create(): Promise<Throwaway> {
    const parent = projectFile('.neo4j');
    mkdirSync(parent, { recursive: true });
    const home = () => mkdtempSync(join(parent, 'throwaway-'));
    const spare = Number(process.env.QUORUM_TEST_SPARE_NEO4J_PORT);
    if (Number.isInteger(spare) && spare > 0) {
      if (!(await portIsFree(spare))) throw new Error(`QUORUM_TEST_SPARE_NEO4J_PORT ${spare} is taken`);
      return new Throwaway(home(), spare);
    }
    for (;;) {
      const port = 20000 + Math.floor(Math.random() * 10000);
      if (await portIsFree(port)) return new Throwaway(home(), port);
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

  /** Stops the server (its folder stays). */
  async stop(): Promise<void> {
    await stopNeo4j({ home: this.home, log: () => {} });
  }

  /**
   * Records another password for the next start(). Change the server's own first
   * (ALTER CURRENT USER): the launcher checks the stored one when it starts the server.
   */
  setStoredPassword(password: string): void {
    writeFileSync(join(this.home, 'credentials.json'), `${JSON.stringify({ user: this.endpoint.user, password }, null, 2)}\n`, { mode: 0o600 });
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
