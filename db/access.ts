/**
 * When a Db may open connections to Neo4j, so that a wrong password costs
 * Neo4j one failed login, not a stream of them.
 *
 * Neo4j counts failed logins per user; past `dbms.security.auth_max_failed_attempts`
 * (3) it answers every login of that user, right password or not, with
 * AuthenticationRateLimit for `auth_lock_time` (5 s) after the last failure. A
 * server that retries on its own (requests, health checks, the answer
 * cache's poll) against a Neo4j whose password changed would keep the user
 * locked for everyone. So:
 *
 * - A refused login is final for this Db: every later call fails at once,
 *   with the same error, without touching the network. A password is not
 *   transient; the remedy is to restart with the right one.
 * - A login refused because of the rate limit (someone's failed logins) is
 *   not the Db's fault and lifts: calls fail at once for `lockMs`, longer than
 *   Neo4j's lock, then one call tries again.
 * - Until a call succeeded, after the server was away (a lost connection),
 *   and after `trustMs` without an answer, one call checks the login (a ping)
 *   while the others wait for its outcome, rather than each opening a
 *   connection, and logging in, at the same moment. A server replaced while
 *   Quorum was idle is met the same way.
 */
import type { DbError } from './driver.js';

/** How long calls are refused after Neo4j's rate limit answered, ms: more than Neo4j's 5 s lock. */
export const RATE_LIMIT_PAUSE_MS = 10_000;
/** How long after an answer calls go straight to the driver, ms; after that, one call checks first. */
export const TRUST_MS = 1_000;

export class Access {
  private refused: DbError | null = null;
  private pausedUntil = 0;
  private paused: DbError | null = null;
  private trustedAt = 0;
  private checking: Promise<void> | null = null;

  /**
   * @param ping checks the login on one connection (the driver's getServerInfo)
   * @param translate turns a driver error into a DbError naming the URI and user
   */
  constructor(
    private readonly ping: () => Promise<void>,
    private readonly translate: (err: unknown) => DbError,
    private readonly o: { lockMs?: number; trustMs?: number; now?: () => number } = {},
  ) {}

  private now(): number {
    return this.o.now?.() ?? Date.now();
  }

  /** Why no call may be made now, or null. */
  refusal(): DbError | null {
    if (this.refused) return this.refused;
    return this.now() < this.pausedUntil ? this.paused : null;
  }

  /** Resolves when a call may go to the driver; throws the refusal, or what the check met. */
  async admit(): Promise<void> {
    const no = this.refusal();
    if (no) throw no;
    if (this.now() - this.trustedAt < (this.o.trustMs ?? TRUST_MS)) return;
    await this.check();
  }

  /** Checks the login now: one check at a time, shared by every caller that asks meanwhile. */
  check(): Promise<void> {
    const no = this.refusal();
    if (no) return Promise.reject(no);
    this.checking ??= this.ping()
      .then(
        () => this.answered(),
        (err: unknown) => {
          throw this.failed(err);
        },
      )
      .finally(() => {
        this.checking = null;
      });
    return this.checking;
  }

  /** A call was answered: the login is good. */
  answered(): void {
    this.trustedAt = this.now();
  }

  /** A call failed: what it means for later calls; returns the DbError to throw. */
  failed(err: unknown): DbError {
    const e = this.translate(err);
    if (e.kind === 'auth') {
      this.trustedAt = 0;
      if (e.rateLimited) {
        this.paused = e;
        this.pausedUntil = this.now() + (this.o.lockMs ?? RATE_LIMIT_PAUSE_MS);
      } else {
        this.refused ??= e;
        return this.refused;
      }
    } else if (e.kind === 'unavailable') {
      // The server may come back as another one: check the login before trusting it again.
      this.trustedAt = 0;
    } else if (e.kind === 'query' || e.kind === 'constraint' || e.kind === 'indexing' || e.kind === 'memory') {
      // The server answered: the login was accepted.
      this.trustedAt = this.now();
    }
    return e;
  }
}
