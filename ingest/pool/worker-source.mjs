// Module hooks that let an extraction worker run from the TypeScript sources
// (under vitest, with no build): pool.ts registers them in the worker before it
// imports worker.ts. `./x.js` resolves to `./x.ts` where only the source exists,
// and the project's .ts files are transpiled with the typescript devDependency,
// cached under node_modules/.cache/quorum-worker (keyed by path, size and mtime)
// so a worker need not load typescript once the sources are unchanged.
// Note: compiled code (dist/) never loads this file; its workers run worker.js.
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, renameSync, statSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const cacheDir = fileURLToPath(new URL('../../node_modules/.cache/quorum-worker/', import.meta.url));
let ts;

export async function resolve(specifier, context, next) {
  if (specifier.endsWith('.js') && context.parentURL?.endsWith('.ts') && (specifier.startsWith('.') || specifier.startsWith('/'))) {
    const js = new URL(specifier, context.parentURL);
    if (!existsSync(fileURLToPath(js))) {
      const source = new URL(js.href.replace(/\.js$/, '.ts'));
      if (existsSync(fileURLToPath(source))) return { url: source.href, shortCircuit: true };
    }
  }
  return next(specifier, context);
}

export async function load(url, context, next) {
  if (!url.startsWith('file:') || !url.endsWith('.ts')) return next(url, context);
  const path = fileURLToPath(url);
  const info = statSync(path);
  const key = createHash('sha1').update(`${path}\0${info.size}\0${info.mtimeMs}`).digest('hex');
  const cached = `${cacheDir}${key}.js`;
  if (existsSync(cached)) return { format: 'module', source: readFileSync(cached, 'utf8'), shortCircuit: true };
  ts ??= (await import('typescript')).default;
  const { outputText } = ts.transpileModule(readFileSync(path, 'utf8'), {
    fileName: path,
    compilerOptions: { module: ts.ModuleKind.ESNext, target: ts.ScriptTarget.ES2022, inlineSourceMap: true },
  });
  try {
    mkdirSync(cacheDir, { recursive: true });
    const tmp = `${cached}.${process.pid}.${Math.random().toString(36).slice(2)}.tmp`;
    writeFileSync(tmp, outputText);
    renameSync(tmp, cached);
  } catch {
    // A cache that cannot be written only costs time.
  }
  return { format: 'module', source: outputText, shortCircuit: true };
}
