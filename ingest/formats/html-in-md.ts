/**
 * Markdown whose notes are written as HTML blocks (`<h3>Motion …</h3>`,
 * `<p>Resolution: Passed.</p>`, `<li>Name</li>`), as some sites' minutes are.
 * remark keeps such lines as raw HTML, which carries no text; this format
 * reads the headings, paragraphs and list items out of each block (html.ts),
 * so they become the blocks markdown would have made.
 */
import type { Format } from './format.js';
import { htmlPieces } from './html.js';
import { blankTemplateTags } from './template-tags.js';

/** An opening heading, paragraph or list-item tag: what an HTML block needs to hold any text we read. */
const PIECE_TAG = /<(?:h[1-6]|p|li)\b[^>]*>/i;

/** Markdown with HTML headings, paragraphs or list items in it. */
export const htmlInMarkdown: Format = {
  name: 'html-in-md',
  detect: (file) => PIECE_TAG.test(file.text),
  toMarkdown: blankTemplateTags,
  htmlBlocks: htmlPieces,
};
