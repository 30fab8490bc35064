/**
 * Finds the notes in a folder and reads them. Notes are `.md`, `.markdown`
 * and `.txt` files; hidden folders and `node_modules` are passed over; other
 * files are skipped with a message so a user sees what was left out. A note
 * is read only when it is a regular file inside the folder (a link out of it,
 * a device or a pipe is refused) and no larger than the size limit, and kept
 * only when it is UTF-8 text, not a binary file under a note's name.
 */
import { createHash } from 'node:crypto';
import { closeSync, openSync, readSync, realpathSync, statSync } from 'node:fs';
import { readdir, realpath } from 'node:fs/promises';
import { join, relative, sep } from 'node:path';
import type { Message, SourceFile } from '../types.js';
import { CONFIG_FILE } from './config.js';
import { ROSTER_FILE } from './roster-file.js';

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
      if (e.name.startsWith('.') || e.name === 'node_modules' || (dir === root && (e.name === CONFIG_FILE || e.name === ROSTER_FILE))) continue;
      const full = join(dir, e.name);
      const rel = toPosix(relative(root, full));
      if (e.isDirectory()) await walk(full);
      else if (!e.isFile() && !e.isSymbolicLink()) messages.push({ path: rel, reason: 'skipped: not a regular file' });
      else if (NOTE_EXTENSIONS.some((x) => e.name.toLowerCase().endsWith(x))) files.push(rel);
      else messages.push({ path: rel, reason: 'skipped: not a note (.md, .markdown or .txt)' });
    }
  };
  await walk(root);
  files.sort();
  return { files, messages };
}

export type ReadResult = { ok: true; file: SourceFile } | { ok: false; message: Message };

/** A note's bytes as read, not yet decoded, with their SHA-256 (what a run compares with the indexed one). */
export type ReadBytes = { ok: true; bytes: Buffer; sha256: string } | { ok: false; message: Message };

/**
 * Reads one note. Refuses, each with a message naming the reason: a path that
 * leads out of root (a symbolic link), anything but a regular file, a file
 * over maxBytes (checked before reading, and again while reading a file that
 * grows), binary content and invalid UTF-8.
 */
export async function readNote(root: string, path: string, collection: string, maxBytes = DEFAULT_MAX_BYTES): Promise<ReadResult> {
  const r = await readNoteBytes(root, path, maxBytes);
  return r.ok ? decodeNote(r.bytes, path, collection, r.sha256) : r;
}

/**
 * The real path of a notes folder, once per folder and run: every note read
 * is checked to lie inside it. A run reads thousands of notes of one folder.
 */
export function realFolder(root: string): Promise<string> {
  return realpath(root);
}

/**
 * A note's bytes and their hash, refused as readNote refuses them, but not
 * decoded: a run that finds the hash it indexed last time needs no more
 * (decodeNote makes the text). `top`: the folder's real path when the caller
 * has it (realFolder), else it is looked up.
 */
export async function readNoteBytes(root: string, path: string, maxBytes = DEFAULT_MAX_BYTES, top?: string): Promise<ReadBytes> {
  const folder = top ?? (await realFolder(root));
  return readBytesNow(root, folder, path, maxBytes);
}

/**
 * Note: the file system is called synchronously. A note is small and read
 * from the page cache in microseconds, while each asynchronous call costs a
 * round trip through libuv's thread pool (five per note: a re-ingest of
 * 3,575 unchanged notes spent 0.31 s there and 0.05 s reading).
 */
function readBytesNow(root: string, folder: string, path: string, maxBytes: number): ReadBytes {
  const refuse = (reason: string): ReadBytes => ({ ok: false, message: { path, reason } });
  try {
    const real = realpathSync.native(join(root, ...path.split('/')));
    if (real !== folder && !real.startsWith(folder + sep)) return refuse('skipped: a link to a file outside the folder');
    // stat before open: opening a named pipe would wait for a writer.
    const info = statSync(real);
    if (!info.isFile()) return refuse('skipped: not a regular file');
    const tooBig = (size: number | string) =>
      refuse(`file is ${size} bytes, over the ${maxBytes}-byte limit (raise it with --max-bytes or QUORUM_MAX_FILE_BYTES)`);
    if (info.size > maxBytes) return tooBig(info.size);
    const fd = openSync(real, 'r');
    try {
      // Read in chunks and stop past the limit: the file may have grown since stat.
      const chunks: Buffer[] = [];
      let length = 0;
      for (;;) {
        const want = Math.min(maxBytes + 1 - length, Math.max(info.size + 1 - length, 4096), 1 << 20);
        const buffer = Buffer.allocUnsafe(want);
        const bytesRead = readSync(fd, buffer, 0, want, length);
        if (bytesRead === 0) break;
        chunks.push(buffer.subarray(0, bytesRead));
        length += bytesRead;
        if (length > maxBytes) return tooBig(`more than ${maxBytes}`);
      }
      const bytes = chunks.length === 1 ? chunks[0]! : Buffer.concat(chunks, length);
      return { ok: true, bytes, sha256: sha256Of(bytes) };
    } finally {
      closeSync(fd);
    }
  } catch (err) {
    return refuse(`cannot read: ${(err as NodeJS.ErrnoException).code ?? (err as Error).message}`);
  }
}

/** The hex SHA-256 of a note's bytes, as the graph stores it (Meeting.sha256). */
export function sha256Of(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

const utf8 = new TextDecoder('utf-8', { fatal: true });

/** File signatures of formats that are never notes, whatever the file is called. */
const SIGNATURES: [string, number[]][] = [
  ['PDF document', [0x25, 0x50, 0x44, 0x46, 0x2d]],
  ['PNG image', [0x89, 0x50, 0x4e, 0x47]],
  ['JPEG image', [0xff, 0xd8, 0xff]],
  ['GIF image', [0x47, 0x49, 0x46, 0x38]],
  ['ZIP archive (or an office document)', [0x50, 0x4b, 0x03, 0x04]],
  ['gzip archive', [0x1f, 0x8b]],
  ['WebAssembly module', [0x00, 0x61, 0x73, 0x6d]],
  ['ELF executable', [0x7f, 0x45, 0x4c, 0x46]],
];

/** What kind of binary file the bytes are, or null for text. */
export function binaryKind(bytes: Uint8Array): string | null {
  for (const [kind, magic] of SIGNATURES) if (magic.every((b, i) => bytes[i] === b)) return kind;
  if (bytes.includes(0)) return 'NUL bytes';
  // Text has few control characters besides tab, line feed, form feed and carriage return.
  const head = bytes.subarray(0, 8192);
  let control = 0;
  for (const b of head) if ((b < 0x20 && b !== 0x09 && b !== 0x0a && b !== 0x0c && b !== 0x0d) || b === 0x7f) control += 1;
  return head.length && control / head.length > 0.1 ? 'control characters' : null;
}

/** Turns a file's bytes into a SourceFile, or a message saying why it is not a note. */
export function decodeNote(bytes: Uint8Array, path: string, collection: string, sha256 = sha256Of(bytes)): ReadResult {
  if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)) {
    return { ok: false, message: { path, reason: 'UTF-16 text; only UTF-8 notes are read' } };
  }
  const binary = binaryKind(bytes);
  if (binary) return { ok: false, message: { path, reason: `binary file (${binary}); not a note` } };
  let text: string;
  try {
    text = utf8.decode(bytes);
  } catch {
    return { ok: false, message: { path, reason: 'not valid UTF-8 text' } };
  }
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  return { ok: true, file: { collection, path, text, sha256, bytes: bytes.length } };
}

function toPosix(p: string): string {
  return sep === '/' ? p : p.split(sep).join('/');
}
