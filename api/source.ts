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
export function sourceOf(x: Located): Source {
  return { collection: x.collection, path: x.path, startLine: x.startLine, endLine: x.endLine, url: lineUrl(x.meetingUrl, x.startLine, x.endLine) };
}

/** A link to lines of a file; GitHub shows markdown's lines only in its plain view. */
export function lineUrl(fileUrl: string | null | undefined, start: number, end: number): string | null {
  if (!fileUrl) return null;
  const lines = start === end ? `#L${start}` : `#L${start}-L${end}`;
  const plain = /^https:\/\/github\.com\/[^/]+\/[^/]+\/blob\//.test(fileUrl) && /\.(md|markdown)$/i.test(fileUrl) ? '?plain=1' : '';
  return `${fileUrl}${plain}${lines}`;
}
