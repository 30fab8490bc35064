/**
 * Builds the API: a fastify app with the GraphQL endpoint (mercurius) at
 * /graphql, the dashboard at / and GraphiQL at /graphiql (pages.ts), and
 * /health and /ready. cli/main.ts (quorum serve)
 * listens; tests call buildApp and inject requests. Errors are coded and
 * formatted in errors.ts. Hardening (limits.ts,
 * security.ts) is on by default: body, depth, alias, cost and token limits,
 * a rate limit, a per-request timeout, a line for requests past a number
 * running at once, no batching. Repeated questions can be answered from a
 * cache that follows the graph's state (cache.ts; off unless `cacheMb`).
 */
import { readFileSync } from 'node:fs';
import Fastify, { type FastifyInstance } from 'fastify';
import mercurius from 'mercurius';
import { DbError, type Db } from '../db/driver.js';
import { projectFile } from '../schema/paths.js';
import { registerResponseCache } from './cache.js';
import { formatErrors } from './errors.js';
import { checkCost, depthAndAliasRule, noIntrospectionRule } from './limits.js';
import { loaders, type Context } from './loaders.js';
import { registerPages } from './pages.js';
import { loadQueries } from './queries.js';
import { ReadBatch } from './read-batch.js';
import { resolvers } from './resolvers.js';
import { assertParsed, DEFAULT_HARDENING, limitConcurrency, registerRateLimit, timeOutRequests, type Hardening } from './security.js';

export interface AppOptions extends Partial<Hardening> {
  db: Db;
  /** fastify's logger option (default: warnings and errors); a stream receives the JSON log lines. */
  logger?: boolean | { level: string; stream?: { write(line: string): void } };
}

/** The served SDL: the dashboard contract and Quorum's additions. */
export function schemaText(): string {
  return ['dashboard.graphql', 'quorum.graphql'].map((f) => readFileSync(projectFile('schema', f), 'utf8')).join('\n');
}

/** The root and computed fields' resolvers with the nested fields' (loaders.ts), type by type. */
function withNested(base: Record<string, object>, nested: Record<string, object>): Record<string, object> {
  const out: Record<string, object> = { ...base };
  for (const [type, fields] of Object.entries(nested)) out[type] = { ...out[type], ...fields };
  return out;
}

/** Builds the app; call `ready()` or `listen()` on it. */
export async function buildApp(options: AppOptions): Promise<FastifyInstance> {
  const h: Hardening = { ...DEFAULT_HARDENING, ...options, limits: { ...DEFAULT_HARDENING.limits, ...options.limits } };
  const app = Fastify({
    logger: options.logger ?? { level: 'warn' },
    bodyLimit: h.bodyLimit,
    // A client gets 30 s to send its request (slow-loris).
    requestTimeout: 30_000,
    return503OnClosing: true,
  });
  const q = loadQueries();
  timeOutRequests(app, h.requestTimeoutMs);
  await registerRateLimit(app, h.rateLimit);
  registerResponseCache(app, options.db, { maxBytes: h.cacheMb * 2 ** 20, pollMs: h.cachePollMs });
  limitConcurrency(app, h.maxConcurrent, h.maxQueue);

  await app.register(mercurius, {
    schema: schemaText(),
    resolvers: withNested(resolvers, loaders) as never,
    // A new object per request: mercurius writes the request's reply into it.
    context: (): Context => ({ db: new ReadBatch(options.db), q }),
    // GraphiQL is served from local assets by pages.ts; mercurius's own loads it from a CDN.
    graphiql: false,
    path: '/graphql',
    allowBatchedQueries: false,
    // Note: a query text asked again runs compiled (graphql-jit) from its second time: about a fifth less CPU
    // for a 50-meeting answer with attendees, the same bytes.
    jit: 1,
    graphql: { parseOptions: { maxTokens: h.limits.maxTokens } },
    validationRules: [depthAndAliasRule(h.limits), ...(h.introspection ? [] : [noIntrospectionRule])],
    errorFormatter: formatErrors,
  });

  app.graphql.addHook('preValidation', async (_schema, document) => assertParsed(document));
  app.graphql.addHook('preExecution', async (schema, document, _ctx, variables) => checkCost(schema, document, variables, h.limits));

  registerPages(app, { dashboard: h.dashboard, graphiql: h.graphiql });
  // Note: a refused login is said with the URI and user (never the password), for the operator:
  // the API makes no more attempts with it (db/access.ts) until it is restarted with the right one.
  app.get('/health', async () => {
    try {
      await options.db.ping();
      return { status: 'ok', neo4j: 'up' };
    } catch (err) {
      return err instanceof DbError && err.kind === 'auth' ? { status: 'ok', neo4j: 'refused', reason: err.message } : { status: 'ok', neo4j: 'down' };
    }
  });
  app.get('/ready', async (_req, reply) => {
    try {
      await options.db.ping();
      const [row] = await options.db.read("SHOW CONSTRAINTS YIELD name WHERE name = 'meeting_id' RETURN count(*) AS n");
      if (!row || row.n !== 1) return reply.code(503).send({ ready: false, reason: 'the graph schema is not applied yet' });
      return { ready: true };
    } catch (err) {
      const reason = err instanceof DbError && err.kind === 'auth' ? err.message : 'the graph database is not reachable';
      return reply.code(503).send({ ready: false, reason });
    }
  });
  return app;
}
