/**
 * The API's one registry of coded errors. Every error a client sees has a
 * code from here and an HTTP status; anything else is masked as
 * QRM_ERR_INTERNAL and logged in full, so no Cypher, driver or Lucene detail
 * and no stack trace reaches a response.
 */
import { GraphQLError, type ExecutionResult, type FormattedExecutionResult } from 'graphql';
import mercurius, { type MercuriusContext } from 'mercurius';
import { DbError } from '../db/driver.js';

export const ERRORS = {
  QRM_ERR_BAD_INPUT: { status: 400, message: 'the request is not valid' },
  QRM_ERR_TOO_COMPLEX: { status: 400, message: 'the query asks for too much at once' },
  QRM_ERR_INTROSPECTION_OFF: { status: 400, message: 'introspection is switched off on this server' },
  QRM_ERR_TOO_LARGE: { status: 413, message: 'the request body is too large' },
  QRM_ERR_RATE_LIMITED: { status: 429, message: 'too many requests; slow down and try again shortly' },
  QRM_ERR_BUSY: { status: 503, message: 'the server is busy; try again shortly' },
  QRM_ERR_DB_UNAVAILABLE: { status: 503, message: 'the graph database is not reachable; try again shortly' },
  QRM_ERR_DB_REFUSED: { status: 503, message: "the graph database refuses this server's login; its operator must fix the credentials (see /ready)" },
  QRM_ERR_TIMEOUT: { status: 504, message: 'the query took too long and was stopped' },
  QRM_ERR_DB_MEMORY: {
    status: 503,
    message:
      'the question needs more memory than the graph database allows one query; narrow it (a collection, a date range) or raise dbms.memory.transaction.total.max',
  },
  QRM_ERR_INDEXING: { status: 503, message: 'the text search is being built while the notes are indexed for the first time; try again when the ingest ends' },
  QRM_ERR_INTERNAL: { status: 500, message: 'internal error' },
} as const;

export type ErrorCode = keyof typeof ERRORS;

/** An error meant for the client: coded, with a message that is safe to show. */
export class QuorumError extends mercurius.ErrorWithProps {
  constructor(
    readonly code: ErrorCode,
    message: string = ERRORS[code].message,
  ) {
    super(message, { code }, ERRORS[code].status);
  }
}

/** Bad input from the client, naming the argument and the reason. */
export const badInput = (argument: string, reason: string): QuorumError => new QuorumError('QRM_ERR_BAD_INPUT', `argument "${argument}": ${reason}`);

/**
 * Maps any thrown value to what a client may see. fastify's and mercurius's
 * own refusals of a request (status 4xx: bad JSON, wrong method, body too
 * large) keep their message, which speaks only of the request.
 */
export function toClientError(err: unknown): QuorumError {
  if (err instanceof QuorumError) return err;
  if (err instanceof DbError) {
    if (err.kind === 'unavailable') return new QuorumError('QRM_ERR_DB_UNAVAILABLE');
    if (err.kind === 'timeout') return new QuorumError('QRM_ERR_TIMEOUT');
    if (err.kind === 'auth') return new QuorumError('QRM_ERR_DB_REFUSED');
    if (err.kind === 'indexing') return new QuorumError('QRM_ERR_INDEXING');
    if (err.kind === 'memory') return new QuorumError('QRM_ERR_DB_MEMORY');
  }
  const { code, statusCode, message } = (err ?? {}) as { code?: unknown; statusCode?: unknown; message?: unknown };
  if (code === 'FST_ERR_HANDLER_TIMEOUT') return new QuorumError('QRM_ERR_TIMEOUT');
  if (typeof code === 'string' && /^(FST|MER)_ERR_/.test(code) && typeof statusCode === 'number' && statusCode >= 400 && statusCode < 500) {
    if (statusCode === 413) return new QuorumError('QRM_ERR_TOO_LARGE');
    if (statusCode === 429) return new QuorumError('QRM_ERR_RATE_LIMITED');
    return new QuorumError('QRM_ERR_BAD_INPUT', typeof message === 'string' && message ? message : undefined);
  }
  return new QuorumError('QRM_ERR_INTERNAL');
}

/**
 * mercurius's error formatter: what a client sees of a request's errors and the
 * HTTP status. GraphQL's own validation errors keep their message with a code;
 * a QuorumError is shown as it is; anything else is mapped by toClientError,
 * logged in full (QRM_ERR_INTERNAL as an error), and shown by its code only.
 * Partial data is still 200 unless the database is down (a dashboard should retry then).
 */
export function formatErrors(execution: ExecutionResult, ctx: MercuriusContext): { statusCode: number; response: FormattedExecutionResult } {
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
  const statusCode = status === 503 || !execution.data ? status : 200;
  return { statusCode, response: { data: execution.data ?? null, errors: errors.map((e) => e.toJSON()) } };
}

/**
 * A validation or syntax error as the client sees it: GraphQL's own message,
 * with a code (QRM_ERR_BAD_INPUT unless a limit set another).
 * Note: read by shape, not `instanceof`: mercurius may load another copy of graphql.
 */
function coded(e: unknown): GraphQLError {
  const error = e as Error & Partial<Pick<GraphQLError, 'nodes' | 'source' | 'positions' | 'path' | 'extensions'>>;
  const code =
    error.extensions?.code ?? (/^Syntax Error: Document contains more that \d+ tokens/.test(error.message) ? 'QRM_ERR_TOO_COMPLEX' : 'QRM_ERR_BAD_INPUT');
  return new GraphQLError(String(error.message), {
    nodes: error.nodes,
    source: error.source,
    positions: error.positions,
    path: error.path,
    extensions: { ...error.extensions, code },
  });
}
