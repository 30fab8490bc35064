/**
 * The records extraction makes of every note of the shared corpus and seeds,
 * without Neo4j: a digest per collection, so a change meant to move no answer
 * (a reshaping of ingest/) can show it moved none, and one meant to move some
 * can show which notes moved.
 *
 *   node dist/eval/records.js [--shared ../shared] [--out records.jsonl] [--diff records.jsonl]
 *
 * `--out` writes one line per note (collection, path, digest, record);
 * `--diff` compares with such a file and lists the notes whose record differs.
 */
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { extractMeeting } from '../ingest/extract/extract.js';
import { parseNote } from '../ingest/parse/parse.js';
import { loadCollectionConfig } from '../ingest/read/config.js';
import { listNotes, readNote } from '../ingest/read/read.js';
import type { MeetingRecord } from '../ingest/types.js';
import { projectRoot } from '../schema/paths.js';
import { configFor } from './offline.js';

interface Line {
  collection: string;
  path: string;
  digest: string;
  record: MeetingRecord;
}

/** Every collection folder of the shared corpus, and the seeds. */
function folders(shared: string): Array<{ collection: string; folder: string }> {
  const corpus = join(shared, 'corpus');
  const out = readdirSync(corpus, { withFileTypes: true })
    .filter((e) => e.isDirectory())
    .map((e) => ({ collection: e.name, folder: join(corpus, e.name) }))
    .sort((a, b) => (a.collection < b.collection ? -1 : 1));
  if (existsSync(join(shared, 'seeds'))) out.push({ collection: 'seeds', folder: join(shared, 'seeds') });
  return out;
}

export async function records(shared: string): Promise<Line[]> {
  const lines: Line[] = [];
  for (const { collection, folder } of folders(shared)) {
    const { config } = await loadCollectionConfig(folder, configFor(collection));
    for (const path of (await listNotes(folder)).files) {
      const read = await readNote(folder, path, collection);
      if (!read.ok) continue;
      const record = extractMeeting(parseNote(read.file), config);
      const digest = createHash('sha256').update(JSON.stringify(record)).digest('hex').slice(0, 16);
      lines.push({ collection, path, digest, record });
    }
  }
  return lines;
}

async function main(argv: string[]): Promise<void> {
  const arg = (name: string) => {
    const i = argv.indexOf(name);
    if (i < 0) return undefined;
    const v = argv[i + 1];
    if (v === undefined || v.startsWith('--')) throw new Error(`${name} needs a value`);
    return v;
  };
  const shared = resolve(arg('--shared') ?? join(projectRoot(), '..', 'shared'));
  const lines = await records(shared);
  const by = new Map<string, Line[]>();
  for (const l of lines) by.set(l.collection, [...(by.get(l.collection) ?? []), l]);
  for (const [collection, ls] of by) {
    const h = createHash('sha256');
    for (const l of ls) h.update(`${l.path}\0${l.digest}\n`);
    console.log(`${collection.padEnd(30)} ${String(ls.length).padStart(5)} notes  ${h.digest('hex').slice(0, 16)}`);
  }
  const out = arg('--out');
  if (out) writeFileSync(out, lines.map((l) => JSON.stringify(l)).join('\n') + '\n');
  const before = arg('--diff');
  if (before) {
    const old = new Map<string, Line>();
    for (const text of readFileSync(before, 'utf8').split('\n')) {
      if (!text) continue;
      const l = JSON.parse(text) as Line;
      old.set(`${l.collection}/${l.path}`, l);
    }
    let differ = 0;
    // How many notes each key differs in: a change meant to move only `messages` shows just that key.
    const byKey = new Map<string, number>();
    for (const l of lines) {
      const o = old.get(`${l.collection}/${l.path}`);
      if (o?.digest === l.digest) continue;
      differ++;
      const keys = o
        ? (Object.keys(l.record) as Array<keyof MeetingRecord>).filter((k) => JSON.stringify(l.record[k]) !== JSON.stringify(o.record[k]))
        : ['(new)'];
      for (const k of keys) byKey.set(k, (byKey.get(k) ?? 0) + 1);
      if (differ <= 50) console.log(`differs: ${l.collection}/${l.path}: ${keys.join(', ')}`);
    }
    if (byKey.size) console.log(`keys that differ: ${[...byKey].map(([k, n]) => `${k} (${n} notes)`).join(', ')}`);
    console.log(`${differ} of ${lines.length} notes differ from ${before}`);
  }
}

if (process.argv[1] && resolve(process.argv[1]) === resolve(new URL(import.meta.url).pathname)) {
  main(process.argv.slice(2)).catch((err: Error) => {
    console.error(`quorum records: ${err.message}`);
    process.exit(1);
  });
}
