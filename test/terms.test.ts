import { describe, expect, test } from 'vitest';
import { indexTerms, QueryTextError, stem, termQuery } from '../schema/terms.js';

/** Evaluates a termQuery against an indexTerms string, as Lucene would with the whitespace analyzer. */
function matches(query: string, indexed: string): boolean {
  const have = new Set(indexed.split(' '));
  const expr = query
    .replace(/\(/g, ' ( ')
    .replace(/\)/g, ' ) ')
    .split(/\s+/)
    .filter(Boolean)
    .map((t) => (t === 'AND' ? '&&' : t === 'OR' ? '||' : t === '(' || t === ')' ? t : String(have.has(t))))
    .join(' ');
  return Function(`return ${expr}`)() as boolean;
}

describe('terms', () => {
  test('plurals and verb forms fold together', () => {
    for (const [a, b] of [
      ['scanning', 'scan'],
      ['scans', 'scan'],
      ['policies', 'policy'],
      ['builtins', 'builtin'],
      ['released', 'release'],
      ['pages', 'page'],
      ['internally', 'internal'],
      ['compiler', 'compile'],
      ['wrappers', 'wrap'],
    ]) {
      expect(stem(a!)).toBe(stem(b!));
    }
  });

  test('case, hyphens, underscores, spaces and camelCase do not matter', () => {
    const q = termQuery('page-map scanning')!;
    for (const text of ['PAGEMAP_SCAN', 'page map scan', 'the pagemap scanner scans', 'Page-Map Scanning', 'pageMapScan']) {
      expect(matches(q, indexTerms(text)), text).toBe(true);
    }
    expect(matches(q, indexTerms('page tables are mapped'))).toBe(false);
  });

  test('C++ and parentheses are findable and never reach Lucene as syntax', () => {
    expect(matches(termQuery('C++')!, indexTerms('the C++ API'))).toBe(true);
    expect(matches(termQuery('(x)')!, indexTerms('value x here'))).toBe(true);
    for (const hostile of ['a && b || !c', '"unbalanced', 'x:y^2~ [a TO b] {c} \\ /re/', 'AND NOT OR', '*?']) {
      const q = termQuery(hostile);
      if (q) expect(q).toMatch(/^[a-z0-9 ()]+$|^[a-z0-9 ()A-Z]+$/);
      expect(q ?? '').not.toMatch(/["\\:^~[\]{}*?!/&|+-]/);
    }
  });

  test('a numbered item is found by its number alone, with or without its series', () => {
    const q = termQuery('EIP-7212')!;
    for (const text of ['EIP-7212', 'eip 7212', 'EIP7212', 'lean towards making 7212 CFI']) expect(matches(q, indexTerms(text)), text).toBe(true);
    expect(matches(q, indexTerms('EIP-7702 and the 721 curve'))).toBe(false);
    const named = termQuery('PEP 554 subinterpreters')!;
    expect(matches(named, indexTerms('554 and subinterpreters'))).toBe(true);
    expect(matches(named, indexTerms('PEP subinterpreters'))).toBe(false);
    // A word before a short number is a word of the topic: "tier 2" is not "2".
    expect(matches(termQuery('tier 2')!, indexTerms('version 2'))).toBe(false);
  });

  test('a name written in capitals is found by its initials too; a topic in lower case is not a name', () => {
    expect(matches(termQuery('Library Carpentry')!, indexTerms('it will help LC build momentum'))).toBe(true);
    expect(matches(termQuery('Code of Conduct')!, indexTerms('the CoC committee met'))).toBe(true);
    expect(matches(termQuery('library carpentry')!, indexTerms('it will help LC build momentum'))).toBe(false);
    expect(matches(termQuery('pattern matching')!, indexTerms('at 3 PM'))).toBe(false);
  });

  test('only stop words leaves nothing to search; an over-long text is refused', () => {
    expect(termQuery('what did we')).toBeNull();
    expect(() => termQuery('x'.repeat(501))).toThrow(QueryTextError);
  });
});
