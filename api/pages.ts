/**
 * The web pages the API serves from its own files: the dashboard at `/` and
 * GraphiQL at `/graphiql`, with their scripts and styles under `/assets/`.
 * The assets are bundled at install (web/build.mjs writes dist/web); nothing
 * is fetched from another host, and the content-security policy says so to
 * the browser.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { extname, join } from 'node:path';
import type { FastifyInstance, FastifyReply } from 'fastify';
import { projectFile } from '../schema/paths.js';

export interface PageOptions {
  /** Serve the dashboard at `/` (QUORUM_DASHBOARD; default on). */
  dashboard: boolean;
  /** Serve GraphiQL at `/graphiql`. */
  graphiql: boolean;
}

/** Where web/build.mjs writes the pages and assets. */
export const WEB_DIST = projectFile('dist', 'web');

const TYPES: Record<string, string> = {
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.html': 'text/html; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
  '.ttf': 'font/ttf',
  '.png': 'image/png',
  '.map': 'application/json',
};

/**
 * Only this host: scripts, styles, fonts, images and GraphQL requests.
 * Note: inline style attributes are allowed (the chart and GraphiQL set them); inline scripts are not.
 */
const CSP =
  "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; font-src 'self' data:; connect-src 'self'; frame-ancestors 'self'; base-uri 'none'; form-action 'self'";

/** Registers `/`, `/graphiql` and `/assets/*` as the options say. */
export function registerPages(app: FastifyInstance, settings: PageOptions): void {
  const assets = listAssets();
  const send = (reply: FastifyReply, file: string) => {
    let body: Buffer;
    try {
      body = readFileSync(join(WEB_DIST, file));
    } catch {
      return reply.code(503).type('text/plain; charset=utf-8').send('The web pages are not built: run `npm run build` (web/build.mjs writes dist/web).');
    }
    return reply
      .type(TYPES[extname(file)] ?? 'application/octet-stream')
      .header('content-security-policy', CSP)
      .header('x-content-type-options', 'nosniff')
      .header('cache-control', 'no-cache')
      .send(body);
  };
  if (settings.dashboard) app.get('/', async (_req, reply) => send(reply, 'index.html'));
  else app.get('/', async (_req, reply) => reply.redirect(settings.graphiql ? '/graphiql' : '/health'));
  if (settings.graphiql) app.get('/graphiql', async (_req, reply) => send(reply, 'graphiql.html'));
  if (settings.dashboard || settings.graphiql) {
    app.get<{ Params: { name: string } }>('/assets/:name', async (req, reply) => {
      // Only files the build wrote: the name is looked up, never joined to a path as sent.
      const name = req.params.name;
      if (!assets().has(name)) return reply.code(404).type('text/plain; charset=utf-8').send('no such asset');
      return send(reply, join('assets', name));
    });
  }
}

/** The built asset names, read once (the first request after a build). */
function listAssets(): () => Set<string> {
  let names: Set<string> | null = null;
  return () => {
    if (!names || names.size === 0) {
      try {
        names = new Set(readdirSync(join(WEB_DIST, 'assets')));
      } catch {
        names = new Set();
      }
    }
    return names;
  };
}
