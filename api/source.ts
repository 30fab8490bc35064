/**
 * Source links: where a fact came from, as collection, path and lines, and a
 * URL to those lines where the collection's home is known.
 */
import type { Located } from './queries.js';

export interface Source {
  collection: string;
  path: string;
  startLine: number;
  endLine: number;
  url: string | null;
}

/** The Source of a passage, decision or action item. */
export function sourceOf(located: Located): Source {
  return {
    collection: located.collection,
    path: located.path,
    startLine: located.startLine,
    endLine: located.endLine,
    url: lineUrl(located.meetingUrl, located.startLine, located.endLine),
  };
}

/** A link to lines of a file; GitHub shows markdown's lines only in its plain view. */
export function lineUrl(fileUrl: string | null | undefined, start: number, end: number): string | null {
  if (!fileUrl) return null;
  const lines = start === end ? `#L${start}` : `#L${start}-L${end}`;
  const plain = /^https:\/\/github\.com\/[^/]+\/[^/]+\/blob\//.test(fileUrl) && /\.(md|markdown)$/i.test(fileUrl) ? '?plain=1' : '';
  return `${fileUrl}${plain}${lines}`;
}
