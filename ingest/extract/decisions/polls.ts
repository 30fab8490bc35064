/**
 * Decisions settled by a show of hands: polls and votes with their outcome
 * (the WebAssembly CG's `SF F N A SA` tables, `SF: 13` lines, `Yes: 15`,
 * "Poll: … consensus", "[No objections, proposal passes]"), and questions
 * put to the group that a reply settles ("Should we …?" / "yes",
 * "Anyone opposed …?" / "[no]").
 */
import { ASKS_NONE, ASKS_YES, INLINE_ANSWER, outcomeCues, type OutcomeCues } from './cues.js';
import { blockBody, unitsOf, type Unit } from '../../annotate/units.js';
import type { ExtractContext } from '../context.js';
import type { CompiledVocabulary } from '../../formats/vocabulary.js';
import type { Block } from '../../types.js';

/** The outcome forms of the note's vocabulary. */
const cues = (ctx: ExtractContext): OutcomeCues => outcomeCues(ctx.annotations.vocabulary);

/** A decision found with its context: the span runs from the question or poll to the outcome. */
export interface SettledQuestion {
  blocks: Block[];
  text: string;
  startLine: number;
  endLine: number;
}

/** Opens a poll or vote: `POLL:`, `Poll to advance …`, `Vote on …`, `Straw poll`. */
const POLL =
  /^[\s*_]*(?:straw\s+|consensus\s+|unanimous\s+consent\s+)?(?:poll|vote)(?:s|ing)?\b(?!\s+(?:for|on)\s+(?:a\s+)?(?:new\s+)?(?:meeting\s+)?time)(?:[\s*_]*[:.–—-]|\s+(?:to|on|for|about|whether)\b|[\s*_]*$)/i;
/** Opens a motion: `Motion: …`, `Countermotion: …`, a heading `Motion #2016-05/1`, `Motion to adopt …`. */
const MOTION = /^[\s*_]*(?:counter[- ]?\s*)?motion\b(?:\s*#\s*[\w/.-]+)?[\s*_]*(?:[:.–—-]|\s+to\b|$)/i;
/** A poll that was not taken. */
const NOT_TAKEN =
  /\b(?:skipped|deferred|postponed|not\s+taken|no\s+time|lack\s+of\s+time|potential|future|next\s+(?:time|meeting)|will\s+(?:poll|vote)|later)\b/i;
/** The five-point scale of a poll table or tally. */
const SCALE = new Set(['sf', 'f', 'n', 'a', 'sa']);
const TALLY = /^[\s*_|-]*(?:SF|F|N|A|SA|yes|no|for|against|abstain(?:ed|s)?|in\s+favou?r|neutral)\s*[:=|-]\s*\d+/i;

/** Finds the polls with an outcome and the questions a reply settled. */
export function settledQuestions(ctx: ExtractContext, skip: (b: Block) => boolean): SettledQuestion[] {
  const out: SettledQuestion[] = [];
  const blocks = ctx.note.blocks;
  const claimed = new Set<number>();
  for (let i = 0; i < blocks.length; i++) {
    const b = blocks[i]!;
    if (skip(b) || claimed.has(b.id)) continue;
    if (/motion/i.test(b.text) && (MOTION.test(b.text) || MOTION.test(blockBody(ctx, b)) || motionLine(b) > 0)) {
      const motion = motionOutcome(ctx, i, skip);
      if (motion) {
        for (const x of motion.blocks) claimed.add(x.id);
        out.push(motion);
      }
      continue;
    }
    const parts = b.kind === 'item' && /:\s*$/.test(b.text) && ASKS_YES.test(b.text) ? answeredParts(ctx, b) : [];
    if (parts.length) {
      for (const x of parts) claimed.add(x.id);
      out.push(settled(parts, `${blockBody(ctx, b)} ${parts.map((x) => blockBody(ctx, x)).join('; ')}`));
      continue;
    }
    const silent = b.kind === 'paragraph' || b.kind === 'item' ? silentConsent(ctx, b) : null;
    if (silent) {
      out.push(silent);
      continue;
    }
    const maybePoll = /poll|vote/i.test(b.text);
    if (!maybePoll && !b.text.includes('?') && b.kind !== 'row' && b.kind !== 'heading') continue;
    const body = blockBody(ctx, b);
    if ((maybePoll && POLL.test(body)) || (b.kind === 'row' && isScaleTable(b))) {
      const poll = pollOutcome(ctx, i, skip);
      if (poll) {
        for (const x of poll.blocks) claimed.add(x.id);
        out.push(poll);
      }
      continue;
    }
    // A heading may ask without a question mark: "### Any objections to merging #17".
    const asks = /\?\s*$/.test(body) || (b.kind === 'heading' && /^(?:any\s+)?(?:objections?|concerns?|opposed)\b/i.test(body));
    if (asks && (ASKS_YES.test(body) || ASKS_NONE.test(body))) {
      const answer = replyTo(ctx, i, body);
      if (answer) out.push(answer);
    }
  }
  return out;
}

/**
 * Consent by silence within one turn: a proposal, a call for objections and,
 * nobody speaking up, an acknowledgement that moves on ("I would lean towards
 * making X CFI. … Anyone against that. Okay."). The call may hold the proposal
 * itself ("Any objections to including X? Okay cool"); the sentences before it
 * (past a short "Yeah." or "Thanks.") are the proposal or what it is about.
 */
function silentConsent(ctx: ExtractContext, b: Block): SettledQuestion | null {
  if (!/\b(?:any|objection|oppos|against|object)/i.test(b.text)) return null;
  const units = unitsOf(ctx, b);
  for (let k = 0; k + 1 < units.length; k++) {
    const call = cues(ctx).silentCall.exec(units[k]!.text);
    if (!call || cues(ctx).anyComment.test(units[k]!.text)) continue;
    const ack = cues(ctx).silentAck.exec(units[k + 1]!.text);
    if (!ack) continue;
    const rest = ack[1]!.replace(/[^\p{L}\s']/gu, ' ').trim();
    if (rest && rest.split(/\s+/).length > 2 && !cues(ctx).silentOnwards.test(ack[1]!)) continue;
    // The call holds the proposal when it names what is proposed ("to including X"), not only "that" or "there".
    const object = call[1]!.replace(/[?.!]+\s*$/, '').trim();
    const holds = /^(?:to|with)\s+(?!(?:that|this|it|there)\s*$)\S+(?:\s+\S+)/i.test(object);
    // Before it, the proposal: the two sentences of substance before the call (the second often
    // tells what the first means: "… making X CFI. So we have it on our short list, not …").
    let from = k;
    let said = 0;
    for (let j = k - 1; j >= 0 && j >= k - 4 && said < 2; j--) {
      if (words(units[j]!) >= 4) {
        said++;
        from = j;
      }
    }
    if (!holds && !said) continue;
    const span: Unit[] = units.slice(from, k + 2);
    return {
      blocks: [b],
      text: span.map((u) => u.text).join(' '),
      startLine: span[0]!.startLine,
      endLine: span[span.length - 1]!.endLine,
    };
  }
  return null;
}

function words(u: Unit): number {
  return u.text
    .replace(/[^\p{L}\p{N}\s]/gu, ' ')
    .trim()
    .split(/\s+/)
    .filter(Boolean).length;
}

/** The parts of a question split into items, each answered where it stands: "- should we use X:" / "  - only for keys? (yes)". */
function answeredParts(ctx: ExtractContext, q: Block): Block[] {
  return ctx.note.blocks.filter((x) => {
    if (x.parent !== q.id || x.kind !== 'item') return false;
    const m = INLINE_ANSWER.exec(x.text.trim());
    return !!m && (cues(ctx).answerYes.test(m[1]!) || cues(ctx).answerNone.test(m[1]!));
  });
}

function isScaleTable(b: Block): boolean {
  const h = (b.header ?? []).map((c) => c.toLowerCase().replace(/[^a-z]/g, ''));
  return h.filter((c) => SCALE.has(c)).length >= 4;
}

/** The outcome of the poll opened at blocks[i], looked for until the next poll or heading. */
function pollOutcome(ctx: ExtractContext, i: number, skip: (b: Block) => boolean): SettledQuestion | null {
  const blocks = ctx.note.blocks;
  const open = blocks[i]!;
  const body = blockBody(ctx, open);
  if (NOT_TAKEN.test(body) && !cues(ctx).decisionCue(body)) return null;
  const taken: Block[] = [open];
  let statement = open.kind === 'row' ? '' : body;
  if (open.kind === 'row') {
    // A tally table with no poll line: the question it answers is the paragraph just before it.
    const prev = blocks[i - 1];
    if (prev && prev.kind !== 'heading' && prev.kind !== 'row' && prev.endLine >= open.startLine - 5 && !skip(prev)) {
      statement = blockBody(ctx, prev);
      taken.unshift(prev);
    }
  }
  // The poll line itself may carry the outcome: "*POLL:* unanimous consent to do this merge."
  const inline = body.replace(POLL, '').trim();
  if (open.kind !== 'row' && inline && cues(ctx).decisionCue(inline)) return settled(taken, statement);
  const limit = open.endLine + (open.kind === 'heading' ? 40 : 16);
  const counts: string[] = [];
  let last: Block | null = null;
  for (let j = i + (open.kind === 'row' ? 0 : 1); j < blocks.length; j++) {
    const b = blocks[j]!;
    if (b.startLine > limit || skip(b)) break;
    if (b.kind === 'heading' && (open.kind !== 'heading' || b.depth <= open.depth)) break;
    const text = blockBody(ctx, b);
    if (j > i && b.kind !== 'row' && POLL.test(text) && !counts.length) break;
    if (b.kind === 'row' && isScaleTable(b)) {
      counts.push(b.header!.map((h, k) => `${h} ${b.cells![k] ?? ''}`.trim()).join(', '));
      taken.push(b);
      last = b;
      continue;
    }
    if (TALLY.test(b.text)) {
      counts.push(b.text.replace(/\s+/g, ' ').trim());
      taken.push(b);
      last = b;
      continue;
    }
    if (counts.length) {
      // A verdict right after the tally ("Decision: move forward to phase 1", "change passes").
      if (
        b.startLine <= last!.endLine + 3 &&
        b.kind !== 'heading' &&
        (cues(ctx).decisionCue(text) || /\b(?:pass(?:es|ed)?|fails?|failed|carried|approved|accepted|rejected)\b/i.test(text))
      ) {
        taken.push(b);
        last = b;
      }
      break;
    }
    if (!statement && b.kind !== 'heading') statement = text;
    else if (open.kind === 'heading' && taken.length === 1 && b.kind === 'paragraph' && /\?\s*$/.test(text) && !ctx.people.speakerOf[b.id]) {
      statement = `${statement}: ${text}`;
      taken.push(b);
    }
    const raw = rawReply(ctx, b.endLine + 1, nextStart(ctx, j));
    if (
      cues(ctx).decisionCue(text) ||
      (ASKS_NONE.test(body) && cues(ctx).answerNone.test(text)) ||
      (raw && (cues(ctx).decisionCue(raw.text) || cues(ctx).answerNone.test(raw.text)))
    ) {
      taken.push(b);
      return settled(taken, `${statement} — ${text}`);
    }
  }
  if (!counts.length) return null;
  return settled(taken, `${statement} (${counts.join('; ')})`);
}

/**
 * A motion and its result: on the motion's own later lines ("Seconded,
 * passed."), or in a block right after it, up to the next heading or motion
 * (for a heading, anywhere in its section: `Resolution: Passed.`).
 */
function motionOutcome(ctx: ExtractContext, i: number, skip: (b: Block) => boolean): SettledQuestion | null {
  const blocks = ctx.note.blocks;
  const open = blocks[i]!;
  // A motion may stand on a later line of a paragraph that opens with the discussion ("GW: … \nMotion: go forward …").
  const at = Math.max(0, motionLine(open));
  const lines = open.text.split('\n').slice(at);
  const body = lines.join(' ').replace(/\s+/g, ' ').trim();
  const own = (): SettledQuestion => ({ blocks: [open], text: body, startLine: open.startLine + at, endLine: open.endLine });
  if (open.kind !== 'heading') {
    if (lines.length > 1) {
      const later = lines.slice(1).join(' ');
      if (cues(ctx).notSeconded.test(later)) return null;
      if (cues(ctx).motionResult.test(later)) return own();
    }
    // "Motion: accept this proposal. Seconded, passed": the result after the motion's sentence, on its line.
    if (!cues(ctx).notSeconded.test(lines[0]!) && cues(ctx).resultTail.test(lines[0]!.trim())) return own();
    if (at > 0) return null;
  }
  if (cues(ctx).notSeconded.test(body)) return null;
  const taken: Block[] = [open];
  const limit = open.endLine + (open.kind === 'heading' ? 12 : 3);
  for (let j = i + 1; j < blocks.length; j++) {
    const b = blocks[j]!;
    if (b.startLine > limit || skip(b) || b.kind === 'heading' || MOTION.test(b.text)) break;
    const text = blockBody(ctx, b);
    if (cues(ctx).notSeconded.test(text)) return null;
    taken.push(b);
    if (cues(ctx).motionResult.test(text) && (open.kind === 'heading' || text.length < 80)) {
      return settled(taken, taken.map((x) => blockBody(ctx, x)).join(' — '));
    }
  }
  return null;
}

/** The line (after the first) of a multi-line paragraph or item that opens a motion, or -1. */
function motionLine(b: Block): number {
  if (b.kind !== 'paragraph' && b.kind !== 'item') return -1;
  const lines = b.text.split('\n');
  for (let k = 1; k < lines.length; k++) if (MOTION.test(lines[k]!)) return k;
  return -1;
}

function settled(blocks: Block[], text: string): SettledQuestion {
  return {
    blocks,
    text: text.replace(/\s+/g, ' ').trim(),
    startLine: Math.min(...blocks.map((b) => b.startLine)),
    endLine: Math.max(...blocks.map((b) => b.endLine)),
  };
}

function nextStart(ctx: ExtractContext, j: number): number {
  return ctx.note.blocks[j + 1]?.startLine ?? ctx.note.lines.length + 1;
}

/**
 * A reply the parse keeps no block for, an HTML block of one tag-like line
 * (`<No objections>`, `<silence>`) within three lines after the question
 * (from..to-1): its words and its line.
 */
function rawReply(ctx: ExtractContext, from: number, to: number): { text: string; line: number } | null {
  const html = ctx.note.html.find((h) => h.startLine >= from && h.startLine < Math.min(to, from + 4));
  const line = html?.text.split('\n')[0]!.trim() ?? '';
  return /^<[^>]{1,60}>$/.test(line) ? { text: line.slice(1, -1), line: html!.startLine } : null;
}

/**
 * The reply that settles the question at blocks[i]: a nested item, an
 * unattributed next line, or a bracketed remark, saying yes to "should we"
 * or no to "any objections".
 */
function replyTo(ctx: ExtractContext, i: number, question: string): SettledQuestion | null {
  const blocks = ctx.note.blocks;
  const q = blocks[i]!;
  const fits = (reply: string): boolean =>
    (ASKS_NONE.test(question) && cues(ctx).answerNone.test(reply)) || (ASKS_YES.test(question) && !ASKS_NONE.test(question) && cues(ctx).answerYes.test(reply));
  // The reply may sit on the question's own last line: "Anyone opposed to landing the PR? \n[no]".
  const lines = q.text.split('\n');
  if (lines.length > 1 && fits(lines[lines.length - 1]!) && lines[lines.length - 1]!.length < 40) return settled([q], question);
  const raw = rawReply(ctx, q.endLine + 1, blocks[i + 1]?.startLine ?? ctx.note.lines.length + 1);
  if (raw && fits(raw.text)) return { ...settled([q], `${question} — ${raw.text}`), endLine: raw.line };
  const next = blocks[i + 1];
  if (!next || next.kind === 'heading') return null;
  const child = next.parent === q.id;
  const unattributed = ctx.people.speakerOf[next.id] == null && !replyLabel(ctx).test(next.text);
  if ((child || unattributed) && next.text.length < 60 && fits(next.text)) return settled([q, next], `${question} — ${next.text}`);
  return null;
}

const replyLabels = new WeakMap<CompiledVocabulary, RegExp>();

/** A short speaker label opening a reply (`Ana: no`), of the note's vocabulary's block-label table. */
function replyLabel(ctx: ExtractContext): RegExp {
  const v = ctx.annotations.vocabulary;
  let re = replyLabels.get(v);
  if (!re) {
    const { chars, replyMax } = v.tables.blockLabel;
    replyLabels.set(v, (re = new RegExp(`^[\\p{L}@][${chars}]{0,${replyMax}}:\\s`, 'u')));
  }
  return re;
}
