/**
 * Action items: who promised to do what, each with its source lines. Read
 * from action sections and lists ("Action items", "Next steps", checkboxes),
 * action labels (`AI[BS]:`, `**Action:**`, `TODO:`), and sentences that
 * commit a person or a group ("I'll file an issue", "Dan to write up …",
 * "The TSC should review …"). The owner is the speaker for "I'll", the
 * person a name resolves to, or a group.
 */
import { taskCues, type TaskCues } from './actions/cues.js';
import { adoptOwner, looksLikeName, resolveOwner, type Owner } from './actions/owner.js';
import { inSectionOfKind } from '../annotate/annotate.js';
import { blockBody, inSectionHeaded, inTranscript, leadingLabel, sectionHeading, speakerLabel, unitsOf } from '../annotate/units.js';
import type { ExtractContext } from './context.js';
import { resolvePersonName } from './people.js';
import { wordSense } from './people/words.js';
import type { ActionItemRecord, Block, PersonRecord } from '../types.js';

/** The task forms of the note's vocabulary. */
const cues = (ctx: ExtractContext): TaskCues => taskCues(ctx.annotations.vocabulary);

/** Sections that list action items; not the review of last meeting's. */
const ACTION_SECTION = /^(?:action\s+items?|actions?|ais?|next\s+steps?|follow[- ]?ups?|to-?dos?|tasks|assignments|action\s+items?\s+(?:for|and)\b.*)$/i;
const REVIEW_SECTION = /\b(?:review|from\s+(?:the\s+)?(?:last|prior|previous)|last\s+(?:week|meeting)|previous|prior)\b/i;
/** A line that opens an action list: "Concrete action items:", "Next steps:". */
const LIST_OPENER = /\b(?:action\s+items?|next\s+steps|follow[- ]?ups|AIs|to-?dos?)\s*:?\s*$/i;
/** Items of an action list that name no task: placeholders, bare links. */
const EMPTY = /^(?:none|n\/?a|tbd|todo|-+|\.\.\.|…|nothing(?:\s+yet)?)\.?$|^(?:https?:\/\/\S+\s*)+$/i;

/** What the actions stage found: the items, and the meeting's people with the owners it added (see adoptOwner). */
export interface ActionsResult {
  items: ActionItemRecord[];
  people: PersonRecord[];
}

/**
 * Finds the action items recorded in a note. An owner the people stage did
 * not find is added to a copy of the meeting's people this stage owns (the
 * people stage's result is left as it was); the copy is returned with the items.
 */
export function extractActionItems(given: ExtractContext): ActionsResult {
  const ctx: ExtractContext = { ...given, people: { ...given.people, people: [...given.people.people] } };
  const { note } = ctx;
  const items: ActionItemRecord[] = [];
  const ownerOfItem = new Map<number, Owner>();
  const listed = new Set<number>();
  for (const block of note.blocks) {
    if (block.kind === 'row') {
      const item = tableItem(ctx, block);
      if (item) items.push(item);
      // A row of a summary table reads as prose ("Stokes said that he would follow up …"); a row of an action table is done.
      if (item || !(block.cells ?? []).some((c) => c.length > 80)) continue;
    }
    if (block.kind === 'heading' || block.kind === 'code' || !block.text.trim() || inTranscript(ctx, block)) continue;
    if (inActionList(ctx, block, listed)) {
      listed.add(block.id);
      const body = block.text.replace(/\s+/g, ' ').trim();
      if (EMPTY.test(body) || LIST_OPENER.test(body)) continue;
      // "@dan will release:" over a list of what: the items below are the task's objects, not tasks.
      if (block.parent >= 0 && ownerOfItem.has(block.parent) && /:\s*$/.test(note.blocks[block.parent]!.text)) continue;
      const owner = listedItemOwner(ctx, block, body, ownerOfItem);
      if (!owner) continue;
      ownerOfItem.set(block.id, owner);
      items.push(record(blockBody(ctx, block), block.startLine, block.endLine, owner));
      continue;
    }
    const accepted = acceptedRequest(ctx, block);
    if (accepted) {
      items.push(record(block.text, block.startLine, block.endLine, accepted));
      continue;
    }
    if (!cues(ctx).mayCommit(block.text)) continue;
    const spoken = speakerOf(ctx, block) !== undefined;
    const units = unitsOf(ctx, block);
    // `[ACTION - Dan] - …` may read as a speaker label; the action label wins.
    const labelled = speakerLabel(ctx, block) && cues(ctx).opensWithActionLabel(block.text);
    for (const unit of units) {
      // A turn the parser left inside a paragraph ("- Matt: Lars and Jay will …"): its own speaker.
      const turn = innerTurn(ctx, unit.text);
      const cue = cues(ctx).actionCue(
        unit.first && labelled ? `${block.text.slice(0, block.text.length - speakerLabel(ctx, block)!.rest.length)}${unit.text}` : (turn?.rest ?? unit.text),
        spoken || !!turn,
      );
      if (!cue) continue;
      let owner: Owner | null = null;
      if (cue.owner === 'self') owner = turn ? resolveOwner(ctx, turn.label) : speakerOwner(ctx, block);
      else if (cue.owner === 'named') {
        owner = resolveOwner(ctx, cue.form!);
        const bracketed = /^\[.*\]$/.test(cue.form!.trim());
        // A name the meeting lists nowhere owns the item when a label marks it, when it is a handle ("@agocke to champion"), or when it opens with a known first name ("Barry will draft …", not "Chrome will ship …").
        const handle = /^@[\w-]+$/.test(cue.form!.trim());
        if (owner && !owner.known)
          owner = (cue.labelled || bracketed || handle || firstName(cue.form!)) && looksLikeName(cue.form!) ? adoptOwner(ctx, cue.form!, owner) : null;
        // "The TSC agreed to raise this with the Board" records a decision; the follow-up is the group's, not an item.
        if (owner && owner.ownerGroup && /\bagreed\s+to\b/i.test(unit.text)) owner = null;
      } else if (cue.owner === 'pronoun') {
        // "Jay: a meetup is interested; he'll reach out": with no one named before, the one whose turn it is.
        owner = namedEarlier(ctx, block, unit.startLine, unit.text) ?? (turn ? turnOwner(ctx, turn.label) : spoken ? speakerOwner(ctx, block) : null);
        // "He will …" by no one the meeting knows is no one's task.
        if (owner && owner.owner === null) owner = null;
      }
      // `AI: test the domain on Cloudflare`: a labelled task with no owner is still a task.
      else if (cue.labelled) owner = labelledOwner(ctx, unit.first && labelled ? block.text : (turn?.rest ?? unit.text));
      if (!owner) continue;
      items.push(record(unit.text, unit.startLine, unit.endLine, owner));
    }
  }
  return { items: items.sort((a, b) => a.startLine - b.startLine || a.endLine - b.endLine), people: ctx.people.people };
}

/**
 * A turn that accepts what the turn before asked ("[devlin] would you be
 * willing to fix it?" then "[rob] Yes."): the task is the one who accepts.
 */
function acceptedRequest(ctx: ExtractContext, block: Block): Owner | null {
  const label = speakerLabel(ctx, block);
  if (!label || block.id === 0) return null;
  const before = ctx.note.blocks[block.id - 1]!;
  const asked = before.kind === 'heading' ? null : speakerLabel(ctx, before);
  if (!asked || asked.label === label.label || !cues(ctx).acceptsRequest(label.rest, asked.rest)) return null;
  return speakerOwner(ctx, block);
}

/** The owner of a labelled task that names none in the usual forms: a known bare name or "Ask X to …", else no one (the task stands). */
function labelledOwner(ctx: ExtractContext, text: string): Owner | null {
  const named = cues(ctx).labelledOwnerForm(text);
  const o = named ? resolveOwner(ctx, named.form) : null;
  if (o && (o.known || (!named!.bare && looksLikeName(named!.form)))) return adoptOwner(ctx, named!.form, o);
  return cues(ctx).labelledTask(text) ? { owner: null, known: false } : null;
}

/** A row of an action table: a column for who (`Owner`, `Assignee`, `Who`) and one for what (`Action`, `Task`, `Item`). */
function tableItem(ctx: ExtractContext, row: Block): ActionItemRecord | null {
  const header = (row.header ?? []).map((h) => h.toLowerCase());
  const who = header.findIndex((h) => /^(?:owners?|assignees?|assigned(?:\s+to)?|who|responsible|person|name|by)$/.test(h.trim()));
  const what = header.findIndex((h) => /\b(?:action(?:\s+items?)?|tasks?|items?|what|to-?do|follow[- ]?ups?|next\s+steps?)\b/.test(h));
  if (who < 0 || what < 0 || who === what) return null;
  const task = row.cells?.[what]?.trim() ?? '';
  const form = row.cells?.[who]?.trim() ?? '';
  if (!task || !form || EMPTY.test(task)) return null;
  const owner = resolveOwner(ctx, form);
  if (!owner) return null;
  return record(task, row.startLine, row.endLine, owner.known || !looksLikeName(form) ? owner : adoptOwner(ctx, form, owner));
}

function record(text: string, startLine: number, endLine: number, owner: Owner): ActionItemRecord {
  const r: ActionItemRecord = {
    text: text.replace(/\s+/g, ' ').trim(),
    startLine,
    endLine,
    owner: owner.owner,
    owners: owner.owners ?? (owner.owner !== null ? [owner.owner] : []),
  };
  if (owner.ownerGroup && owner.owner === null) r.ownerGroup = owner.ownerGroup;
  return r;
}

/** Whether a block is an item of an action list: under an action heading, a checkbox, or after "action items:". */
function inActionList(ctx: ExtractContext, block: Block, listed: Set<number>): boolean {
  // A roster is no task list, checkboxes or not: "- [ ] Rosa Diaz (RD)" under "Attendees", or an item that is only a name.
  if (
    block.kind === 'item' &&
    (onlyName(block.text) || (block.section >= 0 && inSectionOfKind(ctx.note, ctx.annotations, block.section, 'attendance', 'members')))
  )
    return false;
  if (block.section >= 0) {
    const h = sectionHeading(ctx.note.sections[block.section]!);
    if (ACTION_SECTION.test(h) && !REVIEW_SECTION.test(h)) return true;
    if (inSectionHeaded(ctx, block.section, /^(?:action\s+items?|next\s+steps?)$/i) && block.kind === 'item') return true;
  }
  if (block.kind === 'item' && block.checked === false) return true;
  if (block.parent >= 0 && (listed.has(block.parent) || LIST_OPENER.test(ctx.note.blocks[block.parent]!.text))) return true;
  if (block.kind === 'item' && block.depth === 1) {
    // The first items of a list right after a paragraph that opens it, and their siblings.
    for (let i = block.id - 1; i >= 0; i--) {
      const b = ctx.note.blocks[i]!;
      if (b.kind === 'item' && b.depth === 1 && b.parent === block.parent) {
        if (!listed.has(b.id)) return false;
        return true;
      }
      if (b.kind === 'item' && b.depth > 1) continue;
      return b.kind !== 'heading' && LIST_OPENER.test(b.text.trim());
    }
  }
  return false;
}

/**
 * The owner of an item of an action list: named by it (`[Karen & Divya] …`,
 * `Stephen to …`, `… (Chris Woods)`), by a label when what follows is a task
 * (`Chris: Get back to …`), or by the item it is nested in.
 */
function listedItemOwner(ctx: ExtractContext, block: Block, body: string, owners: Map<number, Owner>): Owner | null {
  const listed = cues(ctx).listedOwner(body);
  if (listed) {
    const o = resolveOwner(ctx, listed.form);
    const task = cues(ctx).readsAsTask(listed.rest) || cues(ctx).actionCue(listed.rest, true) !== null;
    if (o && (o.known || (listed.how !== 'bare' && looksLikeName(listed.form))) && (listed.how !== 'label' || task || o.known))
      return adoptOwner(ctx, listed.form, o);
  }
  const up = inherited(ctx, block, owners);
  if (up && cues(ctx).readsAsTask(blockBody(ctx, block))) return up;
  const cue = cues(ctx).actionCue(blockBody(ctx, block), speakerOf(ctx, block) !== undefined);
  return cue?.owner === 'self' ? speakerOwner(ctx, block) : null;
}

/** The owner of the item an action item is nested in. */
function inherited(ctx: ExtractContext, block: Block, owners: Map<number, Owner>): Owner | null {
  for (let p = block.parent; p >= 0; p = ctx.note.blocks[p]!.parent) {
    const o = owners.get(p);
    if (o) return o;
  }
  return null;
}

/**
 * Who speaks a block's words: its own label, or the label-only item it is
 * nested in (`* Nick:` with the words below). Narrative the people stage
 * credits to someone ("Till walked members through …") is no speech.
 */
function speakerOf(ctx: ExtractContext, block: Block): { index: number | null; label: string } | undefined {
  const stamped = stampedTurn(block);
  if (stamped) return { index: ctx.people.speakerOf[block.id] ?? null, label: stamped };
  const label = speakerLabel(ctx, block);
  if (label) return { index: ctx.people.speakerOf[block.id] ?? null, label: label.label };
  const parent = block.parent >= 0 ? ctx.note.blocks[block.parent] : undefined;
  const pl = parent ? speakerLabel(ctx, parent) : null;
  if (parent && pl && !pl.rest.trim()) return { index: ctx.people.speakerOf[block.id] ?? ctx.people.speakerOf[parent.id] ?? null, label: pl.label };
  const turn = boldTurn(ctx, block);
  return turn ? { index: ctx.people.speakerOf[block.id] ?? null, label: turn } : undefined;
}

/**
 * A transcript's bold name over the words (`**Danny**` on its own line, then
 * bullets), or before a time stamp (`**Alexey** [12:52](…): I'll post …`),
 * when the people stage read no label there.
 */
function boldTurn(ctx: ExtractContext, block: Block): string | undefined {
  for (let i = block.id - 1; i >= 0; i--) {
    const b = ctx.note.blocks[i]!;
    if (b.kind === 'heading') return undefined;
    if (b.kind === 'paragraph') return b.lead && b.lead === b.text.trim() && b.lead.split(/\s+/).length <= 3 && looksLikeName(b.lead) ? b.lead : undefined;
  }
  return undefined;
}

/** `**Alexey** [12:52](…): …`: the bold name before a time stamp and a colon. */
function stampedTurn(block: Block): string | undefined {
  const lead = block.lead;
  return lead && looksLikeName(lead) && new RegExp(String.raw`^${escape(lead)}\s*\(?\d{1,2}:\d{2}(?::\d{2})?\)?\s*:\s`).test(block.text) ? lead : undefined;
}

const escape = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** The speaker as an owner: resolved by the people stage, else the label read as a name. */
function speakerOwner(ctx: ExtractContext, block: Block): Owner | null {
  const s = speakerOf(ctx, block);
  if (!s) return null;
  if (s.index !== null) return { owner: s.index, known: true };
  const o = resolveOwner(ctx, s.label);
  if (o) return o;
  return looksLikeName(s.label) ? { owner: null, known: false } : null;
}

/** The owner a turn's label names (`- Jay: …`), kept as written when the meeting lists no such person. */
function turnOwner(ctx: ExtractContext, label: string): Owner | null {
  const o = resolveOwner(ctx, label);
  return o && !o.known && looksLikeName(label) ? adoptOwner(ctx, label, o) : o;
}

/** The last person named in the block before the sentence ("Stephen is working on it. He will share …"). */
function namedEarlier(ctx: ExtractContext, block: Block, line: number, sentence: string): Owner | null {
  const text = block.text.replace(/\s+/g, ' ');
  const at = text.indexOf(sentence.slice(0, 20));
  const before =
    at > 0
      ? text.slice(0, at)
      : block.text
          .split('\n')
          .slice(0, line - block.startLine)
          .join(' ');
  const words = before.match(/[\p{Lu}][\p{L}\p{M}'’-]+/gu) ?? [];
  for (let i = words.length - 1; i >= 0; i--) {
    if (/^(?:He|She|They|It|We|I|This|That|The)$/.test(words[i]!)) continue;
    const p = resolvePersonName(ctx.people, words[i]!);
    if (p !== null) return { owner: p, known: true };
  }
  return null;
}

/** Whether an item is only a person's name, with initials, a handle or an organisation: `Rosa Diaz (RD)`, `@wen - Acme`. */
function onlyName(text: string): boolean {
  const t = text
    .replace(/\([^)]*\)|\[[^\]]*\]/g, ' ')
    .replace(/\s[-–—|,]\s.*$/, '')
    .replace(/\s+/g, ' ')
    .trim();
  return t.length > 0 && t.length <= 40 && looksLikeName(t) && !/\s(?:to|will|should)\s/i.test(` ${t} `);
}

/** Whether a form opens with a word the lexicon knows as a person's name (`Barry`, `Ewa Jodlowska`). */
function firstName(form: string): boolean {
  const first =
    form
      .trim()
      .replace(/^@/, '')
      .split(/[\s&/+,]+/)[0] ?? '';
  return /^\p{Lu}\p{Ll}+$/u.test(first) && wordSense(first) === 'name';
}

/** A bullet and a speaker label inside a sentence's text (`- Matt: …`, a list line the parser read as a paragraph's). */
function innerTurn(ctx: ExtractContext, text: string): { label: string; rest: string } | null {
  const bullet = /^[-*•]\s+/.exec(text);
  if (!bullet) return null;
  const lab = leadingLabel(text.slice(bullet[0].length), ctx.annotations.vocabulary);
  return lab && !cues(ctx).opensWithActionLabel(text.slice(bullet[0].length)) && looksLikeName(lab.label) ? lab : null;
}
