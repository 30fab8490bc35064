/**
 * The roster file: `quorum-people.md` at the root of a notes folder, a list
 * of who is who that a collection's people may be written as. One person a
 * line, or one a table row:
 *
 * ```markdown
 * - Ada Lovelace (AL) @ada
 * - Charles Babbage (CB, @cbabbage)
 *
 * | Name          | Initials | Handle     |
 * |---------------|----------|------------|
 * | Grace Hopper  | GH       | @ghopper   |
 * ```
 *
 * Initials (two to four capitals) and handles (`@name`, or a github.com/name
 * link) are read; any other word in brackets (an organisation, a role) is
 * not. The file is no meeting: it is never indexed as one.
 */
import type { Message } from '../types.js';

/** One person the file lists: what config.ts reads as a PersonEntry. */
export interface RosterEntry {
  name: string;
  aliases: string[];
  handles: string[];
}

/** The roster file's name, at the root of the notes folder. */
export const ROSTER_FILE = 'quorum-people.md';

const INITIALS = /^(?:\p{Lu}\.?){2,4}$/u;
const HANDLE = /^@([\w][\w.-]*\w|\w)$/;
const GITHUB = /^https?:\/\/(?:www\.)?github\.com\/([\w][\w-]*)\/?$/i;

/** What one line or cell says besides the name: initials and handles, each alone or in a list. */
function forms(text: string): { aliases: string[]; handles: string[]; other: string[] } {
  const out = { aliases: [] as string[], handles: [] as string[], other: [] as string[] };
  const links = text.replace(/https?:\/\/\S+/g, (url) => {
    const gh = GITHUB.exec(url.replace(/[)>\].,;]+$/, ''));
    if (gh) out.handles.push(gh[1]!);
    return ' ';
  });
  for (const raw of links.split(/[\s,;/()[\]|]+/)) {
    const t = raw.replace(/^[<*_`]+|[>*_`.:]+$/g, '');
    if (!t) continue;
    if (HANDLE.test(t)) out.handles.push(t.slice(1));
    else if (INITIALS.test(t)) out.aliases.push(t);
    else out.other.push(t);
  }
  return out;
}

/** The person a line names: the words before the first bracket, `@` or separator; null for a heading or prose. */
function entryOfLine(line: string): RosterEntry | null {
  const t = line
    .replace(/^\s*(?:[-*+]|\d+[.)])\s+/, '')
    .replace(/[*_`]/g, '')
    .trim();
  const cut = t.search(/\s*(?:[([]|@|\s[-–—|:]\s|,|https?:)/);
  const name = (cut < 0 ? t : t.slice(0, cut)).trim();
  // A name is a few capitalised words ("Ada Lovelace", "Marius van der Wijden"), not a sentence.
  if (!/^\p{Lu}[\p{L}\p{M}'’.-]*(?:\s+[\p{L}][\p{L}\p{M}'’.-]*){0,4}$/u.test(name)) return null;
  const f = forms(cut < 0 ? '' : t.slice(cut));
  return { name, aliases: f.aliases, handles: f.handles };
}

const cellsOf = (line: string): string[] =>
  line
    .trim()
    .replace(/^\||\|$/g, '')
    .split('|')
    .map((c) => c.trim());

/**
 * The people a roster file lists, and a message for each line that names
 * no one in the forms above (a content problem, not an error).
 */
export function parseRosterFile(text: string, path = ROSTER_FILE): { people: RosterEntry[]; messages: Message[] } {
  const people: RosterEntry[] = [];
  const messages: Message[] = [];
  const lines = text.split(/\r\n|\r|\n/);
  let header: string[] | null = null;
  lines.forEach((line, i) => {
    const t = line.trim();
    if (!t.startsWith('|')) header = null;
    if (!t || t.startsWith('#') || t.startsWith('<!--') || t.startsWith('>')) return;
    if (t.startsWith('|')) {
      const cells = cellsOf(t);
      if (cells.every((c) => /^:?-+:?$/.test(c))) return;
      if (!header) {
        header = cells.map((c) => c.toLowerCase());
        return;
      }
      const col = (re: RegExp) => header!.findIndex((h) => re.test(h));
      const who = col(/\b(?:name|person|who)\b/);
      const name = (cells[who < 0 ? 0 : who] ?? '').replace(/[*_`]/g, '').trim();
      const rest = forms(cells.filter((_, k) => k !== (who < 0 ? 0 : who)).join(' '));
      if (name && /^\p{Lu}/u.test(name)) people.push({ name, aliases: rest.aliases, handles: rest.handles });
      else messages.push({ path, line: i + 1, reason: 'roster row without a name' });
      return;
    }
    const entry = entryOfLine(t);
    if (entry) people.push(entry);
    else messages.push({ path, line: i + 1, reason: 'roster line names no one (expected "Full Name (AB) @handle")' });
  });
  return { people, messages };
}
