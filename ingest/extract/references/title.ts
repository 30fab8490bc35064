/**
 * Titles for references: a link's text, or the agenda line around a bare
 * URL ("Compile-time builtins RFC -- https://…/rfcs/pull/43 -- @fitzgen" →
 * "Compile-time builtins"), less presenters, durations, separators and the
 * words "RFC", "PR", "issue". A bare URL on a line with nothing else, or in
 * the middle of a sentence, has no title.
 */

import type { Link, Note } from '../../types.js';

/** Link texts that say what a link is, not what it is about. */
const GENERIC_LINK_TEXT =
  /^(?:(?:this|that|the|a|an|my|our|see|open|new|draft|related|linked|original|here|in|up|for)\s+)*(?:#?\d+|[\w.-]+\/?#\d+|[\w.-]+\/[\w.-]+(?:\/?#\d+|\/(?:pull|issues|discussions)\/\d+)?|prs?|pull requests?|issues?|rfcs?|link|here|this|that|see|source|details|comment|discussion|proposal|results?|github|gh|ticket|url|it|one|filed|opened|merged|landed|poll|review|draft|action item|notes?|slides?|pr is here|issue here|pr here|link here|\W*)$/i;
/** GitHub page titles pasted as link text: "Title · Issue #12 · owner/repo", "Title by user · Pull Request #5 · owner/repo". */
const PAGE_TITLE = /^(.*?)(?:\s+by\s+[\w-]+)?\s+·\s+(?:Issue|Pull Request|Discussion)\s+#\d+\s+·\s+.*$/i;
const MD_LINK = /!?\[([^\]]*)\]\([^)]*\)|\[([^\]]*)\]\[[^\]]*\]/g;
const MD_MARK = /\*\*|__|`|~~|<\s*>|^#+\s+/g;
const URL = /<?\bhttps?:\/\/[^\s>]+>?/gi;
const HANDLE = /(?<![\w.])@[\w-]+(?:\s*(?:,|and|&)\s*@[\w-]+)*/g;
const DURATION = /[([]\s*(?:[^()[\]]*?,\s*)?~?\d+(?:\s*[-–]\s*\d+)?\s*(?:min|mins|minutes|m|h|hr|hrs|hours?)\.?\s*[)\]]/gi;
const REF_WORDS = /\b(?:RFC|PR|pull request|issue)\b\s*(?:#\s?\d+)?|\s#\d+\b|\(\s*\)|\[\s*\]/gi;
const EDGE = /^[\s\-–—:;,.|·()[\]]+|[\s\-–—:;,|·([]+$/g;
/** What a title cannot end with: it is the start of a sentence going on past the link. */
const OPEN_END = /\b(?:a|an|the|to|of|in|on|at|for|with|by|about|see|and|or|is|are|was|this|that|from|into|via|per|up|opened|filed|posted)$/i;
/** Next to a URL that stands apart from the words of its line. */
const SEP_BEFORE = /(?:^|--|[-—–:|([<])$/;
const SEP_AFTER = /^(?:$|--|[-—–|)\]>.,;@(])/;
const MAX_WORDS = 14;

/** The words of a title, tidied (`lead`, the vocabulary's line lead, taken off); undefined when nothing meaningful is left. */
function tidy(text: string, lead: RegExp): string | undefined {
  const t = text
    .replace(MD_LINK, (_m, a: string | undefined, b: string | undefined) => ` ${a ?? b ?? ''} `)
    .replace(URL, ' ')
    .replace(MD_MARK, '')
    .replace(HANDLE, ' ')
    .replace(DURATION, ' ')
    .replace(REF_WORDS, ' ')
    .replace(/\s+/g, ' ')
    .replace(lead, '')
    .replace(EDGE, '')
    .trim();
  if (t.length < 3 || !/\p{L}{2}/u.test(t) || GENERIC_LINK_TEXT.test(t) || OPEN_END.test(t)) return undefined;
  return t;
}

/** A title from a link's text, unless the text is the URL or a generic word. */
export function titleFromLinkText(text: string, url: string, lead: RegExp): string | undefined {
  const t = text.trim();
  if (!t || t === url || /^https?:\/\//i.test(t) || GENERIC_LINK_TEXT.test(t)) return undefined;
  const page = PAGE_TITLE.exec(t);
  return tidy(page ? page[1]! : t, lead);
}

/**
 * A title from the source line a reference sits on, with the reference
 * (`start`..`end` of the line) cut out: only where the reference stands apart
 * from the line's words (an agenda item "Topic -- URL -- @who", a heading
 * "Topic (URL)"), not inside a sentence.
 */
export function titleFromLine(line: string, start: number, end: number, lead: RegExp): string | undefined {
  const before = line.slice(0, start).trimEnd();
  const after = line.slice(end).trimStart();
  const bare = before.replace(/^\s*(?:[-*+•]|\d+[.)]|#+)\s*/, '');
  if (!(bare === '' || SEP_BEFORE.test(before)) || !SEP_AFTER.test(after)) return undefined;
  const t = tidy(`${before} ${after}`, lead);
  return t && t.split(' ').length <= MAX_WORDS ? t : undefined;
}

/** Where a link to `url` is written on a raw line: `[text](url)`, `<url>`, or the bare URL. */
export function linkSpan(line: string, url: string): [number, number] | undefined {
  const at = line.indexOf(url);
  if (at < 0) return undefined;
  if (line.slice(at - 2, at) === '](') {
    const open = line.lastIndexOf('[', at - 2);
    const close = line.indexOf(')', at + url.length);
    if (open >= 0 && close >= 0) return [open, close + 1];
  }
  if (line[at - 1] === '<' && line[at + url.length] === '>') return [at - 1, at + url.length + 1];
  return [at, at + url.length];
}

/** A link's title: its text, else the words around it on its line (`lead`: the vocabulary's line lead). */
export function linkTitle(note: Note, link: Link, lead: RegExp): string | undefined {
  const fromText = titleFromLinkText(link.text, link.url, lead);
  if (fromText) return fromText;
  const line = note.lines[link.line - 1] ?? '';
  if (/^\s*\|/.test(line)) {
    // A table row: the first cell that is not the link names the item.
    const cell = line
      .split('|')
      .map((c) => c.trim())
      .find((c) => c && !c.includes(link.url) && !c.includes(`[${link.text}]`));
    return cell ? titleFromLinkText(cell, link.url, lead) : undefined;
  }
  let span = linkSpan(line, link.url);
  if (!span) {
    const label = line.indexOf(`[${link.text}]`);
    if (label >= 0) span = [label, line.indexOf(']', label + link.text.length + 1) + 1];
  }
  return span ? titleFromLine(line, span[0], span[1], lead) : undefined;
}
