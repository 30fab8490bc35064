/**
 * The pieces decisions and action items are read from: a block's sentences,
 * each with the source lines it covers, the speaker label taken off.
 * Shared by extract-decisions and extract-actions.
 */
import { labelForms, type CompiledVocabulary } from '../formats/vocabulary.js';
import { lineAt } from '../parse/parse.js';
import type { Block, Note, Section } from '../types.js';

/**
 * What units are read from: the note, its vocabulary (annotate's), and per
 * block id the form of the speaker the people extractor credited
 * (extract/context.ts's ExtractContext is one).
 * Note: typed here, not imported from extract/, so annotate/ depends on no later stage.
 */
export interface UnitSource {
  readonly note: Note;
  readonly people: { readonly speakerAs: readonly (string | undefined)[] };
  readonly annotations: { readonly vocabulary: CompiledVocabulary };
}

/** One sentence of a block, with its source lines. */
export interface Unit {
  block: Block;
  /** The sentence, speaker label removed, white space folded. */
  text: string;
  startLine: number;
  endLine: number;
  /** The first sentence of its block. */
  first: boolean;
}

/**
 * A label that opens a block: `Alex:`, `[Bailey]`, `**Till**:`, `fitzgen -`,
 * `AI[BS]:`. `rest` is the text after it.
 */
export interface Label {
  label: string;
  rest: string;
}

/** The label opening a text, if it has one of at most five words. */
export function leadingLabel(text: string, vocabulary: CompiledVocabulary): Label | null {
  const t = text.trimStart();
  const forms = labelForms(vocabulary.tables.blockLabel);
  // Note: a parenthetical stays inside the label here (`Ana (Igalia):`); people/speakers reads it apart.
  for (const re of [forms.bracket, forms.colon, forms.dash]) {
    const m = re.exec(t);
    if (!m) continue;
    const label = m[1]!.trim();
    if (!label || label.split(/\s+/).length > 5 || /https?$/i.test(label)) continue;
    return { label, rest: t.slice(m[0].length) };
  }
  return null;
}

/** The speaker label opening a block, known from the people stage or read from the text. */
export function speakerLabel(ctx: UnitSource, block: Block): Label | null {
  return labels(ctx, block);
}

/** A function computed once per source and key: the cache lives as long as the source object. */
export function perSource<C extends object, K, V>(compute: (ctx: C, key: K) => V): (ctx: C, key: K) => V {
  const caches = new WeakMap<C, Map<K, V>>();
  return (ctx, key) => {
    let cache = caches.get(ctx);
    if (!cache) caches.set(ctx, (cache = new Map()));
    if (cache.has(key)) return cache.get(key)!;
    const value = compute(ctx, key);
    cache.set(key, value);
    return value;
  };
}

const labels = perSource((ctx: UnitSource, block: Block) => readSpeakerLabel(ctx, block));
const units = perSource((ctx: UnitSource, block: Block) => splitUnits(ctx, block));

function readSpeakerLabel(ctx: UnitSource, block: Block): Label | null {
  const as = ctx.people.speakerAs[block.id];
  const lab = leadingLabel(block.text, ctx.annotations.vocabulary);
  // The people stage also credits narrative ("Till walked members through …"): only a label is speech.
  if (as && lab && lab.label.toLowerCase().includes(as.toLowerCase())) return lab;
  if (!lab || ctx.annotations.vocabulary.notSpeaker.test(lab.label.replace(/[*_]/g, '').trim()) || /^[\d\s.,%()+-]*$/.test(lab.rest)) return null;
  if (/^\d/.test(lab.label) || (/\s(?:is|are|was|the|a|an|of|to|for|and|we|i)\s/i.test(` ${lab.label} `) && !/&/.test(lab.label))) return null;
  return lab;
}

/** Abbreviations after which a full stop ends no sentence. */
const ABBREV = /(?:\b(?:e\.g|i\.e|etc|vs|cf|approx|incl|resp|al|st|mr|mrs|ms|dr|no|fig|sec|ch|ver|v)\.|\b[A-Z]\.)$/i;

/**
 * Splits a block's text into sentences with their source lines. The speaker
 * label is taken off the first; soft line breaks count the lines.
 */
export function unitsOf(ctx: UnitSource, block: Block): Unit[] {
  return units(ctx, block);
}

function splitUnits(ctx: UnitSource, block: Block): Unit[] {
  const text = block.text;
  if (!text.trim()) return [];
  const label = speakerLabel(ctx, block);
  let from = label ? text.length - label.rest.length : 0;
  while (from < text.length && /\s/.test(text[from]!)) from++;
  const units: Unit[] = [];
  const push = (start: number, end: number) => {
    const raw = text.slice(start, end);
    const s = raw.replace(/\s+/g, ' ').trim();
    if (!s) return;
    const lead = start + (raw.length - raw.trimStart().length);
    units.push({ block, text: s, startLine: lineAt(block, lead), endLine: lineAt(block, Math.max(lead, end - 1)), first: units.length === 0 });
  };
  // A sentence may open with a handle: "Seems reasonable. @agocke to champion."
  const re = /[.!?]+["'’”)\]]*(?=\s+(?:["'“(\[*_]?[\p{Lu}\d]|@[\p{L}\d]))|\n(?=\s*(?:[-*•]|\d+[.)])\s)/gu;
  let start = from;
  for (const m of text.slice(from).matchAll(re)) {
    const end = from + m.index + m[0].length;
    if (m[0].startsWith('.') && ABBREV.test(text.slice(Math.max(start, end - 8), end))) continue;
    push(start, end);
    start = end;
  }
  push(start, text.length);
  return units;
}

/** The block's own words, speaker label removed, white space folded. */
export function blockBody(ctx: UnitSource, block: Block): string {
  const label = speakerLabel(ctx, block);
  return (label ? label.rest : block.text).replace(/\s+/g, ' ').trim();
}

/** Whether a section or any section around it is headed by a heading (cleaned) that matches. */
export function inSectionHeaded(ctx: UnitSource, section: number, matches: RegExp | ((heading: string) => boolean)): boolean {
  const test = typeof matches === 'function' ? matches : (h: string) => matches.test(h);
  for (let s = section; s >= 0; s = ctx.note.sections[s]!.parent) {
    if (test(sectionHeading(ctx.note.sections[s]!))) return true;
  }
  return false;
}

const cleaned = new WeakMap<Section, string>();

/** A section's heading, cleaned (see cleanHeading), computed once. */
export function sectionHeading(section: Section): string {
  let h = cleaned.get(section);
  if (h === undefined) {
    h = cleanHeading(section.heading);
    cleaned.set(section, h);
  }
  return h;
}

/** A heading without numbering, time boxes, presenters, links or trailing punctuation. */
export function cleanHeading(heading: string): string {
  return heading
    .replace(/^\s*(?:\d+[.)]|[ivx]+\.|[-*•])\s*/i, '')
    .replace(/\[[^\]]*\b(?:min|mins|minutes|h|hr|hour)s?\b[^\]]*\]/gi, '')
    .replace(
      /\((?:[^()]*\b(?:min|mins|minutes)\b[^()]*|[\p{Lu}][\p{L}.'-]+(?:\s[\p{Lu}][\p{L}.'-]+){0,3}(?:,\s*[\p{Lu}][\p{L}.'-]+(?:\s[\p{Lu}][\p{L}.'-]+){0,3})*)\)/gu,
      '',
    )
    .replace(/https?:\/\/\S+/g, '')
    .replace(/[*_`#]/g, '')
    .replace(/\s+/g, ' ')
    .replace(/[\s:.,;–—-]+$/, '')
    .trim();
}

/**
 * Whether a block is part of a verbatim transcript pasted under the notes
 * ("What follows is the Teams transcript of the meeting:", a section headed
 * Transcript): its "I'll" and "we decided" are talk, not records. A section
 * headed Transcript runs to the next heading of its level (often it holds
 * only a link to the transcript); a note whose title says Transcript is
 * itself the record.
 */
export function inTranscript(ctx: UnitSource, block: Block): boolean {
  const [start, end] = transcriptSpan(ctx, null);
  return block.startLine > start && block.startLine <= end;
}

const transcriptSpan = perSource((ctx: UnitSource, _: null): [number, number] => {
  const blocks = ctx.note.blocks;
  const title = blocks.find((b) => b.text.trim() !== '');
  const opener = blocks.find(
    (b) =>
      (b.kind === 'heading' && b !== title && /\btranscript\b/i.test(b.text) && !/\bsummary\b/i.test(b.text)) ||
      (b.kind === 'paragraph' &&
        /\b(?:follows|below|here)\b[^.]*\btranscript\b[^.]*:\s*$|\btranscript\b[^.]*\b(?:follows|below)\b[^.]*:\s*$/i.test(b.text.trim()) &&
        !/\bno\s+(?:meeting\s+)?transcript\b/i.test(b.text)),
  );
  if (!opener) return [Infinity, Infinity];
  const end = opener.kind === 'heading' ? ctx.note.sections[opener.section]!.endLine : Infinity;
  return [opener.endLine, end];
});
