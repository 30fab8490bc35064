/**
 * The one module that touches neo4j-driver. It owns the driver, runs managed
 * transactions with a timeout and metadata, converts Neo4j values to plain
 * JavaScript at that boundary, and translates driver errors into DbError.
 *
 * It also keeps the account usable (db/access.ts): a refused login is never
 * tried again with the same password, and after the server was away one
 * call checks the login before the others open connections, so a server
 * replaced by one with another password sees one failed login, not enough
 * to trip Neo4j's AuthenticationRateLimit for every client of that user.
 */
import neo4j, { type Driver, type ManagedTransaction, type Record as Neo4jRecord, type Session } from 'neo4j-driver';
import { Access } from './access.js';

export interface DbOptions {
  uri: string;
  user: string;
  password: string;
  /** Default transaction timeout, ms. */
  timeoutMs?: number;
  /** Tags every transaction (shows in `SHOW TRANSACTIONS` and the query log). */
  app?: string;
  /**
   * How long a managed transaction is retried after a transient error or a
   * lost connection, ms (default 30 000). The API's is short, so that a
   * request fails fast while Neo4j is away.
   */
  maxRetryMs?: number;
}

export type Params = Record<string, unknown>;
export type Row = Record<string, unknown>;

/** Why a database call failed, without driver internals. */
/**
 * `indexing`: a full-text index the query needs is not there, as while the first index of a graph is built
 * without them (schema/apply.ts). `memory`: the query needs more memory than the server allows one transaction.
 */
export type DbErrorKind = 'unavailable' | 'auth' | 'timeout' | 'constraint' | 'indexing' | 'memory' | 'query';

export class DbError extends Error {
  /** The driver's or server's error code (`Neo.ClientError.…`, `ServiceUnavailable`), for the log. */
  readonly code?: string;

  constructor(
    readonly kind: DbErrorKind,
    message: string,
    override readonly cause?: unknown,
  ) {
    super(message);
    const code = (cause as { code?: unknown } | undefined)?.code;
    if (typeof code === 'string') this.code = code;
  }

  /** A login refused for now because of earlier failed logins (Neo4j's AuthenticationRateLimit): it lifts by itself. */
  get rateLimited(): boolean {
    return this.code === RATE_LIMIT;
  }
}

const RATE_LIMIT = 'Neo.ClientError.Security.AuthenticationRateLimit';
/** A query past dbms.memory.transaction.total.max. */
const MEMORY_LIMIT = 'Neo.TransientError.General.MemoryPoolOutOfMemoryError';

export interface TxOptions {
  timeoutMs?: number;
  /** What the transaction does, for the database's logs. */
  label?: string;
}

/** A unit of work inside one managed transaction. */
export interface Tx {
  run(cypher: string, params?: Params): Promise<Row[]>;
}

export class Db {
  readonly driver: Driver;
  private readonly timeoutMs: number;
  private readonly maxRetryMs: number;
  private readonly app: string;
  private readonly access: Access;

  constructor(private readonly options: DbOptions) {
    this.driver = neo4j.driver(options.uri, neo4j.auth.basic(options.user, options.password), {
      disableLosslessIntegers: true,
      maxConnectionPoolSize: 100,
      connectionAcquisitionTimeout: 10_000,
      connectionTimeout: 5_000,
      maxTransactionRetryTime: options.maxRetryMs ?? 30_000,
      userAgent: 'quorum',
    });
    this.timeoutMs = options.timeoutMs ?? 30_000;
    this.maxRetryMs = options.maxRetryMs ?? 30_000;
    this.app = options.app ?? 'quorum';
    this.access = new Access(
      () => this.driver.getServerInfo().then(() => undefined),
      (err) => translate(err, options),
    );
  }

  get uri(): string {
    return this.options.uri;
  }

  get user(): string {
    return this.options.user;
  }

  /**
   * Why this Db makes no more calls to Neo4j: the login it was given was
   * refused (it is never tried again), or is refused for a while after too
   * many failed logins; null when it may call.
   */
  get refusal(): DbError | null {
    return this.access.refusal();
  }

  /** Another Db on the same server, with its own driver (close it too), and some options changed. */
  with(changes: Omit<DbOptions, 'uri' | 'user' | 'password'>): Db {
    return new Db({ ...this.options, ...changes });
  }

  /**
   * Runs one read query. Note: as an auto-commit transaction, one exchange of
   * messages (a managed transaction takes two: the query, then its commit),
   * retried as a managed one is after a transient error or a lost connection.
   */
  read(cypher: string, params: Params = {}, o: TxOptions = {}): Promise<Row[]> {
    return this.quickRead(async (session, config) => {
      try {
        return (await untraced(() => session.run(cypher, toNeo4j(params) as Params, config))).records.map(toRow);
      } finally {
        await session.close();
      }
    }, o);
  }

  /** Runs one write query in a managed write transaction. */
  write(cypher: string, params: Params = {}, o: TxOptions = {}): Promise<Row[]> {
    return this.writeTx((tx) => tx.run(cypher, params), o);
  }

  /**
   * Several read queries sent together in one read transaction (one round of
   * messages); the rows of each, in order. Note: the transaction is closed
   * once the rows are in, without waiting for the server's answer: a read
   * has nothing to commit.
   */
  readAll(queries: readonly { cypher: string; params?: Params }[], o: TxOptions = {}): Promise<Row[][]> {
    return this.quickRead(async (session, config) => {
      const tx = session.beginTransaction(config);
      let rows: Row[][];
      try {
        rows = (await Promise.all(queries.map((q) => untraced(() => tx.run(q.cypher, toNeo4j(q.params ?? {}) as Params))))).map((r) => r.records.map(toRow));
      } catch (err) {
        await tx.close().catch(() => undefined);
        await session.close().catch(() => undefined);
        throw err;
      }
      void tx
        .commit()
        .catch(() => undefined)
        .finally(() => session.close().catch(() => undefined));
      return rows;
    }, o);
  }

  /** Several reads in one transaction (one consistent snapshot). */
  readTx<T>(work: (tx: Tx) => Promise<T>, o: TxOptions = {}): Promise<T> {
    return this.session('READ', work, o);
  }

  /** Several writes in one transaction: all or nothing, retried on transient errors (deadlocks). */
  writeTx<T>(work: (tx: Tx) => Promise<T>, o: TxOptions = {}): Promise<T> {
    return this.session('WRITE', work, o);
  }

  /** Throws DbError('unavailable') when the server does not answer, DbError('auth') when it refuses the login. */
  ping(): Promise<void> {
    return this.access.check();
  }

  /**
   * Which state of the graph a read sees now: the bookmark of an empty read
   * transaction, which names the last transaction committed to the database
   * (by anyone). It changes with every write and only then.
   */
  async version(): Promise<string> {
    await this.access.admit();
    const session = this.driver.session({ defaultAccessMode: neo4j.session.READ });
    try {
      await session.executeRead((tx) => tx.run('RETURN 1'), { timeout: 5_000, metadata: { app: this.app, op: 'version' } });
      this.access.answered();
      return session.lastBookmarks().join(',');
    } catch (err) {
      throw this.access.failed(err);
    } finally {
      await session.close();
    }
  }

  close(): Promise<void> {
    return this.driver.close();
  }

  /** A read outside a managed transaction (read, readAll), retried for up to maxRetryMs as the driver retries a managed one. */
  private async quickRead<T>(work: (session: Session, config: { timeout: number; metadata: Record<string, string> }) => Promise<T>, o: TxOptions): Promise<T> {
    await this.access.admit();
    const config = { timeout: o.timeoutMs ?? this.timeoutMs, metadata: { app: this.app, ...(o.label ? { op: o.label } : {}) } };
    const started = Date.now();
    for (let delay = 50; ; delay = Math.min(2 * delay, 1_000)) {
      try {
        const result = await work(this.driver.session({ defaultAccessMode: neo4j.session.READ }), config);
        this.access.answered();
        return result;
      } catch (err) {
        // Note: a query past the server's memory for one transaction is "transient" to the driver, but the same
        // query fails the same way again (it was retried for the whole retry window, then answered 500).
        if (!neo4j.isRetryableError(err) || (err as { code?: string }).code === MEMORY_LIMIT || Date.now() - started + delay > this.maxRetryMs) {
          throw this.access.failed(err);
        }
        await new Promise((r) => setTimeout(r, delay * (0.8 + 0.4 * Math.random())));
      }
    }
  }

  private async session<T>(mode: 'READ' | 'WRITE', work: (tx: Tx) => Promise<T>, o: TxOptions): Promise<T> {
    await this.access.admit();
    const session = this.driver.session({ defaultAccessMode: mode === 'READ' ? neo4j.session.READ : neo4j.session.WRITE });
    const config = { timeout: o.timeoutMs ?? this.timeoutMs, metadata: { app: this.app, ...(o.label ? { op: o.label } : {}) } };
    const wrap = (tx: ManagedTransaction): Tx => ({
      run: async (cypher, params = {}) => (await untraced(() => tx.run(cypher, toNeo4j(params) as Params))).records.map(toRow),
    });
    try {
      const result = mode === 'READ' ? await session.executeRead((tx) => work(wrap(tx)), config) : await session.executeWrite((tx) => work(wrap(tx)), config);
      this.access.answered();
      return result;
    } catch (err) {
      throw this.access.failed(err);
    } finally {
      await session.close();
    }
  }
}

/**
 * Starts a query without the stack trace the driver records for it.
 * Note: the driver formats a stack trace for every query it starts, to put on
 * an error the query may end with: about 26 µs a query in the API's profile,
 * and 4–6 % of its CPU for a person asked by name (two builds in one process,
 * batches in turn). Its errors are translated to a DbError saying what failed
 * (translate), with the driver's error as cause.
 */
function untraced<T>(start: () => T): T {
  const limit = Error.stackTraceLimit;
  Error.stackTraceLimit = 0;
  try {
    return start();
  } finally {
    Error.stackTraceLimit = limit;
  }
}

/** Whole numbers go to Neo4j as INTEGER (JavaScript numbers would arrive as FLOAT). */
function toNeo4j(v: unknown): unknown {
  if (typeof v === 'number') return Number.isInteger(v) ? neo4j.int(v) : v;
  if (Array.isArray(v)) return v.map(toNeo4j);
  if (v && typeof v === 'object' && Object.getPrototypeOf(v) === Object.prototype) {
    const out: Row = {};
    for (const [k, x] of Object.entries(v as Row)) out[k] = toNeo4j(x);
    return out;
  }
  return v;
}

function toRow(record: Neo4jRecord): Row {
  const row: Row = {};
  for (const key of record.keys) row[key as string] = plain(record.get(key));
  return row;
}

/**
 * Neo4j values → plain JSON-able values (nodes become their properties).
 * Note: the maps and lists the driver unpacked for a record are its own, so
 * they are converted in place: an answer of thousands of maps is walked once
 * and not copied, and a map is told from the driver's classes by its prototype
 * before any of their checks runs.
 */
export function plain(value: unknown): unknown {
  if (value === null || value === undefined) return null;
  if (typeof value !== 'object') return value;
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      const x: unknown = value[i];
      if (x === undefined || (x !== null && typeof x === 'object')) value[i] = plain(x);
    }
    return value;
  }
  const proto: unknown = Object.getPrototypeOf(value);
  if (proto === Object.prototype || proto === null) {
    const map = value as Row;
    for (const k in map) {
      const x = map[k];
      if (x === undefined || (x !== null && typeof x === 'object')) map[k] = plain(x);
    }
    return map;
  }
  if (neo4j.isInt(value)) return (value as { toNumber(): number }).toNumber();
  if (neo4j.isNode(value) || neo4j.isRelationship(value)) return plain((value as { properties: unknown }).properties);
  if (neo4j.isDate(value) || neo4j.isDateTime(value) || neo4j.isLocalDateTime(value)) return String(value);
  const out: Row = {};
  for (const [k, x] of Object.entries(value as Row)) out[k] = plain(x);
  return out;
}

/**
 * The one place driver errors are translated. A refused login names the URI
 * and the user (never the password) when `who` is given.
 */
export function translate(err: unknown, who?: { uri: string; user: string }): DbError {
  if (err instanceof DbError) return err;
  const e = err as { code?: string; message?: string };
  const code = e.code ?? '';
  const message = e.message ?? String(err);
  if (
    code === 'ServiceUnavailable' ||
    code === 'SessionExpired' ||
    code === 'Neo.TransientError.General.DatabaseUnavailable' ||
    /ECONNREFUSED|connect|Pool is closed/i.test(code + message)
  ) {
    return new DbError('unavailable', 'the graph database is not reachable', err);
  }
  if (/^Neo\.ClientError\.Security\.(Unauthorized|AuthenticationRateLimit|CredentialsExpired)$/.test(code)) {
    const at = who ? `Neo4j at ${who.uri} ` : 'Neo4j ';
    const user = who ? `user "${who.user}"` : 'the user name or password';
    if (code === RATE_LIMIT) return new DbError('auth', `${at}refuses ${user} for now: too many failed logins for that user (${code})`, err);
    if (code.endsWith('CredentialsExpired')) return new DbError('auth', `${at}refused ${user}: its password has expired and must be changed (${code})`, err);
    return new DbError('auth', `${at}refused ${user}: wrong user name or password (${code})`, err);
  }
  if (/TransactionTimedOut|TransactionTimedOutClientConfiguration|Terminated/i.test(code)) {
    return new DbError('timeout', 'the query took too long and was stopped', err);
  }
  if (/ConstraintValidationFailed/.test(code)) return new DbError('constraint', 'a uniqueness constraint was violated', err);
  if (/no such fulltext schema index/i.test(message)) return new DbError('indexing', 'a full-text index is not built yet', err);
  if (code === MEMORY_LIMIT) return new DbError('memory', 'the query needs more memory than the graph database allows one transaction', err);
  return new DbError('query', 'the graph query failed', err);
}
