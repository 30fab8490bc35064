/**
 * The meeting's date and series, from its title, file name or path.
 *
 * The series is the folder the meeting's notes are kept in, as the folder
 * names it, lower-cased: the folders above the year folder
 * (`SIG-Guest-Languages/JavaScript/2024/…` → `sig-guest-languages/javascript`),
 * less archive and repository containers (`archived/sig-registries/…` →
 * `sig-registries`); for a file in no folder, the project words of its title.
 *
 * The date comes from the title ("October 16, 2024 | …"), else the file name
 * (`wasmtime-06-05.md` under `2025/`, `Oct 29 2021.md`, `07-main.md` under
 * `2023/09-Sep/`, `july-31.md` under `2025-07/`), else a date heading or a
 * `Date:` / `When:` / `Meeting Date/Time:` line near the top. A year the
 * title and name leave out comes from the path, else from the dates the text
 * itself mentions. A name that gives only a month (`2024-10.md`) takes the
 * first day of that month written near the top (a heading, a line, a dated
 * link). When the title and the file name disagree by more than a few days,
 * the file name wins: titles are copied from the previous meeting's note and
 * not always updated, while the name is chosen when the file is made.
 */
import type { CompiledVocabulary } from '../formats/vocabulary.js';
import { dateCues, dayOpeningName, iso, validDay, type DateCues, type PartialDate } from './meta/dates.js';
import type { Message, Note } from '../types.js';

export interface Meta {
  /** ISO date, or null where none can be known. */
  date: string | null;
  /** The meeting series, lower-cased (`wasmtime`, `sig-embedded`, `main`). */
  series: string;
  /** What the note says about its date that did not add up (a title's date the file name contradicts). */
  messages: Message[];
}

const YEAR_DIR = /^(?:19|20)\d\d$/;
/** Folders that hold series rather than name one. */
const CONTAINER_DIR = /^(?:archived?|old|meetings?|meeting-notes|notes|minutes)$/i;
/** Lines that state the meeting's date: `**Date:** …`, `- **Dates**: …`, `When: …`, `**Meeting Date/Time:** …`. */
const DATE_FIELD = /^\W*(?:(?:meeting|call)\s+)?(?:date|dates|when|date\s*(?:\/|&|and)\s*time)\b\W*[:：]/i;
/** How far down a date heading or field may be. */
const EARLY_LINES = 60;
/** Words of a title that name the kind of meeting, not the project. */
const GENERIC_WORD =
  /^(?:agenda|for|the|of|a|an|on|and|project|projects|meeting|meetings|notes|minutes|call|video|sync|weekly|bi-?weekly|monthly|subgroup|sub-group|working|group|community|cg|wg|sig|open|public|implementation|update|\W*)$/i;
/** Mentioned dates up to this many days after the meeting do not push its year on. */
const LOOK_AHEAD_DAYS = 90;
const DAY_MS = 86_400_000;
/** How far a file name's day may be from the title's and still be the same meeting. */
const NAME_SLIP_DAYS = 3;

/** Date (ISO) and series of a note, its dates read with the note's vocabulary (annotate's). */
export function extractMeta(note: Note, vocabulary: CompiledVocabulary): Meta {
  const dates = dateCues(vocabulary);
  const path = note.originalPath ?? note.path;
  const parts = path.split('/');
  const dirs = parts.slice(0, -1);
  const base = parts[parts.length - 1]!.replace(/\.[^.]*$/, '');
  const messages: Message[] = [];
  const date = dateOf(dates, note, dirs, base, (reason) => messages.push({ path: note.path, line: titleLine(note), reason }));
  return { date, series: seriesOf(dates, note, dirs), messages };
}

/** The line the title is on: the first block that opens with it, else 1 (a front matter title). */
function titleLine(note: Note): number {
  return note.blocks.find((b) => b.text.split('\n')[0]!.trim() === note.title)?.startLine ?? 1;
}

/** A partial date as written for a message: `2024-03-05`, or `03-05` without a year. */
function shown(d: Omit<PartialDate, 'index'>): string {
  const two = (n: number | undefined) => String(n ?? 0).padStart(2, '0');
  return `${d.year !== undefined ? `${d.year}-` : ''}${two(d.month)}-${two(d.day)}`;
}

function seriesOf(dates: DateCues, note: Note, dirs: string[]): string {
  let start = 0;
  dirs.forEach((d, i) => {
    if (CONTAINER_DIR.test(d) && !dirs.slice(0, i).some((x) => YEAR_DIR.test(x))) start = i + 1;
  });
  const rest = dirs.slice(start);
  const year = rest.findIndex((d) => YEAR_DIR.test(d));
  const named = year >= 0 ? rest.slice(0, year) : rest;
  if (named.length) return named.join('/').toLowerCase();
  return titleSeries(dates, note.title);
}

/** The project words of a title: what is left without dates and meeting words. */
function titleSeries(dates: DateCues, title: string): string {
  let text = title;
  for (const d of dates.findDates(title).reverse()) text = `${text.slice(0, d.index)} ${text.slice(d.index).replace(/^\S+\s+\S+/, ' ')}`;
  const words = text.split(/[\s|—–:,()[\]]+/).map((w) => w.replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}+#]+$/gu, ''));
  const word = words.find((w) => w && /\p{L}/u.test(w) && !GENERIC_WORD.test(w));
  return (word ?? 'notes').toLowerCase();
}

function dateOf(dates: DateCues, note: Note, dirs: string[], base: string, report: (reason: string) => void): string | null {
  const folder = folderDate(dates, dirs);
  const pathYear = folder.year;
  const name = nameDate(dates, base, folder);
  const yearHint = name?.year ?? pathYear;
  const title = dates.findDates(note.title).find((d) => d.day !== undefined);
  const named = name?.day !== undefined ? { month: name.month, day: name.day, year: yearHint } : undefined;
  // A name or folder that gives the month but not the day (`2024-10.md`, `2021-11-update.md`).
  const month = named ? undefined : name?.month !== undefined && yearHint !== undefined ? { year: yearHint, month: name.month } : undefined;
  let pick: Omit<PartialDate, 'index'> | undefined;
  if (title && named && disagree(title, named)) {
    pick = named; // A title copied from an earlier meeting, or a typo in its year.
    report(`the title's date (${shown(title)}) disagrees with the file name's (${shown(named)}); the file name's is used`);
  } else if (title && (!month || title.month === month.month)) {
    pick = { month: title.month, day: title.day, year: title.year ?? yearHint };
  } else if (named) {
    pick = named;
  } else {
    const early = earlyDate(dates, note, month);
    if (early) pick = { ...early, year: early.year ?? yearHint };
    else if (month) pick = dayInMonth(dates, note, month);
  }
  if (!pick || pick.day === undefined) return null;
  const year = pick.year ?? yearFromText(dates, note, pick.month, pick.day);
  return year !== undefined && validDay(pick.month, pick.day, year) ? iso(year, pick.month, pick.day) : null;
}

/** The year and month the folders give: `2023/09-Sep/`, `2025-07/`, `2024/`; the innermost wins. */
function folderDate(dates: DateCues, dirs: string[]): { year?: number; month?: number } {
  let year: number | undefined;
  let month: number | undefined;
  for (const d of dirs) {
    const f = dates.dateInFolder(d);
    if (f?.year !== undefined) [year, month] = [f.year, f.month];
    else if (f?.month !== undefined && year !== undefined) month = f.month; // a month folder counts only under a year
  }
  return { year, month };
}

/** The file name's date, its month (and day) completed by a month folder (`09-Sep/07-wg-primary.md`). */
function nameDate(dates: DateCues, base: string, folder: { year?: number; month?: number }): Omit<PartialDate, 'index'> | undefined {
  const name = dates.dateInName(base);
  if (name || folder.month === undefined) return name;
  const day = dayOpeningName(base);
  if (day !== undefined && validDay(folder.month, day, folder.year)) return { year: folder.year, month: folder.month, day };
  return { year: folder.year, month: folder.month };
}

/**
 * The day of a note whose name gives only a year and month: the first date of
 * that month the note writes near its top (in a heading, a line or a link's
 * dated path); a day mentioned further down is a later event, not the meeting.
 */
function dayInMonth(dates: DateCues, note: Note, month: { year: number; month: number }): Omit<PartialDate, 'index'> | undefined {
  for (const line of note.lines.slice(0, EARLY_LINES)) {
    const days = [...dates.findDates(line), ...linkedPathDates(dates, line)];
    const d = days.find((x) => x.day !== undefined && x.month === month.month && (x.year === undefined || x.year === month.year));
    if (d) return { year: month.year, month: month.month, day: d.day };
  }
  return undefined;
}

/** Dates in the dated paths a line links to (`…/agendas/2024/10-Oct/03-wg-primary.md`). */
function linkedPathDates(dates: DateCues, line: string): Omit<PartialDate, 'index'>[] {
  const out: Omit<PartialDate, 'index'>[] = [];
  for (const m of line.matchAll(/(?:https?:\/\/|\.{0,2}\/)?[\w.-]+(?:\/[\w.%-]+){2,}/g)) {
    const parts = m[0].split('/');
    const folder = folderDate(dates, parts.slice(0, -1));
    const d = nameDate(dates, parts.at(-1)!.replace(/\.[^.]*$/, ''), folder);
    if (d?.day !== undefined) out.push({ ...d, year: d.year ?? folder.year });
  }
  return out;
}

/**
 * Whether a title's date contradicts the file name's: another year, or a day
 * more than a few days away. A day or two apart is the name's slip (a note
 * filed under the next day); farther apart, the title was copied from an
 * earlier meeting and not updated.
 */
function disagree(title: Omit<PartialDate, 'index'>, named: Omit<PartialDate, 'index'>): boolean {
  if (title.year !== undefined && named.year !== undefined && title.year !== named.year) return true;
  const year = named.year ?? title.year ?? 2000;
  const apart = Math.abs(Date.UTC(year, title.month - 1, title.day!) - Date.UTC(year, named.month - 1, named.day!)) / DAY_MS;
  return apart > NAME_SLIP_DAYS;
}

/** The first date in a heading or a date field near the top of the note (in `month`, when the name gives one). */
function earlyDate(dates: DateCues, note: Note, month?: { year: number; month: number }): PartialDate | undefined {
  for (const b of note.blocks) {
    if (b.startLine > EARLY_LINES) break;
    const lines = b.kind === 'heading' ? [b.text] : b.text.split('\n').filter((l) => DATE_FIELD.test(l));
    for (const l of lines) {
      const d = dates.findDates(l).find((x) => x.day !== undefined && (!month || x.month === month.month));
      if (d) return d;
    }
  }
  return undefined;
}

/**
 * The year of a month and day that the title and path leave open: the first
 * such day not long before the latest dated day the text mentions.
 */
function yearFromText(dates: DateCues, note: Note, month: number, day: number): number | undefined {
  let latest: number | undefined;
  for (const line of note.lines) {
    if (!/\d{4}/.test(line)) continue;
    for (const d of dates.findDates(line)) {
      if (d.year === undefined || d.day === undefined) continue;
      const t = Date.UTC(d.year, d.month - 1, d.day);
      if (latest === undefined || t > latest) latest = t;
    }
  }
  if (latest === undefined) return undefined;
  const from = latest - LOOK_AHEAD_DAYS * DAY_MS;
  let year = new Date(latest).getUTCFullYear() - 1;
  while (Date.UTC(year, month - 1, day) < from) year += 1;
  return year;
}
