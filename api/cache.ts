/**
 * A cache of whole GraphQL answers, keyed by the request (query text,
 * operation name, variables) and tied to the state of the graph it was
 * computed from. The graph changes only when something writes to it (an
 * ingest), so a dashboard that asks the same question again gets the stored
 * answer without parsing, validating or touching Neo4j.
 *
 * The state of the graph is Neo4j's own: the bookmark of an empty read
 * transaction names the last committed transaction (db/driver.ts `version`).
 * It is polled every `pollMs`; when it moves, every stored answer is
 * dropped. An answer computed while the graph moved is not stored. So an
 * answer is at most `pollMs` behind a write that committed, and never mixes
 * two states. While Neo4j cannot be reached nothing is stored or served from
 * the cache: requests meet the database (and its 503) as without a cache.
 *
 * Only answers with status 200 and no errors are stored; the least recently
 * used are dropped past `maxBytes`. Rate limiting (onRequest) still applies
 * to answers from the cache; the concurrency line does not (they cost no
 * database work).
 */
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { Db } from '../db/driver.js';

export interface CacheOptions {
  /** Bytes of answers kept at most; 0 switches the cache off. */
  maxBytes: number;
  /** How often the graph's state is checked, ms. */
  pollMs: number;
}

/** What the cache did with a request, for tests and the bench: the `x-quorum-cache` header. */
export type CacheOutcome = 'hit' | 'miss';

declare module 'fastify' {
  interface FastifyRequest {
    quorumCache?: { key: string; version: string };
  }
}

/** The key of a GraphQL request, or null when it is not one the cache can answer. */
function keyOf(request: FastifyRequest): string | null {
  const source = (request.method === 'GET' ? request.query : request.body) as Record<string, unknown> | null | undefined;
  if (!source || typeof source !== 'object' || typeof source.query !== 'string') return null;
  let variables = source.variables ?? null;
  if (typeof variables === 'string') {
    // GET carries variables as JSON text; the same variables sent either way share an entry.
    try {
      variables = JSON.parse(variables);
    } catch {
      return null;
    }
  }
  return JSON.stringify([source.query, source.operationName ?? null, variables]);
}

/** Registers the cache's hooks on the app (before the concurrency line, so answers from the cache skip it). */
export function registerResponseCache(app: FastifyInstance, db: Db, options: CacheOptions): void {
  if (options.maxBytes <= 0) return;
  const entries = new Map<string, string>();
  let bytes = 0;
  let version: string | null = null;
  let polling: Promise<void> | null = null;
  let timer: NodeJS.Timeout | undefined;

  const clear = () => {
    entries.clear();
    bytes = 0;
  };
  const poll = () => {
    polling ??= db
      .version()
      .then(
        (v) => {
          if (v !== version) clear();
          version = v;
        },
        () => {
          clear();
          version = null;
        },
      )
      .finally(() => {
        polling = null;
      });
    return polling;
  };
  const store = (key: string, body: string) => {
    const size = Buffer.byteLength(body);
    // One answer may take at most an eighth of the cache.
    if (size > options.maxBytes / 8) return;
    const old = entries.get(key);
    if (old !== undefined) bytes -= Buffer.byteLength(old);
    entries.delete(key);
    entries.set(key, body);
    bytes += size;
    for (const [k, v] of entries) {
      if (bytes <= options.maxBytes) break;
      entries.delete(k);
      bytes -= Buffer.byteLength(v);
    }
  };

  app.addHook('onReady', async () => {
    await poll();
    timer = setInterval(() => void poll(), options.pollMs);
    timer.unref();
  });
  app.addHook('onClose', async () => {
    clearInterval(timer);
    await polling;
    clear();
  });

  app.addHook('preHandler', async (request, reply) => {
    if (request.routeOptions.url !== '/graphql' || version === null) return;
    const key = keyOf(request);
    if (key === null) return;
    const body = entries.get(key);
    if (body !== undefined) {
      // Most recently used last.
      entries.delete(key);
      entries.set(key, body);
      reply.header('x-quorum-cache', 'hit' satisfies CacheOutcome).type('application/json; charset=utf-8');
      return reply.send(body);
    }
    request.quorumCache = { key, version };
  });

  app.addHook('onSend', async (request, reply, payload) => {
    const pending = request.quorumCache;
    if (!pending || reply.getHeader('x-quorum-cache') === 'hit') return payload;
    reply.header('x-quorum-cache', 'miss' satisfies CacheOutcome);
    // Note: `"errors"` appears unescaped in the JSON text only as the key of GraphQL errors.
    if (reply.statusCode === 200 && typeof payload === 'string' && !payload.includes('"errors"') && pending.version === version) {
      store(pending.key, payload);
    }
    return payload;
  });
}
