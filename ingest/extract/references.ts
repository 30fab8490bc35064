/**
 * GitHub issues, pull requests, discussions and RFCs, crates and advisories a
 * note points at, canonicalised (see the contract's Reference.id).
 *
 * URLs and `owner/repo#N` name their repository. A bare number (`#1234`,
 * `PR 391`, `wasi PR 240`) is tied to one by, in order: the repository its
 * words name, the one repository the note links with that number, the
 * collection's default for the series (`repositories` in the config, or
 * `*`), and the repository the note itself points at most, when one clearly
 * dominates. A number none of these resolve is left out, never guessed.
 */
import { vocabularyOf } from '../formats/registry.js';
import type { CompiledVocabulary } from '../formats/vocabulary.js';
import type { CollectionConfig } from '../read/config.js';
import type { Meta } from './meta.js';
import { crateOfUrl, findAdvisories, findCrates, findDependencyCrates, findFamilyCrates } from './references/crates.js';
import { githubRef, githubRepo, KnownRepos, mayHoldUrl, URL_IN_TEXT, type GitHubRef } from './references/github.js';
import { lineAt } from '../parse/parse.js';
import { masked } from './references/links.js';
import { Records } from './references/records.js';
import { packageFamilies, Resolver } from './references/resolve.js';
import { findShortRefs, type ShortRef } from './references/short.js';
import { linkTitle, titleFromLinkText } from './references/title.js';
import type { Block, Link, Note, ReferenceKind, ReferenceRecord } from '../types.js';

export interface ReferencesResult {
  references: ReferenceRecord[];
  /** Per block id: the canonical ids on that block. */
  refsOf: string[][];
}

/** Sentence punctuation after a URL in running text. */
const TRAILING_PUNCTUATION = /[.,;:!?]+$/;

/** Finds the references of a note; titles lose the vocabulary's line lead (the note's format's unless given). */
export function extractReferences(
  note: Note,
  meta: Meta,
  config: CollectionConfig,
  vocabulary: CompiledVocabulary = vocabularyOf(note.format),
): ReferencesResult {
  const lead = vocabulary.titleLead;
  const definitions = note.definitions;

  // Pass 1: every URL of every block, and what the note tells about repositories.
  const known = new KnownRepos();
  for (const repo of config.repositories.values()) known.add(repo, false);
  const byNumber = new Map<number, Set<string>>();
  const urlRefs = new Map<number, { link: Link; ref?: GitHubRef }[]>();
  const shortRefs = new Map<number, ShortRef[]>();
  const noteGithub = (ref: GitHubRef) => {
    const repos = byNumber.get(ref.number) ?? new Set<string>();
    repos.add(`${ref.owner}/${ref.repo}`);
    byNumber.set(ref.number, repos);
  };
  const urlsOf = (block: Block): { link: Link; ref?: GitHubRef }[] => {
    const links = [...block.links];
    links.push(...(block.refLinks ?? []));
    for (const m of mayHoldUrl(block.text) ? block.text.matchAll(URL_IN_TEXT) : []) {
      const url = m[0].replace(TRAILING_PUNCTUATION, '');
      if (!links.some((l) => l.url === url)) links.push({ url, text: url, line: lineAt(block, m.index) });
    }
    return links.map((l) => {
      const url = l.url.replace(/\\/g, '');
      const repo = githubRepo(url);
      const ref = githubRef(url);
      if (repo) known.add(repo.repo, repo.work);
      if (ref) noteGithub(ref);
      return { link: { ...l, url }, ref };
    });
  };
  for (const b of note.blocks) {
    urlRefs.set(b.id, urlsOf(b));
    if (b.kind === 'code') continue;
    const found = findShortRefs(masked(b.text));
    for (const s of found) {
      if (s.owner && s.repo) {
        known.add(`${s.owner}/${s.repo}`, true);
        noteGithub({ owner: s.owner, repo: s.repo, number: s.number, kind: s.kind ?? 'ISSUE' });
      }
    }
    shortRefs.set(b.id, found);
  }
  for (const def of definitions) {
    const url = def.url.replace(/\\/g, '');
    const repo = githubRepo(url);
    const ref = githubRef(url);
    if (repo) known.add(repo.repo, repo.work);
    if (ref) noteGithub(ref);
  }

  // Pass 2: records, with bare numbers resolved.
  const configured = config.repositories.get(meta.series) ?? config.repositories.get('*');
  const fallback = configured ?? known.dominant();
  const resolver = new Resolver(known, config, byNumber, fallback);
  const families = packageFamilies(config);
  const isRepo = (name: string) => known.byRepoName(name) !== undefined;
  const records = new Records();
  const refsOf = note.blocks.map((b) => {
    const ids = new Set<string>();
    for (const { link, ref } of urlRefs.get(b.id) ?? []) {
      if (ref) {
        ids.add(records.github(ref, link.line, true, linkTitle(note, link, lead)));
      }
      const crate = crateOfUrl(link.url);
      if (crate) ids.add(records.other(`crate:${crate}`, 'CRATE', link.line));
      for (const a of findAdvisories(link.url)) ids.add(records.other(a.id, 'ADVISORY', link.line));
    }
    for (const s of shortRefs.get(b.id) ?? []) {
      const repo = resolver.resolve(s);
      if (!repo) continue;
      const [owner, name] = repo.split('/') as [string, string];
      const kind: ReferenceKind = /^rfcs$/.test(name) ? 'RFC' : (s.kind ?? 'ISSUE');
      ids.add(records.github({ owner, repo: name, number: s.number, kind }, lineAt(b, s.index), false));
    }
    const text = b.text;
    for (const a of findAdvisories(text)) ids.add(records.other(a.id, 'ADVISORY', lineAt(b, a.index)));
    const crates = b.kind === 'code' ? findDependencyCrates(text) : [...findCrates(text, b.code), ...findFamilyCrates(masked(text), families, isRepo)];
    for (const c of crates) ids.add(records.other(c.id, 'CRATE', lineAt(b, c.index)));
    return [...ids];
  });
  // Definitions no block uses still point somewhere.
  for (const def of definitions) {
    const url = def.url.replace(/\\/g, '');
    const ref = githubRef(url);
    if (ref) records.github(ref, def.line, true, titleFromLinkText(def.text, url, lead));
    const crate = crateOfUrl(url);
    if (crate) records.other(`crate:${crate}`, 'CRATE', def.line);
  }
  return { references: records.list(), refsOf };
}
