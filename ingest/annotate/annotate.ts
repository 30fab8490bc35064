/**
 * The annotate pass: what every extractor reads about a parsed note besides
 * its blocks, computed once before extraction and read-only afterwards. The
 * note's vocabulary (its format's), each section's clean heading and the
 * kinds that heading names, which blocks are passages, and the discussion
 * threads of those passages.
 *
 * Note: sentences and speaker labels (units.ts) need the speakers the people
 * extractor credits, so they are still computed on demand during extraction.
 */
import { vocabularyOf } from '../formats/registry.js';
import type { CompiledVocabulary, SectionKind } from '../formats/vocabulary.js';
import type { Note } from '../types.js';
import { findThreads, type Threads } from './threads.js';
import { sectionHeading } from './units.js';

/** What the annotate pass found in one note. */
export interface Annotations {
  /** The vocabulary of the note's format. */
  readonly vocabulary: CompiledVocabulary;
  /** Per section id: its heading without numbering, time boxes, presenters, links or markup (units.ts cleanHeading). */
  readonly headings: readonly string[];
  /** Per section id: the kinds its own clean heading names as a whole (`Attendees` → attendance). */
  readonly kinds: readonly (readonly SectionKind[])[];
  /** Per block id: the index of its passage, -1 for headings and blocks without text. */
  readonly passageOf: readonly number[];
  /** The passages' discussion threads (threads.ts). */
  readonly threads: Readonly<Threads>;
}

/** Annotates a parsed note once, for every extractor, with a vocabulary (its format's unless given). */
export function annotateNote(note: Note, vocabulary: CompiledVocabulary = vocabularyOf(note.format)): Annotations {
  const headings = note.sections.map((s) => sectionHeading(s));
  const names = Object.entries(vocabulary.sections) as [SectionKind, { whole: RegExp }][];
  const kinds = headings.map((h) => names.filter(([, m]) => m.whole.test(h)).map(([kind]) => kind));
  let count = 0;
  const passageOf = note.blocks.map((b) => (b.kind === 'heading' || !b.text.trim() ? -1 : count++));
  return { vocabulary, headings, kinds, passageOf, threads: findThreads(note, passageOf, vocabulary) };
}

/** Whether a section, or a section around it, has a heading of one of the kinds. */
export function inSectionOfKind(note: Note, annotations: Annotations, section: number, ...kinds: SectionKind[]): boolean {
  for (let s = section; s >= 0; s = note.sections[s]!.parent) {
    if (annotations.kinds[s]!.some((k) => kinds.includes(k))) return true;
  }
  return false;
}
