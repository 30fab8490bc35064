/**
 * Runs every extractor over one parsed note and assembles the meeting record
 * the loader writes. Extractors read the same Note (parse once) and what the
 * earlier stages found: people and references come first, since decisions,
 * action items and topics refer to them.
 */
import { annotateNote } from '../annotate/annotate.js';
import { vocabularyOf } from '../formats/registry.js';
import type { CompiledVocabulary } from '../formats/vocabulary.js';
import type { CollectionConfig } from '../read/config.js';
import { extractActionItems } from './actions.js';
import { extractDecisions } from './decisions.js';
import { extractMeta } from './meta.js';
import { extractPeople } from './people.js';
import { extractReferences } from './references.js';
import { extractTopics } from './topics.js';
import { otherNames } from './topics/other-names.js';
import { extractAcronyms } from './topics/acronyms.js';
import { terms } from '../../schema/terms.js';
import type { ActionItemRecord, DecisionRecord, MeetingRecord, Message, Note, PassageRecord, TopicRecord } from '../types.js';
import type { ExtractContext } from './context.js';

/**
 * Extracts everything Quorum keeps about one note, read with a vocabulary: its
 * format's unless given (every stage reads the one annotate holds).
 */
export function extractMeeting(note: Note, config: CollectionConfig, vocabulary: CompiledVocabulary = vocabularyOf(note.format)): MeetingRecord {
  const annotations = annotateNote(note, vocabulary);
  const meta = extractMeta(note, annotations.vocabulary);
  const people = extractPeople(note, config);
  const refs = extractReferences(note, meta, config, annotations.vocabulary);
  const paths = new Map<number, string>();
  const sectionPath = (id: number): string => {
    if (id < 0) return '';
    let p = paths.get(id);
    if (p === undefined) {
      const s = note.sections[id]!;
      const up = sectionPath(s.parent);
      p = up && s.heading ? `${up} › ${s.heading}` : up || s.heading;
      paths.set(id, p);
    }
    return p;
  };
  const passages: PassageRecord[] = [];
  // Threads need only the note and which blocks are passages (the annotate pass); each passage records its thread and role.
  const { passageOf, threads } = annotations;
  for (const b of note.blocks) {
    const i = passageOf[b.id]!;
    if (i < 0) continue;
    const speaker = people.speakerOf[b.id] ?? null;
    const passage: PassageRecord = {
      text: b.text,
      startLine: b.startLine,
      endLine: b.endLine,
      section: sectionPath(b.section),
      speaker,
      refs: refs.refsOf[b.id] ?? [],
    };
    const as = people.speakerAs[b.id];
    if (speaker !== null && as) passage.speakerAs = as;
    passage.thread = threads.threadOf[i] ?? i;
    passage.role = threads.roleOf[i] ?? null;
    passage.head = threads.headOf[i] ?? false;
    const aka = otherNames(b.text, annotations.vocabulary.tables.names);
    if (aka.length) passage.aka = aka;
    passages.push(passage);
  }
  const ctx: ExtractContext = { note, config, meta, people, refs, passages, passageOf, threads, annotations, sectionPath };
  const decisions = extractDecisions(ctx);
  const actions = extractActionItems(ctx);
  // The meeting's people are the people stage's and the owners the actions stage added; topics reads them all.
  const withOwners: ExtractContext = { ...ctx, people: { ...people, people: actions.people } };
  const actionItems = actions.items;
  return {
    collection: note.collection,
    path: note.path,
    sha256: note.sha256,
    title: note.title,
    date: meta.date,
    series: meta.series,
    people: actions.people,
    attendees: people.attendees,
    passages,
    references: refs.references,
    decisions,
    actionItems,
    topics: withDecisionTopics(extractTopics(withOwners), decisions),
    acronyms: extractAcronyms(note, annotations, actions.people),
    messages: [...meta.messages, ...emptyLabels(note), ...ownerless(note, actionItems)],
  };
}

/**
 * The meeting's topics with the subjects of its decisions that the topics
 * stage did not name (kind `decision`): a decision is about them, so they are
 * topics of the meeting too (the loader writes what this returns, nothing more).
 */
function withDecisionTopics(topics: TopicRecord[], decisions: readonly DecisionRecord[]): TopicRecord[] {
  const named = new Set(topics.map((t) => t.name));
  const more = [...new Set(decisions.flatMap((d) => d.topics))].filter((name) => !named.has(name));
  return [...topics, ...more.map((name): TopicRecord => ({ name, key: terms(name).join(' '), weight: 1, passages: [], kind: 'decision' }))];
}

/** A block that is only a label (`Decision:`, `Alex:`) with nothing after it or under it: what it introduced is missing. */
function emptyLabels(note: Note): Message[] {
  const owners = new Set(note.blocks.map((b) => b.parent));
  return note.blocks
    .filter((b, i) => {
      if (b.kind !== 'paragraph' && b.kind !== 'item') return false;
      const text = b.text.replace(/[*_]/g, '').trim();
      // A label is short and on one line (`Next:`, `Facilitator & Note Taker:`); a longer line ending in a colon introduces code or a quote.
      if (!/^[\p{L}@][^:\n]{0,40}:$/u.test(text) || text.split(/\s+/).length > 5 || owners.has(b.id)) return false;
      // Whatever follows before a heading or a shallower block (a paragraph under `Notes:`, the siblings of `- Attendees:`) may be what it introduced.
      const next = note.blocks[i + 1];
      return !next || next.kind === 'heading' || next.depth < b.depth;
    })
    .map((b) => ({ path: note.path, line: b.startLine, reason: `label "${b.text.trim()}" has nothing after it` }));
}

/** Action items whose owner could not be told: neither a person of the meeting nor a group. */
function ownerless(note: Note, items: readonly ActionItemRecord[]): Message[] {
  return items.filter((a) => a.owner === null && !a.ownerGroup).map((a) => ({ path: note.path, line: a.startLine, reason: 'action item with no owner found' }));
}
