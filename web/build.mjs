// Bundles the web pages into dist/web (run by `npm run build` and the prepare script, after tsc):
// the dashboard (Preact + Observable Plot) and GraphiQL (React), each script with its styles, every
// byte from node_modules: the server serves them itself and no page loads anything from another host.
// Prints each script's size gzipped and fails when the dashboard's scripts pass their budget.
import { build } from 'esbuild';
import { copyFileSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';

const here = dirname(fileURLToPath(import.meta.url));
const out = join(here, '..', 'dist', 'web');
const assets = join(out, 'assets');
/** The dashboard's scripts, gzipped, at most (issue 16). */
const DASHBOARD_BUDGET = 300 * 1024;

rmSync(out, { recursive: true, force: true });
mkdirSync(assets, { recursive: true });

const common = {
  bundle: true,
  minify: true,
  format: 'esm',
  target: ['es2020'],
  outdir: assets,
  assetNames: '[name]-[hash]',
  loader: { '.woff': 'file', '.woff2': 'file', '.ttf': 'file', '.svg': 'file' },
  define: { 'process.env.NODE_ENV': '"production"' },
  legalComments: 'none',
  logLevel: 'warning',
  metafile: true,
};
await build({
  ...common,
  entryPoints: { dashboard: join(here, 'dashboard', 'main.tsx') },
  jsx: 'automatic',
  jsxImportSource: 'preact',
  tsconfigRaw: { compilerOptions: { jsx: 'react-jsx', jsxImportSource: 'preact' } },
});
await build({
  ...common,
  entryPoints: { graphiql: join(here, 'graphiql', 'main.tsx') },
  jsx: 'automatic',
  jsxImportSource: 'react',
  tsconfigRaw: { compilerOptions: { jsx: 'react-jsx', jsxImportSource: 'react' } },
});
for (const page of ['index.html', 'graphiql.html']) copyFileSync(join(here, page), join(out, page));

const sizes = {};
for (const name of readdirSync(assets)) {
  const body = readFileSync(join(assets, name));
  sizes[name] = { bytes: statSync(join(assets, name)).size, gzip: gzipSync(body, { level: 9 }).length };
}
writeFileSync(join(out, 'sizes.json'), `${JSON.stringify(sizes, null, 2)}\n`);
const kb = (n) => `${(n / 1024).toFixed(1)} KB`;
for (const [name, s] of Object.entries(sizes))
  if (/\.(js|css)$/.test(name)) console.log(`web: ${name.padEnd(16)} ${kb(s.bytes).padStart(10)}  ${kb(s.gzip).padStart(9)} gzip`);
const dashboard = sizes['dashboard.js'].gzip;
if (dashboard > DASHBOARD_BUDGET) {
  console.error(`web: the dashboard's scripts are ${kb(dashboard)} gzipped, over the ${kb(DASHBOARD_BUDGET)} budget`);
  process.exit(1);
}
