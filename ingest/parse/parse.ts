/**
 * Parses a note once into blocks and sections that every extractor reads.
 * The format registry (formats/registry.ts) says what the note is written in;
 * its format turns the text into markdown line for line (web-page text,
 * template tags blanked) and may read HTML blocks; the markdown is parsed as
 * remark-parse with GFM (tables, task lists, autolinks) and front matter
 * parses it (markdown.ts).
 */
import type { Definition, Heading, Html, List, ListItem, Nodes, Paragraph, PhrasingContent, Root, RootContent, Table } from 'mdast';
import type { Format } from '../formats/format.js';
import { detectFormat, vocabularyOf } from '../formats/registry.js';
import { hasTemplateTag } from '../formats/template-tags.js';
import { parseMarkdown } from './markdown.js';
import type { Block, BlockKind, Link, Note, RawBlock, Section, SourceFile } from '../types.js';

/** `title:` of a YAML or TOML front matter block, if any. */
function frontMatterTitle(tree: Root): string | undefined {
  const first = tree.children[0];
  if (!first || (first.type !== 'yaml' && (first.type as string) !== 'toml')) return undefined;
  const m = /^title\s*[:=]\s*["']?(.+?)["']?\s*$/m.exec((first as { value: string }).value);
  // A title the site generator fills in (`{{ page.date }}`) is no title as written.
  return (m?.[1] && !hasTemplateTag(m[1]) && m[1].trim()) || undefined;
}

/** Splits text into lines the way CommonMark ends them (CRLF, CR, LF). */
export function splitLines(text: string): string[] {
  return text.split(/\r\n|\r|\n/);
}

const breaksOf = new WeakMap<Block, number[]>();

/**
 * The source line of an offset in a block's text (the line breaks of a block
 * found once, then a binary search).
 */
export function lineAt(block: Block, index: number): number {
  let breaks = breaksOf.get(block);
  if (!breaks) {
    breaks = [];
    for (let i = block.text.indexOf('\n'); i >= 0; i = block.text.indexOf('\n', i + 1)) breaks.push(i);
    breaksOf.set(block, breaks);
  }
  let lo = 0;
  let hi = breaks.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (breaks[mid]! < index) lo = mid + 1;
    else hi = mid;
  }
  return Math.min(block.startLine + lo, block.endLine);
}

/** Parses a file into a Note. Never throws on content. */
export function parseNote(file: SourceFile): Note {
  // Every line ends in LF from here on (a line ending stays one line, so line numbers hold):
  // text with CR or CRLF endings would otherwise carry CRs into blocks and titles.
  const text = file.text.replace(/\r\n?/g, '\n');
  const format = detectFormat({ ...file, text });
  const source = format.toMarkdown ? format.toMarkdown(text) : text;
  const tree = parseMarkdown(source);
  const lines = splitLines(text);
  const definitions = definitionsOf(tree);
  const builder = new NoteBuilder(lines, format, definitions);
  builder.walkChildren(tree.children, 0, -1);
  const sections = builder.finishSections(lines.length);
  const firstHeading = builder.blocks.find((b) => b.kind === 'heading' && b.text.trim() !== '');
  const firstText = builder.blocks.find((b) => b.text.trim() !== '');
  const title = frontMatterTitle(tree) ?? ((firstHeading ?? firstText)?.text.split('\n')[0]?.trim() || file.path.replace(/^.*\//, ''));
  return {
    collection: file.collection,
    path: file.path,
    sha256: file.sha256,
    bytes: file.bytes,
    format: format.name,
    title,
    originalPath: format.originalPath?.(text),
    lines,
    blocks: builder.blocks,
    sections,
    definitions: [...definitions.values()],
    html: builder.htmlKept,
  };
}

/** The tree's link reference definitions by identifier, the first of each (as CommonMark resolves them). */
function definitionsOf(tree: Root): Map<string, Link> {
  const out = new Map<string, Link>();
  const visit = (n: Nodes): void => {
    if (n.type === 'definition') {
      const d = n as Definition;
      if (!out.has(d.identifier)) out.set(d.identifier, { url: d.url, text: d.label ?? d.identifier, line: d.position?.start.line ?? 0 });
    } else if ('children' in n) for (const c of n.children as Nodes[]) visit(c);
  };
  visit(tree);
  return out;
}

class NoteBuilder {
  blocks: Block[] = [];
  /** Every HTML block as written (Note.html). */
  readonly htmlKept: RawBlock[] = [];
  private sections: Section[] = [];
  private open: Section[] = [];

  /** A line that opens a new speaker's turn inside a paragraph (the format's vocabulary). */
  private readonly turnLine: RegExp;

  constructor(
    private readonly lines: string[],
    private readonly format: Format,
    private readonly definitions: Map<string, Link>,
  ) {
    this.turnLine = vocabularyOf(format).turnLine;
  }

  walkChildren(children: readonly RootContent[], depth: number, parent: number): void {
    for (const child of children) this.walk(child, depth, parent);
  }

  private walk(node: RootContent, depth: number, parent: number): void {
    switch (node.type) {
      case 'heading':
        this.heading(node);
        return;
      case 'paragraph':
        this.paragraph(node, 'paragraph', depth, parent);
        return;
      case 'list':
        this.list(node, depth, parent);
        return;
      case 'table':
        this.table(node, depth, parent);
        return;
      case 'code':
        if (node.position && node.value.trim()) {
          this.push('code', node.value, node.position.start.line, node.position.end.line, depth, parent, [], []);
        }
        return;
      case 'blockquote':
        this.walkChildren(node.children, depth, parent);
        return;
      case 'html':
        this.html(node, depth, parent);
        return;
      default:
        return;
    }
  }

  private heading(node: Heading): void {
    if (!node.position) return;
    const { text, links, code, refLinks } = inline(node.children, this.definitions);
    this.headingAt(text, node.depth, node.position.start.line, node.position.end.line, links, code, withRefs(refLinks));
  }

  /** Notes written as HTML in the markdown: its headings, paragraphs and list items become the same blocks. */
  private html(node: Html, depth: number, parent: number): void {
    if (!node.position) return;
    this.htmlKept.push({ text: node.value, startLine: node.position.start.line, endLine: node.position.end.line });
    if (!this.format.htmlBlocks) return;
    for (const p of this.format.htmlBlocks(node.value, node.position.start.line)) {
      if (p.kind === 'heading') this.headingAt(p.text, p.depth, p.startLine, p.endLine, p.links, []);
      else if (p.kind === 'item')
        this.push('item', p.text, p.startLine, p.endLine, depth + 1, parent, p.links, [], { lead: p.lead, ordered: false, checked: null });
      else this.push('paragraph', p.text, p.startLine, p.endLine, depth, parent, p.links, [], { lead: p.lead });
    }
  }

  private headingAt(text: string, depth: number, line: number, endLine: number, links: Link[], code: string[], extra: Partial<Block> = {}): void {
    const block = this.push('heading', text, line, endLine, depth, -1, links, code, extra);
    while (this.open.length && this.open[this.open.length - 1]!.depth >= depth) this.close(line - 1);
    const section: Section = {
      id: this.sections.length,
      heading: text.trim(),
      depth,
      parent: this.open.length ? this.open[this.open.length - 1]!.id : -1,
      startLine: line,
      endLine: line,
      block: block.id,
    };
    this.sections.push(section);
    this.open.push(section);
    block.section = section.id;
  }

  private close(endLine: number): void {
    const s = this.open.pop();
    if (s) s.endLine = Math.max(s.startLine, endLine);
  }

  finishSections(lastLine: number): Section[] {
    while (this.open.length) this.close(lastLine);
    return this.sections;
  }

  private paragraph(node: Paragraph, kind: BlockKind, depth: number, parent: number, extra?: Partial<Block>): Block | undefined {
    if (!node.position) return undefined;
    const start = node.position.start.line;
    const end = node.position.end.line;
    // Split at lines that open a new speaker's turn.
    const cuts = [start];
    for (let l = start + 1; l <= end; l++) if (this.turnLine.test(this.lines[l - 1] ?? '')) cuts.push(l);
    if (cuts.length === 1) {
      const { text, links, code, lead, leadStrong, refLinks } = inline(node.children, this.definitions);
      return this.push(kind, text, start, end, depth, parent, links, code, { lead, leadStrong, ...extra, ...withRefs(refLinks) });
    }
    placeUnpositioned(node.children, start);
    let first: Block | undefined;
    for (let i = 0; i < cuts.length; i++) {
      const from = cuts[i]!;
      const to = (cuts[i + 1] ?? end + 1) - 1;
      const part = node.children.filter((c) => c.position && c.position.start.line <= to && c.position.end.line >= from);
      const { text, links, code, lead, leadStrong, refLinks } = inline(part, this.definitions, from, to);
      const b = this.push(i === 0 ? kind : 'paragraph', text, from, to, depth, parent, links, code, {
        lead,
        leadStrong,
        ...(i === 0 ? extra : {}),
        ...withRefs(refLinks),
      });
      first ??= b;
    }
    return first;
  }

  private list(node: List, depth: number, parent: number): void {
    for (const item of node.children) this.item(item, node.ordered ?? false, depth + 1, parent);
  }

  private item(node: ListItem, ordered: boolean, depth: number, parent: number): void {
    if (!node.position) return;
    let owner: Block | undefined;
    for (const child of node.children) {
      if (child.type === 'paragraph' && !owner) {
        owner = this.paragraph(child, 'item', depth, parent, { ordered, checked: node.checked ?? null });
      } else if (child.type === 'paragraph') {
        this.paragraph(child, 'paragraph', depth, owner?.id ?? parent);
      } else {
        if (!owner) {
          // An item whose first child is not a paragraph (an empty item, a nested list): it still owns what follows.
          const line = node.position.start.line;
          owner = this.push('item', '', line, line, depth, parent, [], [], { ordered, checked: node.checked ?? null });
        }
        this.walk(child, depth, owner.id);
      }
    }
  }

  private table(node: Table, depth: number, parent: number): void {
    let header: string[] | undefined;
    for (const row of node.children) {
      if (!row.position) continue;
      // A line break in a cell (`<br>`) separates entries: `Ana Lima<br>Bo Chen` is two names.
      const cells = row.children.map((c) => inline(c.children, this.definitions, 0, Infinity, '\n'));
      const texts = cells.map((c) =>
        c.text
          .replace(/\s*\n\s*/g, ', ')
          .replace(/\s+/g, ' ')
          .trim(),
      );
      if (!header) {
        header = texts;
        continue;
      }
      this.push(
        'row',
        texts.join(' | '),
        row.position.start.line,
        row.position.end.line,
        depth,
        parent,
        cells.flatMap((c) => c.links),
        cells.flatMap((c) => c.code),
        { cells: texts, header, ...withRefs(cells.flatMap((c) => c.refLinks)) },
      );
    }
  }

  private push(
    kind: BlockKind,
    text: string,
    startLine: number,
    endLine: number,
    depth: number,
    parent: number,
    links: Link[],
    code: string[],
    extra: Partial<Block> = {},
  ): Block {
    const block: Block = {
      id: this.blocks.length,
      kind,
      text,
      startLine,
      endLine,
      depth,
      section: this.open.length ? this.open[this.open.length - 1]!.id : -1,
      parent,
      links,
      code,
      ...extra,
    };
    if (block.lead === undefined) delete block.lead;
    if (!block.leadStrong) delete block.leadStrong;
    this.blocks.push(block);
    return block;
  }
}

/**
 * remark-gfm leaves some text nodes without a position (those it splits off
 * around a bare URL). Give each the lines it must span, counting from the end
 * of the node before it, so splitting a paragraph by lines keeps its text.
 */
function placeUnpositioned(children: PhrasingContent[], firstLine: number): void {
  let line = firstLine;
  for (const c of children) {
    if (c.position) {
      line = c.position.end.line;
      continue;
    }
    const text = c.type === 'text' ? c.value : '';
    const end = line + (text.match(/\n/g)?.length ?? 0);
    c.position = { start: { line, column: 1 }, end: { line: end, column: 1 } };
    line = end;
  }
}

interface InlineText {
  text: string;
  links: Link[];
  /** Uses of a link reference definition, resolved. */
  refLinks: Link[];
  code: string[];
  lead?: string;
  leadStrong?: boolean;
}

/** A block's refLinks field, present only when it has some. */
const withRefs = (refLinks: Link[]): Partial<Block> => (refLinks.length ? { refLinks } : {});

/**
 * Plain text of phrasing content, keeping soft line breaks. With a line range,
 * text nodes are cut to those lines (a paragraph split at speaker turns).
 */
function inline(nodes: readonly PhrasingContent[], definitions: Map<string, Link>, fromLine = 0, toLine = Infinity, br = ' '): InlineText {
  const links: Link[] = [];
  const refLinks: Link[] = [];
  const code: string[] = [];
  let text = '';
  const visit = (n: Nodes): void => {
    switch (n.type) {
      case 'text': {
        let value = n.value;
        const start = n.position?.start.line ?? fromLine;
        if (start < fromLine || (n.position && n.position.end.line > toLine)) {
          const parts = value.split('\n');
          value = parts.slice(Math.max(0, fromLine - start), Math.max(0, toLine - start + 1)).join('\n');
        }
        text += value;
        return;
      }
      case 'inlineCode':
        code.push(n.value);
        text += n.value;
        return;
      case 'break':
        text += '\n';
        return;
      case 'link': {
        const before = text.length;
        for (const c of n.children) visit(c);
        links.push({ url: n.url, text: text.slice(before), line: n.position?.start.line ?? fromLine });
        return;
      }
      case 'linkReference': {
        const before = text.length;
        for (const c of n.children) visit(c);
        const def = definitions.get(n.identifier);
        if (def) refLinks.push({ url: def.url, text: text.slice(before), line: n.position?.start.line ?? fromLine });
        return;
      }
      case 'image':
        text += n.alt ?? '';
        return;
      case 'html':
        // Tags are markup only; `<br>` parts words (a text line stays a source line), and entries in a table cell.
        if (/^<br\s*\/?>$/i.test(n.value)) text += br;
        return;
      default:
        if ('children' in n) for (const c of n.children as Nodes[]) visit(c);
    }
  };
  for (const n of nodes) visit(n);
  // The first node with text on the block's own lines (a split paragraph's
  // part may begin with the previous line's trailing newline).
  const first = nodes.find((n) => {
    if (n.type !== 'text') return (n.position?.start.line ?? fromLine) >= fromLine;
    const start = n.position?.start.line ?? fromLine;
    return (
      n.value
        .split('\n')
        .slice(Math.max(0, fromLine - start), Math.max(0, toLine - start + 1))
        .join('')
        .trim() !== ''
    );
  });
  let lead: string | undefined;
  if (first && (first.type === 'strong' || first.type === 'emphasis')) {
    lead = inline(first.children, definitions).text.trim();
  }
  return { text: text.replace(/[ \t]+\n/g, '\n').trim(), links, refLinks, code, lead, leadStrong: first?.type === 'strong' };
}
