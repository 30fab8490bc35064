/**
 * What a note format is: a name, how it is detected, how its text becomes
 * markdown when it is not markdown already, and the vocabulary rows it adds to
 * the default. Adding a format is one module exporting a Format, listed in
 * registry.ts.
 */
import type { SourceFile } from '../types.js';
import type { HtmlPiece } from './html.js';
import type { Vocabulary } from './vocabulary.js';

/** One way notes are written. */
export interface Format {
  /** Recorded as `Note.format`. */
  readonly name: string;
  /** Whether a file (its text with line endings as LF) is written in this format. */
  detect(file: SourceFile): boolean;
  /** The text as markdown with the same lines, so line numbers stay those of the file. */
  toMarkdown?(text: string): string;
  /** The path the note had where it was written, when the text names it (a web page's header). */
  originalPath?(text: string): string | undefined;
  /** The headings, paragraphs and items of one raw HTML block starting at firstLine; without it, HTML blocks are markup only. */
  htmlBlocks?(html: string, firstLine: number): HtmlPiece[];
  /** Rows that extend or replace the default vocabulary's. */
  readonly vocabulary?: Partial<Vocabulary>;
}
