/**
 * GitHub addresses in notes: which URLs point at an issue, pull request or
 * discussion (with `#issuecomment-…`, `/files`, `/commits` still meaning it),
 * which point at a repository only, and the repositories a note knows by
 * name, so that a bare `#123` or `wasi PR 240` can be tied to one.
 */
import type { ReferenceKind } from '../../types.js';

export interface GitHubRef {
  owner: string;
  repo: string;
  number: number;
  kind: ReferenceKind;
}

/** An issue, pull request or discussion URL; whatever follows the number (anchors, `/files`) still means it. */
const ITEM_URL = /^(?:https?:\/\/)?(?:www\.)?github\.com\/([\w.-]+)\/([\w.-]+)\/(pull|issues|discussions)\/(\d+)(?![\w-])/i;
/** Any github.com URL: its owner and repository, and the kind of page. */
const REPO_URL = /^(?:https?:\/\/)?(?:www\.)?github\.com\/([\w.-]+)\/([\w.-]+?)(?:\.git)?(?:\/([\w.-]*))?(?:[/?#].*)?$/i;
/** URLs in running text (bare, not written as links), and GitHub addresses written without a scheme. */
export const URL_IN_TEXT = /(?:\bhttps?:\/\/|(?<![\w./-])(?:www\.)?github\.com\/)[^\s<>()[\]"'`]+(?:\([^\s<>()]*\)[^\s<>()[\]"'`]*)*/gi;
/** A cheap test for text that may hold a URL at all. */
export const mayHoldUrl = (text: string): boolean => text.includes('http') || text.includes('github.com');
/** github.com paths that are not repositories. */
const NOT_OWNER =
  /^(?:orgs|settings|notifications|marketplace|topics|features|sponsors|search|explore|collections|trending|login|about|pricing|enterprise|advisories|apps|users)$/i;
/** Repository pages that say the note works in that repository, as opposed to a file or commit in it. */
const REPO_PAGE = /^(?:|pull|pulls|issues|discussions|projects|milestone|milestones|labels|releases|wiki|actions|security)$/i;

const kindOf = (path: string, repo: string): ReferenceKind =>
  /^rfcs$/i.test(repo) && /^pull$/i.test(path) ? 'RFC' : /^pull$/i.test(path) ? 'PULL_REQUEST' : /^issues$/i.test(path) ? 'ISSUE' : 'DISCUSSION';

/** The issue, pull request or discussion a URL points at, if it points at one. */
export function githubRef(url: string): GitHubRef | undefined {
  const m = ITEM_URL.exec(url.trim());
  if (!m) return undefined;
  const repo = m[2]!.replace(/\.git$/i, '');
  return { owner: m[1]!.toLowerCase(), repo: repo.toLowerCase(), number: Number(m[4]), kind: kindOf(m[3]!, repo) };
}

/**
 * The repository a github.com URL is about, with whether the page is the
 * repository's own work (issues, pull requests, its front page) rather
 * than a file, tree or commit in it.
 */
export function githubRepo(url: string): { repo: string; work: boolean } | undefined {
  const m = REPO_URL.exec(url.trim());
  if (!m || NOT_OWNER.test(m[1]!)) return undefined;
  return { repo: `${m[1]}/${m[2]}`.toLowerCase(), work: REPO_PAGE.test(m[3] ?? '') };
}

/** Canonical id of an issue or pull request. */
export const refId = (owner: string, repo: string, number: number): string => `${owner.toLowerCase()}/${repo.toLowerCase()}#${number}`;

/** The web address of an issue or pull request. */
export function refUrl(owner: string, repo: string, number: number, kind: ReferenceKind): string {
  const path = kind === 'PULL_REQUEST' || kind === 'RFC' ? 'pull' : kind === 'DISCUSSION' ? 'discussions' : 'issues';
  return `https://github.com/${owner}/${repo}/${path}/${number}`;
}

/**
 * The repositories a note knows: every `owner/repo` it links to or names,
 * counted, so names can be resolved (`wasi` → `webassembly/wasi`) and a
 * dominant repository found.
 */
export class KnownRepos {
  /** owner/repo → how often the note points at its work (issues, pull requests, front page). */
  private readonly work = new Map<string, number>();
  /** repository name → owner/repo, the most mentioned first. */
  private readonly byName = new Map<string, Map<string, number>>();

  /** Records a repository the note mentions; `work` when it is an issue, pull request or front-page link. */
  add(fullName: string, work: boolean): void {
    const full = fullName.toLowerCase();
    const name = full.slice(full.indexOf('/') + 1);
    const owners = this.byName.get(name) ?? new Map<string, number>();
    owners.set(full, (owners.get(full) ?? 0) + 1);
    this.byName.set(name, owners);
    if (work) this.work.set(full, (this.work.get(full) ?? 0) + 1);
  }

  /** The owner/repo a bare repository name means, if the note knows one by that name. */
  byRepoName(name: string): string | undefined {
    const owners = this.byName.get(name.toLowerCase());
    if (!owners) return undefined;
    return [...owners.entries()].sort((a, b) => b[1] - a[1])[0]![0];
  }

  /** The repository the note points at clearly more than any other, if one does. */
  dominant(): string | undefined {
    const ranked = [...this.work.entries()].sort((a, b) => b[1] - a[1]);
    const [first, second] = ranked;
    if (!first || first[1] < 2 || (second && first[1] < 2 * second[1])) return undefined;
    return first[0];
  }

  /** The owner most of the note's repositories belong to. */
  mainOwner(): string | undefined {
    const count = new Map<string, number>();
    for (const owners of this.byName.values()) {
      for (const [full, n] of owners) {
        const owner = full.slice(0, full.indexOf('/'));
        count.set(owner, (count.get(owner) ?? 0) + n);
      }
    }
    return [...count.entries()].sort((a, b) => b[1] - a[1])[0]?.[0];
  }
}
