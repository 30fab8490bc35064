/**
 * Parse once: link reference definitions and their uses stay in the parsed
 * note (Note.definitions, Block.refLinks), so no extractor reads raw lines
 * for them.
 */
import { describe, expect, test } from 'vitest';
import { parseNote } from '../ingest/parse/parse.js';
import { decodeNote } from '../ingest/read/read.js';

const parse = (text: string) => {
  const r = decodeNote(Buffer.from(text), 'n.md', 't');
  if (!r.ok) throw new Error(r.message.reason);
  return parseNote(r.file);
};

describe('link reference definitions', () => {
  const note = parse(
    '# Sync\n\n- Review [#74] and [the RFC][rfc]\n- `[#74]` in code is no use\n\n```\n[#99]: https://example.org/in-a-fence\n```\n\n' +
      '[#74]: https://github.com/acme/tool/pull/74\n[RFC]: https://github.com/acme/rfcs/pull/12\n[#74]: https://example.org/second-definition\n',
  );

  test('the first definition of each label, with its line; none from a code fence', () => {
    expect(note.definitions).toEqual([
      { url: 'https://github.com/acme/tool/pull/74', text: '#74', line: 10 },
      { url: 'https://github.com/acme/rfcs/pull/12', text: 'RFC', line: 11 },
    ]);
  });

  test('a block carries its uses, resolved, on the line of the use; code spans use nothing', () => {
    const item = note.blocks.find((b) => b.text.startsWith('Review'))!;
    expect(item.refLinks).toEqual([
      { url: 'https://github.com/acme/tool/pull/74', text: '#74', line: 3 },
      { url: 'https://github.com/acme/rfcs/pull/12', text: 'the RFC', line: 3 },
    ]);
    expect(note.blocks.find((b) => b.text.includes('in code'))!.refLinks).toBeUndefined();
  });
});
