/**
 * Decisions a meeting reached, each with its source lines: explicit outcomes
 * ("Decision:", "we agreed", "consensus", "no objections", "In conclusion"),
 * polls and votes with their result, phase advancement, the items of a
 * section headed Conclusion, Resolution, Outcome or Decisions, and plans
 * stated as the group's ("we'll change the crate names …"). Proposals,
 * opinions, open questions and boilerplate (adopting the agenda) are not.
 */
import { NO_OUTCOME, outcomeCues, PLAN_LABEL, SIGN_OFF, type OutcomeCues } from './decisions/cues.js';
import { settledQuestions } from './decisions/polls.js';
import { decisionTopic } from './decisions/topic.js';
import type { CompiledVocabulary } from '../formats/vocabulary.js';
import { blockBody, inSectionHeaded, inTranscript, sectionHeading, speakerLabel, unitsOf } from '../annotate/units.js';
import { perContext, type ExtractContext } from './context.js';
import type { Block, DecisionRecord } from '../types.js';

/** The outcome forms of the note's vocabulary. */
const cues = (ctx: ExtractContext): OutcomeCues => outcomeCues(ctx.annotations.vocabulary);

/** A paragraph that only labels the outcome block after it: `**Conclusion**`, `**Resolution:**`. */
const OUTCOME_LABEL = /^(?:conclusions?|resolutions?|outcomes?|decisions?(?:\s+(?:made|taken|reached))?|consensus|agreed|results?)\s*:?$/i;
/** Bodies that record nothing: template placeholders. */
const EMPTY = /^(?:none|n\/?a|tbd|todo|-+|\.\.\.|…|nothing(?:\s+yet)?|no\s+decisions?(?:\s+\w+)?)\.?$|^\d{1,2}[:.]\d{2}\b|\b(?:break|lunch)\b/i;
/** Bodies that only react: `:+1: @ana, @li`, `👍 from everyone`. */
const REACTION = /^(?:(?::[\w+-]+:|\p{Extended_Pictographic}|\+1)\s*)+(?:(?:from|by)\s+)?(?:@?[\w.-]+(?:,\s*|\s+and\s+|\s+))*@?[\w.-]*$/u;

/** Sections that only plan the meeting (an agenda, a schedule, the opening): their "poll" and "consensus" are agenda entries. */
function plansMeeting(kinds: CompiledVocabulary['sections'], heading: string): boolean {
  return kinds.agenda.mentions.test(heading) || kinds.schedule.mentions.test(heading) || kinds.procedure.opens.test(heading);
}

/** Finds the decisions recorded in a note. */
export function extractDecisions(ctx: ExtractContext): DecisionRecord[] {
  const { note } = ctx;
  const kinds = ctx.annotations.vocabulary.sections;
  // An agenda section only plans the meeting when the notes are kept elsewhere;
  // minutes written under the agenda's own headings (no separate notes
  // section) record outcomes there.
  const notesElsewhere = ctx.annotations.headings.some((h) => kinds.notes.mentions.test(h) && !plansMeeting(kinds, h));
  const agenda = (b: Block): boolean =>
    (notesElsewhere &&
      b.section >= 0 &&
      inSectionHeaded(ctx, b.section, (h) => plansMeeting(kinds, h)) &&
      !inSectionHeaded(ctx, b.section, kinds.notes.mentions)) ||
    inTranscript(ctx, b);
  const found: Omit<DecisionRecord, 'people' | 'refs' | 'topics' | 'section'>[] = [];
  const origin: Block[] = [];
  const add = (block: Block, text: string, startLine: number, endLine: number) => {
    found.push({ text: text.replace(/\s+/g, ' ').trim(), startLine, endLine });
    origin.push(block);
  };

  const { labelled, underLabel, labelItems } = outcomeBlocks(ctx);
  const { planLabels, planSteps } = planBlocks(ctx);
  const outcomeAfter = new Map<number, number>();
  for (const id of labelled) {
    const b = note.blocks[id]!;
    if (b.section >= 0 && !outcomeAfter.has(b.section)) outcomeAfter.set(b.section, b.startLine);
  }
  for (const sec of note.sections) {
    if (sec.parent >= 0 && ctx.annotations.kinds[sec.id]!.includes('outcome') && !outcomeAfter.has(sec.parent)) outcomeAfter.set(sec.parent, sec.startLine);
  }
  const settled = settledQuestions(ctx, agenda);
  for (const s of settled) add(s.blocks[s.blocks.length - 1]!, s.text, s.startLine, s.endLine);
  const covered = (start: number, end: number) => settled.some((s) => start >= s.startLine && end <= s.endLine);

  for (const block of note.blocks) {
    if (block.kind === 'row') {
      // A table of outcomes: the cell under a Decision, Resolution or Outcome column.
      const col = (block.header ?? []).findIndex((h) => /^(?:decisions?|resolutions?|outcomes?|agreed|conclusions?)$/i.test(h.trim()));
      const cell = col >= 0 ? block.cells?.[col]?.trim() : undefined;
      if (cell && !EMPTY.test(cell) && !agenda(block)) add(block, cell, block.startLine, block.endLine);
      // Other rows (a summary table of the meeting) are read like any text below.
      if (col >= 0) continue;
    }
    if (block.kind === 'heading' || block.kind === 'code' || agenda(block)) continue;
    if (labelled.has(block.id) || planLabels.has(block.id)) continue;
    if (planSteps.has(block.id)) {
      const body = blockBody(ctx, block);
      // A step still asked ("Should there be a vision doc?") is not settled.
      if (body && !EMPTY.test(body) && !/\?\s*$/.test(body) && !covered(block.startLine, block.endLine)) add(block, body, block.startLine, block.endLine);
      continue;
    }
    const approved = signedOff(ctx, block);
    if (approved) {
      add(block, `${blockBody(ctx, approved)} — approved`, approved.startLine, block.endLine);
      continue;
    }
    const items = labelItems.get(block.id);
    if (items && !agenda(block)) {
      const last = items[items.length - 1]!;
      if (!covered(block.startLine, last.endLine)) add(block, items.map((x) => blockBody(ctx, x)).join('; '), block.startLine, last.endLine);
      continue;
    }
    if (block.parent >= 0 && labelItems.has(block.parent)) continue;
    if ((block.section >= 0 && ctx.annotations.kinds[block.section]!.includes('outcome')) || underLabel.has(block.id)) {
      const body = blockBody(ctx, block);
      // An item nested under an outcome item details it: one outcome, not several.
      const detail = block.parent >= 0 && note.blocks[block.parent]!.section === block.section;
      if (body && !detail && !EMPTY.test(body) && !REACTION.test(body) && !NO_OUTCOME.test(body) && !covered(block.startLine, block.endLine))
        add(block, body, block.startLine, block.endLine);
      continue;
    }
    if (!cues(ctx).mayStateDecision(block.text)) continue;
    // The discussion before an outcome block restates what the block records: the block is the one decision.
    // (Only under a topic's own heading: a whole-notes section may hold outcomes the block never lists.)
    if (
      block.section >= 0 &&
      block.startLine < (outcomeAfter.get(block.section) ?? 0) &&
      !kinds.notes.mentions.test(sectionHeading(note.sections[block.section]!))
    )
      continue;
    const spoken = speakerLabel(ctx, block) !== null;
    for (const unit of unitsOf(ctx, block)) {
      const cue = cues(ctx).decisionCue(unit.text, unit.first && spoken);
      if (!cue || covered(unit.startLine, unit.endLine)) continue;
      // A ruling with no subject is the minutes' own voice; said by a speaker it is their own doing ("Adopted alarms in our port").
      if (cue === 'verdict' && spoken) continue;
      // "No objections" alone answers a question; said after a statement it is one voice, not the group's.
      if (cue === 'objections' && unit.text.split(/\s+/).length <= 4 && !followsQuestion(ctx, block)) continue;
      const short =
        unit.text
          .replace(/[^\p{L}\s]/gu, '')
          .trim()
          .split(/\s+/).length <= 4;
      const text = short ? withContext(ctx, block, unit.text) : unit.text;
      add(block, text, unit.startLine, unit.endLine);
    }
  }

  const order = found.map((_, i) => i).sort((a, b) => found[a]!.startLine - found[b]!.startLine || found[a]!.endLine - found[b]!.endLine);
  return order.map((i) => {
    const block = origin[i]!;
    return {
      ...found[i]!,
      section: ctx.sectionPath(block.section),
      people: peopleOf(ctx, block),
      refs: refsOf(ctx, block),
      topics: decisionTopic(ctx, block, found[i]!.text),
    };
  });
}

/**
 * Outcome blocks opened by a label paragraph instead of a heading
 * (`**Conclusion**` on its own line): the label, and the blocks after it up
 * to the next heading or the next label-only paragraph.
 */
function outcomeBlocks(ctx: ExtractContext): { labelled: Set<number>; underLabel: Set<number>; labelItems: Map<number, Block[]> } {
  const labelItems = new Map<number, Block[]>();
  const labelled = new Set<number>();
  const underLabel = new Set<number>();
  let open = false;
  for (const b of ctx.note.blocks) {
    if (b.kind === 'heading') open = false;
    else if (b.kind === 'item' && OUTCOME_LABEL.test(b.text.replace(/[*_]/g, '').trim())) {
      // "* Conclusion:" with the outcome in the items under it: the label line and its items are one outcome.
      const under = ctx.note.blocks.filter((x) => x.parent === b.id);
      if (under.length) labelItems.set(b.id, under);
    } else if (b.kind === 'paragraph' && b.parent < 0 && labelOnly(b)) {
      open = OUTCOME_LABEL.test(b.text.trim());
      if (open) labelled.add(b.id);
    } else if (open && b.kind !== 'code') underLabel.add(b.id);
  }
  return { labelled, underLabel, labelItems };
}

/** Sections that list tasks: a check mark there says a task is done, not that a proposal passed. */
const TASK_SECTION = /\baction\s+items?\b|\btasks?\b|\btodos?\b|\bfollow[- ]?ups?\b|\bnext\s+steps\b/i;

/**
 * The proposal an item of only a check mark approves (`- [PR #12](…)` with
 * `  - ✅` under it), or null: the mark under a task (`[Ana] Write …`, or in
 * an action-items section) says the task is done.
 */
function signedOff(ctx: ExtractContext, block: Block): Block | null {
  if (block.kind !== 'item' || block.parent < 0 || !SIGN_OFF.test(block.text.trim())) return null;
  const parent = ctx.note.blocks[block.parent]!;
  if (parent.kind !== 'item' || /^\s*\[[^\]]+\]\s*(?!\()/.test(parent.text)) return null;
  if (block.section >= 0 && inSectionHeaded(ctx, block.section, TASK_SECTION)) return null;
  return parent;
}

/**
 * Plans written as a label and its steps ("The plan:" then a list, or a bold
 * "**Plan for …**" item with items under it): each step is one decision.
 */
function planBlocks(ctx: ExtractContext): { planLabels: Set<number>; planSteps: Set<number> } {
  const planLabels = new Set<number>();
  const planSteps = new Set<number>();
  const blocks = ctx.note.blocks;
  for (const b of blocks) {
    if (b.kind !== 'item' && b.kind !== 'paragraph') continue;
    const t = b.text.trim();
    const bold = !!b.lead && t.replace(/[\s:]+$/, '') === b.lead.replace(/[\s:]+$/, '');
    if (!(bold || t.endsWith(':')) || !PLAN_LABEL.test(t.replace(/[*_]/g, '').replace(/[\s:]+$/, ''))) continue;
    const steps = b.kind === 'item' ? blocks.filter((x) => x.parent === b.id && x.kind === 'item') : following(blocks, b);
    if (!steps.length) continue;
    planLabels.add(b.id);
    for (const x of steps) planSteps.add(x.id);
  }
  return { planLabels, planSteps };
}

/** The top-level list items right after a paragraph. */
function following(blocks: Block[], b: Block): Block[] {
  const out: Block[] = [];
  for (let i = b.id + 1; i < blocks.length; i++) {
    const x = blocks[i]!;
    if (x.kind !== 'item') break;
    if (x.parent === b.parent) out.push(x);
  }
  return out;
}

/** A paragraph that is all one bold or emphasised run: a heading written as a label. */
function labelOnly(b: Block): boolean {
  const t = b.text.trim();
  return !!b.lead && t.length <= 40 && t.replace(/[\s:]+$/, '') === b.lead.replace(/[\s:]+$/, '');
}

/** Whether the block before this one asks a question. */
function followsQuestion(ctx: ExtractContext, block: Block): boolean {
  const prev = ctx.note.blocks[block.id - 1];
  return !!prev && prev.kind !== 'heading' && /\?\s*\S{0,3}$/.test(prev.text.trim());
}

/** A short outcome ("General agreement.", "(consensus: yes)") with what it settles: the thread's parent or the block before. */
function withContext(ctx: ExtractContext, block: Block, text: string): string {
  const parent = block.parent >= 0 ? ctx.note.blocks[block.parent] : undefined;
  const own = blockBody(ctx, block);
  if (own.length > text.length + 10) return own;
  const prev = parent ?? ctx.note.blocks[block.id - 1];
  if (!prev || prev.kind === 'heading' || prev.kind === 'code') return text;
  return `${blockBody(ctx, prev)} — ${text}`;
}

/** The blocks of the discussion a block belongs to: its top-level list item and everything under it, or its section. */
function discussion(ctx: ExtractContext, block: Block): Block[] {
  const blocks = ctx.note.blocks;
  let top = block;
  while (top.parent >= 0) top = blocks[top.parent]!;
  return discussions(ctx, top.kind === 'item' ? `i${top.id}` : `s${block.section}`);
}

const discussions = perContext((ctx, key: string): Block[] => {
  const blocks = ctx.note.blocks;
  const id = Number(key.slice(1));
  return key.startsWith('i') ? readDiscussion(ctx, blocks[id]!) : blocks.filter((b) => b.section === id && b.kind !== 'heading');
});

/** A top-level list item and every block nested under it. */
function readDiscussion(ctx: ExtractContext, top: Block): Block[] {
  const blocks = ctx.note.blocks;
  const inside = new Set([top.id]);
  const out = [top];
  for (let i = top.id + 1; i < blocks.length && blocks[i]!.kind !== 'heading'; i++) {
    const b = blocks[i]!;
    if (!inside.has(b.parent)) break;
    inside.add(b.id);
    out.push(b);
  }
  return out;
}

/** Who stated it (the block's speaker) first, then everyone who spoke in that discussion. */
function peopleOf(ctx: ExtractContext, block: Block): number[] {
  const out: number[] = [];
  const push = (p: number | null | undefined) => {
    if (p != null && !out.includes(p)) out.push(p);
  };
  push(ctx.people.speakerOf[block.id]);
  for (const b of discussion(ctx, block)) push(ctx.people.speakerOf[b.id]);
  return out;
}

/** The references of the discussion the decision closes. */
function refsOf(ctx: ExtractContext, block: Block): string[] {
  const ids = new Set<string>();
  for (const b of discussion(ctx, block)) for (const id of ctx.refs.refsOf[b.id] ?? []) ids.add(id);
  if (block.section >= 0) for (const id of ctx.refs.refsOf[ctx.note.sections[block.section]!.block] ?? []) ids.add(id);
  return [...ids];
}
