import { describe, expect, test } from 'vitest';
import { vocabularyOf } from '../ingest/formats/registry.js';
import { dateCues } from '../ingest/extract/meta/dates.js';
import { extractMeta } from '../ingest/extract/meta.js';
import { parseNote } from '../ingest/parse/parse.js';
import { decodeNote } from '../ingest/read/read.js';

const meta = (path: string, text: string) => {
  const r = decodeNote(Buffer.from(text), path, 'test');
  if (!r.ok) throw new Error(r.message.reason);
  const note = parseNote(r.file);
  return extractMeta(note, vocabularyOf(note.format));
};
/** The date forms markdown notes are read with. */
const { dateInName, findDates } = dateCues(vocabularyOf('markdown'));

describe('findDates', () => {
  test('reads month names, ordinals, ISO and US numeric forms', () => {
    expect(findDates('Oct. 5th, 2022 and 16 March 2023').map(({ year, month, day }) => [year, month, day])).toEqual([
      [2022, 10, 5],
      [2023, 3, 16],
    ]);
    expect(findDates('the 2021-10-01 call, or 10/16/2024').map(({ year, month, day }) => [year, month, day])).toEqual([
      [2021, 10, 1],
      [2024, 10, 16],
    ]);
    expect(findDates('Sept 9th').map(({ year, month, day }) => [year, month, day])).toEqual([[undefined, 9, 9]]);
  });

  test('the verb "may", impossible days and bare years are not dates', () => {
    expect(findDates('we may 10x the speed; February 30; in 2024')).toEqual([]);
  });
});

describe('dateInName', () => {
  test.each([
    ['2026-07-15', { year: 2026, month: 7, day: 15 }],
    ['guest-js-10-17-2024', { year: 2024, month: 10, day: 17 }],
    ['rust-06-05', { month: 6, day: 5 }],
    ['04-15-Meeting-notes', { month: 4, day: 15 }],
    ['sg-5-3', { month: 5, day: 3 }],
    ['WG-03-21v22', { month: 3, day: 21 }],
    ['review-debrief-0626', { month: 6, day: 26 }],
    ['CG-06', { month: 6 }],
  ])('%s', (name, want) => {
    expect(dateInName(name)).toEqual(expect.objectContaining(want));
  });

  test('names without a date give none', () => {
    expect(dateInName('README')).toBeUndefined();
    expect(dateInName('notes-2024')).toBeUndefined();
  });
});

describe('extractMeta', () => {
  test('month and day from the file name, year from the year folder', () => {
    expect(meta('runtime/2025/runtime-06-05.md', '# Runtime sync\n')).toEqual({ date: '2025-06-05', series: 'runtime', messages: [] });
  });

  test('the title states the date with its year', () => {
    expect(meta('Guild/2023/notes.md', '# December 10, 2023 | Guild call\n').date).toBe('2023-12-10');
    expect(meta('docs/x.md', 'Intro line\n\n**Date:** December 10, 2024\n').date).toBe('2024-12-10');
  });

  test('a title a day off the name wins; a title weeks off was copied from an earlier meeting', () => {
    expect(meta('js/2024/js-10-17-2024.md', '# October 16, 2024 | JS group\n').date).toBe('2024-10-16');
    expect(meta('pkg/2026/2026-07-15.md', '# 2026 June 15 - packaging meeting\n').date).toBe('2026-07-15');
  });

  test('a title year at odds with the year folder is a typo', () => {
    expect(meta('vec/2021/VEC-12-03.md', '# Vector subgroup meeting on 2012-12-03\n').date).toBe('2021-12-03');
  });

  test('an agenda heading or a Dates field gives the day when the name gives the month only', () => {
    expect(
      meta('main/2019/CG-06.md', '# Table of Contents\n\n## Agenda for the June meeting\n\n- **Dates**: Wednesday-Thursday, June 12-13, 2019\n').date,
    ).toBe('2019-06-12');
    expect(meta('main/2020/CG-08-18.md', '## Agenda for the August 18th video call\n').date).toBe('2020-08-18');
  });

  test('a year neither title nor path gives comes from the dates the text mentions', () => {
    const text = '# June 05 | Runtime Bi-Weekly\n\n* [Untriaged](https://example.org/issues?q=created%3A%3E%3D2024-12-19)\n';
    expect(meta('001_abc.txt', text)).toEqual({ date: '2025-06-05', series: 'runtime', messages: [] });
    // A date mentioned a little after the meeting (the next call) does not push it a year on.
    expect(meta('002_abc.txt', '# March 3 | Runtime call\n\nNext call: March 17, 2025\n').date).toBe('2025-03-03');
  });

  test('no date where none can be known', () => {
    expect(meta('runtime/TEMPLATE.md', '# {month} {day} | Runtime Bi-Weekly\n').date).toBeNull();
    expect(meta('flat.txt', '# June 05 | Runtime\n\nno dates here\n').date).toBeNull();
  });

  test('the series is the folder above the year, without archive folders, lower-cased', () => {
    expect(meta('SIG-Guest-Languages/JavaScript/2024/js-10-02-2024.md', '# x\n').series).toBe('sig-guest-languages/javascript');
    expect(meta('archived/sig-registries/2023/2023-10-11.md', '# x\n').series).toBe('sig-registries');
    expect(meta('TSC/2025/tsc-04-01.md', '# x\n').series).toBe('tsc');
    expect(meta('TSC/README.md', '# x\n').series).toBe('tsc');
  });

  test('web-page text takes the repository path from its header', () => {
    const text = 'Files\nproj/meetings/runtime/2021/runtime-09-02.md\n2021-09-02 10:00:43 -07:00\n\n4.0 KiB\n\nSeptember 02 Runtime call\n\n• item\n';
    expect(meta('000_abc.txt', text)).toEqual({ date: '2021-09-02', series: 'runtime', messages: [] });
  });
});

describe('dates from folders, month names and month files', () => {
  test('a month folder under a year folder, and a name that opens with the day', () => {
    expect(meta('agendas/2022/03-Mar/17-wg-main.md', '# Working group agenda\n').date).toBe('2022-03-17');
    expect(meta('calls/2021-09/14.md', '# Call\n').date).toBe('2021-09-14');
  });

  test('month names in a file name, with a year-month folder or the year in the name', () => {
    expect(meta('team/2022-08/august-09.md', '# Team sync\n').date).toBe('2022-08-09');
    expect(meta('team/2019-03/Mar 28 2019.md', '# Team sync\n').date).toBe('2019-03-28');
    expect(dateInName('2022-Nov.-24-review')).toEqual({ year: 2022, month: 11, day: 24 });
  });

  test('a file for a month takes its day from a heading or a dated link near the top, not a later mention', () => {
    expect(meta('updates/2020-05-council-update.md', '# May 12\n\n- The council met.\n').date).toBe('2020-05-12');
    expect(meta('notes/2023/2023-02.md', '# Notes, February 2023\n\nAgenda: [link](https://example.org/wg/agendas/2023/02-Feb/09-main.md)\n').date).toBe(
      '2023-02-09',
    );
    const later = `# Notes, June 2021\n\n${'- a line\n'.repeat(70)}- next breakout on June 21st\n`;
    expect(meta('notes/2021/2021-06.md', later).date).toBeNull();
  });

  test('a "Meeting Date/Time" field, and "YYYY-Mon.-DD" in prose', () => {
    expect(meta('calls/Call 17.md', '# Call 17\n\n**Meeting Date/Time: March 3, 2022, 14:00 UTC**\n').date).toBe('2022-03-03');
    expect(findDates('held on 2022-Nov.-24').map(({ year, month, day }) => [year, month, day])).toEqual([[2022, 11, 24]]);
  });
});
