/**
 * What the extractors after people and references read: the note, the
 * collection's config, and what the earlier extractors found. Read-only: an
 * extractor returns what it found and changes nothing here.
 */
import type { Annotations } from '../annotate/annotate.js';
import type { Threads } from '../annotate/threads.js';
import { perSource } from '../annotate/units.js';
import type { CollectionConfig } from '../read/config.js';
import type { Note, PassageRecord } from '../types.js';
import type { Meta } from './meta.js';
import type { PeopleResult } from './people.js';
import type { ReferencesResult } from './references.js';

export interface ExtractContext {
  note: Note;
  config: CollectionConfig;
  meta: Meta;
  people: PeopleResult;
  refs: ReferencesResult;
  passages: PassageRecord[];
  /** Per block id: index into passages, or -1 (headings, empty blocks). */
  passageOf: readonly number[];
  /** The discussion threads of the passages (annotate/threads.ts). */
  threads: Readonly<Threads>;
  /** What the annotate pass found (annotate/annotate.ts): vocabulary, clean headings, section kinds, threads. */
  annotations: Annotations;
  /** Heading path of a section id (`Notes › Binary artifacts`); '' for -1. */
  sectionPath(section: number): string;
}

/** A function computed once per extraction and key: the cache lives as long as the ExtractContext. */
export const perContext: <K, V>(compute: (ctx: ExtractContext, key: K) => V) => (ctx: ExtractContext, key: K) => V = perSource;
