/**
 * A short phrase for what a decision is about: the topic lead of its bullet
 * (`__time change__:`), the heading of its section when that names a
 * subject, the short parent item it answers, else the first noun phrase of
 * the sentence (compromise, on that one sentence only).
 */
import nlp from 'compromise';
import { decisionCue } from './decision-cues.js';
import { blockBody, sectionHeading, speakerLabel } from './decision-units.js';
import type { ExtractContext } from './extract.js';
import type { Block } from './types.js';

/** Headings that name a part of the meeting, not a subject. */
const GENERIC = /^(?:notes?|meeting\s+notes|minutes|discussion|discussions|agenda(?:\s+items)?|topics?(?:\s*#?\s*\d+)?|updates?|status(?:\s+updates?)?|standups?|round\s*table|other(?:\s+business)?|misc(?:ellaneous)?|open\s+discussion|summary|quick\s+recap|general|decisions?|conclusions?|outcomes?|resolutions?|polls?|votes?|action\s+items?|next\s+steps|adjournment|proposals(?:\s+and\s+discussions)?|new\s+business|old\s+business|attendees|present|opening|closure|details|.{0,3})$/i;

/** The topic phrases of a decision stated in a block. */
export function decisionTopic(ctx: ExtractContext, block: Block, text: string): string[] {
  const speaker = speakerLabel(ctx, block);
  if (block.lead && !speaker && block.lead.length <= 60) {
    const lead = block.lead.replace(/[:.]+$/, '').trim();
    if (lead && !GENERIC.test(lead) && /^[\p{L}\p{N}]/u.test(lead) && !decisionCue(lead)) return [lead];
  }
  for (let s = block.section; s >= 0; s = ctx.note.sections[s]!.parent) {
    if (ctx.note.sections[s]!.heading === ctx.note.title) continue;
    const h = sectionHeading(ctx.note.sections[s]!).replace(/^(?:poll|vote)\s*:\s*/i, '');
    if (h && !GENERIC.test(h) && h.split(/\s+/).length <= 12) return [h];
  }
  const parent = block.parent >= 0 ? ctx.note.blocks[block.parent] : undefined;
  if (parent) {
    const p = blockBody(ctx, parent).replace(/[?.!:]+$/, '');
    if (p && p.split(/\s+/).length <= 8) return [p];
  }
  const nouns = nlp(text.slice(0, 300)).nouns().out('array') as string[];
  const first = nouns.map((n) => n.replace(/[^\p{L}\p{N}\s.-]/gu, '').trim()).find((n) => n.length > 2 && !/^(?:we|they|it|this|that|consensus|agreement|everyone|all)$/i.test(n));
  return first ? [first.split(/\s+/).slice(0, 6).join(' ')] : [];
}
