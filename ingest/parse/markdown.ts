/**
 * Markdown to mdast the way remark-parse with remark-gfm and
 * remark-frontmatter (yaml, toml) parse it, for less: each GFM construct is
 * left out of a text that cannot contain it. Every construct micromark tries
 * costs on every character or line it may start at (an email autolink at
 * every word, a table at every line), and most notes have no table, no
 * strikethrough, no footnote and no front matter. The options of each
 * combination are built once, not on every call. The tree is built by
 * from-markdown.ts (mdast-util-from-markdown without its per-event context copy).
 */
import type { Root } from 'mdast';
import type { Extension as MdastExtension } from 'mdast-util-from-markdown';
import { frontmatterFromMarkdown } from 'mdast-util-frontmatter';
import { gfmFromMarkdown } from 'mdast-util-gfm';
import { frontmatter } from 'micromark-extension-frontmatter';
import { gfmAutolinkLiteral } from 'micromark-extension-gfm-autolink-literal';
import { gfmFootnote } from 'micromark-extension-gfm-footnote';
import { gfmStrikethrough } from 'micromark-extension-gfm-strikethrough';
import { gfmTable } from 'micromark-extension-gfm-table';
import { gfmTaskListItem } from 'micromark-extension-gfm-task-list-item';
import { combineExtensions } from 'micromark-util-combine-extensions';
import type { Construct, Extension } from 'micromark-util-types';
import { fromMarkdown } from './from-markdown.js';

/**
 * A line of dashes, colons and blanks with a colon and a dash: a table's
 * delimiter row without pipes, also inside block quotes (`> --:`).
 */
const DELIMITER_ROW_WITH_COLON = /^(?:[ \t]*>)*(?=[-: \t]*:)(?=[-: \t]*-)[-: \t]+$/m;

const FRONT_MATTER = ['yaml', 'toml'] as const;

/** What an email autolink literal needs in the source: an atext character, `@`, then domain characters with a dot (a superset). */
const EMAIL_LITERAL = /[\w+.-]@[\w-]*\./;

/**
 * What remark-gfm's pass over text nodes needs in a node's value to make a
 * link of it (mdast-util-gfm-autolink-literal: `http(s)://`, `www.`, or an
 * address `a@b.c`, also after `mailto:` or `xmpp:`; a superset of its four expressions).
 */
const TEXT_LITERAL = /https?:\/\/|www\.|[\w+.-]@[\w-]+\.[\w-]/i;

// The autolink literal extension's constructs, taken apart: an email may
// start at any word character, `www.` at a w, `http(s)://` at an h.
const literal = gfmAutolinkLiteral().text as Record<number, Construct | Construct[]>;
const email = literal[97] as Construct;
const protocol = (literal[104] as Construct[])[1]!;
const www = (literal[119] as Construct[])[1]!;

/** What a text may contain, by the characters each construct needs (a superset: a flag may be set for nothing). */
interface Needs {
  /** Front matter: the text opens with `---` or `+++`. */
  front: boolean;
  email: boolean;
  www: boolean;
  protocol: boolean;
  footnote: boolean;
  strikethrough: boolean;
  table: boolean;
  /** remark-gfm's pass over text nodes for bare URLs and emails (entities and escapes can spell them). */
  literals: boolean;
}

function needs(text: string): Needs {
  return {
    front: /^\uFEFF?(?:---|\+\+\+)/.test(text),
    // Note: a bare `@handle` is no email literal, and the construct is tried at every word.
    email: EMAIL_LITERAL.test(text),
    www: /www\./i.test(text),
    protocol: /https?:\/\//i.test(text),
    footnote: text.includes('^'),
    strikethrough: text.includes('~'),
    // Note: a table has a pipe, or a one-cell delimiter row with a colon (`:-:`, `--:`): a
    // line of dashes alone under a line of text is a setext heading, not a table.
    table: text.includes('|') || DELIMITER_ROW_WITH_COLON.test(text),
    literals: /[@&\\]|www|http/i.test(text),
  };
}

/**
 * Whether a text node of a tree, outside links (which the pass leaves alone),
 * has what the pass over text nodes could turn into a link.
 */
function hasTextLiteral(node: { type: string; value?: unknown; children?: unknown[] }): boolean {
  if (node.type === 'text') return TEXT_LITERAL.test(node.value as string);
  if (node.type === 'link' || node.type === 'linkReference' || !node.children) return false;
  for (const c of node.children) if (hasTextLiteral(c as typeof node)) return true;
  return false;
}

/**
 * remark-gfm's pass over text nodes, given only the top-level blocks with text
 * it could change: it reads nothing outside the text it matches, so block by
 * block is the same as the whole tree at once, and it walks its tree once per
 * expression (four walks of every note with a URL or an address somewhere).
 */
function literalPass(pass: (tree: Root) => void): (tree: Root) => undefined {
  return (tree) => {
    for (const child of tree.children) if (hasTextLiteral(child)) pass(child as unknown as Root);
    return undefined;
  };
}

interface Options {
  extensions: Extension[];
  mdastExtensions: (MdastExtension | MdastExtension[])[];
}

const built = new Map<string, Options>();

/** remark-gfm's and remark-frontmatter's extensions, in their order, without those the text cannot use. */
function options(n: Needs): Options {
  const key = Object.values(n)
    .map((v) => (v ? 1 : 0))
    .join('');
  let o = built.get(key);
  if (o) return o;
  const text: Record<number, Construct | Construct[]> = {};
  const add = (code: number, c: Construct) => {
    const had = text[code];
    text[code] = had === undefined ? c : [...(Array.isArray(had) ? had : [had]), c];
  };
  if (n.email) for (const code of Object.keys(literal)) add(Number(code), email);
  if (n.protocol) for (const code of [72, 104]) add(code, protocol);
  if (n.www) for (const code of [87, 119]) add(code, www);
  const gfm: Extension[] = [{ text }];
  if (n.footnote) gfm.push(gfmFootnote());
  if (n.strikethrough) gfm.push(gfmStrikethrough());
  if (n.table) gfm.push(gfmTable());
  gfm.push(gfmTaskListItem());
  // gfmFromMarkdown's first extension is the autolink literals' (its tokens and its pass over text).
  const [literalMdast, ...restMdast] = gfmFromMarkdown();
  const gfmMdast = n.literals
    ? [{ ...literalMdast, transforms: [literalPass(literalMdast!.transforms![0]! as (tree: Root) => void)] }, ...restMdast]
    : restMdast;
  o = {
    extensions: [...(n.front ? [frontmatter([...FRONT_MATTER])] : []), combineExtensions(gfm)],
    mdastExtensions: [...(n.front ? [frontmatterFromMarkdown([...FRONT_MATTER])] : []), gfmMdast],
  };
  built.set(key, o);
  return o;
}

/** The mdast tree of a markdown text, as remark-parse with remark-gfm and remark-frontmatter (yaml, toml) gives it. */
export function parseMarkdown(text: string): Root {
  return fromMarkdown(text, options(needs(text))) as Root;
}

/** The full set of extensions, whatever the text: for tests that compare. */
export function parseMarkdownFull(text: string): Root {
  return fromMarkdown(
    text,
    options({ front: true, email: true, www: true, protocol: true, footnote: true, strikethrough: true, table: true, literals: true }),
  ) as Root;
}
