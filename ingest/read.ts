/**
 * Finds the notes in a folder and reads them. Notes are `.md`, `.markdown`
 * and `.txt` files; hidden folders and `node_modules` are passed over; other
 * files are skipped with a message so a user sees what was left out.
 */
import { createHash } from 'node:crypto';
import { readdir, readFile, stat } from 'node:fs/promises';
import { join, relative, sep } from 'node:path';
import type { Message, SourceFile } from './types.js';

export const NOTE_EXTENSIONS = ['.md', '.markdown', '.txt'];

/** Default largest note read, in bytes; larger files are reported, not parsed. */
export const DEFAULT_MAX_BYTES = 5 * 1024 * 1024;

export interface Listing {
  /** Paths relative to the root, `/`-separated, sorted. */
  files: string[];
  messages: Message[];
}

/** Lists the note files under root. Throws only when root itself cannot be read. */
export async function listNotes(root: string): Promise<Listing> {
  const files: string[] = [];
  const messages: Message[] = [];
  const walk = async (dir: string): Promise<void> => {
    let entries;
    try {
      entries = await readdir(dir, { withFileTypes: true });
    } catch (err) {
      if (dir === root) throw err;
      messages.push({ path: toPosix(relative(root, dir)), reason: `folder not readable: ${(err as Error).message}` });
      return;
    }
    for (const e of entries) {
      if (e.name.startsWith('.') || e.name === 'node_modules' || (dir === root && e.name === 'quorum.json')) continue;
      const full = join(dir, e.name);
      if (e.isDirectory()) await walk(full);
      else if (e.isFile() || e.isSymbolicLink()) {
        const rel = toPosix(relative(root, full));
        if (NOTE_EXTENSIONS.some((x) => e.name.toLowerCase().endsWith(x))) files.push(rel);
        else messages.push({ path: rel, reason: 'skipped: not a note (.md, .markdown or .txt)' });
      }
    }
  };
  await walk(root);
  files.sort();
  return { files, messages };
}

export type ReadResult = { ok: true; file: SourceFile } | { ok: false; message: Message };

/**
 * Reads one note. Refuses files over maxBytes, binary content (NUL bytes) and
 * invalid UTF-8, each with a message naming the reason.
 */
export async function readNote(root: string, path: string, collection: string, maxBytes = DEFAULT_MAX_BYTES): Promise<ReadResult> {
  const full = join(root, ...path.split('/'));
  try {
    const info = await stat(full);
    if (info.size > maxBytes) {
      return { ok: false, message: { path, reason: `file is ${info.size} bytes, over the ${maxBytes}-byte limit (QUORUM_MAX_FILE_BYTES)` } };
    }
    const bytes = await readFile(full);
    return decodeNote(bytes, path, collection);
  } catch (err) {
    return { ok: false, message: { path, reason: `cannot read: ${(err as NodeJS.ErrnoException).code ?? (err as Error).message}` } };
  }
}

const utf8 = new TextDecoder('utf-8', { fatal: true });

/** Turns a file's bytes into a SourceFile, or a message saying why it is not a note. */
export function decodeNote(bytes: Uint8Array, path: string, collection: string): ReadResult {
  if (bytes.includes(0)) return { ok: false, message: { path, reason: 'binary file (NUL bytes); not a note' } };
  let text: string;
  try {
    text = utf8.decode(bytes);
  } catch {
    return { ok: false, message: { path, reason: 'not valid UTF-8 text' } };
  }
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  const sha256 = createHash('sha256').update(bytes).digest('hex');
  return { ok: true, file: { collection, path, text, sha256, bytes: bytes.length } };
}

function toPosix(p: string): string {
  return sep === '/' ? p : p.split(sep).join('/');
}
