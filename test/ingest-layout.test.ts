/**
 * The shape of ingest/: stage folders that import one another one way only.
 * Every import between its modules (type imports too: they tie the modules'
 * meaning together as much as values do) forms a graph with no cycle, and
 * goes one way: a stage's module imports its own stage, earlier stages and
 * types.ts, never a later stage.
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

/** The stage folders in the order data moves through them. */
const STAGES = ['read', 'formats', 'parse', 'annotate', 'extract', 'resolve', 'load', 'bulk', 'pool'];

/** A module's place in the order: its stage's index; types.ts comes before every stage, pipeline.ts after all. */
function rank(path: string): number {
  if (path === 'types.ts') return -1;
  if (path === 'pipeline.ts') return STAGES.length;
  const stage = STAGES.indexOf(path.split('/')[0]!);
  if (stage < 0) throw new Error(`${path} is in no stage folder (${STAGES.join(', ')})`);
  return stage;
}

/** Every import that reaches a later stage than the importing module's own, as `from → to`. */
function backwardImports(graph: Map<string, string[]>): string[] {
  return [...graph].flatMap(([m, targets]) => targets.filter((t) => rank(t) > rank(m)).map((t) => `${m} → ${t}`));
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

  test('imports go one way: own stage, earlier stages, types.ts', () => {
    expect(backwardImports(graph)).toEqual([]);
  });

  test('the one-way check sees an import of a later stage (checked on a graph that has one)', () => {
    const graph = new Map([
      ['annotate/units.ts', ['extract/context.ts', 'types.ts']],
      ['extract/extract.ts', ['annotate/units.ts', 'read/config.ts']],
      ['pipeline.ts', ['pool/pool.ts']],
    ]);
    expect(backwardImports(graph)).toEqual(['annotate/units.ts → extract/context.ts']);
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
