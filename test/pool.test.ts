import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { emptyConfig, loadCollectionConfig } from '../ingest/read/config.js';
import { extractMeeting } from '../ingest/extract/extract.js';
import { parseNote } from '../ingest/parse/parse.js';
import { ExtractPool } from '../ingest/pool/pool.js';
import { readNote } from '../ingest/read/read.js';
import type { SourceFile } from '../ingest/types.js';
import { projectFile } from '../schema/paths.js';
import { CORPUS, SEEDS } from './support/graph.js';

const note = (path: string, text: string): SourceFile => ({ collection: 'c', path, text, sha256: path, bytes: text.length });

describe('the extraction pool', () => {
  test('a worker makes the same record as parsing on the main thread', async () => {
    const folder = join(CORPUS, 'bytecodealliance-meetings');
    const { config } = await loadCollectionConfig(folder, projectFile('examples', 'config', 'bytecodealliance-meetings.json'));
    const files: SourceFile[] = [];
    for (const [root, path] of [
      [folder, 'wasmtime/2025/wasmtime-06-05.md'],
      [folder, 'TSC/2024/tsc-04-02.md'],
      [SEEDS, '000_588e6bce46531436.txt'],
    ] as const) {
      const read = await readNote(root, path, 'c');
      if (read.ok) files.push(read.file);
    }
    expect(files.length).toBeGreaterThan(1);
    const pool = new ExtractPool({ size: 2, timeoutMs: 120_000, config });
    try {
      const got = await Promise.all(files.map((f) => pool.extract(f)));
      got.forEach((g, i) => {
        expect(g.ok).toBe(true);
        if (g.ok) expect(g.record).toEqual(extractMeeting(parseNote(files[i]!), config));
      });
    } finally {
      await pool.close();
    }
  }, 180_000);

  test('a pool after another (the next collection) extracts with its own config on the workers the first kept', async () => {
    const file = note('w/2024-01-02.md', '# Wasm meeting\n\n- We looked at #123 and merged it.\n');
    const repos = { repositories: new Map([['*', 'owner/repo']]), people: [] };
    const configs = [repos, emptyConfig(), repos];
    const records = [];
    for (const c of configs) {
      const pool = new ExtractPool({ size: 1, timeoutMs: 120_000, config: c });
      try {
        const got = await pool.extract(file);
        expect(got.ok).toBe(true);
        if (got.ok) records.push(got.record);
      } finally {
        await pool.close();
      }
    }
    configs.forEach((c, i) => expect(records[i]).toEqual(extractMeeting(parseNote(file), c)));
    expect(records[0]).not.toEqual(records[1]);
  }, 180_000);

  test('a note that hangs, crashes, exits or runs out of memory is reported, and the others are extracted', async () => {
    const pool = new ExtractPool({
      size: 2,
      timeoutMs: 1500,
      config: emptyConfig(),
      entry: new URL('./support/misbehaving-worker.mjs', import.meta.url),
      resourceLimits: { maxOldGenerationSizeMb: 32 },
    });
    try {
      const texts = ['one', 'HANG', 'two', 'CRASH', 'three', 'EXIT', 'HOG', 'four'];
      const got = await Promise.all(texts.map((t, i) => pool.extract(note(`${i}.md`, t))));
      const ok = got.flatMap((g) => (g.ok ? [g.record.title] : []));
      expect(ok).toEqual(['one', 'two', 'three', 'four']);
      const reasons = Object.fromEntries(got.flatMap((g) => (g.ok ? [] : [[g.message.path, g.message.reason]])));
      expect(reasons['1.md']).toMatch(/took longer than 1.5 s/);
      expect(reasons['3.md']).toMatch(/crashed \(boom\)/);
      expect(reasons['5.md']).toMatch(/exited \(status 3\)/);
      expect(reasons['6.md']).toMatch(/crashed/);
    } finally {
      await pool.close();
    }
  }, 60_000);

  test('closing answers the notes still queued', async () => {
    const pool = new ExtractPool({ size: 1, timeoutMs: 60_000, config: emptyConfig(), entry: new URL('./support/misbehaving-worker.mjs', import.meta.url) });
    const hung = pool.extract(note('a.md', 'HANG'));
    const queued = pool.extract(note('b.md', 'fine'));
    await new Promise((r) => setTimeout(r, 300));
    await pool.close();
    expect(await hung).toMatchObject({ ok: false, message: { path: 'a.md' } });
    expect(await queued).toMatchObject({ ok: false, message: { path: 'b.md', reason: expect.stringContaining('stopped') } });
  });
});
