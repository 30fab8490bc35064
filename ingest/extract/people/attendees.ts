/**
 * Finds the attendee lists of a note in the forms meeting notes use: a
 * section under an Attendees / Attendance / Present / Participants / Roll
 * call heading (bullets, numbered items, bare lines, tables), a label
 * (`Attendees: A, B`, `**TSC Members present:**` over a list of lines), a
 * table row (`| Attending | A, B |`) and a table with a name column.
 */
import type { Block, Note } from '../../types.js';
import { INITIALS, isHandle, isNameLike, parseNameEntry, type NameEntry } from './names.js';
import { ABSENT_WORDS, plausibleName, ROLE_WORDS, wordSense } from './words.js';

/** A heading (or a label without its colon) that opens an attendee list. */
const ATTENDEE_WORDS = String.raw`(?:(?:[a-z-]+\s+){0,3}members\s+(?:present|attending)|(?:determine\s+)?volunteers\s+for\s+note[\s-]?taking|(?:others|also)\s+present|present|in\s+attendance|attendees?|attendance|attending|participants?|guests|observers|roll[\s-]?call|introduction\s+of\s+attendees|who(?:'|’)?s\s+here)`;
/** The whole heading, or its end after `and`/`of` (`Opening, welcome and roll call`, `List of attendees`). */
const ATTENDEE_HEADING = new RegExp(String.raw`^(?:[^:]{0,40}\b(?:and|of)\s+)?${ATTENDEE_WORDS}(?:\s+list)?(?:\s*\([^)]*\))?\s*:?$`, 'i');
const ATTENDEE_LABEL = new RegExp(String.raw`^${ATTENDEE_WORDS}(?:\s*\([^)]*\))?\s*:\s*(.*)$`, 'i');
const ROLE = String.raw`(?:${ROLE_WORDS.join('|')})`;
/** `Moderator: Tim Beiko`, `Facilitator & Note Taker: Jo Park`: who held a role (a heading, a line or a list item). */
const ROLE_LABEL = new RegExp(String.raw`^(?:[a-z-]+\s+){0,2}${ROLE}(?:\s*(?:&|and|,|/)\s*${ROLE})*\s*:\s*(.*)$`, 'i');
/** Cheap test before the full patterns: a line that may open an attendee list. */
const HINT = /attend|present|particip|roll|introduc|who|note|moderat|chair|facilitat|scribe|keeper|host|volunteer/i;
const NAME_COLUMN = /^(?:attendees?|names?|participants?|who|person|people|full name)$/i;
const ATTENDEE_COLUMN = /attendee|participant/i;
const INITIALS_COLUMN = /^(?:abbrev\w*|initials|short|alias)$/i;
const HANDLE_COLUMN = /github|handle|user ?name/i;

export interface AttendeeEntry extends NameEntry {
  block: number;
  /** Named by a role label (`Moderator: AC`): initials count only when the list gives them. */
  role?: boolean;
  /** Unticked in a roll call (`- [ ] Name (NN)`): on the roster, so their initials are known, but not present. */
  absent?: boolean;
}

export interface AttendeeLists {
  entries: AttendeeEntry[];
  /** Blocks that are part of an attendee list (not speakers' turns). */
  blocks: Set<number>;
}

/** Finds every attendee list in a note. `textOf` gives a block's text. */
export function findAttendees(note: Note, textOf: (b: Block) => string): AttendeeLists {
  const entries: AttendeeEntry[] = [];
  const blocks = new Set<number>();
  const add = (b: Block, entry: NameEntry | null, role = false) => {
    const e = entry && withBracketedName(entry);
    // `- [ ] Name` in a roll call: on the roster, not present.
    if (e) entries.push({ ...e, block: b.id, ...(role ? { role } : {}), ...(b.checked === false ? { absent: true } : {}) });
  };
  const sections = attendeeSections(note);
  const tablesSeen = new Set<string>();
  const parents = new Set(note.blocks.map((b) => b.parent));
  /** Attendee sections whose list has ended (prose after the names). */
  const ended = new Set<number>();
  const listed = new Set<number>();
  /** Blocks read in each attendee section before any name: a section that opens with prose is no list. */
  const tried = new Map<number, number>();

  for (let k = 0; k < note.blocks.length; k++) {
    const b = note.blocks[k]!;
    if (b.kind === 'code' && !sections.has(b.section)) continue;
    const role = ROLE_LABEL.exec(b.text.split('\n')[0]!.trim());
    if (role) {
      if (b.kind !== 'heading') blocks.add(b.id);
      for (const e of inlineList(role[1]!.trim(), b)) add(b, e, true);
      continue;
    }
    if (b.kind === 'heading') continue;
    if (b.kind === 'row') {
      const found = rowEntries(b, sections.has(b.section), tablesSeen);
      if (found.length) blocks.add(b.id);
      for (const e of found) add(b, e);
      continue;
    }
    const inSection = sections.has(b.section);
    const text = textOf(b);
    const nl = text.indexOf('\n');
    const first = nl < 0 ? text : text.slice(0, nl);
    if (!inSection && !HINT.test(first)) continue;
    const lines = text.split('\n');
    const head = first.trim();
    const label = ATTENDEE_LABEL.exec(head);
    // `- Attendees` over a nested list, or `**Attendees**` on its own line over a list.
    const bareLabel = !label && lines.length === 1 && ATTENDEE_HEADING.test(head);
    if (label || bareLabel) {
      blocks.add(b.id);
      const rest = label ? label[1]!.trim() : '';
      if (rest) for (const e of inlineList(rest, b)) add(b, e);
      for (const line of lines.slice(1)) for (const e of lineEntries(line)) add(b, e);
      if (!rest && lines.length === 1)
        k = followingList(note, k, textOf, (nb, found) => {
          blocks.add(nb.id);
          for (const e of found) add(nb, e);
        });
      continue;
    }
    // In a list grouped by organisation (`- Google` over its people), the group is no one.
    if (inSection && !ended.has(b.section) && !(b.kind === 'item' && parents.has(b.id)) && !(sections.get(b.section) === 'inherited' && b.parent >= 0)) {
      const n = (tried.get(b.section) ?? 0) + 1;
      tried.set(b.section, n);
      if (!listed.has(b.section) && n > 8) {
        ended.add(b.section);
        continue;
      }
      if (PROSE.test(head) && !lineEntries(first).length) {
        // A paragraph of prose (`To get the passcode, reach out on Zulip.`) is no list.
        // Under an attendance heading, a sub-section that opens with prose is a topic (`### Typescript`).
        if (listed.has(b.section) || sections.get(b.section) === 'inherited') ended.add(b.section);
        continue;
      }
      let any = false;
      for (const line of lines) {
        const found = lineEntries(line);
        const t = line.trim();
        if (!found.length && (listed.has(b.section) || ABSENT.test(t)) && (PROSE.test(t) || ABSENT.test(t))) {
          ended.add(b.section);
          break;
        }
        for (const e of found) add(b, e);
        if (found.length) {
          any = true;
          listed.add(b.section);
        }
      }
      if (any) blocks.add(b.id);
    }
  }
  return { entries, blocks };
}

/** The list after a bare label: its nested items, or the blocks that follow while they read as names. Returns the last index used. */
function followingList(note: Note, k: number, textOf: (b: Block) => string, take: (b: Block, found: NameEntry[]) => void): number {
  const label = note.blocks[k]!;
  let last = k;
  for (let j = k + 1; j < note.blocks.length; j++) {
    const nb = note.blocks[j]!;
    if (nb.kind === 'heading' || nb.kind === 'code' || nb.kind === 'row') break;
    const nested = nb.parent === label.id;
    if (!nested && label.kind === 'item' && j === k + 1) break;
    if (!nested && (nb.section !== label.section || nb.depth !== (label.kind === 'item' ? label.depth : nb.depth))) break;
    const lines = textOf(nb)
      .split('\n')
      .filter((l) => l.trim());
    const found = lines.map(lineEntries);
    const named = found.filter((f) => f.length).length;
    if (!nested && (!lines.length || named * 2 < lines.length || !found[0]!.length)) break;
    take(nb, found.flat());
    last = j;
  }
  return last;
}

/** Names in one line of an attendee list: one entry (`Name, Org`), or a list of names. */
function lineEntries(line: string): NameEntry[] {
  let t = line.trim();
  if (!t || ABSENT.test(t)) return [];
  // `People: TC, tmandry, Josh`: a labelled list inside the section (not a speaker's turn, `Dan: ints, bools, …`).
  const labelled = /^([\p{L} ]{2,30}):\s+(.+)$/u.exec(t);
  if (labelled && !isNameLike(labelled[1]!)) {
    const parts = labelled[2]!.split(/\s*[,;]\s*/).filter(Boolean);
    // `Others: Mark`: one name after a group label, when it is clearly a name (a known first name, a handle, a full name).
    const one =
      parts.length === 1 &&
      isNameLike(parts[0]!) &&
      (wordSense(parts[0]!) === 'name' || isHandle(parts[0]!) || (/\s/.test(parts[0]!) && plausibleName(parts[0]!)));
    if (one || (parts.length >= 2 && parts.filter((p) => isNameLike(p)).length * 2 > parts.length)) {
      return parts.map(parseNameEntry).filter((e): e is NameEntry => e !== null);
    }
  }
  const parts = t.split(/\s*[,;]\s*/).filter(Boolean);
  // Full names that each open with a known first name (`Ada Lovelace, Grace Hopper`, not `Emily Ruppel,
  // Bosch Research`), three or more full names, or three or more first names and handles (`Alex, Nick,
  // Chris`, not `Josh Triplett, Intel, Rust`).
  const full = (p: string) => /\s/.test(p) && isNameLike(p) && plausibleName(p);
  const known = (p: string) => wordSense(p.split(/\s+/)[0]!) === 'name';
  const single = (p: string) => !/\s/.test(p) && (wordSense(p) === 'name' || (isHandle(p) && !/^\p{Lu}/u.test(p)));
  if ((parts.length === 2 && parts.every((p) => full(p) && known(p))) || (parts.length >= 3 && (parts.every(full) || parts.every(single)))) {
    return parts.map(parseNameEntry).filter((e): e is NameEntry => e !== null);
  }
  const e = parseNameEntry(t);
  return e ? [e] : [];
}

/** `@Admin-DataRoads (Jared)`: a handle and a known first name in brackets is that person, the handle theirs. */
function withBracketedName(e: NameEntry): NameEntry {
  if (!e.bracketed || wordSense(e.bracketed.split(/\s+/)[0]!) !== 'name') return e;
  const { bracketed, ...rest } = e;
  return { ...rest, name: bracketed };
}

/** A label for those who did not come (`Regrets:`, `Absent:`), which ends a list of those who did. */
const ABSENT = new RegExp(String.raw`^(?:${ABSENT_WORDS.join('|').replace(/ /g, String.raw`\s+`)})\b`, 'i');

/**
 * Sections that list who attended: an attendance heading, and the sections
 * under one (`## Attendance` over `### Staff`, `### Guests`) unless they
 * list those who did not come.
 */
function attendeeSections(note: Note): Map<number, 'heading' | 'inherited'> {
  const out = new Map<number, 'heading' | 'inherited'>();
  for (const s of note.sections) {
    const heading = s.heading.trim();
    if (ABSENT.test(heading)) continue;
    if (ATTENDEE_HEADING.test(heading)) out.set(s.id, 'heading');
    else if (s.parent >= 0 && out.has(s.parent)) out.set(s.id, 'inherited');
  }
  return out;
}

/** A line of prose or a label, which ends an attendee list under a heading. */
const PROSE = /[:.!?]\s*$|:\s|(?:\S+\s+){5}/;

/** An inline list after a label: `A, B and C`, or space-separated links (`[A](mailto:…) [B](mailto:…)`). */
function inlineList(rest: string, b: Block): NameEntry[] {
  const linkTexts = b.links.map((l) => l.text.trim()).filter(Boolean);
  let remainder = rest;
  for (const t of linkTexts) remainder = remainder.replace(t, ' ');
  const parts =
    linkTexts.length > 1 && !remainder.replace(/[\s,;]+/g, '')
      ? linkTexts
      : /^@[\w-]+(?:\s+@[\w-]+)+$/.test(rest)
        ? rest.split(/\s+/)
        : rest.split(/\s*(?:[,;]|(?<=\p{Ll}{2})\.\s+(?=\p{Lu})|\s&\s|\sand\s)\s*/u);
  return parts.map((p) => parseNameEntry(p)).filter((e): e is NameEntry => e !== null);
}

/** Attendees in a table row: a `| Attending | A, B |` row, or the name column of an attendee table. */
function rowEntries(b: Block, inAttendeeSection: boolean, tablesSeen: Set<string>): NameEntry[] {
  const cells = b.cells ?? [];
  const header = b.header ?? [];
  if (!inAttendeeSection && !HINT.test(cells[0] ?? '') && !header.some((h) => HINT.test(h) || NAME_COLUMN.test(h.trim()))) return [];
  const out: NameEntry[] = [];
  const labelled = (row: string[]) => {
    if (row.length >= 2 && ATTENDEE_HEADING.test(row[0]!.replace(/:$/, '').trim()) && /,|\S\s+\S/.test(row[1]!.trim())) {
      out.push(...inlineList(row.slice(1).join(', '), { ...b, links: [] }));
    }
  };
  labelled(cells);
  const tableKey = `${header.join('|')}@${b.section}`;
  if (!tablesSeen.has(tableKey) && b.startLine > 0) {
    tablesSeen.add(tableKey);
    labelled(header);
  }
  const nameCol = header.findIndex((h) => NAME_COLUMN.test(h.trim()) || ATTENDEE_COLUMN.test(h));
  const useFirst = inAttendeeSection && nameCol < 0 && header.length <= 2;
  const col = nameCol >= 0 && (inAttendeeSection || ATTENDEE_COLUMN.test(header[nameCol]!)) ? nameCol : useFirst ? 0 : -1;
  // A roll-call column that marks someone absent (`| Bob | ✗ |`).
  const presence = header.findIndex((h) => /^(?:present|attending|attended|here|attendance)\??$/i.test(h.trim()));
  if (presence >= 0 && /^(?:no|n|absent|-|✗|❌|x|☐|\[ \])$/i.test((cells[presence] ?? '').trim())) return out;
  if (col >= 0) {
    const e = parseNameEntry(cells[col] ?? '');
    if (e) {
      const ini = header.findIndex((h) => INITIALS_COLUMN.test(h.trim()));
      const initials = ini >= 0 ? (cells[ini] ?? '').trim() : '';
      if (/^\p{Lu}{1,4}\d?$/u.test(initials) && (INITIALS.test(initials) || initials.length > 1)) e.initials.push(initials);
      const hc = header.findIndex((h) => HANDLE_COLUMN.test(h));
      const handle = hc >= 0 ? (cells[hc] ?? '').replace(/^@/, '').trim() : '';
      if (isHandle(handle)) e.handles.push(handle);
      out.push(e);
    }
  }
  return out;
}
