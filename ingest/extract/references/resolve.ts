/**
 * Ties a bare issue number to a repository: the repository its words name
 * ("wasi PR 240", "Interface Types issue 68", "PR #649 in spec repo"), the
 * one repository the note links with that number, or the fallback (the
 * series default from the config, else the repository the note points at
 * most). A capitalised name the note does not link leaves the number
 * unresolved, never guessed.
 */
import type { CollectionConfig } from '../../read/config.js';
import type { KnownRepos } from './github.js';
import type { ShortRef } from './short.js';

/** A hyphenated phrase ("out-of-range"), not a repository name. */
const PHRASE = /(?:^|-)(?:of|in|to|the|and|or|for|as|on|with|a|an|by|at)(?:-|$)/;
/** IETF RFCs run into the thousands; project RFC repositories stay far below. */
const MAX_PROJECT_RFC = 1000;

/** Ties a bare number to a repository, or to none. */
export class Resolver {
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
    return this.known.byRepoName(key) ?? this.config.repositories.get(key);
  }

  /** `owner/repo` for a short reference, or undefined when it cannot be known. */
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

/**
 * Name prefixes of multi-package repositories: a repository the config
 * gives to several series (`cranelift` and `winch` kept in
 * `bytecodealliance/wasmtime`) holds packages named after it and after them.
 */
export function packageFamilies(config: CollectionConfig): Set<string> {
  const seriesOf = new Map<string, string[]>();
  for (const [series, repo] of config.repositories) {
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
