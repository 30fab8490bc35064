/**
 * Property tests (fast-check) over reading, parsing and extracting one note:
 * random bytes, random text and random markdown-like notes never crash
 * them, every fact points at lines that exist, the result does not depend on
 * how lines end (LF, CRLF, CR) or on a byte order mark, and a run is
 * deterministic.
 */
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { emptyConfig } from '../ingest/read/config.js';
import { extractMeeting } from '../ingest/extract/extract.js';
import { parseNote } from '../ingest/parse/parse.js';
import { decodeNote } from '../ingest/read/read.js';
import type { MeetingRecord, Note } from '../ingest/types.js';

const RUNS = Number(process.env.QUORUM_FUZZ_RUNS ?? 150);

function ingestText(text: string, path = 'fuzz/note.md'): { note: Note; record: MeetingRecord } {
  const note = parseNote({ collection: 'fuzz', path, text, sha256: 'x', bytes: text.length });
  return { note, record: extractMeeting(note, emptyConfig()) };
}

/** Every block, passage, decision and action item lies on lines of the file; every index points at something. */
function expectWellFormed({ note, record }: { note: Note; record: MeetingRecord }): void {
  const lines = note.lines.length;
  const onLines = (what: string, x: { startLine: number; endLine: number }) => {
    expect(x.startLine, what).toBeGreaterThanOrEqual(1);
    expect(x.endLine, what).toBeGreaterThanOrEqual(x.startLine);
    expect(x.endLine, what).toBeLessThanOrEqual(lines);
  };
  for (const b of note.blocks) onLines(`block ${b.id}`, b);
  for (const s of note.sections) onLines(`section ${s.id}`, s);
  expect(note.title.trim()).not.toBe('');
  const people = record.people.length;
  const person = (i: number | null) => i === null || (Number.isInteger(i) && i >= 0 && i < people);
  expect(record.attendees.every(person)).toBe(true);
  for (const p of record.passages) {
    onLines('passage', p);
    expect(person(p.speaker)).toBe(true);
  }
  for (const d of record.decisions) {
    onLines('decision', d);
    expect(d.people.every(person)).toBe(true);
  }
  for (const a of record.actionItems) {
    onLines('action item', a);
    expect(person(a.owner)).toBe(true);
  }
  for (const t of record.topics) expect(t.passages.every((i) => i >= 0 && i < record.passages.length)).toBe(true);
  expect(() => JSON.stringify(record)).not.toThrow();
}

/** What a note yields. */
function facts({ note, record }: { note: Note; record: MeetingRecord }) {
  return {
    lines: note.lines.length,
    blocks: note.blocks.map((b) => [b.kind, b.text, b.startLine, b.endLine]),
    passages: record.passages.map((p) => [p.text, p.startLine, p.endLine, p.speaker]),
    people: record.people.map((p) => p.name),
    decisions: record.decisions.map((d) => [d.startLine, d.endLine]),
    actionItems: record.actionItems.map((a) => [a.startLine, a.endLine]),
    date: record.date,
    title: record.title,
  };
}

// Lines that look like meeting notes: headings, speaker turns, nested and task lists, tables,
// code fences, quotes, links and references, dates, attendee lines, decisions and actions.
const word = fc.constantFrom(
  'wasm',
  'GC',
  'release',
  'Alice',
  'Bob Smith',
  'we',
  'agreed',
  'to',
  'ship',
  '#123',
  'rust-lang/rust#1',
  'https://github.com/o/r/pull/7',
  '@alice',
  'crate `serde`',
  'RFC 42',
  '2024-05-06',
  'TODO',
  '**bold**',
  '_em_',
  '[link](http://x.y)',
  '…',
  '🦀',
  'ß',
  '"quoted"',
  // Other languages and inline HTML, as the shared corpora write them.
  '会议',
  '李明 (来宾)',
  'Протокол',
  'Entscheidung',
  'décidé',
  'ありがとう',
  'مرحبا',
  '<br>',
  '<sup>1</sup>',
  '{{ page.title }}',
);
const text = fc.array(word, { minLength: 0, maxLength: 12 }).map((ws) => ws.join(' '));
const line = fc.oneof(
  text,
  fc.tuple(fc.integer({ min: 1, max: 7 }), text).map(([n, t]) => `${'#'.repeat(n)} ${t}`),
  fc.tuple(fc.constantFrom('Alice', 'Bob', 'AC', 'Dr. Who', '**Carol:**'), text).map(([who, t]) => `${who}: ${t}`),
  fc.tuple(fc.integer({ min: 0, max: 12 }), fc.constantFrom('-', '*', '1.', '- [ ]', '- [x]'), text).map(([i, m, t]) => `${' '.repeat(i)}${m} ${t}`),
  fc.array(text, { minLength: 1, maxLength: 5 }).map((cells) => `| ${cells.join(' | ')} |`),
  fc.constantFrom(
    '|---|---|',
    '```',
    '~~~',
    '> ',
    '---',
    '',
    '',
    'Attendees: Alice, Bob Smith, @carol',
    'Date: 2024-05-06',
    'Decision: we will ship it',
    'Action: Bob to file an issue',
    'AI(alice): write the RFC',
    '<!-- comment',
    '-->',
    '<div>',
    '\t\tindented code',
    '<details>',
    '<summary>Notes</summary>',
    '</details>',
    '<div align="center"><img src="x.png"></div>',
    '| Attending | Ana Lima<br>Bo Chen |',
    '{% include toc.md %}',
    '{% raw %}',
    '## 参会人员',
  ),
  fc.tuple(fc.constantFrom('> ', '>> ', '- > '), text).map(([q, t]) => `${q}${t}`),
);
const note = fc.array(line, { minLength: 0, maxLength: 60 });

describe('reading any bytes', () => {
  test('never throws: text, or a message naming the file and the reason', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 3000 }), (bytes) => {
        const r = decodeNote(bytes, 'x/y.md', 'c');
        if (r.ok) {
          expect(r.file.text.charCodeAt(0)).not.toBe(0xfeff);
          expect(r.file.text.includes('\u0000')).toBe(false);
        } else {
          expect(r.message.path).toBe('x/y.md');
          expect(r.message.reason).toMatch(/binary file|not valid UTF-8|UTF-16 text/);
        }
      }),
      { numRuns: RUNS * 5 },
    );
  });

  test('a byte order mark changes nothing but the hash', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 300 }), (s) => {
        const bytes = Buffer.from(s, 'utf8');
        const plain = decodeNote(bytes, 'a.md', 'c');
        const bom = decodeNote(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), bytes]), 'a.md', 'c');
        expect(bom.ok).toBe(plain.ok);
        if (plain.ok && bom.ok) expect(bom.file.text).toBe(plain.file.text);
      }),
      { numRuns: RUNS },
    );
  });
});

describe('parsing and extracting any text', () => {
  test('random text (any code points, lone surrogates and controls included) is parsed, never thrown on', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 400 }), (s) => expectWellFormed(ingestText(s))),
      { numRuns: RUNS },
    );
  });

  test('random notes: facts on lines that exist, the same on a second run', () => {
    fc.assert(
      fc.property(note, fc.constantFrom('a.md', 'b.txt'), (lines, path) => {
        const once = ingestText(lines.join('\n'), path);
        expectWellFormed(once);
        expect(facts(ingestText(lines.join('\n'), path))).toEqual(facts(once));
      }),
      { numRuns: RUNS },
    );
  });

  test('how lines end (LF, CRLF, CR or a mix) does not change what is found, nor where', () => {
    const ending = fc.constantFrom('\n', '\r\n', '\r');
    fc.assert(
      fc.property(note, fc.array(ending, { minLength: 60, maxLength: 60 }), (lines, ends) => {
        const lf = facts(ingestText(lines.join('\n')));
        // A CR, an empty line and an LF would be one CRLF ending: that CR becomes an LF.
        const end = (i: number) => (ends[i] === '\r' && lines[i + 1] === '' && ends[i + 1] === '\n' ? '\n' : ends[i]);
        const mixed = lines.map((l, i) => l + (i < lines.length - 1 ? end(i) : '')).join('');
        expect(facts(ingestText(mixed))).toEqual(lf);
      }),
      { numRuns: RUNS },
    );
  });
});

describe('the shapes of the shared corpora', () => {
  // Site-generator tags on lines of their own, and a front matter that carries them.
  const tag = fc.constantFrom('{% include toc.md %}', '{% raw %}', '{%- endraw -%}', '{% include meeting-meta.html %} {% comment %}x{% endcomment %}');
  const withTags = fc.tuple(note, fc.array(fc.tuple(fc.nat(), tag), { maxLength: 6 }), fc.boolean());

  test('template tag lines and a templated front matter change nothing but the lines they take', () => {
    fc.assert(
      fc.property(withTags, ([lines, tags, front]) => {
        fc.pre(!lines.some((l) => /^\s*(?:```|~~~)/.test(l)));
        const tagged = [...lines];
        for (const [at, t] of tags) tagged.splice(at % (tagged.length + 1), 0, t);
        const head = front ? ['---', 'layout: minutes', 'title: "{{ page.date }}"', '{% include meta.html %}', '---'] : [];
        const once = ingestText([...head, ...tagged].join('\n'));
        expectWellFormed(once);
        const blank = ingestText([...head.map((h) => (h.startsWith('{%') ? '' : h)), ...tagged.map((l) => (/^\{%/.test(l) ? '' : l))].join('\n'));
        const { title: _t, ...got } = facts(once);
        const { title: _u, ...want } = facts(blank);
        expect(got).toEqual(want);
        if (front) expect(once.note.title).not.toBe('{{ page.date }}');
        for (const p of once.record.passages) expect(p.text).not.toMatch(/^\{%/m);
      }),
      { numRuns: RUNS },
    );
  });

  test('file names with spaces, &, commas, parentheses and other scripts: the same passages, people, decisions and actions', () => {
    const part = fc.constantFrom(
      'Meeting 172',
      'Jan 15, 2021',
      'Q&A (part 2)',
      '2023-11,12-update',
      'Notes (draft) & follow-ups',
      '会议 记录',
      'Протокол №5',
      "o'clock #3",
    );
    fc.assert(
      fc.property(note, part, part, (lines, dir, base) => {
        const text = lines.join('\n');
        const odd = ingestText(text, `${dir}/${base}.md`);
        expectWellFormed(odd);
        const plain = ingestText(text, 'a/b.md');
        const pick = (f: ReturnType<typeof facts>) => ({
          blocks: f.blocks,
          passages: f.passages,
          people: f.people,
          decisions: f.decisions,
          actionItems: f.actionItems,
        });
        expect(pick(facts(odd))).toEqual(pick(facts(plain)));
      }),
      { numRuns: RUNS },
    );
  });

  test('a one-line stub, with or without its line ending: one passage at most, the date of its path', () => {
    const oneLine = fc.string({ unit: 'grapheme', maxLength: 200 }).map((x) => x.replace(/[\r\n]/g, ' '));
    fc.assert(
      fc.property(oneLine, fc.constantFrom('', '\n'), (l, end) => {
        const got = ingestText(l + end, 'python/2023/guest-python-10-12.md');
        expectWellFormed(got);
        expect(got.record.passages.length).toBeLessThanOrEqual(1);
        expect(got.record.date).not.toBeNull();
      }),
      { numRuns: RUNS },
    );
  });
});
