import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { emptyConfig, parseCollectionConfig, type CollectionConfig } from '../ingest/read/config.js';
import { extractMeta } from '../ingest/extract/meta.js';
import { vocabularyOf } from '../ingest/formats/registry.js';
import { extractReferences } from '../ingest/extract/references.js';
import { parseNote } from '../ingest/parse/parse.js';
import { decodeNote } from '../ingest/read/read.js';

const config = (repositories: Record<string, string> = {}): CollectionConfig => ({ ...emptyConfig(), repositories: new Map(Object.entries(repositories)) });

const refs = (text: string, path = 'runtime/2025/runtime-06-05.md', cfg = config()) => {
  const r = decodeNote(Buffer.from(text), path, 'test');
  if (!r.ok) throw new Error(r.message.reason);
  const note = parseNote(r.file);
  return { note, ...extractReferences(note, extractMeta(note, vocabularyOf(note.format)), cfg) };
};
const ids = (text: string, path?: string, cfg?: CollectionConfig) =>
  refs(text, path, cfg)
    .references.map((r) => r.id)
    .sort();

describe('GitHub URLs', () => {
  test('pull requests, issues and discussions, with comment anchors and /files', () => {
    const text = [
      '- https://github.com/Acme/Engine/pull/12#issuecomment-99',
      '- [files](https://github.com/acme/engine/pull/13/files)',
      '- https://github.com/acme/engine/issues/14',
      '- https://github.com/acme/engine/discussions/15',
    ].join('\n');
    const { references } = refs(text);
    expect(references.map((r) => [r.id, r.kind])).toEqual([
      ['acme/engine#12', 'PULL_REQUEST'],
      ['acme/engine#13', 'PULL_REQUEST'],
      ['acme/engine#14', 'ISSUE'],
      ['acme/engine#15', 'DISCUSSION'],
    ]);
    expect(references[0]!.lines).toEqual([1]);
  });

  test('files, commits, compare views, searches and other sites are not references', () => {
    const text = [
      '- https://github.com/acme/engine/blob/main/README.md',
      '- https://github.com/acme/engine/commit/0123abcd',
      '- https://github.com/acme/engine/compare/main...x:y',
      '- [New issues](https://github.com/acme/engine/issues?q=is%3Aopen)',
      '- https://gitlab.com/acme/engine/-/issues/3',
    ].join('\n');
    expect(ids(text)).toEqual([]);
  });

  test('link reference definitions: `[#74]` and `[text][label]`', () => {
    const text =
      '1. Replace `load` [#74]; also [the issue][i]\n\n[#74]: https://github.com/acme/ml-spec/pull/74\n[i]: https://github.com/acme/ml-spec/issues/70\n';
    const { references, refsOf } = refs(text, 'ml/2024/ML-07-22.md');
    expect(references.map((r) => r.id).sort()).toEqual(['acme/ml-spec#70', 'acme/ml-spec#74']);
    expect(refsOf[0]!.sort()).toEqual(['acme/ml-spec#70', 'acme/ml-spec#74']);
  });

  test('RFC repositories give kind RFC and the agenda line gives the title', () => {
    const text =
      '1. Compile-time builtins RFC -- https://github.com/acme/rfcs/pull/43 -- @someone\n2. [Internally using `async`](https://github.com/acme/engine/pull/9) (@other)\n3. See https://github.com/acme/engine/issues/8 for more\n';
    const byId = new Map(refs(text).references.map((r) => [r.id, r]));
    expect(byId.get('acme/rfcs#43')).toMatchObject({ kind: 'RFC', title: 'Compile-time builtins' });
    expect(byId.get('acme/engine#9')?.title).toBe('Internally using async');
    expect(byId.get('acme/engine#8')?.title).toBeUndefined();
  });
});

describe('short forms', () => {
  test('owner/repo#N and repo#N', () => {
    expect(ids('see Acme/Engine#101 and the (rfcs#27) idea', 'x/2025/x-01-01.md', config({ '*': 'acme/engine' }))).toEqual(['acme/engine#101', 'acme/rfcs#27']);
  });

  test('bare numbers take the series default from the config', () => {
    const cfg = config({ runtime: 'acme/engine' });
    expect(ids('- PR #3612 and issue 1096\n- see #4566; PR 391 landed', undefined, cfg)).toEqual([
      'acme/engine#1096',
      'acme/engine#3612',
      'acme/engine#391',
      'acme/engine#4566',
    ]);
  });

  test('keyword forms: PR#N, pull request N, RFC N, pre-RFC (#N), issue (N), discussion #N, a number after a colon', () => {
    const cfg = config({ runtime: 'acme/engine' });
    const text =
      '- PR#10 and pull request 11; discussion #12\n- instruction selection DSL (RFC 15), see pre-RFC (#13)\n- out-of-range issue (12489)\n\nNext old issue to triage: 617\n';
    const { references } = refs(text, undefined, cfg);
    expect(references.map((r) => [r.id, r.kind]).sort()).toEqual([
      ['acme/engine#10', 'PULL_REQUEST'],
      ['acme/engine#11', 'PULL_REQUEST'],
      ['acme/engine#12', 'DISCUSSION'],
      ['acme/engine#12489', 'ISSUE'],
      ['acme/engine#617', 'ISSUE'],
      ['acme/rfcs#13', 'RFC'],
      ['acme/rfcs#15', 'RFC'],
    ]);
  });

  test('a pasted GitHub page title names its repository', () => {
    expect(ids('* Lime1 · Issue #4209 · acme/micro-runtime', undefined, config({ runtime: 'acme/engine' }))).toEqual(['acme/micro-runtime#4209']);
  });

  test('a repository named next to the number wins over the default', () => {
    const cfg = config({ runtime: 'acme/engine', spec: 'acme/spec' });
    expect(ids('The spec PR 240 describes it. See Interface Types issue 68. Let us look at PR #649 in tooling repo.', undefined, cfg)).toEqual([
      'acme/interface-types#68',
      'acme/spec#240',
      'acme/tooling#649',
    ]);
  });

  test('the same number linked elsewhere in the note resolves it', () => {
    expect(ids('1. Testing strategy (PR #3612)\n\n- [Golden tests](https://github.com/acme/engine/pull/3612)\n')).toEqual(['acme/engine#3612']);
  });

  test('with no config, the repository the note clearly points at most', () => {
    const text = '- https://github.com/acme/tool/issues/1\n- https://github.com/acme/tool/pull/2\n- https://github.com/other/x/issues/3\n\nDiscussed #120.\n';
    expect(ids(text, 'group/2025/g-01-01.md')).toContain('acme/tool#120');
  });

  test('unresolvable numbers are left out, never guessed', () => {
    expect(ids('We talked about #1234 and PR 77.', 'group/2025/g-01-01.md')).toEqual([]);
    // A project the note does not link is named: its number stays unresolved.
    expect(ids('We saw Firefox issue #1234 again', undefined, config({ runtime: 'acme/engine' }))).toEqual([]);
  });

  test('counts are not issues: headings, proposals, ranks, times, colours', () => {
    const cfg = config({ runtime: 'acme/engine' });
    const text =
      '### Topic #1\n\nProposal #2 is more expressive. SIMD is the #1 use case.\n\n- Strategy #12 and slide #14\n- at 10:30 #fff and color #ab12cd\n';
    expect(ids(text, undefined, cfg)).toEqual([]);
  });

  test('bare numbers in code blocks are not references', () => {
    expect(ids('```\n#1234 is a comment\n```\n', undefined, config({ runtime: 'acme/engine' }))).toEqual([]);
  });
});

describe('crates and advisories', () => {
  test('names the text treats as crates', () => {
    const text = [
      'Alex: There is an advisory about the wasm-jit-debug crate.',
      'Take the `wstd` crate, and the `image` and `ndarray` crates.',
      'A rust crate called wat supports the text format.',
      'Use `anyhow::Error` here; `ir::Function` is a module path.',
      'Docs at https://docs.rs/wasm-metadata/latest/x and [loom](https://crates.io/crates/loom).',
      'Moving to `config-rs`; run `cargo add serde_json`.',
    ].join('\n\n');
    expect(ids(text).filter((id) => id.startsWith('crate:'))).toEqual([
      'crate:anyhow',
      'crate:config-rs',
      'crate:image',
      'crate:loom',
      'crate:ndarray',
      'crate:serde_json',
      'crate:wasm-jit-debug',
      'crate:wasm-metadata',
      'crate:wat',
      'crate:wstd',
    ]);
  });

  test('words that describe crates are not crate names', () => {
    const text = 'We have a new crate, a distinct crate, and Rust crates across crates; the crate names and trait crate.\n\nSee `crates/{a,b}` and crates.io.';
    expect(ids(text).filter((id) => id.startsWith('crate:'))).toEqual([]);
  });

  test('packages of a repository that holds several series are named after it and them', () => {
    const cfg = config({ engine: 'acme/engine', jit: 'acme/engine', spec: 'acme/spec' });
    const text =
      'Could this live in jit-frontend instead? Port `engine-wasi` first; see @engine-core, engine-specific code, engine-py, `engine-internal-*`, spec-nn and https://x.org/engine-cli.';
    expect(ids(text, 'jit/2022/jit-01-10.md', cfg).filter((id) => id.startsWith('crate:'))).toEqual(['crate:engine-wasi', 'crate:jit-frontend']);
  });

  test('a Cargo.toml excerpt lists dependencies', () => {
    expect(ids('```toml\n[dependencies]\nserde = "1"\ntokio = { version = "1", features = ["full"] }\n[package]\nname = "x"\n```\n')).toEqual([
      'crate:serde',
      'crate:tokio',
    ]);
  });

  test('advisory ids, upper-cased, in text and URLs', () => {
    const text = 'Fixed rustsec-2025-0046 and CVE-2024-12345; see [advisory](https://github.com/acme/rt/security/advisories/GHSA-8fc8-4g25-c8m7).';
    expect(ids(text)).toEqual(['advisory:CVE-2024-12345', 'advisory:GHSA-8FC8-4G25-C8M7', 'advisory:RUSTSEC-2025-0046']);
  });
});

// Fixture folders of our own writing: input.md (or input.txt) and case.json
// ({ path, config }) → expected.json. Regenerate deliberately with
// UPDATE_FIXTURES=1 and review the diff.
describe('fixtures', () => {
  const root = join(import.meta.dirname, 'fixtures', 'references');
  for (const name of readdirSync(root).sort()) {
    test(name, () => {
      const dir = join(root, name);
      const input = ['input.md', 'input.txt'].map((f) => join(dir, f)).find((f) => existsSync(f))!;
      const c = JSON.parse(readFileSync(join(dir, 'case.json'), 'utf8')) as { path: string; config: unknown };
      const cfg = parseCollectionConfig(JSON.stringify(c.config), join(dir, 'case.json'));
      const r = decodeNote(readFileSync(input), c.path, 'fixtures');
      if (!r.ok) throw new Error(r.message.reason);
      const note = parseNote(r.file);
      const meta = extractMeta(note, vocabularyOf(note.format));
      const got = { date: meta.date, series: meta.series, references: extractReferences(note, meta, cfg).references.sort((a, b) => a.id.localeCompare(b.id)) };
      const expectedFile = join(dir, 'expected.json');
      if (process.env.UPDATE_FIXTURES || !existsSync(expectedFile)) writeFileSync(expectedFile, `${JSON.stringify(got, null, 2)}\n`);
      expect(got).toEqual(JSON.parse(readFileSync(expectedFile, 'utf8')));
    });
  }
});
