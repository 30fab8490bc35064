/**
 * Builds the API: a fastify app with the GraphQL endpoint (mercurius) at
 * /graphql, GraphiQL at /graphiql, and /health and /ready. server.ts only
 * listens; tests call buildApp and inject requests. Hardening (limits.ts,
 * security.ts) is on by default: body, depth, alias, cost and token limits,
 * a rate limit, a per-request timeout, a line for requests past a number
 * running at once, no batching. Repeated questions can be answered from a
 * cache that follows the graph's state (cache.ts; off unless `cacheMb`).
 */
import { readFileSync } from 'node:fs';
import Fastify, { type FastifyInstance } from 'fastify';
import { GraphQLError } from 'graphql';
import mercurius from 'mercurius';
import { DbError, type Db } from '../db/driver.js';
import { projectFile } from '../schema/paths.js';
import { registerResponseCache } from './cache.js';
import { ERRORS, QuorumError, toClientError } from './errors.js';
import { checkCost, depthAndAliasRule, noIntrospectionRule } from './limits.js';
import { loaders, type Context } from './loaders.js';
import { loadQueries } from './queries.js';
import { ReadBatch } from './read-batch.js';
import { resolvers } from './resolvers.js';
import { assertParsed, DEFAULT_HARDENING, limitConcurrency, registerRateLimit, type Hardening } from './security.js';

export interface AppOptions extends Partial<Hardening> {
  db: Db;
  /** fastify's logger option (default: warnings and errors); a stream receives the JSON log lines. */
  logger?: boolean | { level: string; stream?: { write(line: string): void } };
}

/** The served SDL: the dashboard contract and Quorum's additions. */
export function schemaText(): string {
  return ['dashboard.graphql', 'quorum.graphql'].map((f) => readFileSync(projectFile('schema', f), 'utf8')).join('\n');
}

/** Builds the app; call `ready()` or `listen()` on it. */
export async function buildApp(o: AppOptions): Promise<FastifyInstance> {
  const h: Hardening = { ...DEFAULT_HARDENING, ...o, limits: { ...DEFAULT_HARDENING.limits, ...o.limits } };
  const app = Fastify({
    logger: o.logger ?? { level: 'warn' },
    bodyLimit: h.bodyLimit,
    handlerTimeout: h.requestTimeoutMs,
    // A client gets 30 s to send its request (slow-loris).
    requestTimeout: 30_000,
    return503OnClosing: true,
  });
  const q = loadQueries();
  await registerRateLimit(app, h.rateLimit);
  registerResponseCache(app, o.db, { maxBytes: h.cacheMb * 2 ** 20, pollMs: h.cachePollMs });
  limitConcurrency(app, h.maxConcurrent, h.maxQueue);

  await app.register(mercurius, {
    schema: schemaText(),
    resolvers: resolvers as never,
    loaders: loaders as never,
    // A new object per request: mercurius writes the request's reply into it.
    context: (): Context => ({ db: new ReadBatch(o.db), q }),
    graphiql: h.graphiql,
    path: '/graphql',
    allowBatchedQueries: false,
    graphql: { parseOptions: { maxTokens: h.limits.maxTokens } },
    validationRules: [depthAndAliasRule(h.limits), ...(h.introspection ? [] : [noIntrospectionRule])],
    errorFormatter: (execution, ctx) => {
      let status = 200;
      const errors = (execution.errors ?? []).flatMap((error: GraphQLError): GraphQLError[] => {
        const original = error.originalError as (Error & { errors?: GraphQLError[]; statusCode?: number }) | undefined;
        // Validation errors arrive wrapped (MER_ERR_GQL_VALIDATION): they are GraphQL's own, safe to show.
        if (original && Array.isArray(original.errors)) {
          status = Math.max(status, original.statusCode ?? 400);
          return original.errors.map(coded);
        }
        if (!original || original instanceof QuorumError) {
          if (original instanceof QuorumError) status = Math.max(status, original.statusCode ?? 200);
          return [error];
        }
        const client = toClientError(original);
        if (client.code === 'QRM_ERR_INTERNAL') ctx.reply.log.error({ err: original, path: error.path }, 'resolver failed');
        else ctx.reply.log.warn({ err: original, path: error.path }, client.message);
        status = Math.max(status, ERRORS[client.code].status);
        return [new GraphQLError(client.message, { path: error.path, extensions: { code: client.code } })];
      });
      // Partial data is still 200 unless the database is down (a dashboard should retry then).
      const statusCode = status === 503 || !execution.data ? status : 200;
      return { statusCode, response: { data: execution.data ?? null, errors: errors.map((e) => e.toJSON()) } };
    },
  });

  app.graphql.addHook('preValidation', async (_schema, document) => assertParsed(document));
  app.graphql.addHook('preExecution', async (schema, document, _ctx, variables) => checkCost(schema, document, variables, h.limits));

  app.get('/', async (_req, reply) => reply.redirect(h.graphiql ? '/graphiql' : '/health'));
  // Note: a refused login is said with the URI and user (never the password), for the operator:
  // the API makes no more attempts with it (db/access.ts) until it is restarted with the right one.
  app.get('/health', async () => {
    try {
      await o.db.ping();
      return { status: 'ok', neo4j: 'up' };
    } catch (err) {
      return err instanceof DbError && err.kind === 'auth' ? { status: 'ok', neo4j: 'refused', reason: err.message } : { status: 'ok', neo4j: 'down' };
    }
  });
  app.get('/ready', async (_req, reply) => {
    try {
      await o.db.ping();
      const [row] = await o.db.read("SHOW CONSTRAINTS YIELD name WHERE name = 'meeting_id' RETURN count(*) AS n");
      if (!row || row.n !== 1) return reply.code(503).send({ ready: false, reason: 'the graph schema is not applied yet' });
      return { ready: true };
    } catch (err) {
      const reason = err instanceof DbError && err.kind === 'auth' ? err.message : 'the graph database is not reachable';
      return reply.code(503).send({ ready: false, reason });
    }
  });
  return app;
}

/**
 * A validation or syntax error as the client sees it: GraphQL's own message,
 * with a code (QRM_ERR_BAD_INPUT unless a limit set another).
 * Note: read by shape, not `instanceof`: mercurius may load another copy of graphql.
 */
function coded(e: unknown): GraphQLError {
  const error = e as Error & Partial<Pick<GraphQLError, 'nodes' | 'source' | 'positions' | 'path' | 'extensions'>>;
  const code = error.extensions?.code ?? (/^Syntax Error: Document contains more that \d+ tokens/.test(error.message) ? 'QRM_ERR_TOO_COMPLEX' : 'QRM_ERR_BAD_INPUT');
  return new GraphQLError(String(error.message), { nodes: error.nodes, source: error.source, positions: error.positions, path: error.path, extensions: { ...error.extensions, code } });
}
