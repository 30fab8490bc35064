/**
 * Where a note's links are: the source line of an offset in a block's text,
 * and text with its URLs blanked out. (Link reference definitions and their
 * uses come parsed: Note.definitions, Block.refLinks.)
 */
import { mayHoldUrl, URL_IN_TEXT } from './github.js';
import type { Block } from '../../types.js';

/** Text with its URLs blanked out, offsets kept. */
export const masked = (text: string): string => (mayHoldUrl(text) ? text.replace(URL_IN_TEXT, (u) => ' '.repeat(u.length)) : text);

const breaksOf = new WeakMap<Block, number[]>();

/** The source line of an offset in a block's text. */
export function lineAt(block: Block, index: number): number {
  let breaks = breaksOf.get(block);
  if (!breaks) {
    breaks = [];
    for (let i = block.text.indexOf('\n'); i >= 0; i = block.text.indexOf('\n', i + 1)) breaks.push(i);
    breaksOf.set(block, breaks);
  }
  let lo = 0;
  let hi = breaks.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (breaks[mid]! < index) lo = mid + 1;
    else hi = mid;
  }
  return Math.min(block.startLine + lo, block.endLine);
}
