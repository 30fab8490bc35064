/**
 * parseMarkdown leaves out the GFM and front matter constructs a text cannot
 * contain; the tree must be the one the full set (and remark) gives. Property test over
 * markdown-like text made of the characters those constructs turn on (pipes,
 * tildes, carets, @, www., http://, entities, escapes, front matter fences).
 */
import fc from 'fast-check';
import remarkFrontmatter from 'remark-frontmatter';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { describe, expect, test } from 'vitest';
import { parseMarkdown, parseMarkdownFull } from '../ingest/parse/markdown.js';

const remark = unified().use(remarkParse).use(remarkFrontmatter, ['yaml', 'toml']).use(remarkGfm);
const RUNS = Number(process.env.QUORUM_FUZZ_RUNS ?? 300);

const piece = fc.constantFrom(
  '---',
  '+++',
  'title: x',
  '|',
  ' | ',
  '| a | b |',
  '|---|---|',
  '--- | ---',
  ':-:',
  '-',
  '~',
  '~~',
  '~~x~~',
  '^',
  '[^1]',
  '[^1]: note',
  '@',
  '@handle',
  '.',
  'b.co',
  'a@b',
  'a@b.co',
  'a@b&#46;co',
  'x_y+z@a-b.c_d',
  'xmpp:a@b.co/r',
  '[www.x.org](http://a.b)',
  '[a@b.co][r]',
  '[r]: http://a.b',
  'x.y@example.org',
  'mailto:a@b.co',
  'www.',
  'www.example.com',
  'WWW.Example.com/path',
  'http://',
  'https://x.org/a_(b)',
  'HTTP://X.ORG',
  '&#64;',
  '&#x40;',
  '&amp;',
  '\\@',
  'www\\.x.com',
  'http\\://x.org',
  '[ ]',
  '[x]',
  '- [ ] task',
  '* ',
  '1. ',
  '> ',
  '#',
  '# h',
  '`code`',
  '**b**',
  '_e_',
  '<http://a.b>',
  '<a@b.co>',
  '[l](http://a.b)',
  'word',
  'Word',
  'x',
  ' ',
  '  ',
  '\t',
  '\n',
  '\n',
  '\n\n',
);
const markdown = fc.array(piece, { maxLength: 40 }).map((ps) => ps.join(''));

describe('parseMarkdown', () => {
  test('gives the tree the full set of extensions gives', () => {
    fc.assert(
      fc.property(markdown, (text) => {
        const full = parseMarkdownFull(text);
        expect(full).toEqual(remark.parse(text));
        expect(parseMarkdown(text)).toEqual(full);
      }),
      { numRuns: RUNS },
    );
  });

  test('finds a table with no pipe at all: one cell over a delimiter row with a colon (found by the property)', () => {
    for (const text of ['+++\n:-:', 'Name\n--:\nAda\n']) {
      const tree = parseMarkdown(text);
      expect(tree).toEqual(parseMarkdownFull(text));
      expect(tree.children.map((c) => c.type)).toContain('table');
    }
  });

  test('finds such a table inside a block quote', () => {
    for (const text of ['> Name\n> --:\n> Ada\n', '- > Name\n  > :-:\n']) {
      const tree = parseMarkdown(text);
      expect(tree).toEqual(remark.parse(text));
      expect(JSON.stringify(tree)).toContain('"type":"table"');
    }
  });

  test('finds tables, strikethrough, footnotes, front matter and bare links when they are there', () => {
    const text = '---\ntitle: T\n---\n\n| a | b |\n|---|---|\n| ~~c~~ | d[^1] |\n\nsee www.example.com, https://x.org and a@b.co\n\n[^1]: n\n';
    const tree = parseMarkdown(text);
    expect(tree).toEqual(parseMarkdownFull(text));
    expect(tree.children.map((c) => c.type)).toEqual(['yaml', 'table', 'paragraph', 'footnoteDefinition']);
  });
});
