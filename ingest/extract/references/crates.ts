/**
 * Rust crates a note names as crates, and security advisory ids. A name is a
 * crate only where the text treats it as one: "the `wstd` crate", "crate
 * `wat`", a crates.io or docs.rs link, `cargo add x`, a Rust path in code
 * (`anyhow::Error`), a `[dependencies]` line, a `-rs` package name in code.
 */

export interface Mention {
  /** Canonical id: `crate:name` or `advisory:ID`. */
  id: string;
  /** Offset in the text searched (0 for link URLs). */
  index: number;
}

const ADVISORY = /\b(RUSTSEC-\d{4}-\d{4}|CVE-\d{4}-\d{4,7}|GHSA(?:-[23456789cfghjmpqrvwx]{4}){3})\b/gi;
const MAY_HOLD_ADVISORY = /rustsec-|cve-|ghsa-/i;
const CRATE_URL = /^https?:\/\/(?:www\.)?(?:crates\.io\/crates\/|docs\.rs\/(?:crate\/)?|lib\.rs\/crates\/)([A-Za-z][\w-]*)/i;
/** The word crate(s), not crates.io or a `crates/` folder. */
const CRATE_WORD = /\bcrates?\b(?!\.\w|[/\\]|-\w)/gi;
/** "a, `b` and c", "the `x`": names right before the word crate(s) (matched on the text before it). */
const NAMES_BEFORE = /((?:[`'"]?[\w-]+[`'"]?\s*(?:,\s*(?:and\s+|or\s+)?|\s+(?:and|or|&)\s+))*[`'"]?[\w-]+[`'"]?)\s+$/;
/** How far before the word crate(s) a list of names may start. */
const NAMES_WINDOW = 120;
/** "crate `x`", "crate called x", "crate x". */
const CRATE_THEN_NAME = /\bcrates?\s+(?:(called|named)\s+)?([`'"]?)([\w-]+)\2(?![\w/\\]|[.-]\w)/gi;
const CARGO = /\bcargo\s+(?:add|install)\s+((?:--?[\w-]+\s+)*)([A-Za-z][\w-]*)/gi;
const RUST_PATH = /^([a-z][a-z0-9_]*)::\w/;
const RS_NAME = /^[a-z][a-z0-9_-]*-rs$/;
const DEPENDENCY_LINE = /^\s*([A-Za-z][\w-]*)\s*=\s*(?:"[\d^~=<>*.]|\{\s*(?:version|path|git|workspace|features))/;
const DEPENDENCY_TABLE = /^\s*\[(?:[\w.-]+\.)?(?:dev-|build-)?dependencies(?:\.[\w-]+)?\]\s*$/;
const CRATE_NAME = /^[a-z][a-z0-9]*(?:[-_][a-z0-9]+)*$/;
/** Rust path roots that are not crates of their own or are too short to tell from a module (`ir::`, `abi::`). */
const NOT_PATH_CRATE = /^(?:std|core|self|super|crate|[a-z0-9_]{1,3})$/;
/**
 * Words that describe a crate rather than name one ("the new crate", "a
 * trait crate", "crate dependency").
 */
const NOT_A_CRATE = new Set(
  (
    'a an the this that these those its it our your their his her my one two three some any each every which what whose no ' +
    'other another same new old older newer internal external private public trait meta rust api sub separate single extra ' +
    'own main top test tests helper shared common base runtime whole root parent child individual different specific entire ' +
    'big small large dedicated standalone upstream downstream existing original given wrapper utility util utils support ' +
    'library lib libs binary bin macro macros proc-macro workspace published unpublished vetted trusted third-party host guest ' +
    'component components generated local remote official unofficial experimental stable unstable latest current related ' +
    'sibling leaf top-level low-level high-level various multiple many few per protocol mythical cargo rust-based ' +
    'dependency dependencies level names name permissions organization itself and or of in on for to from with by as is are ' +
    'was be can could would should will into vs via format formats publish publishing version versions audit audits crypto ' +
    'interface interfaces support implementation implementations api-only core-only code source build tool tools cli ' +
    'example examples demo prototype proposal proposals level-only plugin plugins backend backends ecosystem rust-only ' +
    'whatever particular certain onnx c c++ go js python wasm wasi'
  ).split(/\s+/),
);

/**
 * Hyphenated words that describe ("internal-ish", "wasmtime-specific",
 * "cranelift-compiling"), phrases ("wasmtime-as-library"), and bindings for
 * other languages ("wasmtime-py"), not crate names.
 */
const DESCRIPTIVE =
  /-(?:ish|like|specific|related|level|based|only|style|defined|aware|friendly|compatible|wide|free|heavy|side|\w+ing|py|rb|cpp|go|js|dotnet|net|java|c)$|-(?:as|of|in|to|and|or|the|for|with|on)-/;
/** A hyphenated name in running text: not part of a path, a handle, a wildcard or a longer word. */
const HYPHENATED = /(?<![\w@/.#-])([a-z][a-z0-9]*)-([a-z][a-z0-9]*(?:-[a-z0-9]+)*)(?![\w*/-]|\.\w)/g;

const clean = (s: string): string => s.replace(/^[`'"]|[`'"]$/g, '');

function crateName(raw: string, inCode: boolean): string | undefined {
  const name = clean(raw);
  if (!CRATE_NAME.test(inCode ? name.toLowerCase() : name)) return undefined;
  const lower = name.toLowerCase();
  if (NOT_A_CRATE.has(lower) || lower.length < 2 || /^\d/.test(lower) || DESCRIPTIVE.test(lower)) return undefined;
  return lower;
}

/** Advisory ids in a text (text or a URL), upper-cased. */
export function findAdvisories(text: string): Mention[] {
  const out: Mention[] = [];
  if (!MAY_HOLD_ADVISORY.test(text)) return out;
  ADVISORY.lastIndex = 0;
  for (const m of text.matchAll(ADVISORY)) out.push({ id: `advisory:${m[1]!.toUpperCase()}`, index: m.index });
  return out;
}

/** The crate a crates.io, docs.rs or lib.rs URL is about. */
export function crateOfUrl(url: string): string | undefined {
  const m = CRATE_URL.exec(url.trim());
  return m ? m[1]!.toLowerCase() : undefined;
}

/**
 * Crates a block's text names as crates. `code` holds the block's inline
 * code spans: a name written as code is a name even where it is also a word.
 */
export function findCrates(text: string, code: readonly string[]): Mention[] {
  const out: Mention[] = [];
  const codeSet = new Set(code.map((c) => c.trim()));
  const isCode = (raw: string) => /^[`'"]/.test(raw) || codeSet.has(clean(raw));
  const push = (raw: string, index: number) => {
    const name = crateName(raw, isCode(raw));
    if (name) out.push({ id: `crate:${name}`, index });
  };
  for (const c of code) {
    CARGO.lastIndex = 0;
    for (const m of c.matchAll(CARGO)) push(`\`${m[2]}\``, text.indexOf(c));
    const path = RUST_PATH.exec(c.trim());
    if (path && !NOT_PATH_CRATE.test(path[1]!)) push(`\`${path[1]}\``, text.indexOf(c));
    if (RS_NAME.test(c.trim())) push(`\`${c.trim()}\``, text.indexOf(c));
  }
  if (!/crate/i.test(text)) return out;
  CRATE_WORD.lastIndex = 0;
  for (const w of text.matchAll(CRATE_WORD)) {
    const from = Math.max(0, w.index - NAMES_WINDOW);
    const before = NAMES_BEFORE.exec(text.slice(from, w.index));
    if (!before) continue;
    const at = from + before.index;
    const names = before[1]!.split(/\s*,\s*(?:and\s+|or\s+)?|\s+(?:and|or|&)\s+/);
    const last = names[names.length - 1]!;
    const plural = /s$/i.test(w[0]);
    // A list counts only when every item is a name ("the `image` and `ndarray` crates").
    if (names.length > 1 && !names.every((n) => crateName(n, isCode(n)))) {
      if (!plural) push(last, at);
      continue;
    }
    // "across crates", "Rust crates", "a distinct crate": a plain word before "crates", or after "a",
    // describes crates; only a name as code or with a hyphen names one.
    const plain = names.length === 1 && !isCode(last) && !/[-_\d]/.test(last);
    if (plain && (plural || /\b(?:a|an)\s+$/i.test(text.slice(Math.max(0, at - 4), at)))) continue;
    for (const n of names) push(n, at);
  }
  CRATE_THEN_NAME.lastIndex = 0;
  for (const m of text.matchAll(CRATE_THEN_NAME)) {
    const raw = m[2] ? `${m[2]}${m[3]}${m[2]}` : m[3]!;
    // Without "called"/"named" or quoting, only a name that cannot be a word: `crate wasm-encoder`.
    if (m[1] || m[2] || codeSet.has(m[3]!) || /[-_\d]/.test(m[3]!)) push(raw, m.index);
  }
  return out;
}

/**
 * Packages of a multi-package repository named by its family prefix
 * (`cranelift-wasm`, `wasmtime-wasi`): `prefixes` are the names of a
 * repository that the collection says holds several series, and of those
 * series. Names that are repositories of their own (`isRepo`) are left out.
 */
export function findFamilyCrates(text: string, prefixes: ReadonlySet<string>, isRepo: (name: string) => boolean): Mention[] {
  const out: Mention[] = [];
  if (!prefixes.size || !text.includes('-')) return out;
  HYPHENATED.lastIndex = 0;
  for (const m of text.matchAll(HYPHENATED)) {
    if (!prefixes.has(m[1]!)) continue;
    const name = crateName(m[0], true);
    if (name && !isRepo(name)) out.push({ id: `crate:${name}`, index: m.index });
  }
  return out;
}

/** Crates a code block lists as dependencies (a Cargo.toml excerpt) or installs (`cargo add x`). */
export function findDependencyCrates(code: string): Mention[] {
  const out: Mention[] = [];
  let inTable = false;
  let index = 0;
  for (const line of code.split('\n')) {
    if (/^\s*\[/.test(line)) inTable = DEPENDENCY_TABLE.test(line);
    else if (inTable) {
      const m = DEPENDENCY_LINE.exec(line);
      const name = m && crateName(`\`${m[1]}\``, true);
      if (name) out.push({ id: `crate:${name}`, index });
    }
    CARGO.lastIndex = 0;
    for (const m of line.matchAll(CARGO)) {
      const name = crateName(`\`${m[2]}\``, true);
      if (name) out.push({ id: `crate:${name}`, index });
    }
    index += line.length + 1;
  }
  return out;
}
