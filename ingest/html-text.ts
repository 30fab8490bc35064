/**
 * Notes written as HTML in a markdown file (`<h2>Actions</h2>`, `<ul>`,
 * `<li><p>Dan: send the invoice.</p></li>`, one element a line) give the
 * markdown parser one opaque HTML block each, and so no text at all. Such a
 * note is rewritten as markdown line for line: headings, list items (nested
 * by the open lists), paragraphs, links, bold and code, entities decoded;
 * lines that are only tags become blank. Line numbers stay those of the file.
 */

/** A line that opens with a block-level tag of the kinds notes use. */
const BLOCK_TAG = /^\s*<\/?(?:h[1-6]|p|ul|ol|li|div|br|hr|table|tr|td|th|thead|tbody|blockquote|pre|section|article|dl|dt|dd)\b[^>]*>/i;

/** True when most of a note's lines are HTML elements: the note is HTML, not markdown with some HTML in it. */
export function isHtmlBody(text: string): boolean {
  const lines = text.split('\n').filter((l) => l.trim());
  if (lines.length < 5) return false;
  const html = lines.filter((l) => BLOCK_TAG.test(l)).length;
  return html / lines.length >= 0.6;
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ', ndash: '–', mdash: '—', hellip: '…', rsquo: '’', lsquo: '‘', rdquo: '”', ldquo: '“' };

/** Inline HTML as markdown text: links, bold, emphasis, code; other tags dropped; entities decoded. */
function inline(html: string): string {
  return html
    .replace(/<a\b[^>]*?href\s*=\s*["']([^"']*)["'][^>]*>([\s\S]*?)<\/a>/gi, (_, url: string, t: string) => `[${t.replace(/<[^>]*>/g, '')}](${url})`)
    .replace(/<\/?(?:strong|b)\b[^>]*>/gi, '**')
    .replace(/<\/?(?:em|i)\b[^>]*>/gi, '*')
    .replace(/<\/?code\b[^>]*>/gi, '`')
    .replace(/<[^>]*>/g, '')
    .replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (m, e: string) => {
      if (e[0] === '#') {
        const code = e[1] === 'x' || e[1] === 'X' ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10);
        return Number.isFinite(code) && code > 0 && code < 0x110000 ? String.fromCodePoint(code) : m;
      }
      return ENTITIES[e.toLowerCase()] ?? m;
    })
    .replace(/^\s*(#|>|\d+[.)]\s|[-*+]\s)/, (m) => `\\${m.trimStart()}`)
    .trim();
}

/** Rewrites an HTML note as markdown with the same number of lines. */
export function htmlToMarkdown(text: string): string {
  const lists: ('ul' | 'ol')[] = [];
  const out: string[] = [];
  for (const line of text.split('\n')) {
    let l = line.trim();
    let md = '';
    // Opening and closing list tags at the start or end of the line move the nesting.
    for (;;) {
      const open = /^<(ul|ol)\b[^>]*>/i.exec(l);
      const close = /^<\/(?:ul|ol)>/i.exec(l);
      if (open) lists.push(open[1]!.toLowerCase() as 'ul' | 'ol');
      else if (close) lists.pop();
      else break;
      l = l.slice((open ?? close)![0].length).trim();
    }
    const heading = /^<h([1-6])\b[^>]*>([\s\S]*?)(?:<\/h\1>)?$/i.exec(l);
    const item = /^<li\b[^>]*>([\s\S]*?)(?:<\/li>)?$/i.exec(l);
    if (heading) md = `${'#'.repeat(+heading[1]!)} ${inline(heading[2]!)}`;
    else if (item) {
      const depth = Math.max(1, lists.length);
      const indent = lists.slice(0, depth - 1).map((k) => (k === 'ol' ? '   ' : '  ')).join('');
      const body = inline(item[1]!);
      md = body ? `${indent}${lists[depth - 1] === 'ol' ? '1.' : '-'} ${body}` : '';
    } else md = inline(l);
    const trailing = /<\/(?:ul|ol)>\s*$/i.exec(l);
    if (trailing && !/^<\/(?:ul|ol)>/i.test(l)) lists.pop();
    out.push(md);
  }
  return out.join('\n');
}
