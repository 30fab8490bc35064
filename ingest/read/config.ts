/**
 * Per-collection configuration: where the notes live online (source links),
 * which GitHub repository a bare `#123` in a series means, and corrections to
 * who is who. Read from `quorum.json` at the root of the notes folder, or from
 * the file given with `--config`. Every key is optional.
 *
 * ```json
 * {
 *   "urlBase": "https://github.com/bytecodealliance/meetings/blob/main",
 *   "repositories": { "wasmtime": "bytecodealliance/wasmtime", "*": "bytecodealliance/wasmtime" },
 *   "people": [{ "name": "Nick Fitzgerald", "aliases": ["Nick"], "handles": ["fitzgen"] }]
 * }
 * ```
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Message } from '../types.js';
import { parseRosterFile, ROSTER_FILE } from './roster-file.js';

export interface PersonEntry {
  name: string;
  aliases?: string[];
  handles?: string[];
}

export interface CollectionConfig {
  /** Base URL that a note's path is appended to for source links. */
  urlBase?: string;
  /**
   * Series (lower-case) → default `owner/repo` for bare issue numbers; `*` for every series.
   * Note: a Map, not an object: a series or a repository word of a note
   * (`constructor`, `__proto__`) is looked up here and must find only what the config says.
   */
  repositories: Map<string, string>;
  people: PersonEntry[];
}

export const CONFIG_FILE = 'quorum.json';

export const emptyConfig = (): CollectionConfig => ({ repositories: new Map(), people: [] });

/**
 * Loads the collection's configuration, and the people of its roster file
 * (ingest/read/roster-file.ts) when the notes folder has one: they come
 * after quorum.json's, so their forms win (a later entry for a form replaces
 * an earlier one wherever entries are read). A missing default file is no
 * error; a given file that is missing, or any file that is not valid, is.
 */
export async function loadCollectionConfig(folder: string, explicit?: string): Promise<{ config: CollectionConfig; messages: Message[] }> {
  const path = explicit ?? join(folder, CONFIG_FILE);
  const messages: Message[] = [];
  let config: CollectionConfig;
  try {
    config = parseCollectionConfig(await readFile(path, 'utf8'), path, (reason) => messages.push({ path, reason }));
  } catch (err) {
    if (err instanceof ConfigError) throw err;
    if (explicit || (err as NodeJS.ErrnoException).code !== 'ENOENT') {
      throw new ConfigError(`${path}: cannot read the collection config (${(err as NodeJS.ErrnoException).code ?? (err as Error).message})`);
    }
    config = emptyConfig();
  }
  const roster = await readRoster(folder);
  if (roster) config.people = [...config.people, ...roster.people];
  return { config, messages: [...messages, ...(roster?.messages ?? [])] };
}

/** The roster file's people, or null when the folder has none. */
async function readRoster(folder: string): Promise<ReturnType<typeof parseRosterFile> | null> {
  try {
    return parseRosterFile(await readFile(join(folder, ROSTER_FILE), 'utf8'));
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT' || (err as NodeJS.ErrnoException).code === 'ENOTDIR') return null;
    throw new ConfigError(`${join(folder, ROSTER_FILE)}: cannot read the roster file (${(err as NodeJS.ErrnoException).code ?? (err as Error).message})`);
  }
}

/** The keys a config file may have; others are reported and ignored. */
const KEYS = new Set(['urlBase', 'repositories', 'people']);

export class ConfigError extends Error {}

/**
 * Validates a config file's text; throws ConfigError naming the file and the
 * key at fault. What is not wrong but does nothing (an unknown key, a
 * misspelt one) is reported through `report`.
 */
export function parseCollectionConfig(text: string, path: string, report: (reason: string) => void = () => {}): CollectionConfig {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (err) {
    throw new ConfigError(`${path}: not valid JSON (${(err as Error).message})`);
  }
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) throw new ConfigError(`${path}: expected a JSON object`);
  const o = raw as Record<string, unknown>;
  for (const key of Object.keys(o)) if (!KEYS.has(key)) report(`unknown key "${key}" ignored (the keys are ${[...KEYS].join(', ')})`);
  const config = emptyConfig();
  if (o.urlBase !== undefined) {
    if (typeof o.urlBase !== 'string' || !/^https?:\/\//.test(o.urlBase)) throw new ConfigError(`${path}: "urlBase" must be an http(s) URL`);
    config.urlBase = o.urlBase.replace(/\/+$/, '');
  }
  if (o.repositories !== undefined) {
    if (typeof o.repositories !== 'object' || o.repositories === null || Array.isArray(o.repositories))
      throw new ConfigError(`${path}: "repositories" must map series to "owner/repo"`);
    // Object.entries lists JSON.parse's own keys only, `__proto__` among them: each becomes a plain Map key.
    for (const [series, repo] of Object.entries(o.repositories)) {
      if (typeof repo !== 'string' || !/^[\w.-]+\/[\w.-]+$/.test(repo)) throw new ConfigError(`${path}: repositories["${series}"] must be "owner/repo"`);
      config.repositories.set(series.toLowerCase(), repo.toLowerCase());
    }
  }
  if (o.people !== undefined) {
    if (!Array.isArray(o.people)) throw new ConfigError(`${path}: "people" must be a list`);
    o.people.forEach((p, i) => {
      const e = p as Record<string, unknown>;
      const strings = (v: unknown) => v === undefined || (Array.isArray(v) && v.every((s) => typeof s === 'string'));
      if (typeof e?.name !== 'string' || !e.name.trim() || !strings(e.aliases) || !strings(e.handles)) {
        throw new ConfigError(`${path}: people[${i}] needs a "name" and optional "aliases" and "handles" lists of strings`);
      }
      config.people.push({ name: e.name.trim(), aliases: (e.aliases as string[]) ?? [], handles: (e.handles as string[]) ?? [] });
    });
  }
  return config;
}
