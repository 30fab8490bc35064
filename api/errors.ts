/**
 * The API's one registry of coded errors. Every error a client sees has a
 * code from here and an HTTP status; anything else is masked as
 * QRM_ERR_INTERNAL and logged in full, so no Cypher, driver or Lucene detail
 * and no stack trace reaches a response.
 */
import mercurius from 'mercurius';
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
  QRM_ERR_INTERNAL: { status: 500, message: 'internal error' },
} as const;

export type ErrorCode = keyof typeof ERRORS;

/** An error meant for the client: coded, with a message that is safe to show. */
export class QuorumError extends mercurius.ErrorWithProps {
  constructor(readonly code: ErrorCode, message: string = ERRORS[code].message) {
    super(message, { code }, ERRORS[code].status);
  }
}

/** Bad input from the client, naming the argument and the reason. */
export const badInput = (argument: string, reason: string): QuorumError =>
  new QuorumError('QRM_ERR_BAD_INPUT', `argument "${argument}": ${reason}`);

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
