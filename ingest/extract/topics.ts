/**
 * Subjects a meeting spent time on, weighted by how much was said: the
 * headings and head items of its discussion threads, the agenda lines (tied
 * to the thread each announces), the phrases that recur in its passages, and
 * the titles of the references it points at. A reference's title and its id
 * name one subject, so the title's topic names the reference; so does an
 * agenda line's topic (its first link), and a thread's when that reference
 * is the only one it has.
 *
 * It reads the threads extract.ts found (ingest/annotate/threads.ts), which
 * also mark each passage's thread and role for the queries that read a
 * discussion as a whole.
 */
import { terms } from '../../schema/terms.js';
import type { ExtractContext } from './context.js';
import { keyPhrases } from './topics/phrases.js';
import { topicName } from './topics/names.js';
import { BOILERPLATE, headText, LOGISTICS_FIELD } from '../annotate/threads.js';
import type { TopicRecord } from '../types.js';

/** Weight of a passage that is planned (agenda) or only a link: a passing mention. */
const PASSING = 0.1;
const WORDS_PER_UNIT = 50;
/** A head item longer than this is a sentence, not a title. */
const MAX_HEAD_WORDS = 8;

/** Finds the topics of a note. */
export function extractTopics(ctx: ExtractContext): TopicRecord[] {
  const { note, passages, passageOf } = ctx;
  const { threadOf, roleOf, threads } = ctx.threads;
  const lead = ctx.annotations.vocabulary.lineLead;
  // Note: a passage's words are counted once; a topic's weight is summed again each time it gains passages.
  const wordCount: number[] = [];
  const weightOf = (ids: number[]): number => {
    let w = 0;
    for (const i of ids) w += roleOf[i] ? PASSING : Math.min(4, (wordCount[i] ??= words(passages[i]!.text)) / WORDS_PER_UNIT);
    return Math.round(Math.max(PASSING, w) * 100) / 100;
  };
  const refsIn = (ids: number[]): string[] => [...new Set(ids.flatMap((i) => passages[i]!.refs))];

  const out = new Map<string, TopicRecord>();
  const add = (name: string | null, ids: number[], kind: TopicRecord['kind'], refs: string[] = []) => {
    if (!name) return;
    const key = terms(name).join(' ');
    if (!key) return;
    const t = out.get(key);
    if (!t) {
      out.set(key, { name, key, weight: weightOf(ids), passages: [...ids], kind, ...(refs.length ? { refs } : {}) });
      return;
    }
    const more = ids.filter((i) => !t.passages.includes(i));
    t.passages.push(...more);
    t.passages.sort((a, b) => a - b);
    t.weight = weightOf(t.passages);
    if (refs.length) t.refs = [...new Set([...(t.refs ?? []), ...refs])];
  };

  for (const t of threads) {
    const refs = refsIn(t.passages);
    const name = t.title && t.title !== note.title ? topicName(t.title, t.heading ? null : lead) : null;
    const titled = name && (t.heading || name.split(/\s+/).length <= MAX_HEAD_WORDS);
    add(titled ? name : null, t.passages, 'thread', refs.length === 1 ? refs : []);
  }

  // Agenda lines: the thread they announce, or the line and what is nested under it.
  const threadByStart = new Map(threads.map((t) => [t.start, t]));
  for (const b of note.blocks) {
    const p = passageOf[b.id] ?? -1;
    if (p < 0 || roleOf[p] !== 'agenda' || b.kind !== 'item') continue;
    const title = headText(b.text, null);
    if (!title || BOILERPLATE.test(title.replace(/[_*]/g, '').trim()) || LOGISTICS_FIELD.test(title)) continue;
    // A detail under an agenda line that names a subject belongs to that subject.
    const up = b.parent >= 0 ? note.blocks[b.parent]! : undefined;
    if (up && !BOILERPLATE.test(headText(up.text, null).replace(/[_*]/g, '').trim())) continue;
    const own = [p, ...descendants(ctx, b.id)];
    const refs = refsIn(own);
    const thread = threadByStart.get(threadOf[p]!);
    const ids = thread && thread.passages.some((i) => roleOf[i] !== 'agenda') ? thread.passages : own;
    // "Topic -- link", or a topic with its links nested under it: the first link is what the line is about.
    add(topicName(b.text, lead), ids, 'agenda', refs.slice(0, 1));
  }

  const names = new Set(ctx.people.people.flatMap((person) => [person.name, ...person.aliases, ...person.handles].flatMap((n) => terms(n))));
  const pieces = passages.map((x) => ({ text: x.text, code: [] as string[] }));
  for (const b of note.blocks) if ((passageOf[b.id] ?? -1) >= 0) pieces[passageOf[b.id]!]!.code = b.code;
  for (const ph of keyPhrases(pieces, names, (i) => roleOf[i] === 'agenda')) add(ph.name, ph.passages, 'phrase');

  for (const r of ctx.refs.references) {
    if (!r.title) continue;
    const ids = passages.map((p, i) => (p.refs.includes(r.id) ? i : -1)).filter((i) => i >= 0);
    add(topicName(r.title, lead), ids, 'reference', [r.id]);
  }
  return [...out.values()].sort((a, b) => b.weight - a.weight || a.key.localeCompare(b.key));
}

function words(text: string): number {
  return text.split(/\s+/).filter(Boolean).length;
}

/** Passages of the blocks nested under a block. */
function descendants(ctx: ExtractContext, id: number): number[] {
  const inside = new Set([id]);
  const out: number[] = [];
  for (let i = id + 1; i < ctx.note.blocks.length; i++) {
    const b = ctx.note.blocks[i]!;
    if (!inside.has(b.parent)) break;
    inside.add(b.id);
    const p = ctx.passageOf[b.id] ?? -1;
    if (p >= 0) out.push(p);
  }
  return out;
}
