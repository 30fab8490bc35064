/**
 * Builds the API: a fastify app with the GraphQL endpoint (mercurius) at
 * /graphql, GraphiQL at /graphiql, and /health and /ready. server.ts only
 * listens; tests call buildApp and inject requests.
 */
import { readFileSync } from 'node:fs';
import Fastify, { type FastifyInstance } from 'fastify';
import { GraphQLError } from 'graphql';
import mercurius from 'mercurius';
import type { Db } from '../db/driver.js';
import { projectFile } from '../schema/paths.js';
import { ERRORS, QuorumError, toClientError } from './errors.js';
import { loaders, type Context } from './loaders.js';
import { loadQueries } from './queries.js';
import { resolvers } from './resolvers.js';

export interface AppOptions {
  db: Db;
  /** Serve GraphiQL at /graphiql (default true; switch off in production). */
  graphiql?: boolean;
  /** Answer introspection queries (default true). */
  introspection?: boolean;
  /** fastify's logger option (default: warnings and errors). */
  logger?: boolean | { level: string };
}

/** The served SDL: the dashboard contract and Quorum's additions. */
export function schemaText(): string {
  return ['dashboard.graphql', 'quorum.graphql'].map((f) => readFileSync(projectFile('schema', f), 'utf8')).join('\n');
}

/** Builds the app; call `ready()` or `listen()` on it. */
export async function buildApp(o: AppOptions): Promise<FastifyInstance> {
  const app = Fastify({ logger: o.logger ?? { level: 'warn' }, bodyLimit: 100 * 1024 });
  const q = loadQueries();
  const context: Context = { db: o.db, q };

  await app.register(mercurius, {
    schema: schemaText(),
    resolvers: resolvers as never,
    loaders: loaders as never,
    context: () => context,
    graphiql: o.graphiql ?? true,
    path: '/graphql',
    errorFormatter: (execution, ctx) => {
      let status = 200;
      const errors = (execution.errors ?? []).flatMap((error: GraphQLError): GraphQLError[] => {
        const original = error.originalError as (Error & { errors?: GraphQLError[]; statusCode?: number }) | undefined;
        // Validation errors arrive wrapped (MER_ERR_GQL_VALIDATION): they are GraphQL's own, safe to show.
        if (original && Array.isArray(original.errors)) {
          status = Math.max(status, original.statusCode ?? 400);
          return original.errors.map((e) => (e instanceof GraphQLError ? e : new GraphQLError(String((e as Error).message))));
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

  if (o.introspection === false) {
    app.graphql.addHook('preValidation', async (_schema, document) => {
      const asks = document.definitions.some((d) =>
        d.kind === 'OperationDefinition' && d.selectionSet.selections.some((s) => s.kind === 'Field' && s.name.value.startsWith('__schema')));
      if (asks) throw new QuorumError('QRM_ERR_BAD_INPUT', 'introspection is switched off on this server');
    });
  }

  app.get('/', async (_req, reply) => reply.redirect(o.graphiql === false ? '/health' : '/graphiql'));
  app.get('/health', async () => {
    const neo4j = await o.db.ping().then(() => 'up', () => 'down');
    return { status: 'ok', neo4j };
  });
  app.get('/ready', async (_req, reply) => {
    try {
      await o.db.ping();
      const [row] = await o.db.read("SHOW CONSTRAINTS YIELD name WHERE name = 'meeting_id' RETURN count(*) AS n");
      if (!row || row.n !== 1) return reply.code(503).send({ ready: false, reason: 'the graph schema is not applied yet' });
      return { ready: true };
    } catch {
      return reply.code(503).send({ ready: false, reason: 'the graph database is not reachable' });
    }
  });
  return app;
}
