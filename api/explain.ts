/**
 * Why an answer was chosen: each word of the question that a passage or
 * decision of the answer holds (in any of the forms the index folds
 * together, schema/terms.ts), and where; for a reference asked for, each
 * line that links it or says one of its names. Computed from the answer's own
 * rows, so it costs no query; GraphiQL shows it as the `why` field.
 */
import { indexTerms, searchedWords, stem, type Expansion } from '../schema/terms.js';
import type { Located } from './queries.js';
import { sourceOf, type Source } from './source.js';

/** What was asked, carried on each answer row so its fields can explain it. */
export interface Asked {
  /** The words of the question (a topic), or a reference id. */
  text: string;
  /** A canonical reference id, when one was asked. */
  ref?: string | null;
  /** The acronyms the notes define that the question's words spell or are (either form matched the other). */
  expansions?: readonly Expansion[];
}

/** One word of the question found in an answer. */
export interface Match {
  term: string;
  where: 'heading' | 'text' | 'link' | 'name';
  source: Source;
}

type Termed = Located & { terms?: string; section?: string; refs?: string[] };

/**
 * The index forms a word of the question matches: itself, and joined with
 * each neighbour; for initials the notes define, their name (all its terms);
 * for a word of a defined name, its initials.
 */
function forms(text: string, expansions: readonly Expansion[] = []): { term: string; alts: string[] }[] {
  // The words as the query was built from them (schema/terms.ts termQuery): a defined name's terms are consecutive there.
  const ws = searchedWords(text);
  const stems = ws.map(stem);
  return ws.map((w, i) => {
    const spelled = [w, i > 0 ? ws[i - 1]! + w : '', i + 1 < ws.length ? w + ws[i + 1]! : ''];
    const named = expansions.filter((e) => {
      const long = e.long.split(' ');
      return long.some((_, k) => i - k >= 0 && long.every((t, j) => stems[i - k + j] === t));
    });
    return {
      term: w,
      alts: [
        stem(w),
        ...(i > 0 ? [stem(ws[i - 1]! + w)] : []),
        ...(i + 1 < ws.length ? [stem(w + ws[i + 1]!)] : []),
        ...expansions.filter((e) => spelled.includes(e.short)).map((e) => e.long),
        ...named.map((e) => e.short),
      ],
    };
  });
}

/**
 * The words of `asked` held by each item (passages, decisions), where each
 * was found: in the item's text, or only in the section heading it is
 * under. For a reference asked for, each item: `link` when `linked` says it
 * links the reference, else `name` (it says one of the reference's names).
 */
export function explain(asked: Asked | undefined, items: Termed[], linked: (x: Termed) => boolean = () => false): Match[] {
  if (!asked) return [];
  const out: Match[] = [];
  const wanted = forms(asked.text, asked.expansions).filter((f) => f.alts[0]!.length > 1);
  // An alternative of several terms (a defined name) is held when all its terms are.
  const holds = (set: Set<string>, alt: string): boolean => alt.split(' ').every((t) => set.has(t));
  for (const x of items) {
    if (asked.ref) {
      out.push({ term: asked.ref, where: linked(x) ? 'link' : 'name', source: sourceOf(x) });
      continue;
    }
    // Indexed terms are the line's and its section heading's (ingest/load/rows.ts).
    const all = new Set((x.terms ?? '').split(' '));
    const own = new Set(indexTerms(x.text).split(' '));
    const seen = new Set<string>();
    for (const f of wanted) {
      if (seen.has(f.term) || !f.alts.some((a) => holds(all, a))) continue;
      seen.add(f.term);
      out.push({ term: f.term, where: f.alts.some((a) => holds(own, a)) ? 'text' : 'heading', source: sourceOf(x) });
    }
  }
  return out;
}
