/**
 * What the API needs to survive clients it does not trust: a per-client rate
 * limit, refusal of documents that were not parsed from GraphQL text, and
 * the settings an operator switches from the environment.
 */
import rateLimit from '@fastify/rate-limit';
import type { FastifyInstance } from 'fastify';
import { Location, type DocumentNode } from 'graphql';
import { QuorumError } from './errors.js';
import { DEFAULT_LIMITS, type QueryLimits } from './limits.js';

/** The hardening settings of buildApp, each with its default. */
export interface Hardening {
  /** Serve GraphiQL at /graphiql (QUORUM_GRAPHIQL; default on; switch off in production). */
  graphiql: boolean;
  /** Answer `__schema` and `__type` (QUORUM_INTROSPECTION; default on). */
  introspection: boolean;
  /** Requests per minute from one client address (QUORUM_RATE_LIMIT; 0 = no limit; default 600). */
  rateLimit: number;
  /** A request not answered within this is answered 504 (QUORUM_REQUEST_TIMEOUT_MS; default 15 000). */
  requestTimeoutMs: number;
  /** Largest request body, bytes (QUORUM_BODY_LIMIT; default 100 KiB). */
  bodyLimit: number;
  limits: QueryLimits;
}

export const DEFAULT_HARDENING: Hardening = {
  graphiql: true,
  introspection: true,
  rateLimit: 600,
  requestTimeoutMs: 15_000,
  bodyLimit: 100 * 1024,
  limits: DEFAULT_LIMITS,
};

/**
 * Reads the hardening settings from the environment: QUORUM_GRAPHIQL and
 * QUORUM_INTROSPECTION (`false`, `0` or `off` switch them off),
 * QUORUM_RATE_LIMIT, QUORUM_REQUEST_TIMEOUT_MS, QUORUM_BODY_LIMIT,
 * QUORUM_MAX_DEPTH, QUORUM_MAX_ALIASES, QUORUM_MAX_COST, QUORUM_MAX_TOKENS.
 * Throws naming the variable when a number is not a whole number ≥ 0.
 */
export function hardeningFromEnv(env: NodeJS.ProcessEnv): Hardening {
  const off = (v: string | undefined) => v === 'false' || v === '0' || v === 'off';
  const int = (name: string, fallback: number, min = 1): number => {
    const raw = env[name];
    if (raw === undefined || raw === '') return fallback;
    const n = Number(raw);
    if (!Number.isInteger(n) || n < min) throw new Error(`${name} must be a whole number ≥ ${min}, not "${raw}"`);
    return n;
  };
  const d = DEFAULT_HARDENING;
  return {
    graphiql: !off(env.QUORUM_GRAPHIQL),
    introspection: !off(env.QUORUM_INTROSPECTION),
    rateLimit: int('QUORUM_RATE_LIMIT', d.rateLimit, 0),
    requestTimeoutMs: int('QUORUM_REQUEST_TIMEOUT_MS', d.requestTimeoutMs),
    bodyLimit: int('QUORUM_BODY_LIMIT', d.bodyLimit),
    limits: {
      maxDepth: int('QUORUM_MAX_DEPTH', d.limits.maxDepth),
      maxAliases: int('QUORUM_MAX_ALIASES', d.limits.maxAliases, 0),
      maxCost: int('QUORUM_MAX_COST', d.limits.maxCost),
      maxTokens: int('QUORUM_MAX_TOKENS', d.limits.maxTokens),
      listEstimate: d.limits.listEstimate,
    },
  };
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
