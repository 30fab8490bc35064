/**
 * Discussion threads: the stretches of a note that talk about one thing. A
 * thread is a top-level list item with what is nested under it, or the rest
 * of a section (split further where a flat section has a pseudo-heading: a
 * paragraph in bold alone, or one that repeats an agenda item). Agenda items
 * join the thread they announce, found by the words they share with its
 * heading, so the references on an agenda line are tied to that discussion.
 *
 * Each passage also gets a role: `agenda` (planned, not discussed) or
 * `links` (a link with no words of its own), so a passing mention in a list
 * of links weighs less than a discussion.
 */
import { searchedWords, stem, terms } from '../../schema/terms.js';
import { vocabularyOf } from '../formats/registry.js';
import type { CompiledVocabulary } from '../formats/vocabulary.js';
import type { Block, Note } from '../types.js';

export type PassageRole = 'agenda' | 'links' | null;

export interface Thread {
  /** Index of the passage that opens the thread (its head item, or its section's first passage). */
  start: number;
  /** The thread's title as written: a heading, a head item or an announced paragraph; '' when it has none. */
  title: string;
  /** Whether the title is a heading. */
  heading: boolean;
  /** Indices of its passages, in order (agenda items it absorbed first). */
  passages: number[];
  /** Indices of agenda passages that announced it. */
  agenda: number[];
}

export interface Threads {
  /** Per passage: index of the passage that opens its thread. */
  threadOf: number[];
  /** Per passage: its role. */
  roleOf: PassageRole[];
  /** Per passage: whether it is the head item or announced paragraph that opens its thread. */
  headOf: boolean[];
  threads: Thread[];
}

/** Agenda lines that plan the meeting rather than name a subject. */
export const BOILERPLATE =
  /^(?:(?:opening|welcome|roll ?call)\b.*|announcements?|thanks!?|closure|close|adjourn\w*|other agenda items|agenda items?|issue triage|new,? untriaged issues|submit a pr\b.*|please (?:help|add)\b.*|note: meeting notes\b.*|review of action items\b.*|find volunteers\b.*|adoption of the agenda|proposals and discussions|introduction of attendees|logistics|registration|schedule constraints|.{0,2})$/i;
/** Meeting logistics written as agenda lines: where, when, how to join. */
export const LOGISTICS_FIELD =
  /^(?:host|dates?|times?|location|contact|name|email|where|when|zoom|link|dial[- ]?in|passcode|meeting id|video|chair|notes?|note[- ]?taker)\s*:|@[\w-]+\.\w/i;
const URL = /<?\bhttps?:\/\/[^\s>)]+>?/gi;

/**
 * The first line of a block without URLs and, given the vocabulary's
 * headLead, without its list marker and speaker label; null keeps them.
 */
export function headText(text: string, lead: RegExp | null): string {
  const first = (text.split('\n')[0] ?? '').replace(URL, ' ');
  return (lead ? first.replace(lead, '') : first).replace(/\s+/g, ' ').trim();
}

/** Whether a block is only links: its words are link texts, URLs and at most two others. */
function onlyLinks(b: Block): boolean {
  if (!b.links.length) return false;
  let rest = b.text;
  for (const l of b.links) rest = rest.replace(l.text, ' ');
  rest = rest.replace(URL, ' ');
  return terms(rest).length <= 2;
}

/**
 * Terms of a text with adjacent pairs joined (`page map` also as `pagemap`):
 * terms() and indexTerms() of schema/terms.ts, from one reading of its words.
 */
const termSet = (text: string): { base: number; all: Set<string> } => {
  const ws = searchedWords(text);
  const base = ws.map(stem);
  const all = new Set(base);
  for (let i = 0; i + 1 < ws.length; i++) all.add(stem(ws[i]! + ws[i + 1]!));
  return { base: new Set(base).size, all };
};

/** How well an agenda line and a heading name the same subject: shared terms over the shorter's; 0 when they don't. */
function overlap(a: { base: number; all: Set<string> }, h: { base: number; all: Set<string> }): number {
  if (!a.base || !h.base) return 0;
  let shared = 0;
  for (const t of a.all) if (h.all.has(t)) shared++;
  const small = Math.min(a.base, h.base);
  shared = Math.min(shared, small);
  if (shared < 2 && !(shared === small && small <= 2 && shared >= 1)) return 0;
  return shared / small >= 0.5 ? shared / small + shared / 100 : 0;
}

/**
 * Splits a note's passages into threads. `passageOf` maps block ids to passage indices (-1 for none);
 * section kinds and head leads are the vocabulary's (the note's format's unless given).
 */
export function findThreads(note: Note, passageOf: readonly number[], vocabulary: CompiledVocabulary = vocabularyOf(note.format)): Threads {
  const { blocks, sections } = note;
  const count = passageOf.reduce((n, p) => Math.max(n, p + 1), 0);
  // Note: a heading that holds the attendance ("# T-lang meeting agenda" over
  // "## Attendance" and the whole meeting) titles the meeting's notes, kept in
  // the agenda document: what is under it is discussed, not planned.
  const { sections: kinds, headLead: lead } = vocabulary;
  const isRoster = (heading: string) => kinds.attendance.opens.test(heading);
  // A notes heading, a note, an agenda's adoption ("Adoption of the agenda"): what was done, not planned.
  const notAgenda = (heading: string) => kinds.notes.mentions.test(heading) || /\b(?:note|adopt(?:ion|ed)?)\b/i.test(heading);
  const holdsRoster = new Set<number>();
  for (const s of sections) {
    if (!isRoster(s.heading)) continue;
    for (let id = s.parent; id >= 0; id = sections[id]!.parent) holdsRoster.add(id);
  }
  const agendaSection = sections.map((s) => {
    for (let id = s.id; id >= 0; id = sections[id]!.parent) {
      const h = sections[id]!.heading;
      if (notAgenda(h) || holdsRoster.has(id)) return false;
      if (kinds.agenda.mentions.test(h)) return true;
    }
    return false;
  });
  const isAgenda = (b: Block): boolean => b.section >= 0 && agendaSection[b.section]!;
  const hasChildren = new Set<number>();
  for (const b of blocks) if (b.parent >= 0) hasChildren.add(b.parent);
  const topOf = (b: Block): Block => {
    let t = b;
    while (t.parent >= 0) t = blocks[t.parent]!;
    return t;
  };

  // Heads an agenda line may announce: headings, head items, paragraphs of flat sections.
  type Head = { key: string; terms: ReturnType<typeof termSet>; block: Block; paragraph: boolean };
  const heads: Head[] = [];
  const roster = sections.map((sec) => isRoster(sec.heading));
  const hasAgenda = blocks.some((b) => b.kind === 'item' && isAgenda(b));
  for (const b of hasAgenda ? blocks : []) {
    if (isAgenda(b) || b.kind === 'code' || (b.section >= 0 && roster[b.section])) continue;
    if (b.kind === 'heading') heads.push({ key: `s${b.section}`, terms: termSet(b.text), block: b, paragraph: false });
    else if (b.parent < 0 && b.kind === 'item' && hasChildren.has(b.id))
      heads.push({ key: `i${b.id}`, terms: termSet(headText(b.text, lead)), block: b, paragraph: false });
    else if (b.parent < 0 && (b.kind === 'paragraph' || b.kind === 'item')) {
      heads.push({ key: `p${b.id}`, terms: termSet(headText(b.text, lead).split(/\s+/).slice(0, 16).join(' ')), block: b, paragraph: true });
    }
  }

  const byTerm = new Map<string, Head[]>();
  for (const h of heads) {
    for (const t of h.terms.all) {
      const list = byTerm.get(t);
      if (list) list.push(h);
      else byTerm.set(t, [h]);
    }
  }

  // Agenda items: the thread each announces.
  const announces = new Map<number, Head>();
  for (const b of blocks) {
    if (b.kind !== 'item' || !isAgenda(b)) continue;
    const title = headText(b.text, null);
    if (!title || BOILERPLATE.test(title.replace(/[_*]/g, '').trim()) || LOGISTICS_FIELD.test(title)) continue;
    const at = termSet(title);
    let best: Head | undefined;
    let bestScore = 0;
    const seen = new Set<Head>();
    for (const t of at.all) {
      for (const h of byTerm.get(t) ?? []) {
        if (seen.has(h)) continue;
        seen.add(h);
        const s = overlap(at, h.terms) - (h.paragraph ? 0.001 : 0);
        if (s > bestScore || (s === bestScore && best && h.block.id < best.block.id)) [best, bestScore] = [h, s];
      }
    }
    if (best) announces.set(b.id, best);
  }
  const segmentStarts = new Set<number>();
  for (const h of announces.values()) if (h.paragraph) segmentStarts.add(h.block.id);

  // Each block's thread key.
  const keyOf = new Map<number, string>();
  const titleOf = new Map<string, string>();
  const segment = new Map<number, number>();
  for (const b of blocks) {
    if (b.kind === 'heading') {
      titleOf.set(`s${b.section}`, b.text.trim());
      continue;
    }
    const top = topOf(b);
    let key: string;
    if (isAgenda(b)) {
      let a: Block | undefined = b;
      while (a && !announces.has(a.id)) a = a.parent >= 0 ? blocks[a.parent] : undefined;
      const h = a && announces.get(a.id);
      key = h ? h.key : `s${b.section}`;
    } else if (top.kind === 'item' && hasChildren.has(top.id)) {
      key = `i${top.id}`;
      if (!titleOf.has(key)) titleOf.set(key, headText(top.text, lead));
    } else {
      if (segmentStarts.has(b.id)) segment.set(b.section, b.id);
      const seg = segment.get(b.section);
      key = seg !== undefined ? `p${seg}` : `s${b.section}`;
      if (seg !== undefined && !titleOf.has(key)) titleOf.set(key, headText(blocks[seg]!.lead ?? blocks[seg]!.text, lead));
    }
    keyOf.set(b.id, key);
  }
  // Agenda lines pointing at a paragraph that is not a segment (it was announced by an earlier line): its section.
  for (const [id, key] of keyOf) {
    if (key.startsWith('p') && !segmentStarts.has(Number(key.slice(1)))) keyOf.set(id, `s${blocks[Number(key.slice(1))]!.section}`);
  }

  const threadOf = new Array<number>(count).fill(-1);
  const roleOf = new Array<PassageRole>(count).fill(null);
  const headOf = new Array<boolean>(count).fill(false);
  const byKey = new Map<string, Thread>();
  const pending: [number, string, boolean][] = [];
  for (const b of blocks) {
    const p = passageOf[b.id] ?? -1;
    if (p < 0) continue;
    const key = keyOf.get(b.id)!;
    if (isAgenda(b)) {
      roleOf[p] = 'agenda';
      pending.push([p, key, key !== `s${b.section}`]);
      continue;
    }
    if (onlyLinks(b)) roleOf[p] = 'links';
    if (key === `i${b.id}` || (key === `p${b.id}` && segmentStarts.has(b.id))) headOf[p] = true;
    let t = byKey.get(key);
    if (!t) byKey.set(key, (t = { start: p, title: titleOf.get(key) ?? '', heading: key.startsWith('s'), passages: [], agenda: [] }));
    t.passages.push(p);
    threadOf[p] = t.start;
  }
  // Agenda passages join the thread they announce, or form the agenda's own.
  for (const [p, key, announced] of pending) {
    let t = byKey.get(key);
    if (!t) byKey.set(key, (t = { start: p, title: announced ? (titleOf.get(key) ?? '') : '', heading: key.startsWith('s'), passages: [], agenda: [] }));
    t.agenda.push(p);
    threadOf[p] = t.start;
  }
  const threads = [...byKey.values()];
  for (const t of threads) t.passages = [...t.agenda, ...t.passages];
  return { threadOf, roleOf, headOf, threads };
}
