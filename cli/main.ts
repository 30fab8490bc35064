/**
 * The `quorum` command line. Each command resolves to an exit status:
 * 0 done, 1 failed, 2 bad usage.
 */
import { existsSync, statSync } from 'node:fs';
import { basename, resolve } from 'node:path';
import { buildApp } from '../api/app.js';
import { DbError } from '../db/driver.js';
import { apiDbOptions, hardeningFromEnv, type Hardening } from '../api/security.js';
import { ConfigError, loadCollectionConfig } from '../ingest/read/config.js';
import { indexFolders, type Written } from '../ingest/bulk/first-index.js';
import type { LoadTarget } from '../ingest/load/load.js';
import { ingestFolder, type IngestSummary } from '../ingest/pipeline.js';
import { DEFAULT_MAX_BYTES } from '../ingest/read/read.js';
import type { Message } from '../ingest/types.js';
import { projectFile } from '../schema/paths.js';
import { intOption, parseArgs, stringOption, UsageError, type Parsed } from './args.js';
import { connect, type Connection } from './connect.js';
import { neo4jCommand } from './neo4j-command.js';
import { progressBar } from './progress.js';

const USAGE = `usage: quorum <command>

  quorum start [FOLDER] [--collection NAME] [--url-base URL] [--config FILE] [--port 4000] [--host 127.0.0.1]
      start Neo4j, index FOLDER (default: the bundled examples/notes), serve GraphQL
  quorum ingest FOLDER... [--collection NAME] [--url-base URL] [--config FILE] [--max-bytes N] [--verbose]
      index each folder of meeting notes as one collection (NAME, for one FOLDER, defaults to its name)
  quorum serve [--port 4000] [--host 127.0.0.1]
      serve the GraphQL API and the dashboard (dashboard at /, GraphiQL at /graphiql)
  quorum neo4j start|stop|status
      Quorum's own Neo4j server (NEO4J_URI selects another one instead)
  quorum eval
      index ../shared's corpora into a fresh database and score them against the gold labels`;

/** Runs the command line; resolves to the exit status. */
export async function run(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  try {
    switch (command) {
      case 'neo4j':
        return await neo4jCommand(rest);
      case 'ingest':
        return await ingestCommand(rest);
      case 'serve':
        return await serveCommand(rest);
      case 'start':
        return await startCommand(rest);
      case 'eval': {
        const { evalCommand } = await import('./eval-command.js');
        return await evalCommand(rest);
      }
      case undefined:
      case 'help':
      case '--help':
      case '-h':
        console.log(USAGE);
        return command === undefined ? 2 : 0;
      default:
        throw new UsageError(`unknown command "${command}"`);
    }
  } catch (err) {
    if (err instanceof UsageError) {
      console.error(`quorum: ${err.message}\n\n${USAGE}`);
      return 2;
    }
    // A database error's code (never its text, which may quote the query) says what to look up.
    const code = err instanceof DbError && err.code && !err.message.includes(err.code) ? ` (${err.code})` : '';
    console.error(`quorum: ${err instanceof ConfigError ? err.message : (err as Error).message}${code}`);
    return 1;
  }
}

const INGEST_OPTIONS = ['collection', 'url-base', 'config', 'max-bytes'];

interface IngestRequest {
  folder: string;
  collection: string;
  urlBase?: string;
  config?: string;
  maxBytes: number;
  /** Print every message, not only their count. */
  verbose: boolean;
}

function ingestRequest(p: Parsed, folderArg: string | undefined): IngestRequest {
  if (!folderArg) throw new UsageError('ingest needs a FOLDER of notes');
  const folder = resolve(folderArg);
  if (!existsSync(folder)) throw new UsageError(`folder ${folderArg} does not exist`);
  if (!statSync(folder).isDirectory()) throw new UsageError(`${folderArg} is not a folder`);
  const collection = stringOption(p, 'collection') ?? basename(folder);
  if (!/^[\w.@-]{1,100}$/.test(collection)) throw new UsageError(`--collection "${collection}" may hold only letters, digits, '.', '_', '-' and '@'`);
  const urlBase = stringOption(p, 'url-base');
  if (urlBase !== undefined && !/^https?:\/\/\S+$/.test(urlBase)) throw new UsageError(`--url-base must be an http(s) URL, not "${urlBase}"`);
  const envMax = Number(process.env.QUORUM_MAX_FILE_BYTES ?? DEFAULT_MAX_BYTES);
  return {
    folder,
    collection,
    urlBase,
    config: stringOption(p, 'config'),
    maxBytes: intOption(p, 'max-bytes', Number.isInteger(envMax) && envMax > 0 ? envMax : DEFAULT_MAX_BYTES, 1, 1 << 30),
    verbose: p.options.get('verbose') === true,
  };
}

async function ingest(conn: Connection, r: IngestRequest, target?: LoadTarget): Promise<IngestSummary> {
  const { config, messages } = await loadCollectionConfig(r.folder, r.config);
  if (r.urlBase) config.urlBase = r.urlBase.replace(/\/+$/, '');
  const bar = progressBar(`indexing ${r.collection}`);
  try {
    const summary = await ingestFolder({
      db: conn.db,
      target,
      folder: r.folder,
      collection: r.collection,
      config,
      maxBytes: r.maxBytes,
      onProgress: bar.update,
    });
    return { ...summary, messages: [...messages, ...summary.messages] };
  } finally {
    bar.end();
  }
}

/**
 * Prints an ingest's summary. Messages about whole files (skipped, unreadable,
 * a config key ignored) are printed always; messages about a line of a note are
 * counted, and printed one by one with verbose.
 */
function report(s: IngestSummary, verbose: boolean): void {
  const content = s.messages.filter((m) => m.line !== undefined);
  for (const m of s.messages) if (verbose || m.line === undefined) console.error(messageLine(s.collection, m));
  if (content.length) {
    console.log(
      `${s.collection}: ${content.length} message${content.length === 1 ? '' : 's'} about the notes' content${verbose ? '' : ' (--verbose prints them)'}`,
    );
  }
  if (s.rederived) console.log(`${s.collection}: ${rederivedNote(s.rederived)}`);
  console.log(
    `${s.collection}: ${s.files} files, ${s.meetings} meetings indexed, ${s.skipped} unchanged, ${s.deleted} removed, ${s.failed} failed; ` +
      `${s.people} people, ${s.references} references, ${s.decisions} decisions, ${s.actionItems} action items; ${s.seconds} s`,
  );
}

/** How a first index was written (nothing for an update). */
function reportWritten(w: Written): void {
  if (w.how === 'load') console.log(`first index: written by the loader (${w.why})`);
  if (w.how === 'import' && w.imported) {
    const i = w.imported;
    const s = i.stages;
    console.log(
      `first index: ${i.meetings} meetings imported by neo4j-admin database import (${w.why}): ${i.nodes} nodes, ${i.relationships} relationships in ${i.seconds} s ` +
        `(CSV ${s.csv} s, waiting for Neo4j to stop ${s.stop} s, import ${s.tool} s, started ${s.start} s, indexes ${s.indexes} s, fixes ${s.fixes} s; the tool's report: ${i.tool.logFile})`,
    );
  }
}

/** One message as remark-lint prints them: `collection/path:line: reason` (a config file's path as it is). */
export function messageLine(collection: string, message: Message): string {
  const where = message.path.startsWith('/') ? message.path : `${collection}/${message.path}`;
  return `${where}${message.line ? `:${message.line}` : ''}: ${message.reason}`;
}

/** The one line that says why unchanged files were indexed again. */
export function rederivedNote(rederived: NonNullable<IngestSummary['rederived']>): string {
  const why =
    rederived.rules && rederived.config
      ? "Quorum's rules and the collection's config"
      : rederived.rules
        ? "Quorum's rules (an upgrade)"
        : "the collection's config";
  const n = rederived.meetings === 1 ? '1 unchanged note was' : `${rederived.meetings} unchanged notes were`;
  return `${n} indexed again: ${why} changed since they were indexed`;
}

async function ingestCommand(argv: string[]): Promise<number> {
  const p = parseArgs(argv, INGEST_OPTIONS, ['verbose']);
  // Note: each of several folders is named by its folder and configured by its own quorum.json.
  const single = ['collection', 'url-base', 'config'].find((o) => p.options.has(o));
  if (p.positional.length > 1 && single) {
    throw new UsageError(`--${single} is for one FOLDER, but ${p.positional.length} were given (each takes its folder's name and its own quorum.json)`);
  }
  const requests = (p.positional.length ? p.positional : [undefined]).map((folder) => ingestRequest(p, folder));
  const names = requests.map((r) => r.collection);
  const twice = names.find((n, i) => names.indexOf(n) !== i);
  if (twice) throw new UsageError(`two FOLDERs would both be collection "${twice}"; ingest them one at a time with --collection`);
  const conn = await connect();
  try {
    // Every folder in one run: into an empty graph, the whole run is one first index (imported, or loaded with the
    // full-text indexes built once at the end).
    const { result: failed, written } = await indexFolders(
      { db: conn.db, neo4j: conn.neo4j, folders: requests.map((r) => r.folder), log: (line) => console.log(`quorum: ${line}`) },
      async (target) => {
        let n = 0;
        for (const request of requests) {
          const summary = await ingest(conn, request, target);
          report(summary, request.verbose);
          n += summary.failed;
        }
        return n;
      },
    );
    reportWritten(written);
    return failed ? 1 : 0;
  } finally {
    await conn.close();
  }
}

interface ServeOptions {
  port: number;
  host: string;
  hardening: Hardening;
  apiDb: ReturnType<typeof apiDbOptions>;
}

/** --port and --host, and the API's hardening from the environment (checked before Neo4j starts). */
function serveOptions(p: Parsed): ServeOptions {
  const envPort = Number(process.env.QUORUM_PORT ?? 4000);
  return {
    port: intOption(p, 'port', Number.isInteger(envPort) ? envPort : 4000, 0, 65535),
    host: stringOption(p, 'host') ?? process.env.QUORUM_HOST ?? '127.0.0.1',
    hardening: hardeningFromEnv(process.env),
    apiDb: apiDbOptions(process.env),
  };
}

/** Serves until SIGINT/SIGTERM, then closes the server, the driver and a Neo4j this process started. */
async function serve(conn: Connection, { port, host, hardening, apiDb }: ServeOptions, hint?: string): Promise<number> {
  // The API's own driver: short transactions, and a request fails fast (503) while Neo4j is away.
  const db = conn.db.with(apiDb);
  const app = await buildApp({ db, ...hardening });
  app.addHook('onClose', () => db.close());
  try {
    await app.listen({ port, host });
  } catch (err) {
    await app.close();
    await conn.close();
    const code = (err as NodeJS.ErrnoException).code;
    throw new Error(code === 'EADDRINUSE' ? `port ${port} on ${host} is taken; pick another with --port` : (err as Error).message);
  }
  const address = app.server.address();
  const shown = typeof address === 'object' && address ? `http://${host === '0.0.0.0' ? 'localhost' : host}:${address.port}` : String(address);
  console.log(`dashboard: ${shown}/   GraphQL: ${shown}/graphql   GraphiQL: ${shown}/graphiql   health: ${shown}/health`);
  if (hint) console.log(hint);
  await new Promise<void>((done) => {
    const stop = () => done();
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
    conn.handleSignalsHere();
  });
  console.log('quorum: stopping');
  await app.close();
  await conn.close();
  return 0;
}

async function serveCommand(argv: string[]): Promise<number> {
  const p = parseArgs(argv, ['port', 'host']);
  if (p.positional.length) throw new UsageError(`serve takes no FOLDER (got "${p.positional[0]}")`);
  return serve(await connect(), serveOptions(p));
}

async function startCommand(argv: string[]): Promise<number> {
  const p = parseArgs(argv, [...INGEST_OPTIONS, 'port', 'host'], ['verbose']);
  if (p.positional.length > 1) throw new UsageError(`start takes at most one FOLDER, got ${p.positional.length}`);
  const folder = p.positional[0] ?? projectFile('examples', 'notes');
  const request = ingestRequest(p, folder);
  const options = serveOptions(p);
  const conn = await connect();
  console.log(`Neo4j: ${conn.neo4j.uri}${conn.neo4j.embedded ? ` (Quorum's own server, user ${conn.neo4j.user})` : ''}`);
  try {
    const { result, written } = await indexFolders(
      { db: conn.db, neo4j: conn.neo4j, folders: [request.folder], log: (line) => console.log(`quorum: ${line}`) },
      (target) => ingest(conn, request, target),
    );
    report(result, request.verbose);
    reportWritten(written);
  } catch (err) {
    await conn.close();
    throw err;
  }
  return serve(
    conn,
    options,
    `Index your own notes: npx quorum ingest /path/to/notes --collection NAME [--url-base https://github.com/ORG/REPO/blob/main]\n` +
      `Try: { meetings(collection: "${request.collection}", first: 5) { path date title attendees { name } } }`,
  );
}
