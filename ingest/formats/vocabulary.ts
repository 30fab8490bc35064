/**
 * The vocabulary of meeting notes: the cue words and label forms every stage
 * reads (how people write a speaker's turn, what heads an attendance or
 * agenda section …), kept as tables. A format extends or overrides rows of the
 * default; `compileVocabulary` turns the tables into the regexes the stages
 * use, once per vocabulary.
 */

/** The tables one format's notes are read with. Each row is data, not control flow. */
export interface Vocabulary {
  /**
   * Speaker turns inside a paragraph: the characters a label may hold after
   * its first letter, and its longest length. A line `Label: text` whose label
   * fits opens a new turn (and a new block).
   */
  turnLabel: { chars: string; max: number };
}

/** The default vocabulary: what notes in markdown, in English, write. */
export const DEFAULT_VOCABULARY: Vocabulary = {
  turnLabel: { chars: "\\p{L}\\p{M}0-9 .'_-", max: 40 },
};

/** A vocabulary's tables compiled to the regexes the stages match with. */
export interface CompiledVocabulary {
  readonly tables: Readonly<Vocabulary>;
  /** A line that opens a new speaker's turn inside a paragraph (parse splits the paragraph there). */
  readonly turnLine: RegExp;
}

/** The default vocabulary with a format's rows laid over it (a format's table replaces the default's). */
export function mergeVocabulary(over: Partial<Vocabulary> = {}): Vocabulary {
  return { ...DEFAULT_VOCABULARY, ...over };
}

/** Compiles a vocabulary's tables to regexes. Call once per vocabulary (the registry caches). */
export function compileVocabulary(v: Vocabulary): CompiledVocabulary {
  const { chars, max } = v.turnLabel;
  return {
    tables: v,
    // Note: optional bullet, optional bold around the label, a colon, then text on the same line.
    turnLine: new RegExp(`^\\s*(?:[-*]\\s+)?(?:\\*\\*|__)?[\\p{L}@][${chars}]{0,${max}}?(?:\\*\\*|__)?\\s?:(?:\\*\\*|__)?\\s+\\S`, 'u'),
  };
}
