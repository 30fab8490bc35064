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
import type { CollectionConfig } from './config.js';
import type { Meta } from './extract-meta.js';
import { crateOfUrl, findAdvisories, findCrates, findDependencyCrates, findFamilyCrates } from './refs-crates.js';
import { githubRef, githubRepo, KnownRepos, refId, refUrl, URL_IN_TEXT, type GitHubRef } from './refs-github.js';
import { findShortRefs, type ShortRef } from './refs-short.js';
import { linkSpan, titleFromLine, titleFromLinkText } from './refs-title.js';
import type { Block, Link, Note, ReferenceKind, ReferenceRecord } from './types.js';

export interface ReferencesResult {
  references: ReferenceRecord[];
  /** Per block id: the canonical ids on that block. */
  refsOf: string[][];
}

/** `[label]: url` link reference definitions, which the parsed blocks leave out. */
const DEFINITION = /^ {0,3}\[([^\]\n]+)\]:\s*<?([^\s>]+)>?/;
/** `[text][label]`, `[label][]` and `[label]` uses of a definition. */
const LINK_LABEL = /\[([^\]\n]+)\](?:\[([^\]\n]*)\])?/g;
/** A hyphenated phrase ("out-of-range"), not a repository name. */
const PHRASE = /(?:^|-)(?:of|in|to|the|and|or|for|as|on|with|a|an|by|at)(?:-|$)/;
/** Sentence punctuation after a URL in running text. */
const TRAILING_PUNCTUATION = /[.,;:!?]+$/;
/** IETF RFCs run into the thousands; project RFC repositories stay far below. */
const MAX_PROJECT_RFC = 1000;

const labelKey = (s: string): string => s.trim().replace(/\s+/g, ' ').toLowerCase();

/** Finds the references of a note. */
export function extractReferences(note: Note, meta: Meta, config: CollectionConfig): ReferencesResult {
  const definitions = new Map<string, Link>();
  note.lines.forEach((line, i) => {
    const m = DEFINITION.exec(line);
    if (m && !definitions.has(labelKey(m[1]!))) definitions.set(labelKey(m[1]!), { url: m[2]!, text: m[1]!, line: i + 1 });
  });

  // Pass 1: every URL of every block, and what the note tells about repositories.
  const known = new KnownRepos();
  for (const repo of Object.values(config.repositories)) known.add(repo, false);
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
    if (block.kind !== 'code') links.push(...usedDefinitions(note, block, definitions));
    for (const m of block.text.matchAll(URL_IN_TEXT)) {
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
  for (const def of definitions.values()) {
    const url = def.url.replace(/\\/g, '');
    const repo = githubRepo(url);
    const ref = githubRef(url);
    if (repo) known.add(repo.repo, repo.work);
    if (ref) noteGithub(ref);
  }

  // Pass 2: records, with bare numbers resolved.
  const configured = config.repositories[meta.series] ?? config.repositories['*'];
  const fallback = configured ?? known.dominant();
  const resolver = new Resolver(known, config, byNumber, fallback);
  const families = packageFamilies(config);
  const isRepo = (name: string) => known.byRepoName(name) !== undefined;
  const records = new Records();
  const refsOf = note.blocks.map((b) => {
    const ids = new Set<string>();
    for (const { link, ref } of urlRefs.get(b.id) ?? []) {
      if (ref) {
        ids.add(records.github(ref, link.line, true, linkTitle(note, link)));
      }
      const crate = crateOfUrl(link.url);
      if (crate) ids.add(records.other(`crate:${crate}`, 'CRATE', link.line));
      for (const a of findAdvisories(link.url)) ids.add(records.other(a.id, 'ADVISORY', link.line));
    }
    for (const s of shortRefs.get(b.id) ?? []) {
      const repo = resolver.resolve(s);
      if (!repo) continue;
      const [owner, name] = repo.split('/') as [string, string];
      const kind: ReferenceKind = /^rfcs$/.test(name) ? 'RFC' : s.kind ?? 'ISSUE';
      ids.add(records.github({ owner, repo: name, number: s.number, kind }, lineAt(b, s.index), false));
    }
    const text = b.text;
    for (const a of findAdvisories(text)) ids.add(records.other(a.id, 'ADVISORY', lineAt(b, a.index)));
    const crates = b.kind === 'code' ? findDependencyCrates(text) : [...findCrates(text, b.code), ...findFamilyCrates(masked(text), families, isRepo)];
    for (const c of crates) ids.add(records.other(c.id, 'CRATE', lineAt(b, c.index)));
    return [...ids];
  });
  // Definitions no block uses still point somewhere.
  for (const def of definitions.values()) {
    const url = def.url.replace(/\\/g, '');
    const ref = githubRef(url);
    if (ref) records.github(ref, def.line, true, titleFromLinkText(def.text, url));
    const crate = crateOfUrl(url);
    if (crate) records.other(`crate:${crate}`, 'CRATE', def.line);
  }
  return { references: records.list(), refsOf };
}

/** A link's title: its text, else the words around it on its line. */
function linkTitle(note: Note, link: Link): string | undefined {
  const fromText = titleFromLinkText(link.text, link.url);
  if (fromText) return fromText;
  const line = note.lines[link.line - 1] ?? '';
  if (/^\s*\|/.test(line)) {
    // A table row: the first cell that is not the link names the item.
    const cell = line.split('|').map((c) => c.trim()).find((c) => c && !c.includes(link.url) && !c.includes(`[${link.text}]`));
    return cell ? titleFromLinkText(cell, link.url) : undefined;
  }
  let span = linkSpan(line, link.url);
  if (!span) {
    const label = line.indexOf(`[${link.text}]`);
    if (label >= 0) span = [label, line.indexOf(']', label + link.text.length + 1) + 1];
  }
  return span ? titleFromLine(line, span[0], span[1]) : undefined;
}

/** Text with its URLs blanked out, offsets kept. */
const masked = (text: string): string => text.replace(URL_IN_TEXT, (u) => ' '.repeat(u.length));

/**
 * Name prefixes of multi-package repositories: a repository the config
 * gives to several series (`cranelift` and `winch` kept in
 * `bytecodealliance/wasmtime`) holds packages named after it and after them.
 */
function packageFamilies(config: CollectionConfig): Set<string> {
  const seriesOf = new Map<string, string[]>();
  for (const [series, repo] of Object.entries(config.repositories)) {
    if (series === '*') continue;
    seriesOf.set(repo, [...(seriesOf.get(repo) ?? []), series]);
  }
  const prefixes = new Set<string>();
  for (const [repo, series] of seriesOf) {
    if (series.length < 2) continue;
    prefixes.add(repo.slice(repo.indexOf('/') + 1));
    for (const s of series) if (/^[a-z][a-z0-9]*$/.test(s)) prefixes.add(s);
  }
  return prefixes;
}

const breaksOf = new WeakMap<Block, number[]>();

/** The source line of an offset in a block's text. */
function lineAt(block: Block, index: number): number {
  let breaks = breaksOf.get(block);
  if (!breaks) {
    breaks = [];
    for (let i = block.text.indexOf('\n'); i >= 0; i = block.text.indexOf('\n', i + 1)) breaks.push(i);
    breaksOf.set(block, breaks);
  }
  let lo = 0;
  let hi = breaks.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (breaks[mid]! < index) lo = mid + 1;
    else hi = mid;
  }
  return Math.min(block.startLine + lo, block.endLine);
}

/** Definitions a block uses by label (`[#74]`, `[text][label]`), as links on the using line. */
function usedDefinitions(note: Note, block: Block, definitions: Map<string, Link>): Link[] {
  if (!definitions.size) return [];
  const out: Link[] = [];
  for (let n = block.startLine; n <= block.endLine; n++) {
    const line = note.lines[n - 1] ?? '';
    if (!line.includes('[') || line.includes(']:')) continue;
    LINK_LABEL.lastIndex = 0;
    for (const m of line.matchAll(LINK_LABEL)) {
      const def = definitions.get(labelKey(m[2] || m[1]!));
      if (def) out.push({ url: def.url, text: m[1]!, line: n });
    }
  }
  return out;
}

/** Ties a bare number to a repository, or to none. */
class Resolver {
  private readonly owner: string | undefined;

  constructor(
    private readonly known: KnownRepos,
    private readonly config: CollectionConfig,
    private readonly byNumber: Map<number, Set<string>>,
    private readonly fallback: string | undefined,
  ) {
    this.owner = fallback?.split('/')[0] ?? known.mainOwner();
  }

  /** A name as the note or the config knows it: a repository name or a series. */
  private byName(name: string): string | undefined {
    const key = name.toLowerCase();
    return this.known.byRepoName(key) ?? this.config.repositories[key];
  }

  resolve(s: ShortRef): string | undefined {
    if (s.owner && s.repo) return `${s.owner}/${s.repo}`;
    if (s.repo) return this.byName(s.repo) ?? (this.owner ? `${this.owner}/${s.repo}` : undefined);
    if (s.kind === 'RFC') {
      return this.byName('rfcs') ?? (this.owner && s.number < MAX_PROJECT_RFC ? `${this.owner}/rfcs` : undefined);
    }
    const same = this.byNumber.get(s.number);
    if (s.named) {
      const w = s.named.map((x) => x.toLowerCase());
      for (let i = w.length - 1; i >= 0; i--) {
        const hit = this.byName(w.slice(i).join('-'));
        if (hit) return hit;
      }
      if (same?.size === 1) return [...same][0];
      // Words that name a project the note does not link ("Interface Types issue 68"): the owner's repository of that name.
      if (s.kind && s.titleCase && w.length >= 2 && this.owner) return `${this.owner}/${w.join('-')}`;
      if (s.kind && w.length === 1 && ((/-/.test(w[0]!) && !PHRASE.test(w[0]!)) || s.repoWord) && this.owner) return `${this.owner}/${w[0]}`;
      if (s.proper) return undefined;
    }
    if (same?.size === 1) return [...same][0];
    return this.fallback;
  }
}

/** References by id, merging mentions; a URL's kind beats a guessed one. */
class Records {
  private readonly byId = new Map<string, ReferenceRecord & { sure: boolean }>();

  github(ref: GitHubRef, line: number, sure: boolean, title?: string): string {
    const id = refId(ref.owner, ref.repo, ref.number);
    const r = this.byId.get(id);
    if (!r) {
      const rec = { id, kind: ref.kind, url: refUrl(ref.owner, ref.repo, ref.number, ref.kind), lines: [line], sure };
      if (title) Object.assign(rec, { title });
      this.byId.set(id, rec);
      return id;
    }
    if (sure && !r.sure) {
      r.kind = ref.kind;
      r.url = refUrl(ref.owner, ref.repo, ref.number, ref.kind);
      r.sure = true;
    }
    if (title && !r.title) r.title = title;
    if (!r.lines.includes(line)) r.lines.push(line);
    return id;
  }

  other(id: string, kind: ReferenceKind, line: number): string {
    const r = this.byId.get(id);
    if (r) {
      if (!r.lines.includes(line)) r.lines.push(line);
    } else {
      this.byId.set(id, { id, kind, url: otherUrl(id), lines: [line], sure: true });
    }
    return id;
  }

  list(): ReferenceRecord[] {
    return [...this.byId.values()].map(({ sure: _sure, ...r }) => ({ ...r, lines: r.lines.sort((a, b) => a - b) }));
  }
}

function otherUrl(id: string): string | undefined {
  const [type, name] = [id.slice(0, id.indexOf(':')), id.slice(id.indexOf(':') + 1)];
  if (type === 'crate') return `https://crates.io/crates/${name}`;
  if (name.startsWith('RUSTSEC-')) return `https://rustsec.org/advisories/${name}.html`;
  if (name.startsWith('CVE-')) return `https://www.cve.org/CVERecord?id=${name}`;
  if (name.startsWith('GHSA-')) return `https://github.com/advisories/${name.toLowerCase()}`;
  return undefined;
}
