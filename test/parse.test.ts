import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { parseNote } from '../ingest/parse/parse.js';
import { decodeNote } from '../ingest/read/read.js';
import type { SourceFile } from '../ingest/types.js';
import { isWebText, webTextToMarkdown } from '../ingest/formats/web-text.js';
import { SEEDS } from './support/graph.js';

const file = (text: string, path = 'notes/2026/x.md'): SourceFile => {
  const r = decodeNote(Buffer.from(text), path, 'test');
  if (!r.ok) throw new Error(r.message.reason);
  return r.file;
};

describe('parseNote', () => {
  test('blocks carry 1-based source lines, sections and nesting', () => {
    const note = parseNote(file('# Title\n\n## Notes\n\n- AC: first\n  - nested\n- NF: second\n\npara one\nstill para\n'));
    expect(note.title).toBe('Title');
    const [first, nested, second, para] = note.blocks.filter((b) => b.kind !== 'heading');
    expect(first).toMatchObject({ kind: 'item', text: 'AC: first', startLine: 5, endLine: 5, depth: 1 });
    expect(nested).toMatchObject({ kind: 'item', text: 'nested', startLine: 6, depth: 2, parent: first!.id });
    expect(second).toMatchObject({ text: 'NF: second', startLine: 7 });
    expect(para).toMatchObject({ kind: 'paragraph', startLine: 9, endLine: 10 });
    expect(note.sections.map((s) => [s.heading, s.startLine, s.endLine])).toEqual([
      ['Title', 1, 11],
      ['Notes', 3, 11],
    ]);
  });

  test('a paragraph is split where a new speaker turn opens a line', () => {
    const note = parseNote(file('Alex: one\nthing\nChris: two\n**Nick:** three\n'));
    expect(note.blocks.map((b) => [b.text, b.startLine, b.endLine])).toEqual([
      ['Alex: one\nthing', 1, 2],
      ['Chris: two', 3, 3],
      ['Nick: three', 4, 4],
    ]);
    expect(note.blocks[2]!.lead).toBe('Nick:');
  });

  test('CRLF and CR line endings count lines like LF', () => {
    const crlf = parseNote(file('# T\r\n\r\ntext\r\nmore\r\n\r\n- item\r\n'));
    const cr = parseNote(file('# T\r\rtext\rmore\r\r- item\r'));
    for (const n of [crlf, cr]) expect(n.blocks.map((b) => b.startLine)).toEqual([1, 3, 6]);
  });

  test('tables become rows with their header', () => {
    const note = parseNote(file('| Name | Org |\n| --- | --- |\n| Lin Clark | Fastly |\n'));
    expect(note.blocks[0]).toMatchObject({ kind: 'row', cells: ['Lin Clark', 'Fastly'], header: ['Name', 'Org'], startLine: 3 });
  });

  test('links keep their URL, text and line', () => {
    const note = parseNote(file('See [the RFC](https://github.com/o/r/pull/1) and\nhttps://github.com/o/r/issues/2\n'));
    expect(note.blocks[0]!.links).toEqual([
      { url: 'https://github.com/o/r/pull/1', text: 'the RFC', line: 1 },
      { url: 'https://github.com/o/r/issues/2', text: 'https://github.com/o/r/issues/2', line: 2 },
    ]);
  });

  test('binary and invalid UTF-8 files are refused with a reason', () => {
    expect(decodeNote(Buffer.from([0x61, 0, 0x62]), 'a.md', 'c')).toMatchObject({
      ok: false,
      message: { path: 'a.md', reason: expect.stringContaining('binary') },
    });
    expect(decodeNote(Buffer.from([0xc3, 0x28]), 'b.md', 'c')).toMatchObject({ ok: false, message: { reason: expect.stringContaining('UTF-8') } });
  });
});

describe('web-page text', () => {
  const path = '000_588e6bce46531436.txt';
  const text = readFileSync(join(SEEDS, path), 'utf8');

  test('is told apart from markdown', () => {
    expect(isWebText(text)).toBe(true);
    expect(isWebText(readFileSync(join(SEEDS, '001_47f3fa9c104fb741.txt'), 'utf8'))).toBe(false);
  });

  test('is rewritten line for line', () => {
    expect(webTextToMarkdown(text).split('\n').length).toBe(text.split('\n').length);
  });

  test('parses into headings, nested bullets and the original path', () => {
    const note = parseNote(file(text, path));
    expect(note.format).toBe('web-text');
    expect(note.originalPath).toBe('wasmtime/meetings/wasmtime/2021/wasmtime-09-02.md');
    expect(note.title).toBe('September 02 Wasmtime project call');
    const lines = text.split('\n');
    const nf = note.blocks.find((b) => b.text.startsWith('NF: heads-up'))!;
    expect(lines[nf.startLine - 1]).toContain('NF: heads-up');
    const child = note.blocks.find((b) => b.text.startsWith('take a wasm binary'))!;
    expect(child.parent).toBe(nf.id);
    expect(note.sections.some((s) => s.heading === 'Attendees')).toBe(true);
  });
});

describe('front matter', () => {
  test('YAML front matter is not text; its title names the note', () => {
    const note = parseNote(file('---\ntitle: Triage meeting 2024-02-14\ntags: [a]\n---\n\n# T-lang agenda\n\nTC: hello\n'));
    expect(note.title).toBe('Triage meeting 2024-02-14');
    expect(note.blocks.map((b) => b.text)).toEqual(['T-lang agenda', 'TC: hello']);
    expect(note.blocks[1]!.startLine).toBe(8);
  });
});

describe('bare URLs in a split paragraph', () => {
  test('keep the text around them (remark-gfm leaves those nodes without a position)', () => {
    const note = parseNote(file('Ann: see https://example.com/a for it\nso we agree.\nBob: fine https://example.com/b then\n'));
    expect(note.blocks.map((b) => b.text)).toEqual(['Ann: see https://example.com/a for it\nso we agree.', 'Bob: fine https://example.com/b then']);
  });
});

describe('parseNote: HTML written in the markdown', () => {
  test('headings, paragraphs and items of raw HTML become blocks with their lines', async () => {
    const { parseNote } = await import('../ingest/parse/parse.js');
    const text =
      '<h1>Board minutes</h1>\n<p><strong>Date:</strong> 2016-05-09 &amp; later</p>\n<h2>Attendance</h2>\n<ul>\n\n<li>Ana Lima</li>\n\n</ul>\n<p>See <a href="https://example.org/x">the notes</a>\nfor more.</p>\n';
    const note = parseNote({ collection: 't', path: 'm.md', text, sha256: '', bytes: text.length });
    expect(note.blocks.map((b) => [b.kind, b.text, b.startLine, b.endLine])).toEqual([
      ['heading', 'Board minutes', 1, 1],
      ['paragraph', 'Date: 2016-05-09 & later', 2, 2],
      ['heading', 'Attendance', 3, 3],
      ['item', 'Ana Lima', 6, 6],
      ['paragraph', 'See the notes\nfor more.', 9, 10],
    ]);
    expect(note.sections.map((s) => [s.heading, s.depth, s.parent])).toEqual([
      ['Board minutes', 1, -1],
      ['Attendance', 2, 0],
    ]);
    expect(note.blocks[1]!.lead).toBe('Date:');
    expect(note.blocks[4]!.links).toEqual([{ url: 'https://example.org/x', text: 'the notes', line: 9 }]);
  });
});
