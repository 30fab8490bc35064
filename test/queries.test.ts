import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import ts from 'typescript';
import { describe, expect, test } from 'vitest';
import { compose, loadQueries } from '../api/queries.js';
import { STATEMENTS } from '../ingest/load/statements.js';
import { projectRoot } from '../schema/paths.js';
import { testDb } from './support/graph.js';

describe('query files', () => {
  test('every .cypher file in queries/ has a runner and every runner a file', () => {
    const files = readdirSync(join(projectRoot(), 'queries'))
      .filter((f) => f.endsWith('.cypher'))
      .map((f) => f.replace(/\.cypher$/, ''))
      .sort();
    const runners = Object.values(loadQueries())
      .map((r) => r.name)
      .sort();
    expect(runners).toEqual(files);
  });

  test('a part is composed where a query includes it, indented as the line, and every part is used', () => {
    const parts: Record<string, string> = { words: 'MATCH (w:Word)\nWITH w\n' };
    expect(compose('CALL {\n  // @include words\n  RETURN w\n}', (n) => parts[n]!)).toBe('CALL {\n  MATCH (w:Word)\n  WITH w\n  RETURN w\n}');
    // A part may include parts, each indented as its line; a part that includes itself is refused, naming the chain.
    const nested: Record<string, string> = { ...parts, lists: 'CALL {\n  // @include words\n}\n', loop: '// @include loop2\n', loop2: '  // @include loop\n' };
    expect(compose('  // @include lists', (n) => nested[n]!)).toBe('  CALL {\n    MATCH (w:Word)\n    WITH w\n  }');
    expect(() => compose('// @include loop', (n) => nested[n]!)).toThrow('queries/parts/loop.cypher includes itself (loop → loop2 → loop)');
    const queries = Object.values(loadQueries());
    for (const r of queries) expect(r.cypher, r.name).not.toMatch(/^\s*\/\/ @include /m);
    const files = [
      ...readdirSync(join(projectRoot(), 'queries')).filter((f) => f.endsWith('.cypher')),
      ...readdirSync(join(projectRoot(), 'queries', 'parts')).map((f) => `parts/${f}`),
    ];
    const included = new Set(
      files.flatMap((f) => [...readFileSync(join(projectRoot(), 'queries', f), 'utf8').matchAll(/^\s*\/\/ @include ([\w-]+)/gm)].map((m) => m[1])),
    );
    const partFiles = readdirSync(join(projectRoot(), 'queries', 'parts'))
      .map((f) => f.replace(/\.cypher$/, ''))
      .sort();
    expect([...included].sort()).toEqual(partFiles);
  });

  test('the questions on a topic share one reading of its words and threads', () => {
    // Written once in queries/parts/, so discussions, decisions and follow-ups cannot drift apart.
    const q = loadQueries();
    for (const r of [q.discussions, q.decisions, q.followUps]) {
      expect(r.cypher, r.name).toContain("queryNodes('passage_terms', $groups[g]");
      expect(r.cypher, r.name).toContain('x.thread AS thread');
      expect(readFileSync(join(projectRoot(), 'queries', `${r.name}.cypher`), 'utf8'), r.name).not.toContain('x.thread AS thread');
    }
  });

  test('each query opens with the question it answers and names its parameters', () => {
    for (const r of Object.values(loadQueries())) {
      expect(r.cypher.startsWith('//'), r.name).toBe(true);
      const params = [...new Set([...r.cypher.replace(/^\/\/.*$/gm, '').matchAll(/\$(\w+)/g)].map((m) => m[1]!))];
      const header = r.cypher
        .split('\n')
        .filter((l) => l.startsWith('//'))
        .join('\n');
      for (const p of params) expect(header, `${r.name}: $${p}`).toContain(`$${p}`);
    }
  });

  test('no Cypher is built from strings in the code', () => {
    // Read with TypeScript's parser: a template with substitutions or a `+` whose text holds a Cypher
    // clause, or a query argument (db.read/write, tx.run) that is built at the call, is an offender.
    const CLAUSE = /\b(MATCH|MERGE|CREATE|DELETE|DETACH|SET|REMOVE|RETURN|UNWIND|WITH|WHERE|CALL|YIELD|FOREACH|LOAD CSV)\b/;
    const offenders: string[] = [];
    const check = (rel: string) => {
      const file = ts.createSourceFile(rel, readFileSync(join(projectRoot(), rel), 'utf8'), ts.ScriptTarget.Latest, true);
      const report = (node: ts.Node, why: string) =>
        offenders.push(`${rel}:${file.getLineAndCharacterOfPosition(node.getStart()).line + 1}: ${why}: ${node.getText().slice(0, 60)}`);
      const built = (node: ts.Node) => ts.isTemplateExpression(node) || (ts.isBinaryExpression(node) && node.operatorToken.kind === ts.SyntaxKind.PlusToken);
      const visit = (node: ts.Node): void => {
        if (ts.isTemplateExpression(node) && CLAUSE.test([node.head, ...node.templateSpans.map((s) => s.literal)].map((p) => p.text).join(' '))) {
          report(node, 'Cypher in a template with substitutions');
        } else if (
          ts.isBinaryExpression(node) &&
          node.operatorToken.kind === ts.SyntaxKind.PlusToken &&
          [node.left, node.right].some((side) => ts.isStringLiteralLike(side) && CLAUSE.test(side.text))
        ) {
          report(node, 'Cypher joined with +');
        } else if (
          ts.isCallExpression(node) &&
          ts.isPropertyAccessExpression(node.expression) &&
          ['read', 'write', 'run'].includes(node.expression.name.text) &&
          /(db|tx|session|this)$/i.test(node.expression.expression.getText()) &&
          node.arguments[0] &&
          built(node.arguments[0])
        ) {
          report(node, 'a query built at the call');
        }
        ts.forEachChild(node, visit);
      };
      visit(file);
    };
    const walk = (dir: string) => {
      for (const e of readdirSync(join(projectRoot(), dir), { withFileTypes: true })) {
        const rel = join(dir, e.name);
        if (e.isDirectory()) walk(rel);
        else if (e.name.endsWith('.ts')) check(rel);
      }
    };
    for (const dir of ['api', 'ingest', 'db', 'schema', 'cli', 'neo4j', 'eval']) walk(dir);
    expect(offenders).toEqual([]);
  });

  test('Neo4j plans every read query and write statement without a notification', async () => {
    // A notification (a deprecated form such as `CALL { WITH x … }`, a cartesian product) comes back with every
    // answer the query gives: the server writes it and the driver decodes it each time. Planned without their
    // parameters (EXPLAIN), so the one notification expected says so.
    const db = await testDb();
    const session = db.driver.session();
    try {
      const texts = [
        ...Object.values(loadQueries()).map((r) => ({ name: `queries/${r.name}`, text: r.cypher })),
        ...Object.values(STATEMENTS).map((s) => ({ name: `ingest/load/cypher/${s.name}`, text: s.text })),
      ];
      expect(texts.length).toBeGreaterThan(40);
      const found: string[] = [];
      for (const { name, text } of texts) {
        const { summary } = await session.run(`EXPLAIN ${text}`);
        for (const n of summary.notifications) {
          if (n.code !== 'Neo.ClientNotification.Statement.ParameterNotProvided') found.push(`${name}: ${n.code}: ${n.description}`);
        }
      }
      expect(found).toEqual([]);
    } finally {
      await session.close();
      await db.close();
    }
  });
});
