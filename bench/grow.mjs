// Growth: how ingest time and memory grow with the size of the history. A
// corpus N times the shared one is made from it (bench/corpus-x<N>/, git-ignored):
// the original notes, and N-1 copies of each in a folder `copy-K/` of the same
// collection, each copy with its years shifted, its people renamed and its
// numbered references renumbered, so nothing of a copy merges with the
// original or another copy. Each size is then ingested cold on a fresh Neo4j,
// and again after one file changed.
import { appendFileSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { CORPUS, dist, log, root } from './lib.mjs';

/** Letters added to every name part and handle of copy K (1-based); letters only, so a name stays a name. */
const SUFFIXES = ['ar', 'en', 'is', 'on', 'um', 'el', 'ia', 'or', 'ax', 'ed', 'ur', 'ot'];
/** Years of copy K are moved back K × YEARS (so dates stay plausible and apart). */
const YEARS = 3;
/** Numbered references of copy K are renumbered + K × SHIFT. */
const SHIFT = 100_000;

/** The words (name parts, handles) that make the people of the corpus, read from an indexed graph's Person nodes. */
export async function peopleWords(e) {
  const { Db } = await import(dist('db', 'driver.js'));
  const db = new Db({ uri: e.uri, user: e.user, password: e.password, app: 'quorum-bench' });
  try {
    const rows = await db.read('MATCH (p:Person) RETURN p.name AS name, p.aliases AS aliases, p.handles AS handles', {}, { timeoutMs: 120_000 });
    const names = new Set();
    const handles = new Set();
    for (const r of rows) {
      for (const form of [r.name, ...(r.aliases ?? [])]) {
        for (const w of String(form).split(/\s+/)) if (/^\p{Lu}[\p{L}'-]{2,}$/u.test(w)) names.add(w);
      }
      for (const h of r.handles ?? []) if (/^@?[\w-]{3,}$/.test(h)) handles.add(h.replace(/^@/, ''));
    }
    return { names: [...names], handles: [...handles] };
  } finally {
    await db.close();
  }
}

/** A function that rewrites a note's text (or path) for copy `k`. */
function rewriter(k, words) {
  const suffix = SUFFIXES[(k - 1) % SUFFIXES.length] + (k > SUFFIXES.length ? String.fromCharCode(97 + Math.floor((k - 1) / SUFFIXES.length)) : '');
  const names = new Set(words.names);
  const handles = new Set(words.handles);
  return {
    text(t) {
      let out = t.replace(/(?<!\d)(19[89]\d|20[0-3]\d)(?!\d)/g, (y) => String(Number(y) - k * YEARS));
      out = out.replace(
        /(#|\/issues\/|\/pull\/|\/pulls\/|\/discussions\/|\bRFC[- ]?|\bPR ?#?)(\d{1,6})(?!\d)/g,
        (_, pre, n) => `${pre}${Number(n) + k * SHIFT}`,
      );
      // Whole words looked up in sets (one pass, whatever the number of people).
      out = out.replace(/@([\w-]{3,})/g, (m, h) => (handles.has(h) ? `@${h}${suffix}` : m));
      out = out.replace(/(?<![\p{L}\d_])\p{Lu}[\p{L}'-]{2,}/gu, (w) => (names.has(w) ? `${w}${suffix}` : w));
      return out;
    },
    path(p) {
      return `copy-${k}/${p.replace(/(?<!\d)(19[89]\d|20[0-3]\d)(?!\d)/g, (y) => String(Number(y) - k * YEARS))}`;
    },
  };
}

function files(dir) {
  const out = [];
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, e.name);
    if (e.isDirectory()) out.push(...files(p));
    else out.push(p);
  }
  return out;
}

/**
 * Makes (or reuses, when it is complete) the corpus `times` × the shared one
 * under bench/corpus-x<times>/; resolves to its folder and size.
 */
export function grownCorpus(times, words, source = CORPUS) {
  const target = join(root, 'bench', `corpus-x${times}`);
  const done = join(target, '.complete');
  if (!existsSync(done)) {
    rmSync(target, { recursive: true, force: true });
    const copies = Array.from({ length: times - 1 }, (_, i) => rewriter(i + 1, words));
    for (const collection of readdirSync(source)
      .filter((n) => statSync(join(source, n)).isDirectory())
      .sort()) {
      for (const file of files(join(source, collection))) {
        const path = relative(join(source, collection), file);
        const text = readFileSync(file);
        const write = (p, data) => {
          mkdirSync(dirname(join(target, collection, p)), { recursive: true });
          writeFileSync(join(target, collection, p), data);
        };
        write(path, text);
        // Only notes are copied (a collection's own config stays one).
        if (!/\.(md|markdown|txt|html?)$/i.test(path)) continue;
        for (const c of copies) write(c.path(path), c.text(text.toString('utf8')));
      }
    }
    writeFileSync(done, `${new Date().toISOString()}\n`);
  }
  const bytes = files(target).reduce((n, f) => n + statSync(f).size, 0);
  log(`corpus ×${times}: ${target} (${Math.round(bytes / 1e6)} MB on disk)`);
  return { folder: target, mb: Math.round(bytes / 1e5) / 10 };
}

/**
 * Changes one note for the one-file figure (the first note of the first
 * collection, a line appended); returns which, and a function that puts it back.
 */
export function changeOneFile(folder) {
  const collection = readdirSync(folder)
    .filter((n) => statSync(join(folder, n)).isDirectory())
    .sort()[0];
  const note = files(join(folder, collection))
    .filter((f) => /\.md$/.test(f))
    .sort()[0];
  const before = readFileSync(note);
  appendFileSync(note, '\n- Edited for the benchmark: Lin Clark will follow up.\n');
  return { collection, path: relative(join(folder, collection), note), restore: () => writeFileSync(note, before) };
}
