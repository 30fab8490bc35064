/**
 * A short phrase for what a decision is about: the topic lead of its bullet
 * (`__time change__:`), the heading of its section when that names a
 * subject, the short parent item it answers, else the first noun phrase of
 * the sentence (compromise, on that one sentence only).
 */
import { outcomeCues, type OutcomeCues } from './cues.js';
import { blockBody, sectionHeading, speakerLabel } from '../../annotate/units.js';
import type { ExtractContext } from '../context.js';
import { compromise } from '../../parse/nlp.js';
import type { Block } from '../../types.js';

/** The outcome forms of the note's vocabulary. */
const cues = (ctx: ExtractContext): OutcomeCues => outcomeCues(ctx.annotations.vocabulary);

/** Headings that name a part of the meeting, not a subject. */
const MEETING_PART =
  /\bmeeting\b(?!\s+(?:time|cadence|schedule|frequency))|\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\s+\d|\d{4}-\d\d-\d\d|^(?:notes?|meeting\s+notes|minutes|discussion|discussions|agenda(?:\s+items)?|topics?(?:\s*#?\s*\d+)?|updates?|status(?:\s+updates?)?|standups?|round\s*table|other(?:\s+business)?|misc(?:ellaneous)?|open\s+discussion|summary|quick\s+recap|general|decisions?|conclusions?|outcomes?|resolutions?|polls?|votes?|action\s+items?|next\s+steps|adjournment|proposals(?:\s+and\s+discussions)?|new\s+business|old\s+business|attendees|present|opening|closure|details|.{0,3})$/i;

/** The topic phrases of a decision stated in a block. */
export function decisionTopic(ctx: ExtractContext, block: Block, text: string): string[] {
  const speaker = speakerLabel(ctx, block);
  if (block.lead && !speaker && block.lead.length <= 60) {
    const lead = block.lead.replace(/[:.]+$/, '').trim();
    if (lead && !MEETING_PART.test(lead) && /^[\p{L}\p{N}]/u.test(lead) && !cues(ctx).decisionCue(lead)) return [lead];
  }
  for (let s = block.section; s >= 0; s = ctx.note.sections[s]!.parent) {
    if (wholeNote(ctx, s)) continue;
    const h = sectionHeading(ctx.note.sections[s]!).replace(/^(?:poll|vote)\s*:\s*/i, '');
    if (h && !MEETING_PART.test(h) && h.split(/\s+/).length <= 12) return [h];
  }
  const parent = block.parent >= 0 ? ctx.note.blocks[block.parent] : undefined;
  if (parent) {
    const p = blockBody(ctx, parent).replace(/[?.!:]+$/, '');
    if (p && p.split(/\s+/).length <= 8) return [p];
  }
  return nounPhrase(text);
}

/** A heading that opens the note and runs to its end: the note's title, not a subject. */
function wholeNote(ctx: ExtractContext, id: number): boolean {
  const s = ctx.note.sections[id]!;
  const first = ctx.note.sections[0]!.startLine;
  return s.startLine <= first + 3 && s.endLine >= ctx.note.lines.length - 2;
}

/** Nouns that name no subject by themselves. */
const VAGUE =
  /^(?:reasons?|meetings?|list|step|steps|time|things?|ways?|ideas?|discussions?|questions?|approach(?:es)?|group|team|members|everyone|people|folks|consensus|agreement|decision|objections?|issues?|topic|point|part|case|option|options|plan|proposal|suggestion|we|they|it|this|that|one|lot|bit|next|call|week|weeks|today|now)$/i;

/**
 * A code identifier: camel case with an inner capital (`toString`), snake case
 * (`page_map`), dotted (`Promise.withResolvers`); not initials (`M.S.`) nor a
 * part of a link.
 */
const IDENTIFIER = /(?<![\p{L}\p{N}_$./])[\p{L}_$][\p{L}\p{N}_$]*(?:\p{Ll}\p{Lu}|_\p{L}|(?<=[\p{L}\p{N}_$]{2})\.\p{L}{2})[\p{L}\p{N}_$.]*(?<!\.)/gu;

/**
 * The text with each code identifier stood in for by a plain lower-case word
 * compromise reads as a noun (it tags `toString` or `propertyIsEnumerable` as
 * a verb), and the way back.
 */
function maskIdentifiers(text: string): { masked: string; unmask: (s: string) => string } {
  const names: string[] = [];
  const word = (i: number) => `widgetq${String.fromCharCode(97 + (i % 26)).repeat(1 + Math.floor(i / 26))}`;
  const masked = text.replace(IDENTIFIER, (id: string, at: number) => {
    // Inside a link (`https://github.com/…`, `www.example.org`) the words stay as they are.
    const chunk = text.slice(text.lastIndexOf(' ', at) + 1, at);
    if (/:\/\/|^www\.|\//.test(chunk) || /^www\./i.test(id) || /\.(?:com|org|net|io|dev|html?)$/i.test(id)) return id;
    let i = names.indexOf(id);
    if (i < 0) i = names.push(id) - 1;
    return word(i);
  });
  if (!names.length) return { masked, unmask: (s) => s };
  return { masked, unmask: (s) => s.replace(/widgetq([a-z]+)/g, (w, l: string) => names[(l.length - 1) * 26 + (l.charCodeAt(0) - 97)] ?? w) };
}

/** The most telling noun phrase of a sentence: a name or a code word if there is one, else the longest. */
function nounPhrase(text: string): string[] {
  const { masked, unmask } = maskIdentifiers(text.slice(0, 300));
  const nouns = (compromise()(masked).nouns().not('#Person').not('#Date').out('array') as string[])
    .map((n) =>
      unmask(n)
        .replace(/[^\p{L}\p{N}\s._/-]/gu, '')
        .replace(/^(?:the|a|an|our|their|this|that|these|those|some|any|all|its|his|her|my|your)\s+/i, '')
        .replace(/[.\s]+$/, '')
        .trim(),
    )
    .filter((n) => n.length > 2 && !VAGUE.test(n) && !VAGUE.test(n.split(/\s+/).pop()!));
  const telling = (n: string) => (/[\p{Lu}\d_.-]/u.test(n) ? 2 : 0) + Math.min(n.split(/\s+/).length, 3) / 4;
  const best = nouns.sort((a, b) => telling(b) - telling(a))[0];
  return best ? [best.split(/\s+/).slice(0, 6).join(' ')] : [];
}
