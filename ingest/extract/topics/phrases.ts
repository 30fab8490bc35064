/**
 * Key phrases of a meeting without NLP: runs of content words (between
 * punctuation and function words) that come back in several passages
 * ("page map scan", "pooling allocator"), technical words that recur
 * (`weval`, `Lime1`, `MSRV`), and code spans written more than once. Cheap
 * enough for whole notes; compromise stays on the small pieces.
 */
import { terms } from '../../../schema/terms.js';

export interface Phrase {
  /** The first way the meeting wrote it. */
  name: string;
  /** Normalised terms, space-separated. */
  key: string;
  /** Indices of the passages that say it. */
  passages: number[];
}

/** Words that end a run of content words: function words, pronouns, common verbs and fillers. */
const BREAK = new Set(
  (
    'a an and are as at be been but by can could did do does for from had has have how i if in into is it its me my no not of on or our ' +
    'so that the their them then there these they this to was we were what when where which who whom why will with would you your ' +
    'about after any all also just than too very via vs am being both each either every few he her here him his more most much must ' +
    'neither nor now only other own same she should some such those though through under until up us what whether while yet ' +
    'think thought want wanted need needs needed make makes made get gets got go goes going went know known say says said see seen ' +
    'seems seem look looks like likes maybe really yes yeah ok okay sure probably actually basically already still even well ' +
    'one two three thing things something anything nothing everything lot lots bit kind sort way ways good great nice right ' +
    "able let lets let's don't doesn't isn't can't won't we're we'll i'm it's that's there's i'll they're you're " +
    'question questions point idea ideas people someone anyone everyone next last first new old today tomorrow yesterday week weeks ' +
    'ago meeting meetings call discussion discuss discussed talk talked agree agreed try tried use used using work working worked ' +
    'done doing take takes took give given come came put set sounds sound mean means ask asked feel wonder hope etc e.g i.e'
  ).split(' '),
);
/** Marks a single word as technical: digits, underscores, inner capitals or hyphens. */
const TECHNICAL = /\d|_|[a-z][A-Z]|^[A-Z]{2,}s?$|\w-\w/;
const MAX_PHRASES = 12;
/** Single words that mark a line (`AI:`, `POLL:`) or say what kind of thing it is, not what about. */
const MARKERS = new Set(['ai', 'poll', 'vote', 'pr', 'rfc', 'tbd', 'todo', 'fyi', 'lgtm', 'eod', 'na', 'ok', 'tl', 'dr', 'faq', 'etc', 'ago', 'year']);

interface Candidate {
  name: string;
  n: number;
  passages: Set<number>;
  code: boolean;
}

/** The key phrases of a meeting's passages; `names` are terms of people's names, never a phrase on their own. */
export function keyPhrases(passages: { text: string; code: string[] }[], names: Set<string>, skip: (i: number) => boolean): Phrase[] {
  const found = new Map<string, Candidate>();
  /** Notes one phrase: its terms (`key`, space-separated; `count` of them), and whether they are all names or numbers. */
  const note = (name: string, key: string, count: number, onlyNames: boolean, n: number, i: number, code: boolean) => {
    if (!count || onlyNames || (count === 1 && MARKERS.has(key))) return;
    let c = found.get(key);
    if (!c) found.set(key, (c = { name, n, passages: new Set<number>(), code: false }));
    c.passages.add(i);
    c.code ||= code;
  };
  const nameOrNumber = (t: string) => names.has(t) || /^\d+$/.test(t);
  // Each passage's code spans that may be phrases, and its runs, read once for both passes.
  const read = passages.map((p, i) =>
    skip(i)
      ? null
      : {
          code: p.code.filter((c) => c.length <= 40 && /^[\p{L}_][\p{L}\p{N}_:<>.,\- ]*$/u.test(c) && c.split(/\s+/).length <= 3),
          runs: runs(p.text.replace(/<?\bhttps?:\/\/\S+/g, ' . ')),
        },
  );
  // Note: a phrase kept is said in two passages at least, so each of its terms is. The passages each term is
  // in are counted first, and a run's phrases are made only of words whose terms are all in two passages or
  // more: most words of a note are said in one passage, and their phrases were most of extraction's
  // hottest loop. What is kept is the same (a pruned phrase has a term in one passage, so it is too).
  const seen = new Map<string, number>();
  const twice = new Set<string>();
  const count = (ts: readonly string[], i: number) => {
    for (const t of ts) {
      const last = seen.get(t);
      if (last === undefined) seen.set(t, i);
      else if (last !== i) twice.add(t);
    }
  };
  read.forEach((r, i) => {
    if (!r) return;
    for (const c of r.code) count(termsOf(c), i);
    for (const tokens of r.runs) for (const t of tokens) count((t.terms ??= termsOf(t.w)), i);
  });
  read.forEach((r, i) => {
    if (!r) return;
    for (const c of r.code) {
      const ts = termsOf(c);
      if (ts.every((t) => twice.has(t))) note(c, ts.join(' '), ts.length, ts.every(nameOrNumber), 1, i, true);
    }
    for (const tokens of r.runs) {
      // Each word's terms, joined, and whether they are all names or numbers, once per run: a phrase of n
      // words is then made of its words' parts with no array of its own. A phrase is made only of words
      // whose terms are all said in two passages (`ok`).
      const run = tokens.map((t) => t.w);
      const keys: string[] = [];
      const counts: number[] = [];
      const only: boolean[] = [];
      const ok: boolean[] = [];
      for (const t of tokens) {
        const ts = t.terms!;
        const often = ts.every((x) => twice.has(x));
        ok.push(often);
        // A token's terms are kept on it, so a word said again costs no second lookup.
        keys.push(often ? (t.key ??= ts.join(' ')) : '');
        counts.push(ts.length);
        only.push(often && ts.every(nameOrNumber));
      }
      for (let s = 0; s < run.length; s++) {
        if (ok[s] && TECHNICAL.test(run[s]!)) note(run[s]!, keys[s]!, counts[s]!, only[s]!, 1, i, false);
      }
      for (let s = 0; s + 2 <= run.length; s++) {
        if (ok[s] && ok[s + 1]) {
          note(`${run[s]!} ${run[s + 1]!}`, joinKeys(keys[s]!, keys[s + 1]!), counts[s]! + counts[s + 1]!, only[s]! && only[s + 1]!, 2, i, false);
        }
      }
      for (let s = 0; s + 3 <= run.length; s++) {
        if (ok[s] && ok[s + 1] && ok[s + 2]) {
          note(
            `${run[s]!} ${run[s + 1]!} ${run[s + 2]!}`,
            joinKeys(joinKeys(keys[s]!, keys[s + 1]!), keys[s + 2]!),
            counts[s]! + counts[s + 1]! + counts[s + 2]!,
            only[s]! && only[s + 1]! && only[s + 2]!,
            3,
            i,
            false,
          );
        }
      }
    }
  });
  const kept = [...found.entries()]
    .filter(([, c]) => c.passages.size >= (c.code ? 2 : c.n === 1 ? 3 : 2))
    .sort((a, b) => b[1].n - a[1].n || b[1].passages.size - a[1].passages.size);
  const out: [string, Candidate][] = [];
  for (const [key, c] of kept) {
    // A shorter phrase said only inside a longer one adds nothing.
    const inside = out.some(([k, o]) => ` ${k} `.includes(` ${key} `) && o.passages.size >= c.passages.size);
    if (!inside) out.push([key, c]);
  }
  return out
    .sort((a, b) => b[1].passages.size * b[1].n - a[1].passages.size * a[1].n)
    .slice(0, MAX_PHRASES)
    .map(([key, c]) => ({ name: c.name, key, passages: [...c.passages].sort((x, y) => x - y) }));
}

/** Two words' terms, space-separated, as one phrase's (a word without terms adds none). */
const joinKeys = (a: string, b: string): string => (!a ? b : !b ? a : `${a} ${b}`);

const cache = new Map<string, string[]>();

/** terms() of one word, remembered (words repeat across a corpus). */
function termsOf(word: string): string[] {
  let ts = cache.get(word);
  if (!ts) {
    if (cache.size > 200_000) cache.clear();
    cache.set(word, (ts = terms(word)));
  }
  return ts;
}

/** Runs of content words (their tokens), broken at punctuation and function words. */
function runs(text: string): Token[][] {
  const out: Token[][] = [];
  let run: Token[] = [];
  const end = () => {
    if (run.length) out.push(run);
    run = [];
  };
  for (const raw of text.split(/\s+/)) {
    if (!raw) continue;
    const token = tokenOf(raw);
    if (token.open) end();
    if (token.breaks) end();
    else run.push(token);
    if (token.close) end();
  }
  end();
  return out;
}

const EDGES = /^[^\p{L}\p{N}]+|[^\p{L}\p{N}+#>]+$/gu;

interface Token {
  /** Opening punctuation: ends the run before the word. */
  open: boolean;
  /** The word without edge punctuation. */
  w: string;
  /** Closing punctuation: ends the run after the word. */
  close: boolean;
  /** Not a content word: empty, too long, a number, a rule, a function word. */
  breaks: boolean;
  /** terms() of the word, once a run needs them. */
  terms?: string[];
  /** Those terms, space-separated. */
  key?: string;
}

const tokens = new Map<string, Token>();

/** What one whitespace-separated token is to runs(), remembered (tokens repeat across a corpus). */
function tokenOf(raw: string): Token {
  let t = tokens.get(raw);
  if (!t) {
    const w = raw.replace(EDGES, '');
    t = {
      open: /^[([{"“'‘*_`]/.test(raw),
      w,
      close: w.length < raw.length && /[.,;:!?)\]}"”'’*_`…]$/.test(raw),
      breaks: !w || w.length > 40 || /^\d+$/.test(w) || /^[-–—|=/]+$/.test(w) || BREAK.has(w.toLowerCase().replace(/’/g, "'")),
    };
    if (tokens.size > 200_000) tokens.clear();
    tokens.set(raw, t);
  }
  return t;
}
