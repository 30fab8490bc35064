/**
 * Fixtures per stage: every folder test/fixtures/stages/<format>/<case>/ holds
 * a note of our own writing (`input.md` or `input.txt`) and `expected.json`,
 * what each stage made of it: the format detected, the parsed sections and
 * blocks, the annotations (clean headings, section kinds, threads), and the
 * extracted record. One test checks them all; every format in
 * the registry must have at least one case, and detection must choose the
 * folder's format.
 *
 *   UPDATE_FIXTURES=1 npx vitest run test/stages.test.ts   # rewrite expected.json; review the diff
 */
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { annotateNote } from '../ingest/annotate/annotate.js';
import { extractMeeting } from '../ingest/extract/extract.js';
import { FORMATS } from '../ingest/formats/registry.js';
import { parseNote } from '../ingest/parse/parse.js';
import { emptyConfig } from '../ingest/read/config.js';
import { decodeNote } from '../ingest/read/read.js';
import type { Note } from '../ingest/types.js';
import { projectFile } from '../schema/paths.js';

const ROOT = projectFile('test', 'fixtures', 'stages');
const UPDATE = process.env.UPDATE_FIXTURES === '1';

/** What the parse stage made, one short line a block so a diff reads like the note. */
function parsed(note: Note) {
  return {
    sections: note.sections.map((s) => `${s.startLine}-${s.endLine} h${s.depth} ^${s.parent}: ${s.heading}`),
    blocks: note.blocks.map((b) => {
      const where = `${b.startLine}${b.endLine !== b.startLine ? `-${b.endLine}` : ''}`;
      const lead = b.lead ? ` ${b.leadStrong ? 'strong' : 'lead'}=${JSON.stringify(b.lead)}` : '';
      const links = b.links.length ? ` links=${b.links.length}` : '';
      return `${where} ${b.kind} d${b.depth} s${b.section} p${b.parent}${lead}${links}: ${b.text.replace(/\n/g, '⏎')}`;
    }),
    html: note.html.map((h) => `${h.startLine}-${h.endLine}: ${h.text.split('\n')[0]}`),
  };
}

/** What the annotate pass found: per section its clean heading and kinds; each thread's passages. */
function annotated(note: Note) {
  const a = annotateNote(note);
  return {
    sections: a.headings.map((h, id) => `${id}: ${h}${a.kinds[id]!.length ? ` [${a.kinds[id]!.join(', ')}]` : ''}`),
    threads: a.threads.threads.map((t) => `${t.title || '(untitled)'}: ${t.passages.join(' ')}${t.agenda.length ? ` (agenda ${t.agenda.join(' ')})` : ''}`),
  };
}

/** Every stage's output for one fixture note. */
function stages(file: string, format: string) {
  const read = decodeNote(readFileSync(file), file.slice(ROOT.length + 1 + format.length + 1), 'fixtures');
  if (!read.ok) throw new Error(read.message.reason);
  const note = parseNote(read.file);
  const record = extractMeeting(note, emptyConfig());
  return { format: note.format, title: note.title, originalPath: note.originalPath ?? null, parsed: parsed(note), annotated: annotated(note), record };
}

const cases = readdirSync(ROOT).flatMap((format) =>
  readdirSync(join(ROOT, format)).map((name) => {
    const dir = join(ROOT, format, name);
    const input = ['input.md', 'input.txt'].map((f) => join(dir, f)).find((f) => existsSync(f));
    return { format, name, dir, input };
  }),
);

describe('stage fixtures', () => {
  test('every format in the registry has a fixture, and every fixture folder names a format', () => {
    const names = FORMATS.map((f) => f.name).sort();
    expect([...new Set(cases.map((c) => c.format))].sort()).toEqual(names);
  });

  for (const c of cases) {
    test(`${c.format}/${c.name}`, () => {
      expect(c.input, `${c.dir} has no input.md or input.txt`).toBeDefined();
      const got = stages(c.input!, c.format);
      expect(got.format).toBe(c.format);
      const file = join(c.dir, 'expected.json');
      if (UPDATE) writeFileSync(file, `${JSON.stringify(got, null, 2)}\n`);
      expect(existsSync(file), `${file} missing: run with UPDATE_FIXTURES=1 and review it`).toBe(true);
      expect(got).toEqual(JSON.parse(readFileSync(file, 'utf8')));
    });
  }
});
