/**
 * Markdown notes (CommonMark with GFM and front matter): the default format.
 * Template tags of static-site generators on lines of their own are blanked
 * (template-tags.ts); HTML blocks inside are read for their headings,
 * paragraphs and items (html.ts).
 */
import type { Format } from './format.js';
import { htmlPieces } from './html.js';
import { blankTemplateTags } from './template-tags.js';

/** The default format: every note no other format claims. */
export const markdown: Format = {
  name: 'markdown',
  detect: () => true,
  toMarkdown: blankTemplateTags,
  htmlBlocks: htmlPieces,
};
