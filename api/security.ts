/**
 * What the API needs to survive clients it does not trust: a per-client rate
 * limit, refusal of documents that were not parsed from GraphQL text, and
 * the settings an operator switches from the environment.
 */
import rateLimit from '@fastify/rate-limit';
import { errorCodes, type FastifyInstance, type FastifyReply, type FastifyRequest } from 'fastify';
import { Location, type DocumentNode } from 'graphql';
import { QuorumError } from './errors.js';
import { DEFAULT_LIMITS, type QueryLimits } from './limits.js';

/** The hardening settings of buildApp, each with its default. */
export interface Hardening {
  /** Serve GraphiQL at /graphiql (QUORUM_GRAPHIQL; default on; switch off in production). */
  graphiql: boolean;
  /** Serve the dashboard at / (QUORUM_DASHBOARD; default on). */
  dashboard: boolean;
  /** Answer `__schema` and `__type` (QUORUM_INTROSPECTION; default on). */
  introspection: boolean;
  /** Requests per minute from one client address (QUORUM_RATE_LIMIT; 0 = no limit; default 600). */
  rateLimit: number;
  /** A request not answered within this is answered 504 (QUORUM_REQUEST_TIMEOUT_MS; default 15 000). */
  requestTimeoutMs: number;
  /** Largest request body, bytes (QUORUM_BODY_LIMIT; default 100 KiB). */
  bodyLimit: number;
  /** GraphQL requests run at once (QUORUM_MAX_CONCURRENT; default 8; 0 = no limit); more wait in line. */
  maxConcurrent: number;
  /** Requests that may wait in line (QUORUM_MAX_QUEUE; default 256); past it, 503 QRM_ERR_BUSY. */
  maxQueue: number;
  /**
   * Megabytes of whole answers kept for repeated questions (cache.ts); 0 = no cache.
   * QUORUM_CACHE_MB for `quorum serve` (default 64); buildApp caches only when asked.
   */
  cacheMb: number;
  /** How often the cache checks whether the graph changed, ms (QUORUM_CACHE_POLL_MS; default 250). */
  cachePollMs: number;
  limits: QueryLimits;
}

export const DEFAULT_HARDENING: Hardening = {
  graphiql: true,
  dashboard: true,
  introspection: true,
  rateLimit: 600,
  requestTimeoutMs: 15_000,
  bodyLimit: 100 * 1024,
  maxConcurrent: 8,
  maxQueue: 256,
  cacheMb: 0,
  cachePollMs: 250,
  limits: DEFAULT_LIMITS,
};

/** The cache `quorum serve` keeps unless QUORUM_CACHE_MB says otherwise, MB. */
export const SERVED_CACHE_MB = 64;

/**
 * Reads the hardening settings from the environment: QUORUM_GRAPHIQL,
 * QUORUM_DASHBOARD and QUORUM_INTROSPECTION (`false`, `0` or `off` switch them off),
 * QUORUM_RATE_LIMIT, QUORUM_REQUEST_TIMEOUT_MS, QUORUM_BODY_LIMIT,
 * QUORUM_MAX_CONCURRENT, QUORUM_MAX_QUEUE, QUORUM_CACHE_MB, QUORUM_CACHE_POLL_MS,
 * QUORUM_MAX_DEPTH, QUORUM_MAX_ALIASES, QUORUM_MAX_COST, QUORUM_MAX_TOKENS.
 * Throws naming the variable when a number is not a whole number ≥ 0.
 */
export function hardeningFromEnv(env: NodeJS.ProcessEnv): Hardening {
  const off = (v: string | undefined) => v === 'false' || v === '0' || v === 'off';
  const int = (name: string, fallback: number, min = 1) => envInt(env, name, fallback, min);
  const d = DEFAULT_HARDENING;
  return {
    graphiql: !off(env.QUORUM_GRAPHIQL),
    dashboard: !off(env.QUORUM_DASHBOARD),
    introspection: !off(env.QUORUM_INTROSPECTION),
    rateLimit: int('QUORUM_RATE_LIMIT', d.rateLimit, 0),
    requestTimeoutMs: int('QUORUM_REQUEST_TIMEOUT_MS', d.requestTimeoutMs),
    bodyLimit: int('QUORUM_BODY_LIMIT', d.bodyLimit),
    maxConcurrent: int('QUORUM_MAX_CONCURRENT', d.maxConcurrent, 0),
    maxQueue: int('QUORUM_MAX_QUEUE', d.maxQueue, 0),
    cacheMb: int('QUORUM_CACHE_MB', SERVED_CACHE_MB, 0),
    cachePollMs: int('QUORUM_CACHE_POLL_MS', d.cachePollMs, 10),
    limits: {
      maxDepth: int('QUORUM_MAX_DEPTH', d.limits.maxDepth),
      maxAliases: int('QUORUM_MAX_ALIASES', d.limits.maxAliases, 0),
      maxCost: int('QUORUM_MAX_COST', d.limits.maxCost),
      maxTokens: int('QUORUM_MAX_TOKENS', d.limits.maxTokens),
      listEstimate: d.limits.listEstimate,
    },
  };
}

/**
 * The options of the API's own driver: Neo4j transactions of at most
 * QUORUM_QUERY_TIMEOUT_MS (default 10 000), retried for 1 s at most, so that
 * a request fails fast (503) while Neo4j is away.
 */
export function apiDbOptions(env: NodeJS.ProcessEnv): { app: string; timeoutMs: number; maxRetryMs: number } {
  return { app: 'quorum-api', timeoutMs: envInt(env, 'QUORUM_QUERY_TIMEOUT_MS', 10_000), maxRetryMs: 1_000 };
}

function envInt(env: NodeJS.ProcessEnv, name: string, fallback: number, min = 1): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < min) throw new Error(`${name} must be a whole number ≥ ${min}, not "${raw}"`);
  return n;
}

/** Limits each client address to `perMinute` requests a minute; over it, 429 QRM_ERR_RATE_LIMITED. */
export async function registerRateLimit(app: FastifyInstance, perMinute: number): Promise<void> {
  if (perMinute <= 0) return;
  await app.register(rateLimit, {
    max: perMinute,
    timeWindow: 60_000,
    errorResponseBuilder: (_req, ctx) =>
      new QuorumError('QRM_ERR_RATE_LIMITED', `too many requests: the limit is ${ctx.max} a minute from one address; retry in ${ctx.after}`),
  });
}

declare module 'fastify' {
  interface FastifyRequest {
    /** The request's timeout (timeOutRequests), until its reply is sent. */
    answerBy: NodeJS.Timeout | null;
  }
}

/**
 * Answers a request not answered within `ms` with 504 QRM_ERR_TIMEOUT, as
 * fastify's `handlerTimeout` does (the same error, so errors.ts maps it alike).
 * Note: fastify's gives every request an AbortController and aborts it when
 * the request closes, which makes a DOMException each time: about 22 µs of a
 * cheap request's 0.96 ms in the API's CPU profile. Nothing here listens for
 * the abort, so one timer per request does, cleared once its reply is sent.
 */
export function timeOutRequests(app: FastifyInstance, ms: number): void {
  if (ms <= 0) return;
  const expire = (request: FastifyRequest, reply: FastifyReply) => {
    request.answerBy = null;
    if (reply.sent || reply.raw.headersSent || reply.raw.destroyed) return;
    void reply.send(new errorCodes.FST_ERR_HANDLER_TIMEOUT(ms, request.routeOptions.url));
  };
  app.decorateRequest('answerBy', null);
  app.addHook('onRequest', (request, reply, done) => {
    // Unref'd: a request its client left unanswered does not keep a closing process alive.
    request.answerBy = setTimeout(expire, ms, request, reply).unref();
    done();
  });
  app.addHook('onSend', (request, _reply, payload, done) => {
    if (request.answerBy) clearTimeout(request.answerBy);
    request.answerBy = null;
    done(null, payload);
  });
}

/**
 * Lets at most `max` GraphQL requests run at once; the others wait in line,
 * and past `queue` waiting a request is refused at once with 503
 * QRM_ERR_BUSY. Note: under overload, requests then wait their turn (within
 * the request timeout) instead of all running at once and all running into
 * Neo4j's transaction timeout.
 */
export function limitConcurrency(app: FastifyInstance, max: number, queue: number): void {
  if (max <= 0) return;
  let running = 0;
  const waiting: (() => void)[] = [];
  /** Hands the slot to the next in line, or frees it. */
  const release = () => {
    const next = waiting.shift();
    if (next) next();
    else running -= 1;
  };
  app.addHook('preHandler', async (request, reply) => {
    if (request.routeOptions.url !== '/graphql') return;
    if (running < max) running += 1;
    else {
      if (waiting.length >= queue) throw new QuorumError('QRM_ERR_BUSY');
      const gone = await new Promise<boolean>((resolve) => {
        const turn = () => resolve(false);
        waiting.push(turn);
        // Answered while in line (the request timeout): leave the line.
        reply.raw.once('close', () => {
          const i = waiting.indexOf(turn);
          if (i >= 0) {
            waiting.splice(i, 1);
            resolve(true);
          }
        });
      });
      if (gone) return reply;
    }
    reply.raw.once('close', release);
  });
}

/**
 * Refuses a document that graphql's parser did not make. Note: when the
 * query text does not parse, mercurius tries it as a JSON syntax tree, which
 * would skip the token limit and hand the validator trees it never expects.
 */
export function assertParsed(document: DocumentNode): void {
  // By the class's name: under vitest, graphql is loaded twice (ESM here, CommonJS in mercurius).
  const made = document.loc && Object.getPrototypeOf(document.loc)?.constructor?.name === Location.name;
  if (!made) throw new QuorumError('QRM_ERR_BAD_INPUT', 'the query must be GraphQL text');
}
