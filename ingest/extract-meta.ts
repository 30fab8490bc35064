/**
 * The meeting's date and series, from its title, file name or path.
 */
import type { Note } from './types.js';

export interface Meta {
  date: string | null;
  series: string;
}

/** Date (ISO) and series of a note. */
export function extractMeta(note: Note): Meta {
  const path = note.originalPath ?? note.path;
  const parts = path.split('/');
  const series = (parts.length > 1 ? parts[0]! : note.title.split(/\s+/)[0] ?? 'notes').toLowerCase();
  const m = /(20\d\d)[-/](\d\d)[-/](\d\d)/.exec(path) ?? /(20\d\d)[-/](\d\d)[-/](\d\d)/.exec(note.title);
  return { date: m ? `${m[1]}-${m[2]}-${m[3]}` : null, series };
}
