/**
 * How text is matched the way a person types: one normalisation for what is
 * indexed and for what is asked. Case, accents, hyphens, underscores and
 * camelCase don't matter; plurals and verb forms are folded by a light
 * stemmer (`scanning` ~ `scan`); and two adjacent words also index as one
 * (`page map` ~ `pagemap`), so `page-map scanning` finds `pagemap_scan`.
 *
 * Indexed text becomes a string of terms read by Neo4j's whitespace analyzer
 * (schema/constraints.cypher); a question becomes a Lucene query built only
 * from those terms, so no user character ever reaches the query parser.
 */

const STOP = new Set(
  (
    'a an and are as at be been but by can could did do does for from had has have how i if in into is it its me my no not of on or our ' +
    'so that the their them then there these they this to was we were what when where which who whom why will with would you your ' +
    'about after any all also just than too very via vs discuss discussed discussion'
  ).split(' '),
);

const SYMBOLS: [RegExp, string][] = [
  [/c\+\+/gi, ' cplusplus '],
  [/c#/gi, ' csharp '],
  [/f#/gi, ' fsharp '],
  [/\.net\b/gi, ' dotnet '],
];

/** A symbol SYMBOLS spells out may be in the text. */
const HAS_SYMBOL = /[+#]|\.net/i;
/** Outside ASCII: only such text changes under NFKD and the accents' removal. */
const NON_ASCII = /[^\x00-\x7f]/;

/** Lower-case words of a text, camelCase split, symbols spelled out. */
export function words(text: string): string[] {
  let t = text;
  // Note: the tests before each pass only skip passes that would change nothing (ingest computes terms of every passage).
  if (HAS_SYMBOL.test(t)) for (const [re, word] of SYMBOLS) t = t.replace(re, word);
  t = t.replace(/([a-z0-9])([A-Z])/g, '$1 $2');
  if (NON_ASCII.test(t)) t = t.normalize('NFKD').replace(/[\u0300-\u036f]/g, '');
  return t
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter(Boolean);
}

/** The words of a question that are searched: its words but the stop words, which are never indexed. */
export function searchedWords(text: string): string[] {
  return words(text).filter((w) => !STOP.has(w));
}

// Note: terms stored by older rules are rewritten at the next ingest without a
// version to bump here: each meeting carries a hash of this code and of the
// rest that derives stored facts (ingest/load/derived.ts).

/** A light English stemmer: plurals, -ally, -ing, -ed, -er (long words), a final -e. */
export function stem(word: string): string {
  let w = word;
  if (w.length <= 3 || /^\d+$/.test(w)) return w;
  if (w.endsWith('ies') && w.length > 4) w = `${w.slice(0, -3)}y`;
  else if (/(?:sses|xes|ches|shes|zes)$/.test(w)) w = w.slice(0, -2);
  else if (w.endsWith('s') && !/(?:ss|us|is)$/.test(w)) w = w.slice(0, -1);
  if (w.length > 6 && w.endsWith('ally')) w = w.slice(0, -2);
  if (w.length > 5 && w.endsWith('ing') && /[aeiouy]/.test(w.slice(0, -3))) w = undouble(w.slice(0, -3));
  else if (w.length > 4 && w.endsWith('ed') && /[aeiouy]/.test(w.slice(0, -2))) w = undouble(w.slice(0, -2));
  else if (w.length > 6 && w.endsWith('er') && /[aeiouy]/.test(w.slice(0, -2))) w = undouble(w.slice(0, -2));
  if (w.length > 3 && w.endsWith('e') && !w.endsWith('ee')) w = w.slice(0, -1);
  return w;
}

function undouble(w: string): string {
  return /([^aeiouylsz])\1$/.test(w) ? w.slice(0, -1) : w;
}

/** The stemmed content words of a text, in order. */
export function terms(text: string): string[] {
  return searchedWords(text).map(stem);
}

/**
 * The index form of a text: its terms, then every adjacent pair joined
 * into one word (stemmed as a word of its own). With `tail`, of the text
 * followed by the tail (`${text} ${tail}`); a tail said with many texts (a
 * passage's section) is read once.
 */
export function indexTerms(text: string, tail?: string): string {
  const head = indexed(searchedWords(text));
  if (tail === undefined) return flat(head);
  const end = tailTerms(tail);
  if (!head.stems.length) return flat(end);
  if (!end.stems.length) return flat(head);
  return [...head.stems, ...end.stems, ...head.pairs, stem(head.last + end.first), ...end.pairs].join(' ');
}

interface Indexed {
  stems: string[];
  pairs: string[];
  first: string;
  last: string;
}

function indexed(ws: string[]): Indexed {
  const pairs: string[] = [];
  for (let i = 0; i + 1 < ws.length; i++) pairs.push(stem(ws[i]! + ws[i + 1]!));
  return { stems: ws.map(stem), pairs, first: ws[0] ?? '', last: ws[ws.length - 1] ?? '' };
}

/** The terms, then the pairs. */
const flat = (x: Indexed): string => [...x.stems, ...x.pairs].join(' ');

let lastTail: { text: string; terms: Indexed } | null = null;

/** indexed() of a tail, the last one remembered (a meeting's passages come section by section). */
function tailTerms(text: string): Indexed {
  if (lastTail?.text !== text) lastTail = { text, terms: indexed(searchedWords(text)) };
  return lastTail.terms;
}

export const MAX_QUERY_CHARS = 500;
const MAX_QUERY_TERMS = 24;

export class QueryTextError extends Error {}

/** An acronym a collection's notes define: its initials (`coc`) and the terms of its name (`code conduct`). */
export interface Expansion {
  short: string;
  long: string;
}

/**
 * What to look up among the acronyms the notes define for what a person
 * typed: each word (a word may be initials), and each run of two to eight of
 * its terms (a run may be a defined name).
 */
export function acronymCandidates(text: string): { words: string[]; phrases: string[] } {
  const ws = searchedWords(text.slice(0, MAX_QUERY_CHARS));
  const ts = ws.map(stem);
  const phrases: string[] = [];
  for (let i = 0; i < ts.length; i++) for (let n = 2; n <= 8 && i + n <= ts.length; n++) phrases.push(ts.slice(i, i + n).join(' '));
  // Initials in mixed case (`CoC`, `ePBS`) are split like camel case: two words joined may be one.
  const pairs = ws.slice(1).map((w, i) => ws[i]! + w);
  return { words: [...new Set([...ws, ...pairs])], phrases: [...new Set(phrases)] };
}

/**
 * A Lucene query over index terms for what a person typed: every word must
 * match, either alone or joined with a neighbour (`page map` finds `pagemap`
 * and `pagemap` finds `page map`). With mode 'any', one word is enough (for
 * ranking). Acronyms the notes define (`expansions`) match either way: a word
 * that is one also finds its name as a phrase (`coc` finds "code of
 * conduct"), and the words of a name also find its initials. Returns null when
 * nothing searchable is left (only stop words or punctuation). Built only from
 * [a-z0-9] terms, so nothing needs escaping.
 */
export function termQuery(text: string, mode: 'all' | 'any' = 'all', expansions: readonly Expansion[] = []): string | null {
  if (text.length > MAX_QUERY_CHARS) throw new QueryTextError(`the text is ${text.length} characters; at most ${MAX_QUERY_CHARS} are searched`);
  const ws = searchedWords(text).slice(0, MAX_QUERY_TERMS);
  if (!ws.length) return null;
  const short = initials(text);
  const stems = ws.map(stem);
  // The initials of each defined name the words spell out, on each of its words.
  const named = ws.map(() => new Set<string>());
  for (const e of expansions) {
    const long = e.long.split(' ');
    for (let i = 0; i + long.length <= stems.length; i++) {
      if (long.every((t, k) => stems[i + k] === t)) for (let k = 0; k < long.length; k++) named[i + k]!.add(e.short);
    }
  }
  const parts = ws.flatMap((w, i) => {
    // The series of a numbered item is one word with its number, which alone names it too.
    if (numbered(ws, i)) return [];
    const alts = new Set([stem(w)]);
    if (short) alts.add(short);
    if (i > 0) alts.add(stem(ws[i - 1]! + w));
    if (i + 1 < ws.length) alts.add(stem(w + ws[i + 1]!));
    // Initials in mixed case (`CoC` → `co c`) are two words here: either may be half of them.
    const spelled = [w, i > 0 ? ws[i - 1]! + w : '', i + 1 < ws.length ? w + ws[i + 1]! : ''];
    for (const e of expansions) if (spelled.includes(e.short) && /^[a-z0-9]+(?: [a-z0-9]+)+$/.test(e.long)) alts.add(`"${e.long}"`);
    for (const s of named[i]!) alts.add(s);
    return [alts.size === 1 ? [...alts][0]! : `(${[...alts].join(' OR ')})`];
  });
  return parts.join(mode === 'all' ? ' AND ' : ' OR ');
}

/**
 * The initials of a name written in capitals (`Library Carpentry` → `lc`,
 * `Component Model` → `cm`): two to four words, each capitalised but for
 * small words. Note: notes shorten a name they say often to its initials
 * ("help LC build momentum"); a topic in lower case is not a name.
 */
function initials(text: string): string | null {
  const ws = text.split(/[^\p{L}\p{N}]+/u).filter(Boolean);
  const named = ws.filter((w) => !STOP.has(w.toLowerCase()));
  if (named.length < 2 || named.length > 4 || !named.every((w) => /^\p{Lu}\p{Ll}/u.test(w))) return null;
  // Small words inside the name keep their letter: `Code of Conduct` → `coc` (CoC).
  return stem(ws.map((w) => w[0]!.toLowerCase()).join(''));
}

/**
 * Whether words[i] is the series of a numbered item (`EIP-7212`, `PEP 554`,
 * `RFC 3086`): a short word of letters before a number of three or more
 * digits. Note: once the series is known, people write the number alone
 * ("making 7212 CFI"), so the number (or series and number joined) is what
 * must match; the series is not a word of the topic of its own.
 */
function numbered(ws: string[], i: number): boolean {
  return /^[a-z]{2,5}$/.test(ws[i]!) && /^\d{3,}$/.test(ws[i + 1] ?? '');
}
