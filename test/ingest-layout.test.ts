/**
 * The shape of ingest/: stage folders that import one another one way only.
 * Every import between its modules (type imports too: they tie the modules'
 * meaning together as much as values do) forms a graph with no cycle.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, normalize, relative } from 'node:path';
import { describe, expect, test } from 'vitest';
import { projectFile } from '../schema/paths.js';

const INGEST = projectFile('ingest');

/** Every .ts module under ingest/, by path relative to it. */
function modules(dir = INGEST): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? modules(join(dir, e.name)) : e.name.endsWith('.ts') ? [relative(INGEST, join(dir, e.name))] : [],
  );
}

/** The ingest/ modules one module imports (static, dynamic and type imports). */
function importsOf(path: string): string[] {
  const text = readFileSync(join(INGEST, path), 'utf8');
  const found: string[] = [];
  for (const m of text.matchAll(/(?:\bfrom\s*|\bimport\s*\(\s*|^import\s+)['"](\.{1,2}\/[^'"]+)['"]/gm)) {
    const target = normalize(join(dirname(path), m[1]!)).replace(/\.js$/, '.ts');
    if (!target.startsWith('..')) found.push(target);
  }
  return found;
}

/** The strongly connected components of more than one module (or a module importing itself): the cycles. */
function cycles(graph: Map<string, string[]>): string[][] {
  let next = 0;
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const out: string[][] = [];
  const visit = (v: string) => {
    index.set(v, next);
    low.set(v, next++);
    stack.push(v);
    onStack.add(v);
    for (const w of graph.get(v) ?? []) {
      if (!index.has(w)) {
        visit(w);
        low.set(v, Math.min(low.get(v)!, low.get(w)!));
      } else if (onStack.has(w)) low.set(v, Math.min(low.get(v)!, index.get(w)!));
    }
    if (low.get(v) === index.get(v)) {
      const scc: string[] = [];
      let w: string;
      do {
        w = stack.pop()!;
        onStack.delete(w);
        scc.push(w);
      } while (w !== v);
      if (scc.length > 1 || (graph.get(v) ?? []).includes(v)) out.push(scc.sort());
    }
  };
  for (const v of graph.keys()) if (!index.has(v)) visit(v);
  return out;
}

describe('ingest/', () => {
  const all = modules();
  const graph = new Map(all.map((m) => [m, importsOf(m)]));

  test('every import names a module that exists', () => {
    const known = new Set(all);
    const missing = [...graph].flatMap(([m, targets]) => targets.filter((t) => !known.has(t)).map((t) => `${m} → ${t}`));
    expect(missing).toEqual([]);
    expect(all.length).toBeGreaterThan(30);
  });

  test('no import cycle among its modules', () => {
    expect(cycles(graph)).toEqual([]);
  });

  test('the cycle finder sees a cycle (checked on a graph that has one)', () => {
    const ring = new Map([
      ['a.ts', ['b.ts']],
      ['b.ts', ['c.ts']],
      ['c.ts', ['a.ts']],
      ['d.ts', ['a.ts']],
    ]);
    expect(cycles(ring)).toEqual([['a.ts', 'b.ts', 'c.ts']]);
  });
});
