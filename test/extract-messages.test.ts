/**
 * Messages: what a note says that did not add up, with its line, reported
 * beside the record instead of dropped (`MeetingRecord.messages`), and the
 * config keys that do nothing.
 */
import { describe, expect, test } from 'vitest';
import { extractMeeting } from '../ingest/extract/extract.js';
import { parseNote } from '../ingest/parse/parse.js';
import { emptyConfig, parseCollectionConfig } from '../ingest/read/config.js';
import { decodeNote } from '../ingest/read/read.js';

const messages = (path: string, text: string) => {
  const r = decodeNote(Buffer.from(text), path, 'test');
  if (!r.ok) throw new Error(r.message.reason);
  return extractMeeting(parseNote(r.file), emptyConfig()).messages;
};

describe('messages of a note', () => {
  test('a title dated weeks from the file name: the file name wins, and the message says so at the title', () => {
    const got = messages('notes/2024-03-12-sync.md', '# Sync, 6 February 2024\n\nWe looked at the build.\n');
    expect(got).toEqual([
      { path: 'notes/2024-03-12-sync.md', line: 1, reason: expect.stringMatching(/title's date \(2024-02-06\).*file name's \(2024-03-12\)/) },
    ]);
  });

  test('a title and a file name that agree give no message', () => {
    expect(messages('notes/2024-03-12-sync.md', '# Sync, 12 March 2024\n\nWe looked at the build.\n')).toEqual([]);
  });

  test('a label with nothing after it or under it, before the next heading', () => {
    const text = '# Sync\n\n## Build\n\nThe cache is cold on every run.\n\n**Decision:**\n\n## Docs\n\nNotes:\n\nThe site builds again.\n';
    const got = messages('sync.md', text);
    expect(got).toEqual([{ path: 'sync.md', line: 7, reason: 'label "Decision:" has nothing after it' }]);
  });

  test('an action item whose owner is nobody the note names', () => {
    const text =
      '# Sync\n\nPresent: Ana Lima, Bo Chen\n\n## Notes\n\n**Action:** update the release checklist before Friday.\n\n- [ ] AL to rerun the benchmarks\n';
    const got = messages('sync.md', text);
    expect(got.map((m) => [m.line, m.reason])).toEqual([[7, 'action item with no owner found']]);
  });
});

describe('messages of a config', () => {
  test('an unknown (misspelt) key is reported and ignored; known keys are not', () => {
    const reasons: string[] = [];
    const config = parseCollectionConfig('{ "urlBase": "https://example.org/notes", "peple": [] }', 'quorum.json', (r) => reasons.push(r));
    expect(config.urlBase).toBe('https://example.org/notes');
    expect(reasons).toEqual([expect.stringContaining('unknown key "peple" ignored')]);
  });
});
