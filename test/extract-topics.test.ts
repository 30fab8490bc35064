import { describe, expect, test } from 'vitest';
import { emptyConfig } from '../ingest/read/config.js';
import { extractMeeting } from '../ingest/extract/extract.js';
import { parseNote } from '../ingest/parse/parse.js';
import { keyPhrases } from '../ingest/extract/topics/phrases.js';
import { topicName } from '../ingest/extract/topics/names.js';
import { vocabularyOf } from '../ingest/formats/registry.js';
import { findThreads } from '../ingest/annotate/threads.js';
import type { MeetingRecord } from '../ingest/types.js';

const NOTE = `# March 3 | Runtime Weekly

## Agenda

1. Opening, welcome and roll call
1. Other agenda items
   1. Arena allocator for wasm frames -- https://github.com/acme/runtime/pull/120 -- @kim
   1. Flaky CI on arm64
      * https://github.com/acme/runtime/issues/77
   1. Submit a PR to add your item here

## Attendees

* Kim Park
* Lee Chan

## Notes

### Arena allocators for Wasm frames

Kim: The arena allocator keeps frames in one slab, so freeing is one reset.
Frame arenas also make the stack walker simpler.

Lee: Does the arena allocator grow? A fixed slab would cap recursion depth.

Kim: It grows in chunks; I'll measure recursion-heavy benchmarks.

### Other

- Lee: flaky CI on arm64 again
  - Kim: the runner image moved to a new kernel
  - [Runner issue](https://github.com/acme/infra/issues/9)
- Kim: release is next week
- Links
  - [Arena allocator for wasm frames](https://github.com/acme/runtime/pull/120)
`;

function record(text = NOTE): MeetingRecord {
  const note = parseNote({ collection: 'test', path: 'runtime/2026/runtime-03-03.md', text, sha256: 'x', bytes: text.length });
  return extractMeeting(note, emptyConfig());
}

const lineOf = (r: MeetingRecord, start: number) => r.passages.findIndex((p) => p.startLine === start);

/** The line lead markdown notes are read with. */
const LEAD = vocabularyOf('markdown').lineLead;

describe('topicName', () => {
  test('keeps the words a person searches for', () => {
    expect(topicName('Compile-time builtins RFC -- https://github.com/bytecodealliance/rfcs/pull/43 -- @fitzgen', LEAD)).toBe('Compile-time builtins');
    expect(topicName('HTML serialization of WebAssembly.Module objects (Daniel Ehrenberg)', LEAD)).toBe('HTML serialization of WebAssembly.Module objects');
    expect(topicName('POLL: [Relaxed dead code validation to phase 1](https://github.com/WebAssembly/design/issues/1379) [5-10 min]', LEAD)).toBe(
      'Relaxed dead code validation to phase 1',
    );
    expect(topicName('Chris: minimum supported rust version', LEAD)).toBe('minimum supported rust version');
    expect(topicName('Lime1 · Issue #4209 · bytecodealliance/wasm-micro-runtime', LEAD)).toBe('Lime1');
    expect(
      topicName('Presentation and feedback-gathering on branch hinting ([issue](https://github.com/WebAssembly/design/issues/1363)) (Yuri Iozzelli)', null),
    ).toBe('feedback-gathering on branch hinting');
    expect(topicName('Add type for unreachable states (https://github.com/WebAssembly/design/issues/1379) (Conrad Watt and Ross Tate)', null)).toBe(
      'Add type for unreachable states',
    );
    expect(topicName('Making Wasmtime safer: the case for `Store<T: Send>`', null)).toBe('Making Wasmtime safer: the case for Store<T: Send>');
  });

  test('is null for parts of a meeting and vague names', () => {
    for (const text of [
      'Notes',
      'Attendees',
      'Agenda items',
      'Adoption of the agenda',
      'Working doc',
      'Document links',
      '## Updates',
      'https://example.com/x',
      '',
    ]) {
      expect(topicName(text, LEAD), text).toBeNull();
    }
  });
});

describe('findThreads', () => {
  const text = NOTE;
  const note = parseNote({ collection: 'test', path: 'x.md', text, sha256: 'x', bytes: text.length });
  let n = 0;
  const passageOf = note.blocks.map((b) => (b.kind === 'heading' || !b.text.trim() ? -1 : n++));
  const { threadOf, roleOf, headOf, threads } = findThreads(note, passageOf);
  const at = (line: number) => passageOf[note.blocks.find((b) => b.startLine === line && passageOf[b.id]! >= 0)!.id]!;

  test('a section is a thread, and the agenda line that announces it joins it', () => {
    expect(threadOf[at(7)]).toBe(threadOf[at(21)]);
    expect(threadOf[at(26)]).toBe(threadOf[at(21)]);
    expect(roleOf[at(7)]).toBe('agenda');
    expect(roleOf[at(21)]).toBeNull();
    expect(threads.find((t) => t.start === threadOf[at(21)])).toMatchObject({ title: 'Arena allocators for Wasm frames', heading: true });
  });

  test('a top-level item with nested items is a thread of its own, opened by its head', () => {
    expect(threadOf[at(31)]).toBe(at(30));
    expect(threadOf[at(32)]).toBe(at(30));
    expect(headOf[at(30)]).toBe(true);
    expect(headOf[at(31)]).toBe(false);
    // The agenda line and its nested link join the item it announces.
    expect(threadOf[at(8)]).toBe(at(30));
    expect(threadOf[at(9)]).toBe(at(30));
    // A lone item stays in its section's thread.
    expect(threadOf[at(33)]).not.toBe(at(30));
  });

  test('a link with no words of its own is marked', () => {
    expect(roleOf[at(32)]).toBe('links');
    expect(roleOf[at(35)]).toBe('links');
    expect(roleOf[at(31)]).toBeNull();
  });
});

describe('keyPhrases', () => {
  test('keeps phrases said in two passages and technical words said in three, never names alone', () => {
    const passages = [
      { text: 'The pooling allocator reuses slots.', code: [] },
      { text: 'Kim: with the pooling allocator we reset MPK keys.', code: ['PAGEMAP_SCAN'] },
      { text: 'Kim said MPK and PAGEMAP_SCAN help.', code: ['PAGEMAP_SCAN'] },
      { text: 'MPK again; the weather is nice.', code: [] },
    ];
    const found = keyPhrases(passages, new Set(['kim']), () => false);
    const names = found.map((p) => p.name);
    expect(names).toContain('pooling allocator');
    expect(names).toContain('MPK');
    expect(names).toContain('PAGEMAP_SCAN');
    expect(names).not.toContain('Kim');
    expect(names).not.toContain('weather');
    expect(found.find((p) => p.name === 'pooling allocator')!.passages).toEqual([0, 1]);
  });
});

describe('extractTopics', () => {
  const r = record();
  const topic = (name: string) => r.topics.find((t) => t.name === name);

  test('finds headings, agenda lines, recurring phrases and reference titles', () => {
    expect(topic('Arena allocators for Wasm frames')).toMatchObject({ kind: 'thread', key: 'arena allocator wasm fram' });
    expect(topic('Arena allocator for wasm frames')).toBeUndefined(); // same key as the heading: one topic
    expect(r.topics.find((t) => t.key === 'flaky ci arm64 again')).toMatchObject({ kind: 'thread', name: 'flaky CI on arm64 again' });
    expect(r.topics.some((t) => t.kind === 'phrase' && t.key === 'arena allocator')).toBe(true);
    expect(r.topics.every((t) => !/^(notes|attendees|agenda|other)$/i.test(t.name))).toBe(true);
  });

  test('ties a reference to the subject its title or agenda line names', () => {
    expect(topic('Arena allocators for Wasm frames')!.refs).toEqual(['acme/runtime#120']);
    expect(r.topics.find((t) => t.key === 'flaky ci arm64')!.refs).toEqual(['acme/runtime#77']);
  });

  test('weighs a discussion above a passing mention in a list of links', () => {
    const discussion = topic('Arena allocators for Wasm frames')!;
    expect(discussion.passages).toContain(lineOf(r, 21));
    expect(discussion.passages).toContain(lineOf(r, 7));
    const weights = new Map(r.topics.map((t) => [t.key, t.weight]));
    expect(discussion.weight).toBeGreaterThan(1);
    expect(discussion.weight).toBeGreaterThan(weights.get('runner') ?? 0);
    // A note whose only mention is a link in a list weighs the least there is.
    const passing = record('# Notes\n\n- Links\n  - [Arena allocator for wasm frames](https://github.com/acme/runtime/pull/120)\n');
    expect(passing.topics.find((t) => t.key === 'arena allocator wasm fram')!.weight).toBeLessThan(0.2);
  });

  test('marks each passage with its thread, role and head', () => {
    expect(r.passages[lineOf(r, 31)]).toMatchObject({ thread: lineOf(r, 30), role: null, head: false });
    expect(r.passages[lineOf(r, 30)]).toMatchObject({ thread: lineOf(r, 30), head: true });
    expect(r.passages[lineOf(r, 7)]!.role).toBe('agenda');
  });

  test('notes kept under an agenda title with the attendance are discussed, not planned', () => {
    const kept = record(
      '# Tools team meeting agenda\n\n## Attendance\n\n* Kim, Lee\n\n## Nominated RFCs\n\n### Faster linker\n\n* Kim: the new linker halves link times.\n',
    );
    expect(kept.passages[lineOf(kept, 11)]!.role).toBeNull();
    // An agenda section of its own is still planned.
    const planned = record('# Tools team\n\n## Agenda\n\n* Faster linker\n\n## Attendance\n\n* Kim, Lee\n');
    expect(planned.passages[lineOf(planned, 5)]!.role).toBe('agenda');
  });

  test('a note with nothing in it has no topics', () => {
    expect(record('# Empty\n').topics).toEqual([]);
  });
});
