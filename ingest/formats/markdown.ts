/**
 * Markdown notes (CommonMark with GFM and front matter): the default format.
 * Template tags of static-site generators on lines of their own are blanked
 * (template-tags.ts); HTML blocks are markup only (html-in-md.ts reads notes
 * written in them).
 */
import type { Format } from './format.js';
import { blankTemplateTags } from './template-tags.js';

/** The default format: every note no other format claims. */
export const markdown: Format = {
  name: 'markdown',
  detect: () => true,
  toMarkdown: blankTemplateTags,
};
