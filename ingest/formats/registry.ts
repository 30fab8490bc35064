/**
 * The note formats Quorum reads, in the order detection tries them, and the
 * vocabulary each is read with (the default merged with the format's rows,
 * compiled once).
 */
import type { SourceFile } from '../types.js';
import type { Format } from './format.js';
import { htmlInMarkdown } from './html-in-md.js';
import { markdown } from './markdown.js';
import { compileVocabulary, mergeVocabulary, type CompiledVocabulary } from './vocabulary.js';
import { webText } from './web-text.js';

/** Every format, the most particular first; markdown, the default, claims whatever is left. */
export const FORMATS: readonly Format[] = [webText, htmlInMarkdown, markdown];

/** The format a file is written in (its text with line endings as LF): the first whose detect says so. */
export function detectFormat(file: SourceFile): Format {
  return FORMATS.find((f) => f.detect(file)) ?? markdown;
}

/** A format by its name (as `Note.format` records it); the default for a name no format has. */
export function formatNamed(name: string): Format {
  return FORMATS.find((f) => f.name === name) ?? markdown;
}

const compiled = new Map<string, CompiledVocabulary>();

/** The vocabulary notes of a format (a Format or its name) are read with: the default merged with its rows. */
export function vocabularyOf(format: Format | string): CompiledVocabulary {
  const f = typeof format === 'string' ? formatNamed(format) : format;
  let v = compiled.get(f.name);
  if (!v) compiled.set(f.name, (v = compileVocabulary(mergeVocabulary(f.vocabulary))));
  return v;
}
