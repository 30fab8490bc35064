/**
 * The other names a passage gives a thing, after a cue of the vocabulary's
 * `names` table: the name it had before ("extensions (formerly shapes)"), one
 * it goes by besides ("also known as the confirmation rule"), or the effort it
 * came out of ("Output from Declarative macro repetition counts project").
 * Retrieval follows such a name from a discussion of the thing to the
 * meetings that used it (queries/parts/discussion-rank.cypher).
 * A name is the words after the cue up to the end of its clause (a bracket,
 * a comma, a full stop, a word that goes on with the sentence), link markup
 * and quotes off, a kind word at its end ("project", "WG") taken off; after a
 * cue that needs one ("output of"), only a name that ends with a kind word is
 * one. A name of one word is too common to follow ("formerly Google"), and a
 * long run of words is a sentence, not a name: two to eight words, one of
 * them of three letters or more. Each is kept in index form (schema/terms.ts
 * `terms`): the phrase retrieval searches for.
 */
import { terms } from '../../../schema/terms.js';
import { perTable, type NameWords } from '../../formats/vocabulary.js';

interface NameForms {
  /** A cue, then an optional article: group 1 a cue a name follows, group 2 a cue whose name needs a kind word. */
  readonly cue: RegExp;
  /** A name ending with a kind word (group 1: the name before it). */
  readonly kinded: RegExp;
  /** A kind word ending a name. */
  readonly kindEnd: RegExp;
  /** A word that goes on with the sentence. */
  readonly stop: RegExp;
}

const formsOf = perTable((t: NameWords): NameForms => ({
  cue: new RegExp(`(?<![\\p{L}\\p{N}])(?:(${t.cues.join('|')})|(${t.kindCues.join('|')}))\\s+(?:the\\s+)?`, 'giu'),
  kinded: new RegExp(`^(.+?)\\s+(?:${t.kinds.join('|')})(?![\\p{L}\\p{N}])`, 'iu'),
  kindEnd: new RegExp(`\\s+(?:${t.kinds.join('|')})$`, 'iu'),
  stop: new RegExp(`^(?:${t.stops.join('|')})$`, 'i'),
}));

/** Where a name's clause ends: a bracket, a comma or colon, a full stop, a line's end. */
const CLAUSE_END = /[,;:()[\]{}<>|!?\n]|\.(?=\s|$)/;
/** A markdown link: its text stays. */
const LINK = /\[([^\]]*)\]\([^)]*\)/g;
/** Quotes and emphasis around a name. */
const MARKS = /[`*_"“”«»]/g;

const MAX_WORDS = 8;

/** The other names `text` gives a thing, in index form, each once. */
export function otherNames(text: string, table: NameWords): string[] {
  const f = formsOf(table);
  const out = new Set<string>();
  // Note: a plural written after a code span (`implicit extension`s) keeps its s.
  const plain = text
    .replace(LINK, '$1')
    .replace(/`s(?![\p{L}\p{N}])/gu, 's`')
    .replace(MARKS, ' ');
  f.cue.lastIndex = 0;
  for (let m = f.cue.exec(plain); m; m = f.cue.exec(plain)) {
    const clause = plain
      .slice(m.index + m[0].length)
      .split(CLAUSE_END)[0]!
      .trim();
    let name: string;
    if (m[2] !== undefined) {
      const kinded = f.kinded.exec(clause);
      if (!kinded) continue;
      name = kinded[1]!;
    } else {
      const words = clause.split(/\s+/);
      const end = words.findIndex((w) => f.stop.test(w));
      name = (end < 0 ? words : words.slice(0, end)).join(' ').replace(f.kindEnd, '');
    }
    const ts = terms(name);
    if (ts.length >= 2 && ts.length <= MAX_WORDS && ts.some((w) => /[a-z]{3}/.test(w)) && name.split(/\s+/).length <= MAX_WORDS) out.add(ts.join(' '));
  }
  return [...out];
}
