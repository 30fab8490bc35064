/**
 * Headless Chromium for the page tests: Debian's /usr/bin/chromium (or
 * QUORUM_CHROMIUM), driven by playwright-core, never a downloaded browser.
 * Every request that would leave the machine is refused and recorded, and
 * every console error and page error is recorded, so a test can assert none.
 */
import { existsSync } from 'node:fs';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';

export const CHROMIUM = process.env.QUORUM_CHROMIUM ?? '/usr/bin/chromium';

/** Starts the browser; fails naming the fix when Chromium is missing. */
export async function launchBrowser(): Promise<Browser> {
  if (!existsSync(CHROMIUM)) throw new Error(`no Chromium at ${CHROMIUM}: apt-get install -y chromium (or set QUORUM_CHROMIUM)`);
  return chromium.launch({ executablePath: CHROMIUM, headless: true });
}

export interface Watched {
  page: Page;
  context: BrowserContext;
  /** Console errors and uncaught page errors. */
  errors: string[];
  /** URLs of requests to any host but the server's. */
  outside: string[];
  /** GraphQL responses seen: the response's x-quorum-cache header, in order. */
  cache: (string | null)[];
}

/** A fresh page that refuses and records requests to any other host than `origin`. */
export async function watchedPage(browser: Browser, origin: string): Promise<Watched> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, deviceScaleFactor: 1 });
  const page = await context.newPage();
  const w: Watched = { page, context, errors: [], outside: [], cache: [] };
  await context.route('**/*', (route) => {
    const url = route.request().url();
    if (url.startsWith(`${origin}/`) || url.startsWith('data:') || url.startsWith('blob:')) return route.continue();
    w.outside.push(url);
    return route.abort('blockedbyclient');
  });
  page.on('console', (m) => {
    if (m.type() === 'error') w.errors.push(`console: ${m.text()}`);
  });
  page.on('pageerror', (e) => w.errors.push(`page: ${e.message}`));
  page.on('response', (r) => {
    if (r.url() === `${origin}/graphql`) w.cache.push(r.headers()['x-quorum-cache'] ?? null);
  });
  return w;
}
