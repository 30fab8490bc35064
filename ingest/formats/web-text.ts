/**
 * Meeting notes saved as a web page's text (a repository viewer's header, then
 * the rendered notes: `•` bullets and numbered items indented two spaces a
 * level, headings as bare lines, no markdown) are rewritten as markdown line
 * for line, so the markdown parser reads them and line numbers stay those of
 * the file as read.
 */
import type { Format } from './format.js';

const BULLET = /^( *)[•◦▪‣·∙●○■□–-] +(.*)$/;
const NUMBERED = /^( *)(\d{1,3})[.)] +(.*)$/;
const HEADER_SIZE = /^\d+(?:\.\d+)? ?(?:B|KiB|MiB|KB|MB|bytes)$/i;
const HEADER_STAMP = /^\d{4}-\d{2}-\d{2}[ T]\d{2}:\d{2}/;
const REPO_PATH = /^[\w.-]+(?:\/[\w.@-]+)+\.(?:md|markdown|txt)$/i;

/** True when a `.txt` note is web-page text rather than markdown. */
export function isWebText(text: string): boolean {
  const head = text.slice(0, 4000).split(/\r\n|\r|\n/, 40);
  if (head.slice(0, 6).some((l) => REPO_PATH.test(l.trim())) && head.slice(0, 8).some((l) => HEADER_STAMP.test(l.trim()))) {
    return true;
  }
  const bullets = head.filter((l) => /^ *• /.test(l)).length;
  const markdown = head.filter((l) => /^(#{1,6} |\s*[*+-] |\s*\|.*\|\s*$)/.test(l)).length;
  return bullets > 0 && markdown === 0;
}

/** The repository path named by a web-page header (`Files` / path / time / size). */
export function webTextPath(text: string): string | undefined {
  for (const line of text.slice(0, 2000).split(/\r\n|\r|\n/, 8)) {
    if (REPO_PATH.test(line.trim())) return line.trim();
  }
  return undefined;
}

// Characters the markdown parser would read as markup; escaped so the plain
// text comes back as written.
const escapeInline = (s: string): string => s.replace(/[\\`*_[\]<>|~]/g, (c) => `\\${c}`);
const escapeStart = (s: string): string => s.replace(/^(#|>|=+$|-+$|\+ )/, (m) => `\\${m}`);

/** Rewrites web-page text as markdown with the same number of lines. */
export function webTextToMarkdown(text: string): string {
  const lines = text.split(/\r\n|\r|\n/);
  const out: string[] = [];
  let titleDone = false;
  let inHeader = true;
  let prevBlank = true;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i] ?? '';
    const trimmed = line.trim();
    const nextBlank = (lines[i + 1] ?? '').trim() === '';
    if (trimmed === '') {
      out.push('');
      prevBlank = true;
      continue;
    }
    if (inHeader && (trimmed === 'Files' || REPO_PATH.test(trimmed) || HEADER_STAMP.test(trimmed) || HEADER_SIZE.test(trimmed))) {
      out.push(`<!-- ${trimmed.replace(/--/g, '- -')} -->`);
      prevBlank = false;
      continue;
    }
    inHeader = false;
    const bullet = BULLET.exec(line);
    const numbered = bullet ? null : NUMBERED.exec(line);
    if (bullet || numbered) {
      const spaces = (bullet ?? numbered)![1]!.length;
      const level = Math.max(0, Math.round(spaces / 2) - 1);
      const marker = bullet ? '-' : `${numbered![2]}.`;
      const body = bullet ? bullet[2]! : numbered![3]!;
      out.push(`${'    '.repeat(level)}${marker} ${escapeInline(body)}`);
    } else if (prevBlank && nextBlank && line === trimmed && looksLikeHeading(trimmed)) {
      out.push(`${titleDone ? '##' : '#'} ${escapeInline(trimmed)}`);
      titleDone = true;
    } else {
      out.push(escapeStart(escapeInline(trimmed)));
    }
    prevBlank = false;
  }
  return out.join('\n');
}

function looksLikeHeading(s: string): boolean {
  return s.length <= 80 && !/[.,;:!?]$/.test(s) && !/^https?:/.test(s) && s.split(/\s+/).length <= 10;
}

/** Web-page text saved as a `.txt` note. */
export const webText: Format = {
  name: 'web-text',
  detect: (file) => file.path.toLowerCase().endsWith('.txt') && isWebText(file.text),
  toMarkdown: webTextToMarkdown,
  originalPath: webTextPath,
};
