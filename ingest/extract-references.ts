/**
 * GitHub issues, pull requests, discussions and RFCs, crates and advisories a
 * note points at, canonicalised (see the contract's Reference.id).
 */
import type { CollectionConfig } from './config.js';
import type { Meta } from './extract-meta.js';
import type { Note, ReferenceRecord } from './types.js';

export interface ReferencesResult {
  references: ReferenceRecord[];
  /** Per block id: the canonical ids on that block. */
  refsOf: string[][];
}

const GH = /https?:\/\/github\.com\/([\w.-]+)\/([\w.-]+)\/(pull|issues|discussions)\/(\d+)/gi;

/** Finds the references of a note. */
export function extractReferences(note: Note, _meta: Meta, _config: CollectionConfig): ReferencesResult {
  const byId = new Map<string, ReferenceRecord>();
  const refsOf = note.blocks.map((b) => {
    const ids: string[] = [];
    for (const m of b.text.matchAll(GH)) {
      const id = `${m[1]!.toLowerCase()}/${m[2]!.toLowerCase()}#${m[4]}`;
      const kind = m[3] === 'pull' ? 'PULL_REQUEST' : m[3] === 'issues' ? 'ISSUE' : 'DISCUSSION';
      const r = byId.get(id) ?? { id, kind, url: m[0], lines: [] };
      r.lines.push(b.startLine);
      byId.set(id, r);
      ids.push(id);
    }
    for (const l of b.links) {
      for (const m of l.url.matchAll(GH)) {
        const id = `${m[1]!.toLowerCase()}/${m[2]!.toLowerCase()}#${m[4]}`;
        const kind = m[3] === 'pull' ? 'PULL_REQUEST' : m[3] === 'issues' ? 'ISSUE' : 'DISCUSSION';
        const r = byId.get(id) ?? { id, kind, url: m[0], lines: [] };
        r.lines.push(l.line);
        byId.set(id, r);
        ids.push(id);
      }
    }
    return [...new Set(ids)];
  });
  return { references: [...byId.values()], refsOf };
}
