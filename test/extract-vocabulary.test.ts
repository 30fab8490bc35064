/**
 * A format's vocabulary reaches the extractors: the outcome, task and date
 * forms are compiled from the note's vocabulary (annotate's), not from the
 * default's. One note read twice, with the default vocabulary and with one
 * whose rows add an outcome label, a task label, a month's other spelling and
 * a small word of names,
 * must yield different records exactly where those rows apply.
 */
import { describe, expect, test } from 'vitest';
import { extractMeeting } from '../ingest/extract/extract.js';
import { DATE_WORDS, OUTCOME_WORDS, TASK_WORDS } from '../ingest/formats/cue-words.js';
import { vocabularyOf } from '../ingest/formats/registry.js';
import { compileVocabulary, mergeVocabulary } from '../ingest/formats/vocabulary.js';
import { parseNote } from '../ingest/parse/parse.js';
import { emptyConfig } from '../ingest/read/config.js';
import { decodeNote } from '../ingest/read/read.js';
import type { Note } from '../ingest/types.js';

/** A note whose outcome, task and date are written in words the default vocabulary does not have. */
const TEXT = [
  '# Réunion du bureau, 16 octobre 2024',
  '',
  '## Attendees',
  '',
  '- Ana Lima',
  '- Bo Chen',
  '',
  '## Notes',
  '',
  '- Beschluss: the release branch is cut on Friday',
  '- Aufgabe (Bo Chen): release notes for 1.2',
  '- The Gesellschaft für Informatik (GI) reviews the draft',
  '',
].join('\n');

const note = (): Note => {
  // A path without a date, so the date can only come from the title.
  const r = decodeNote(Buffer.from(TEXT), 'board/bureau.md', 'test');
  if (!r.ok) throw new Error(r.message.reason);
  return parseNote(r.file);
};

/** The default vocabulary with rows a format might add: an outcome label, a task label, a month's French spelling. */
const extended = compileVocabulary(
  mergeVocabulary({
    outcomes: {
      ...OUTCOME_WORDS,
      triggers: [...OUTCOME_WORDS.triggers, 'beschluss'],
      labels: { ...OUTCOME_WORDS.labels, nouns: [...OUTCOME_WORDS.labels.nouns, 'beschluss'] },
    },
    tasks: { ...TASK_WORDS, triggers: [...TASK_WORDS.triggers, 'aufgabe'], labels: { ...TASK_WORDS.labels, words: [...TASK_WORDS.labels.words, 'aufgabe'] } },
    dates: { ...DATE_WORDS, months: DATE_WORDS.months.map((m) => (m.startsWith('oct') ? 'oct(?:ober|obre)?' : m)) },
    nameSmallWords: [...vocabularyOf('markdown').tables.nameSmallWords, 'für'],
  }),
);

describe("a format's vocabulary reaches the extractors", () => {
  const plain = extractMeeting(note(), emptyConfig(), vocabularyOf('markdown'));
  const read = extractMeeting(note(), emptyConfig(), extended);

  test('the default vocabulary finds no outcome, task or date in these words', () => {
    expect(plain.date).toBeNull();
    expect(plain.decisions).toEqual([]);
    expect(plain.actionItems).toEqual([]);
  });

  test('an added outcome label makes a decision', () => {
    expect(read.decisions.map((d) => [d.startLine, d.text])).toEqual([[10, expect.stringContaining('release branch is cut on Friday')]]);
  });

  test('an added task label makes an action item with its bracketed owner', () => {
    expect(read.actionItems.map((a) => [a.startLine, a.owner === null ? null : read.people[a.owner]!.name])).toEqual([[11, 'Bo Chen']]);
  });

  test("an added small word lets a name's initials skip it", () => {
    expect(plain.acronyms).toEqual([]);
    expect(read.acronyms).toEqual([expect.objectContaining({ short: 'gi', long: 'gesellschaft fur informatik', line: 12 })]);
  });

  test('an added month spelling dates the meeting from its title', () => {
    expect(read.date).toBe('2024-10-16');
  });

  test('everything the added rows do not touch is read the same', () => {
    expect(read.attendees).toEqual(plain.attendees);
    expect(read.passages).toEqual(plain.passages);
    expect(read.references).toEqual(plain.references);
  });
});
