/**
 * The API's error registry is a contract with clients: dashboards branch on
 * these codes. A code added, removed or given another status fails here, so
 * the change is made on purpose (and the README's list follows it).
 */
import { readFileSync } from 'node:fs';
import { GraphQLError } from 'graphql';
import { describe, expect, test } from 'vitest';
import { DbError } from '../db/driver.js';
import { ERRORS, formatErrors, QuorumError, toClientError } from '../api/errors.js';
import { projectFile } from '../schema/paths.js';

const log = { errors: [] as string[], warnings: [] as string[] };
const ctx = { reply: { log: { error: (_o: object, m: string) => log.errors.push(m), warn: (_o: object, m: string) => log.warnings.push(m) } } } as never;

describe('the error registry', () => {
  test('holds exactly these codes, with these statuses', () => {
    expect(Object.fromEntries(Object.entries(ERRORS).map(([code, e]) => [code, e.status]))).toEqual({
      QRM_ERR_BAD_INPUT: 400,
      QRM_ERR_TOO_COMPLEX: 400,
      QRM_ERR_INTROSPECTION_OFF: 400,
      QRM_ERR_TOO_LARGE: 413,
      QRM_ERR_RATE_LIMITED: 429,
      QRM_ERR_BUSY: 503,
      QRM_ERR_DB_UNAVAILABLE: 503,
      QRM_ERR_DB_REFUSED: 503,
      QRM_ERR_TIMEOUT: 504,
      QRM_ERR_DB_MEMORY: 503,
      QRM_ERR_INDEXING: 503,
      QRM_ERR_INTERNAL: 500,
    });
  });

  test('every code is named in the README', () => {
    const readme = readFileSync(projectFile('README.md'), 'utf8');
    expect(Object.keys(ERRORS).filter((code) => !readme.includes(code))).toEqual([]);
  });

  test('database and unknown errors are mapped, never shown', () => {
    expect(toClientError(new DbError('unavailable', 'x', new Error('bolt://secret'))).code).toBe('QRM_ERR_DB_UNAVAILABLE');
    expect(toClientError(new DbError('indexing', 'x')).code).toBe('QRM_ERR_INDEXING');
    expect(toClientError(new DbError('memory', 'x')).code).toBe('QRM_ERR_DB_MEMORY');
    expect(toClientError(new Error('MATCH (n) RETURN n failed')).message).toBe('internal error');
  });

  test('formatErrors: a resolver failure is masked and logged; the database down is 503', () => {
    const internal = new GraphQLError('x', { originalError: new Error('Cypher detail'), path: ['meeting'] });
    const out = formatErrors({ data: { meeting: null }, errors: [internal] }, ctx);
    expect(out.statusCode).toBe(200);
    expect(out.response.errors).toEqual([{ message: 'internal error', path: ['meeting'], extensions: { code: 'QRM_ERR_INTERNAL' } }]);
    expect(log.errors).toEqual(['resolver failed']);
    const down = new GraphQLError('x', { originalError: new DbError('unavailable', 'x', new Error('refused')) });
    expect(formatErrors({ data: { meeting: null }, errors: [down] }, ctx).statusCode).toBe(503);
    const bad = new GraphQLError('x', { originalError: new QuorumError('QRM_ERR_BAD_INPUT', 'argument "topic": empty') });
    expect(formatErrors({ data: null, errors: [bad] }, ctx)).toMatchObject({ statusCode: 400 });
  });
});
