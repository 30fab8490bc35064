/** The load stage's Cypher (ingest/load/cypher/) and its typed statements (ingest/load/statements.ts). */
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { STATEMENTS } from '../ingest/load/statements.js';
import { projectRoot } from '../schema/paths.js';

describe('load statements', () => {
  test('every .cypher file in ingest/load/cypher/ has a statement and every statement a file', () => {
    const files = readdirSync(join(projectRoot(), 'ingest', 'load', 'cypher'))
      .filter((f) => f.endsWith('.cypher'))
      .map((f) => f.replace(/\.cypher$/, ''))
      .sort();
    expect(
      Object.values(STATEMENTS)
        .map((s) => s.name)
        .sort(),
    ).toEqual(files);
  });

  test("each statement's parameters are the ones its file says it takes", () => {
    for (const s of Object.values(STATEMENTS)) {
      const used = new Set([...s.text.matchAll(/\$(\w+)/g)].map((m) => m[1]!));
      // Every parameter the file reads is named in its header comment (`// $rows: …`), the statement's documented contract.
      const header = s.text
        .split('\n')
        .filter((l) => l.startsWith('//'))
        .join('\n');
      for (const p of used) expect(header, `${s.name}: $${p}`).toContain(`$${p}`);
    }
  });
});
