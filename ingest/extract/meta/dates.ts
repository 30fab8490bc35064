/**
 * Calendar dates as meeting notes write them: in prose and titles
 * ("December 10, 2024", "Oct. 5th", "16 October 2024", "2024-10-16",
 * "10/16/2024") and in file names ("wasmtime-06-05", "04-15-Meeting-notes",
 * "guest-js-10-17-2024", "tsc-debrief-0626", "sg-5-3", "2026-07-15").
 * The month names are the vocabulary's (formats/cue-words.ts).
 */
import { perTable, type CompiledVocabulary, type DateWords } from '../../formats/vocabulary.js';

/** A date as written: the year may be missing ("June 05"), and in a file name the day too ("CG-06"). */
export interface PartialDate {
  year?: number;
  month: number;
  day?: number;
  /** Offset of the match in the text searched. */
  index: number;
}

/** The date forms compiled from one vocabulary's date words. */
export interface DateCues {
  /** Every date written in a piece of prose, in order (findDates below). */
  findDates(text: string): PartialDate[];
  /** The date a file name (without its extension) gives. */
  dateInName(base: string): Omit<PartialDate, 'index'> | undefined;
  /** The date a folder gives: a year, a year and month, or a month under a year. */
  dateInFolder(dir: string): { year?: number; month?: number } | undefined;
}

const compiledPerTable = perTable(compileDateCues);

/** The date forms of a note's vocabulary, compiled once per date-words table. */
export const dateCues = (vocabulary: CompiledVocabulary): DateCues => compiledPerTable(vocabulary.tables.dates);

/** Compiles the date forms around one table of date words. */
function compileDateCues(words: DateWords): DateCues {
  const MONTHS = words.months.map((m) => m.slice(0, 3));
  const MONTH = `(${words.months.join('|')})`;
  const ORD = `(?:${words.ordinals.join('|')})?`;

  // One scan finds every form; the named alternatives say which matched.
  const PROSE_DATE = new RegExp(
    [
      // Month D[, YYYY] with an optional second day ("June 12-13, 2019", "March 20/21").
      String.raw`\b${MONTH}\.?\s+(\d{1,2})${ORD}(?!\d)(?:\s*(?:[-–/]|and|&)\s*\d{1,2}${ORD}(?!\d))?(?:,?\s+(\d{4})(?!\d))?`,
      // YYYY Month D
      String.raw`\b((?:19|20)\d\d),?\s+${MONTH}\.?\s+(\d{1,2})${ORD}(?!\d)`,
      // D Month YYYY
      String.raw`\b(\d{1,2})${ORD}\s+(?:of\s+)?${MONTH}\.?,?\s+(\d{4})(?!\d)`,
      // YYYY-MM-DD, YYYY/MM/DD, YYYY.MM.DD
      String.raw`(?<![\d.])((?:19|20)\d\d)([-/.])(\d{1,2})\11(\d{1,2})(?![\d])`,
      // MM/DD/YYYY (or DD/MM/YYYY where the first number cannot be a month)
      String.raw`(?<![\d/])(\d{1,2})/(\d{1,2})/((?:19|20)\d\d)(?!\d)`,
      // YYYY-Mon-DD, with or without the abbreviation's dot ("2022-Nov.-24", "2023-Jan-05")
      String.raw`\b((?:19|20)\d\d)-${MONTH}\.?-(\d{1,2})(?!\d)`,
    ].join('|'),
    'gi',
  );

  const monthOf = (word: string): number => MONTHS.indexOf(word.slice(0, 3).toLowerCase()) + 1;

  /**
   * Every date written in a piece of prose, in order. Years are kept only when
   * written; a lower-case "may" is the verb, not the month.
   */
  function findDates(text: string): PartialDate[] {
    const out: PartialDate[] = [];
    PROSE_DATE.lastIndex = 0;
    for (const m of text.matchAll(PROSE_DATE)) {
      let d: Omit<PartialDate, 'index'> | undefined;
      if (m[1] !== undefined) {
        if (m[1] === 'may') continue;
        d = { month: monthOf(m[1]), day: Number(m[2]), year: m[3] ? Number(m[3]) : undefined };
      } else if (m[4] !== undefined) {
        if (m[5] === 'may') continue;
        d = { year: Number(m[4]), month: monthOf(m[5]!), day: Number(m[6]) };
      } else if (m[7] !== undefined) {
        d = { day: Number(m[7]), month: monthOf(m[8]!), year: Number(m[9]) };
      } else if (m[10] !== undefined) {
        d = { year: Number(m[10]), month: Number(m[12]), day: Number(m[13]) };
      } else if (m[14] !== undefined) {
        // Month first, as US notes write it; a first number over 12 is the day (14/02/2024).
        const [a, b] = [Number(m[14]), Number(m[15])];
        d = a > 12 ? { month: b, day: a, year: Number(m[16]) } : { month: a, day: b, year: Number(m[16]) };
      } else if (m[17] !== undefined) {
        d = { year: Number(m[17]), month: monthOf(m[18]!), day: Number(m[19]) };
      }
      if (d && validDay(d.month, d.day!, d.year)) out.push({ ...d, index: m.index });
    }
    return out;
  }

  /**
   * The date a file name (without its extension) gives: year, month and day,
   * month and day, or the month alone ("CG-06"). Month-first, as the corpora
   * write them; a first number over 12 is read as the day.
   */
  function dateInName(base: string): Omit<PartialDate, 'index'> | undefined {
    // Month names in a name ("Oct 29 2021", "july-31", "2022-Nov-24") read as prose does.
    const prose = findDates(
      base.replace(/[-_]+/g, (sep, at: number) => (/\d/.test(base[at - 1] ?? '') && /\d/.test(base[at + sep.length] ?? '') ? sep : ' ')),
    )[0];
    if (prose) return { year: prose.year, month: prose.month, day: prose.day };
    let m = NAME_YMD.exec(base);
    if (m && validDay(Number(m[2]), Number(m[3]), Number(m[1]))) return { year: Number(m[1]), month: Number(m[2]), day: Number(m[3]) };
    m = NAME_MDY.exec(base);
    if (m) return monthDay(Number(m[1]), Number(m[2]), Number(m[3]));
    m = NAME_MD.exec(base);
    if (m) return monthDay(Number(m[1]), Number(m[2]));
    m = NAME_MMDD.exec(base);
    if (m) return monthDay(Number(m[1]), Number(m[2]));
    m = NAME_M.exec(base);
    if (m && Number(m[1]) >= 1 && Number(m[1]) <= 12) return { month: Number(m[1]) };
    m = NAME_YM.exec(base);
    if (m) return { year: Number(m[1]), month: Number(m[2]) };
    return undefined;
  }

  /**
   * The date a folder gives: a year (`2024`), a year and month (`2025-07`), or a
   * month under a year (`09-Sep`, `09`, `September`).
   */
  function dateInFolder(dir: string): { year?: number; month?: number } | undefined {
    if (/^(?:19|20)\d\d$/.test(dir)) return { year: Number(dir) };
    const ym = /^((?:19|20)\d\d)[-_.](\d\d)$/.exec(dir);
    if (ym && Number(ym[2]) >= 1 && Number(ym[2]) <= 12) return { year: Number(ym[1]), month: Number(ym[2]) };
    const named = new RegExp(String.raw`^(?:(\d\d?)(?:[-_ ]+${MONTH}\.?)?|${MONTH})$`, 'i').exec(dir);
    if (!named) return undefined;
    const month = named[1] !== undefined ? Number(named[1]) : monthOf(named[2] ?? named[3]!);
    if (named[1] !== undefined && named[2] !== undefined && monthOf(named[2]) !== month) return undefined;
    return month >= 1 && month <= 12 ? { month } : undefined;
  }

  return { findDates, dateInName, dateInFolder };
}

/** True when year-month-day is a real calendar day (any year when the year is unknown). */
export function validDay(month: number, day: number, year = 2000): boolean {
  if (month < 1 || month > 12 || day < 1) return false;
  return day <= new Date(Date.UTC(year, month, 0)).getUTCDate();
}

const NAME_YMD = /(?<!\d)((?:19|20)\d\d)[-_.]?(\d\d)[-_.]?(\d\d)(?!\d)/;
const NAME_MDY = /(?<!\d)(\d{1,2})[-_.](\d{1,2})[-_.]((?:19|20)\d\d)(?!\d)/;
const NAME_MD = /(?:^|[-_.\s])(\d{1,2})[-_.](\d{1,2})(?=$|[-_.\sv]|[a-z])/i;
const NAME_MMDD = /(?:^|[-_])(\d\d)(\d\d)$/;
const NAME_M = /(?:^|[-_])(\d\d)$/;
/** A year and month with no day: `2024-10`, `2021-11-steering-council-update`. */
const NAME_YM = /^((?:19|20)\d\d)[-_.](0[1-9]|1[0-2])(?!\d)/;

/** The day a name opens with, under a month folder: `07-wg-primary`, `3 notes`. */
export function dayOpeningName(base: string): number | undefined {
  const m = /^(\d{1,2})(?=$|[-_.\s])/.exec(base);
  return m ? Number(m[1]) : undefined;
}

function monthDay(a: number, b: number, year?: number): Omit<PartialDate, 'index'> | undefined {
  if (validDay(a, b, year)) return { year, month: a, day: b };
  if (validDay(b, a, year)) return { year, month: b, day: a };
  return undefined;
}

/** ISO form of a full date. */
export const iso = (year: number, month: number, day: number): string =>
  `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
