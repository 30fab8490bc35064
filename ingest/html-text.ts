/**
 * Meeting notes written as HTML inside a markdown file (`<h2>Attendance</h2>`,
 * `<ul><li>Name</li></ul>`, `<p><strong>Date:</strong> …</p>`): the markdown
 * parser keeps such blocks as raw HTML, which no extractor reads. They are
 * rewritten as markdown line for line, so that headings, list items and
 * paragraphs come back as such and line numbers stay those of the file.
 */

/** A line that opens or closes an HTML block element. */
const BLOCK_TAG = /^\s*<\/?(?:h[1-6]|p|ul|ol|li|div|table|thead|tbody|tr|td|th|blockquote|section|article|br)\b[^>]*>/i;

/**
 * True when a note is written in HTML block elements rather than markdown:
 * most of its first lines with text open or close one.
 */
export function isHtmlText(text: string): boolean {
  const head = text.slice(0, 6000).split('\n', 80).filter((l) => l.trim());
  if (head.length < 3) return false;
  const tagged = head.filter((l) => BLOCK_TAG.test(l)).length;
  return tagged * 2 >= head.length;
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ', mdash: '—', ndash: '–', rsquo: '’', lsquo: '‘', ldquo: '“', rdquo: '”', hellip: '…' };

/** Inline markup as markdown: strong and emphasis, links, code; other tags dropped, entities decoded. */
function inline(s: string): string {
  return s
    .replace(/<(strong|b)>(.*?)<\/\1>/gi, '**$2**')
    .replace(/<(em|i)>(.*?)<\/\1>/gi, '*$2*')
    .replace(/<code>(.*?)<\/code>/gi, '`$1`')
    .replace(/<a\s[^>]*href="([^"]*)"[^>]*>(.*?)<\/a>/gi, '[$2]($1)')
    .replace(/<[^>]+>/g, '')
    .replace(/&(#\d+|#x[\da-f]+|[a-z]+);/gi, (m, e: string) => {
      if (e[0] === '#') {
        const code = e[1] === 'x' || e[1] === 'X' ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10);
        return Number.isFinite(code) ? String.fromCodePoint(code) : m;
      }
      return ENTITIES[e.toLowerCase()] ?? m;
    });
}

/** Rewrites a note of HTML block elements as markdown with the same number of lines. */
export function htmlToMarkdown(text: string): string {
  let listDepth = 0;
  return text
    .split('\n')
    .map((line) => {
      let prefix = '';
      let rest = line.trim();
      const heading = /^<h([1-6])\b[^>]*>/i.exec(rest);
      if (heading) {
        prefix = `${'#'.repeat(Number(heading[1]))} `;
        rest = rest.slice(heading[0].length);
      }
      // List containers set the depth of the items inside them; they are blank lines themselves.
      for (const m of rest.matchAll(/<(\/?)(?:ul|ol)\b[^>]*>/gi)) listDepth = Math.max(0, listDepth + (m[1] ? -1 : 1));
      const item = /^(?:<\/?(?:ul|ol)\b[^>]*>\s*)*<li\b[^>]*>/i.exec(rest);
      if (item && !heading) {
        prefix = `${'  '.repeat(Math.max(0, listDepth - 1))}- `;
        rest = rest.slice(item[0].length);
      }
      const body = inline(rest).trim();
      return body || prefix.startsWith('#') ? `${prefix}${body}`.trimEnd() : '';
    })
    .join('\n');
}
