/**
 * Locates the project's own files (schema, queries, examples) from the
 * sources or from their compiled copies in dist/.
 */
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

let root: string | undefined;

/** The folder holding the project's package.json. */
export function projectRoot(): string {
  if (root) return root;
  let dir = dirname(fileURLToPath(import.meta.url));
  while (!existsSync(join(dir, 'package.json'))) {
    const up = dirname(dir);
    if (up === dir) throw new Error('quorum: cannot find the project folder (package.json)');
    dir = up;
  }
  root = dir;
  return dir;
}

export function projectFile(...parts: string[]): string {
  return join(projectRoot(), ...parts);
}
