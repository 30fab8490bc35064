/**
 * Why an answer was chosen: each word of the question that a passage or
 * decision of the answer holds (in any of the forms the index folds
 * together, schema/terms.ts), and where; for a reference asked for, each
 * line that links it or says one of its names. Computed from the answer's own
 * rows, so it costs no query; GraphiQL shows it as the `why` field.
 */
import { indexTerms, stem, words } from '../schema/terms.js';
import type { Located } from './queries.js';
import { sourceOf, type Source } from './source.js';

/** What was asked, carried on each answer row so its fields can explain it. */
export interface Asked {
  /** The words of the question (a topic), or a reference id. */
  text: string;
  /** A canonical reference id, when one was asked. */
  ref?: string | null;
}

/** One word of the question found in an answer. */
export interface Match {
  term: string;
  where: 'heading' | 'text' | 'link' | 'name';
  source: Source;
}

type Termed = Located & { terms?: string; section?: string; refs?: string[] };

/** The index forms a word of the question matches: itself, and joined with each neighbour. */
function forms(text: string): { term: string; alts: string[] }[] {
  const ws = words(text);
  return ws.map((w, i) => ({
    term: w,
    alts: [stem(w), ...(i > 0 ? [stem(ws[i - 1]! + w)] : []), ...(i + 1 < ws.length ? [stem(w + ws[i + 1]!)] : [])],
  }));
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
  const wanted = forms(asked.text).filter((f) => f.alts[0]!.length > 1);
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
      if (seen.has(f.term) || !f.alts.some((a) => all.has(a))) continue;
      seen.add(f.term);
      out.push({ term: f.term, where: f.alts.some((a) => own.has(a)) ? 'text' : 'heading', source: sourceOf(x) });
    }
  }
  return out;
}
