/**
 * The format registry and the vocabulary: detection picks one format per
 * note, and the vocabulary's tables, compiled once, answer what a heading or
 * a line is; a format's rows replace the default's.
 */
import { describe, expect, test } from 'vitest';
import { detectFormat, FORMATS, vocabularyOf } from '../ingest/formats/registry.js';
import { compileVocabulary, DEFAULT_VOCABULARY, mergeVocabulary } from '../ingest/formats/vocabulary.js';
import type { SourceFile } from '../ingest/types.js';

const file = (path: string, text: string): SourceFile => ({ collection: 't', path, text, sha256: '', bytes: text.length });

describe('detectFormat', () => {
  test('web-page text, markdown with HTML notes, and markdown', () => {
    expect(detectFormat(file('a.txt', 'Files\norg/notes/2024-01-02.md\n2024-01-03 10:00\n\nSync\n\n  • Ana gave an update\n')).name).toBe('web-text');
    expect(detectFormat(file('a.md', '# Board\n\n<h3>Motion</h3>\n<p>Passed.</p>\n')).name).toBe('html-in-md');
    expect(detectFormat(file('a.md', '# Sync\n\n- Ana gave an update\n')).name).toBe('markdown');
    // Bullets in a .md file are markdown's; a .txt file without a web page's marks is read as markdown too.
    expect(detectFormat(file('a.txt', '# Sync\n\n- Ana gave an update\n')).name).toBe('markdown');
  });

  test('every format has a name of its own, and markdown, the default, comes last', () => {
    const names = FORMATS.map((f) => f.name);
    expect(new Set(names).size).toBe(names.length);
    expect(names[names.length - 1]).toBe('markdown');
  });
});

describe('the vocabulary', () => {
  const { sections, turnLine, headLead } = vocabularyOf('markdown');

  test('section kinds: whole headings (qualified, with a suffix), openings and mentions', () => {
    expect(['Attendees', 'Also present', 'Regrets'].every((h) => sections.attendance.whole.test(h))).toBe(true);
    expect(sections.outcome.whole.test('Final decisions')).toBe(true);
    expect(sections.logistics.whole.test('Logistics info:')).toBe(true);
    expect(sections.outcome.whole.test('Decisions we should revisit')).toBe(false);
    expect(sections.attendance.opens.test('Attendance (in person)')).toBe(true);
    expect(sections.members.whole.test('Team updates')).toBe(false);
    expect(sections.agenda.mentions.test('Meeting agenda')).toBe(true);
    expect(sections.notes.mentions.test('Footnotes')).toBe(false);
  });

  test('a speaker turn opens a line: a short label, a colon, then words', () => {
    expect(turnLine.test('**Ana Lima:** we should ship')).toBe(true);
    expect(turnLine.test('- AL: agreed')).toBe(true);
    expect(turnLine.test('see https://example.org')).toBe(false);
    expect(turnLine.test('AL:')).toBe(false);
  });

  test("a head line's lead: list marker or number, then a short speaker label", () => {
    expect('1. **Ana:** Release plan'.replace(headLead, '')).toBe('Release plan');
    expect('- Release plan: what ships'.replace(headLead, '')).toBe('what ships');
    expect('- A label far longer than thirty characters here: text'.replace(headLead, '')).toBe('A label far longer than thirty characters here: text');
  });

  test("line leads: a topic line's marks and label; a reference title's label, which may have nothing after it", () => {
    const { lineLead, titleLead } = vocabularyOf('markdown');
    expect('> 2. **Ana & Bo:** release plan'.replace(lineLead, '')).toBe('release plan');
    expect('- Weak Imports:'.replace(lineLead, '')).toBe('Weak Imports:');
    // A title line has its link cut out: `Topic: Weak Imports: <url>` keeps the title, `Weak Imports: <url>` alone does not.
    expect('Topic: Weak Imports: '.replace(titleLead, '')).toBe('Weak Imports: ');
    expect('1. [Ana] - EIP-7549: update '.replace(titleLead, '')).toBe('EIP-7549: update ');
  });

  test("a format's rows replace the default's, and the rest stay", () => {
    const merged = compileVocabulary(mergeVocabulary({ sections: { ...DEFAULT_VOCABULARY.sections, agenda: ['orden del día'] } }));
    expect(merged.sections.agenda.mentions.test('Orden del día')).toBe(true);
    expect(merged.sections.agenda.mentions.test('Agenda')).toBe(false);
    expect(merged.sections.attendance.whole.test('Attendees')).toBe(true);
  });
});
