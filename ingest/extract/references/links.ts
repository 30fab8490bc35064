/**
 * Where a note's links are: link reference definitions (`[#74]: url`,
 * which the parsed blocks leave out) and their uses, the source line of an
 * offset in a block's text, and text with its URLs blanked out.
 */
import { mayHoldUrl, URL_IN_TEXT } from './github.js';
import type { Block, Link, Note } from '../../types.js';

/** `[label]: url` link reference definitions. */
const DEFINITION = /^ {0,3}\[([^\]\n]+)\]:\s*<?([^\s>]+)>?/;
/** `[text][label]`, `[label][]` and `[label]` uses of a definition. */
const LINK_LABEL = /\[([^\]\n]+)\](?:\[([^\]\n]*)\])?/g;

const labelKey = (s: string): string => s.trim().replace(/\s+/g, ' ').toLowerCase();

/** The note's link reference definitions by label, each as a link on its own line. */
export function linkDefinitions(note: Note): Map<string, Link> {
  const definitions = new Map<string, Link>();
  note.lines.forEach((line, i) => {
    const m = DEFINITION.exec(line);
    if (m && !definitions.has(labelKey(m[1]!))) definitions.set(labelKey(m[1]!), { url: m[2]!, text: m[1]!, line: i + 1 });
  });
  return definitions;
}

/** Definitions a block uses by label (`[#74]`, `[text][label]`), as links on the using line. */
export function usedDefinitions(note: Note, block: Block, definitions: Map<string, Link>): Link[] {
  if (!definitions.size) return [];
  const out: Link[] = [];
  for (let n = block.startLine; n <= block.endLine; n++) {
    const line = note.lines[n - 1] ?? '';
    if (!line.includes('[') || line.includes(']:')) continue;
    LINK_LABEL.lastIndex = 0;
    for (const m of line.matchAll(LINK_LABEL)) {
      const def = definitions.get(labelKey(m[2] || m[1]!));
      if (def) out.push({ url: def.url, text: m[1]!, line: n });
    }
  }
  return out;
}

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
