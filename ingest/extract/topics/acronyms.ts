/**
 * The acronyms a note defines: a name followed by its initials in brackets
 * ("Minimum Supported Rust Version (MSRV)", "Code of Conduct (CoC)") or the
 * initials followed by the name ("WASI (WebAssembly System Interface)"). The
 * initials must be the name's: each word gives its first letter (a camel-case
 * word may give the first letter of each part: "WebAssembly" → W, A), small
 * words ("of", "the") may give theirs or not. Retrieval reads them to match a
 * question written one way with notes written the other (queries/acronyms.cypher).
 * A person's name with their initials ("Jane Doe (JD)") is the roster's, not
 * an acronym: names of the note's people and lines of attendance sections are
 * left out. So is a name that holds its initials as a word ("CL Lighthouse (CL)").
 */
import { foldName } from '../../../schema/names.js';
import { terms } from '../../../schema/terms.js';
import { inSectionOfKind, type Annotations } from '../../annotate/annotate.js';
import { perTable } from '../../formats/vocabulary.js';
import type { AcronymRecord, Note, PersonRecord } from '../../types.js';

/** Words that may or may not give their letter to an acronym. */
/** The vocabulary's small words of names, as a set, once per table. */
const smallWords = perTable((words: readonly string[]) => new Set(words));

/** Initials in brackets after a name: two to eight letters, at least two of them capitals, nothing else inside. */
const AFTER = /\(\s*([A-Za-z][A-Za-z]{1,7})s?\s*\)/g;
/** Initials, then a name in brackets. */
const BEFORE = /(?:^|[^\p{L}\p{N}])(\p{Lu}[A-Za-z]{1,7})s?\s+\(([^()]{3,80})\)/gu;
/** A word of a name: letters, digits, an inner hyphen or apostrophe. */
const WORD = /[\p{L}\p{N}][\p{L}\p{N}'’]*|&/gu;

const capitals = (s: string): number => (s.match(/\p{Lu}/gu) ?? []).length;

/** The letters each word can give: its first, and for a camel-case word the first of each part. */
function lettersOf(word: string): string[] {
  const parts = word.split(/(?<=\p{Ll})(?=\p{Lu})/u);
  return parts.map((p) => p[0]!.toLowerCase());
}

/**
 * Whether `letters` are the initials of `words` (all of them, in order): each
 * word that is not small gives its first letter or, when camel-case, the first
 * letters of its first k parts; a small word gives its letter or nothing.
 */
function spells(letters: string, words: readonly string[], small: ReadonlySet<string>): boolean {
  const go = (li: number, wi: number): boolean => {
    if (wi === words.length) return li === letters.length;
    const w = words[wi]!;
    const isSmall = small.has(w.toLowerCase());
    if (isSmall && go(li, wi + 1)) return true;
    const own = lettersOf(w);
    for (let k = 1; k <= own.length; k++) {
      if (letters.slice(li, li + k) !== own.slice(0, k).join('')) break;
      if (go(li + k, wi + 1)) return true;
    }
    return false;
  };
  return go(0, 0);
}

/** The shortest run of words ending the text whose initials are `letters`, or null (the first word may not be small). */
function nameBefore(text: string, letters: string, small: ReadonlySet<string>): string[] | null {
  const ws = text.match(WORD) ?? [];
  const most = Math.min(ws.length, letters.length + 3);
  for (let n = 2; n <= most; n++) {
    const run = ws.slice(ws.length - n);
    if (small.has(run[0]!.toLowerCase())) continue;
    if (spells(letters, run, small)) return run;
  }
  return null;
}

/** Acronyms the note defines, each once (its first definition), leaving out people's initials. */
export function extractAcronyms(note: Note, annotations: Annotations, people: readonly PersonRecord[]): AcronymRecord[] {
  const names = new Set(people.flatMap((p) => [p.name, ...p.aliases]).map(foldName));
  const small = smallWords(annotations.vocabulary.tables.nameSmallWords);
  const out = new Map<string, AcronymRecord>();
  const add = (short: string, name: string[], line: number): void => {
    const long = terms(name.join(' ')).join(' ');
    const key = short.toLowerCase();
    if (names.has(foldName(name.join(' '))) || name.some((w) => w.toLowerCase() === key) || !long.includes(' ') || out.has(`${key}=${long}`)) return;
    out.set(`${key}=${long}`, { short: key, long, text: `${name.join(' ')} (${short})`, line });
  };
  for (const b of note.blocks) {
    if (b.kind === 'code' || !b.text.includes('(') || inSectionOfKind(note, annotations, b.section, 'attendance', 'members')) continue;
    const lines = b.text.split('\n');
    lines.forEach((text, i) => {
      // Both forms hold a bracket: a line without one defines nothing (and each expression tries every position).
      if (!text.includes('(')) return;
      const line = b.startLine + i;
      for (const m of text.matchAll(AFTER)) {
        const short = m[1]!;
        if (capitals(short) < 2) continue;
        const name = nameBefore(text.slice(0, m.index), short.toLowerCase(), small);
        if (name) add(short, name, line);
      }
      // Note: initials before a name need a blank before the bracket; most brackets in notes follow a word (`f(x)`, `#12(b)`) or are the initials themselves.
      if (!/\s\(/.test(text)) return;
      for (const m of text.matchAll(BEFORE)) {
        const short = m[1]!;
        if (capitals(short) < 2) continue;
        const name = m[2]!.match(WORD) ?? [];
        if (name.length >= 2 && !small.has(name[0]!.toLowerCase()) && spells(short.toLowerCase(), name, small)) add(short, name, line);
      }
    });
  }
  return [...out.values()];
}
