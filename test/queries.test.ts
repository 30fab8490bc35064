import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { loadQueries } from '../api/queries.js';
import { projectRoot } from '../schema/paths.js';

describe('query files', () => {
  test('every .cypher file in queries/ has a runner and every runner a file', () => {
    const files = readdirSync(join(projectRoot(), 'queries')).filter((f) => f.endsWith('.cypher')).map((f) => f.replace(/\.cypher$/, '')).sort();
    const runners = Object.values(loadQueries()).map((r) => r.name).sort();
    expect(runners).toEqual(files);
  });

  test('each query opens with the question it answers and names its parameters', () => {
    for (const r of Object.values(loadQueries())) {
      expect(r.cypher.startsWith('//'), r.name).toBe(true);
      const params = [...new Set([...r.cypher.replace(/^\/\/.*$/gm, '').matchAll(/\$(\w+)/g)].map((m) => m[1]!))];
      const header = r.cypher.split('\n').filter((l) => l.startsWith('//')).join('\n');
      for (const p of params) expect(header, `${r.name}: $${p}`).toContain(`$${p}`);
    }
  });

  test('no Cypher is built from strings in the code', () => {
    const offenders: string[] = [];
    const walk = (dir: string) => {
      for (const e of readdirSync(join(projectRoot(), dir), { withFileTypes: true })) {
        const rel = join(dir, e.name);
        if (e.isDirectory()) walk(rel);
        else if (e.name.endsWith('.ts')) {
          const text = readFileSync(join(projectRoot(), rel), 'utf8');
          // A template literal that holds Cypher keywords and an interpolation.
          for (const m of text.matchAll(/`[^`]*\b(MATCH|MERGE|CREATE|DELETE|SET|RETURN)\b[^`]*\$\{[^`]*`/g)) offenders.push(`${rel}: ${m[0].slice(0, 60)}`);
        }
      }
    };
    for (const dir of ['api', 'ingest', 'db', 'schema', 'cli']) walk(dir);
    expect(offenders).toEqual([]);
  });
});
