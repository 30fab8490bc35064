/**
 * The references of one note by canonical id, merging mentions: lines are
 * collected, the first title is kept, and a URL's kind beats the kind a bare
 * number's keyword suggested.
 */
import { refId, refUrl, type GitHubRef } from './github.js';
import type { ReferenceKind, ReferenceRecord } from '../../types.js';

/** References by id, merging mentions; a URL's kind beats a guessed one. */
export class Records {
  private readonly byId = new Map<string, ReferenceRecord & { sure: boolean }>();

  /** Records an issue or pull request mention; `sure` when a URL gave its kind. */
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

  /** Records a crate or advisory mention. */
  other(id: string, kind: ReferenceKind, line: number): string {
    const r = this.byId.get(id);
    if (r) {
      if (!r.lines.includes(line)) r.lines.push(line);
    } else {
      this.byId.set(id, { id, kind, url: otherUrl(id), lines: [line], sure: true });
    }
    return id;
  }

  /** The records, lines in order. */
  list(): ReferenceRecord[] {
    return [...this.byId.values()].map(({ sure: _sure, ...r }) => ({ ...r, lines: r.lines.sort((a, b) => a - b) }));
  }
}

/** Where a crate or an advisory is described. */
function otherUrl(id: string): string | undefined {
  const [type, name] = [id.slice(0, id.indexOf(':')), id.slice(id.indexOf(':') + 1)];
  if (type === 'crate') return `https://crates.io/crates/${name}`;
  if (name.startsWith('RUSTSEC-')) return `https://rustsec.org/advisories/${name}.html`;
  if (name.startsWith('CVE-')) return `https://www.cve.org/CVERecord?id=${name}`;
  if (name.startsWith('GHSA-')) return `https://github.com/advisories/${name.toLowerCase()}`;
  return undefined;
}
