/**
 * Notes written as HTML inside a markdown file (`<h3>Motion …</h3>`,
 * `<p>Resolution: Passed.</p>`, `<li>Name</li>`): remark keeps such lines as
 * raw HTML nodes, which carry no text for the extractors. This reads the
 * headings, paragraphs and list items out of one HTML node, with the source
 * lines of each, so the parser can make the same blocks markdown would.
 */
import type { Link } from '../types.js';

/** One heading, paragraph or list item found in raw HTML. */
export interface HtmlPiece {
  kind: 'heading' | 'paragraph' | 'item';
  /** Heading level; 0 for paragraphs and items. */
  depth: number;
  /** Plain text: tags removed, entities decoded, line breaks kept. */
  text: string;
  startLine: number;
  endLine: number;
  links: Link[];
  /** Text of a bold or emphasised run that opens the piece (`<strong>Date:</strong>`). */
  lead?: string;
}

const PIECE = /<(h[1-6]|p|li)\b[^>]*>([\s\S]*?)<\/\1\s*>/gi;
const ANCHOR = /<a\b[^>]*?\bhref\s*=\s*["']([^"']*)["'][^>]*>([\s\S]*?)<\/a\s*>/gi;
const LEAD = /^\s*<(strong|b|em|i)\b[^>]*>([\s\S]*?)<\/\1\s*>/i;
const ENTITIES: Record<string, string> = {
  amp: '&',
  lt: '<',
  gt: '>',
  quot: '"',
  apos: "'",
  nbsp: ' ',
  rsquo: '’',
  lsquo: '‘',
  rdquo: '”',
  ldquo: '“',
  ndash: '–',
  mdash: '—',
  hellip: '…',
};

/** Text of an HTML fragment: `<br>` as a line break, other tags dropped, entities decoded. */
export function htmlText(html: string): string {
  return html
    .replace(/<br\s*\/?>/gi, '\n')
    .replace(/<[^>]*>/g, '')
    .replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (m, e: string) => {
      if (e[0] === '#') {
        const code = e[1] === 'x' || e[1] === 'X' ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10);
        return Number.isFinite(code) && code > 0 && code < 0x110000 ? String.fromCodePoint(code) : m;
      }
      return ENTITIES[e.toLowerCase()] ?? m;
    })
    .replace(/[ \t]+\n/g, '\n')
    .trim();
}

/** The headings, paragraphs and list items of one raw HTML node whose first line is `firstLine`. */
export function htmlPieces(html: string, firstLine: number): HtmlPiece[] {
  const out: HtmlPiece[] = [];
  const lineAt = (i: number) => firstLine + (html.slice(0, i).match(/\n/g)?.length ?? 0);
  for (const m of html.matchAll(PIECE)) {
    const tag = m[1]!.toLowerCase();
    const inner = m[2]!;
    const text = htmlText(inner);
    if (!text) continue;
    const start = lineAt(m.index);
    const links: Link[] = [];
    for (const a of inner.matchAll(ANCHOR)) {
      links.push({ url: a[1]!, text: htmlText(a[2]!), line: lineAt(m.index + m[0].indexOf(a[0])) });
    }
    const lead = LEAD.exec(inner);
    out.push({
      kind: tag === 'p' ? 'paragraph' : tag === 'li' ? 'item' : 'heading',
      depth: tag[0] === 'h' ? Number(tag[1]) : 0,
      text,
      startLine: start,
      endLine: lineAt(m.index + m[0].length - 1),
      links,
      ...(lead ? { lead: htmlText(lead[2]!) } : {}),
    });
  }
  return out;
}
