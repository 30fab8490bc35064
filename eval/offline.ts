/**
 * Scores the extractors against the gold labels without a database, by the
 * rules of ../shared/gold/GUIDELINES.md (the same rules as
 * ../shared/tools/score.mjs, which scores the served API). Fast enough to run
 * on every change:
 *
 *   npm run build && node dist/eval/offline.js [--gold DIR] [--notes DIR] [--only attendees,speakers] [--show N]
 *
 * --notes reads every labelled note from DIR instead of the shared corpus
 * (test/fixtures/unseen: notes of our own writing in other projects' formats).
 *
 * --show prints each file's misses (gold items not found, found items not gold).
 *
 * Prints the pooled figures, then F1 by collection (eval/floors.ts holds the
 * floors the tests keep per collection). A gold decision or task is found at
 * its line or any of its `also` lines; a task's owner is right when it is any
 * of its `owners`.
 */
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { loadCollectionConfig } from '../ingest/read/config.js';
import { extractMeeting } from '../ingest/extract/extract.js';
import { parseNote } from '../ingest/parse/parse.js';
import { readNote } from '../ingest/read/read.js';
import type { MeetingRecord, PersonRecord } from '../ingest/types.js';

export interface Gold {
  corpus: string;
  path: string;
  date: string | null;
  series: string;
  attendees: string[];
  speakers: string[];
  references: string[];
  crates: string[];
  advisories: string[];
  /** `also`: other lines stating the same outcome (GUIDELINES.md): pointing at any of them is right. */
  decisions: { line: number; also?: number[]; summary: string }[];
  /** `owners`: every person a task was given to, `owner` first; any of them is a right owner. */
  actionItems: { line: number; also?: number[]; owner: string; owners?: string[]; summary: string }[];
  topics: string[];
}

export const fold = (s: string): string =>
  s
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .trim();

export class Tally {
  tp = 0;
  found = 0;
  gold = 0;
  add(tp: number, found: number, gold: number): void {
    this.tp += tp;
    this.found += found;
    this.gold += gold;
  }
  get p(): number {
    return this.found ? this.tp / this.found : this.gold ? 0 : 1;
  }
  get r(): number {
    return this.gold ? this.tp / this.gold : 1;
  }
  get f1(): number {
    return this.p + this.r ? (2 * this.p * this.r) / (this.p + this.r) : 0;
  }
}

function matchCount<G, F>(gold: G[], found: F[], same: (g: G, f: F) => boolean): number {
  const used = new Set<number>();
  let hits = 0;
  for (const g of gold) {
    const j = found.findIndex((f, k) => !used.has(k) && same(g, f));
    if (j >= 0) {
      used.add(j);
      hits += 1;
    }
  }
  return hits;
}

const personMatches = (gold: string, p: PersonRecord): boolean => [p.name, ...p.aliases].some((n) => fold(n) === fold(gold));
const spanHits = (line: number, s: { startLine: number; endLine: number }): boolean => line >= s.startLine - 1 && line <= s.endLine + 1;
/** A found item's span matches a gold item's line or one of its `also` lines (within one line). */
const itemHits = (g: { line: number; also?: number[] }, s: { startLine: number; endLine: number }): boolean =>
  [g.line, ...(g.also ?? [])].some((l) => spanHits(l, s));
/** The names a gold task's owner may be given by: every one of its `owners`, or its `owner`. */
const goldOwners = (g: Gold['actionItems'][number]): string[] => (g.owners?.length ? g.owners : [g.owner]);

/** Where the notes of a gold label's corpus are, relative to the project. */
export function corpusFolder(shared: string, corpus: string): string {
  return corpus === 'seeds' ? join(shared, 'seeds') : join(shared, 'corpus', corpus);
}

export function goldFiles(dir: string): string[] {
  const out: string[] = [];
  for (const name of readdirSync(dir)) {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) out.push(...goldFiles(p));
    else if (name.endsWith('.json')) out.push(p);
  }
  return out.sort();
}

export interface FileScore {
  gold: Gold;
  record: MeetingRecord;
  misses: Record<string, { missed: string[]; extra: string[] }>;
}

export const KINDS = ['attendees', 'speakers', 'references', 'crates', 'advisories', 'decisions', 'actionItems', 'actionOwners'] as const;
export type Kind = (typeof KINDS)[number];

export type Scores = Record<Kind, Tally> & {
  dates: { right: number; all: number };
};

function newScores(): Scores {
  const scores = Object.fromEntries(KINDS.map((k) => [k, new Tally()])) as unknown as Scores;
  scores.dates = { right: 0, all: 0 };
  return scores;
}

/** One file's counts added to the pooled scores and to its collection's. */
function addScores(into: Scores, from: Scores): void {
  for (const k of KINDS) into[k].add(from[k].tp, from[k].found, from[k].gold);
  into.dates.right += from.dates.right;
  into.dates.all += from.dates.all;
}

/** Extracts each gold-labelled note and scores it. */
export async function scoreOffline(
  shared: string,
  goldDir = join(shared, 'gold', 'dev'),
  notesRoot?: string,
): Promise<{ scores: Scores; byCollection: Map<string, Scores>; files: FileScore[] }> {
  const pooled = newScores();
  const byCollection = new Map<string, Scores>();
  const files: FileScore[] = [];
  for (const file of goldFiles(goldDir)) {
    const gold = JSON.parse(readFileSync(file, 'utf8')) as Gold;
    const scores = newScores();
    const folder = notesRoot ?? corpusFolder(shared, gold.corpus);
    const { config } = await loadCollectionConfig(folder, configFor(gold.corpus));
    const read = await readNote(folder, gold.path, gold.corpus);
    if (!read.ok) throw new Error(`${gold.path}: ${read.message.reason}`);
    const record = extractMeeting(parseNote(read.file), config);
    const misses: FileScore['misses'] = {};
    const note = (k: string, missed: string[], extra: string[]) => {
      if (missed.length || extra.length) misses[k] = { missed, extra };
    };
    if (gold.date) {
      scores.dates.all += 1;
      if (record.date === gold.date) scores.dates.right += 1;
      else note('date', [gold.date], [String(record.date)]);
    }
    const attendees = record.attendees.map((i) => record.people[i]!);
    const speakerIdx = [...new Set(record.passages.map((p) => p.speaker).filter((s): s is number => s !== null))];
    const speakers = speakerIdx.map((i) => record.people[i]!);
    for (const [k, got] of [
      ['attendees', attendees],
      ['speakers', speakers],
    ] as const) {
      const g = gold[k];
      scores[k].add(matchCount(g, got, personMatches), got.length, g.length);
      note(
        k,
        g.filter((n) => !got.some((p) => personMatches(n, p))),
        got.filter((p) => !g.some((n) => personMatches(n, p))).map((p) => p.name),
      );
    }
    const ids = record.references.map((r) => r.id);
    const unknown = new Set(gold.references.filter((r) => r.startsWith('?#')).map((r) => r.slice(2)));
    const gh = new Set(ids.filter((id) => id.includes('#') && !unknown.has(id.split('#')[1]!)).map((s) => s.toLowerCase()));
    const goldGh = new Set(gold.references.filter((r) => !r.startsWith('?#')).map((r) => r.toLowerCase()));
    scores.references.add([...goldGh].filter((r) => gh.has(r)).length, gh.size, goldGh.size);
    note(
      'references',
      [...goldGh].filter((r) => !gh.has(r)),
      [...gh].filter((r) => !goldGh.has(r)),
    );
    const crates = new Set(ids.filter((id) => id.startsWith('crate:')).map((id) => id.slice(6).toLowerCase()));
    const goldCrates = new Set(gold.crates.map((c) => c.toLowerCase()));
    scores.crates.add([...goldCrates].filter((c) => crates.has(c)).length, crates.size, goldCrates.size);
    note(
      'crates',
      [...goldCrates].filter((c) => !crates.has(c)),
      [...crates].filter((c) => !goldCrates.has(c)),
    );
    const adv = new Set(ids.filter((id) => id.startsWith('advisory:')).map((id) => id.slice(9).toUpperCase()));
    const goldAdv = new Set(gold.advisories.map((a) => a.toUpperCase()));
    scores.advisories.add([...goldAdv].filter((a) => adv.has(a)).length, adv.size, goldAdv.size);
    note(
      'advisories',
      [...goldAdv].filter((a) => !adv.has(a)),
      [...adv].filter((a) => !goldAdv.has(a)),
    );
    const dHits = matchCount(gold.decisions, record.decisions, itemHits);
    scores.decisions.add(dHits, record.decisions.length, gold.decisions.length);
    note(
      'decisions',
      gold.decisions.filter((g) => !record.decisions.some((f) => itemHits(g, f))).map((g) => `${g.line}: ${g.summary}`),
      record.decisions.filter((f) => !gold.decisions.some((g) => itemHits(g, f))).map((f) => `${f.startLine}-${f.endLine}: ${f.text.slice(0, 100)}`),
    );
    const aHits = matchCount(gold.actionItems, record.actionItems, itemHits);
    scores.actionItems.add(aHits, record.actionItems.length, gold.actionItems.length);
    const ownerOf = (f: MeetingRecord['actionItems'][number]) => (f.owner !== null ? record.people[f.owner] : undefined);
    const sameOwner = (g: Gold['actionItems'][number], f: MeetingRecord['actionItems'][number]): boolean => {
      const o = ownerOf(f);
      return goldOwners(g).some((name) => (o ? personMatches(name, o) : !!f.ownerGroup && fold(f.ownerGroup) === fold(name)));
    };
    const oHits = matchCount(gold.actionItems, record.actionItems, (g, f) => itemHits(g, f) && sameOwner(g, f));
    scores.actionOwners.add(oHits, record.actionItems.length, gold.actionItems.length);
    note(
      'actionItems',
      gold.actionItems.filter((g) => !record.actionItems.some((f) => itemHits(g, f))).map((g) => `${g.line} (${goldOwners(g).join(' + ')}): ${g.summary}`),
      record.actionItems
        .filter((f) => !gold.actionItems.some((g) => itemHits(g, f)))
        .map((f) => `${f.startLine}-${f.endLine} (${ownerOf(f)?.name ?? f.ownerGroup ?? '-'}): ${f.text.slice(0, 100)}`),
    );
    note(
      'actionOwners',
      gold.actionItems
        .filter((g) => record.actionItems.some((f) => itemHits(g, f)) && !record.actionItems.some((f) => itemHits(g, f) && sameOwner(g, f)))
        .map((g) => `${g.line} (${goldOwners(g).join(' + ')})`),
      record.actionItems
        .filter((f) => gold.actionItems.some((g) => itemHits(g, f)) && !gold.actionItems.some((g) => itemHits(g, f) && sameOwner(g, f)))
        .map((f) => `${f.startLine} (${ownerOf(f)?.name ?? f.ownerGroup ?? '-'})`),
    );
    files.push({ gold, record, misses });
    addScores(pooled, scores);
    const collection = byCollection.get(gold.corpus) ?? byCollection.set(gold.corpus, newScores()).get(gold.corpus)!;
    addScores(collection, scores);
  }
  return { scores: pooled, byCollection: new Map([...byCollection].sort(([a], [b]) => a.localeCompare(b))), files };
}

/** The collection config the eval uses for a gold corpus (examples/config/<corpus>.json when present). */
export function configFor(corpus: string): string | undefined {
  const p = join(projectRoot(), 'examples', 'config', `${corpus}.json`);
  try {
    statSync(p);
    return p;
  } catch {
    return undefined;
  }
}

export function projectRoot(): string {
  let dir = new URL('.', import.meta.url).pathname;
  for (let i = 0; i < 5; i++) {
    try {
      statSync(join(dir, 'package.json'));
      return dir;
    } catch {
      dir = join(dir, '..');
    }
  }
  return process.cwd();
}

export function formatScores(scores: Scores): string {
  const rows = [`date accuracy ${dateAccuracy(scores).toFixed(3)} (${scores.dates.right}/${scores.dates.all})`];
  for (const k of KINDS) {
    const t = scores[k];
    rows.push(`${k.padEnd(12)} P ${t.p.toFixed(3)}  R ${t.r.toFixed(3)}  F1 ${t.f1.toFixed(3)}  (${t.tp}/${t.found} found, ${t.gold} gold)`);
  }
  return rows.join('\n');
}

export const dateAccuracy = (s: Scores): number => (s.dates.all ? s.dates.right / s.dates.all : 1);

/** F1 by collection, one row each; `–` where the collection neither labels nor yields that kind. */
export function formatByCollection(byCollection: Map<string, Scores>): string {
  const cols = ['attendees', 'speakers', 'references', 'decisions', 'actionItems', 'actionOwners'] as const;
  const rows = [`${'collection'.padEnd(28)}${cols.map((k) => k.slice(0, 10).padStart(12)).join('')}${'dates'.padStart(8)}`];
  for (const [c, s] of byCollection) {
    const cells = cols.map((k) => (s[k].gold || s[k].found ? s[k].f1.toFixed(3) : '–').padStart(12)).join('');
    rows.push(`${c.padEnd(28)}${cells}${dateAccuracy(s).toFixed(3).padStart(8)}`);
  }
  return rows.join('\n');
}

const isMain = process.argv[1] && new URL(import.meta.url).pathname === process.argv[1];
if (isMain) {
  const args = process.argv.slice(2);
  const opt = (n: string) => {
    const i = args.indexOf(`--${n}`);
    return i >= 0 ? args[i + 1] : undefined;
  };
  const shared = join(projectRoot(), '..', 'shared');
  const { scores, byCollection, files } = await scoreOffline(shared, opt('gold'), opt('notes'));
  const show = Number(opt('show') ?? 0);
  const only = opt('only')?.split(',');
  if (show) {
    for (const f of files) {
      const keys = Object.keys(f.misses).filter((k) => !only || only.includes(k));
      if (!keys.length) continue;
      console.log(`\n== ${f.gold.corpus}/${f.gold.path}`);
      for (const k of keys) {
        const m = f.misses[k]!;
        if (m.missed.length) console.log(`  ${k} missed: ${m.missed.slice(0, show).join(' | ')}`);
        if (m.extra.length) console.log(`  ${k} extra:  ${m.extra.slice(0, show).join(' | ')}`);
      }
    }
    console.log();
  }
  console.log(formatScores(scores));
  console.log(`\nF1 by collection\n${formatByCollection(byCollection)}`);
}
