/**
 * Root fields and computed fields, one line each: arguments are checked in
 * args.ts, each root field runs one query file, nested fields are batched by
 * loaders.ts.
 */
import { GraphQLScalarType, Kind, type GraphQLResolveInfo } from 'graphql';
import { answerQuestion } from './ask.js';
import { DECISION, DISCUSSION, TIMELINE, TOPIC } from './calibration.js';
import { badInput } from './errors.js';
import { dateArg, filters, personLookup, refOrTopicArgs, required, searchArgs, topicArgs } from './args.js';
import type { Context } from './loaders.js';
import { MEETING_LISTS, type DiscussionRow, type Located, type PassageRow, type PersonRow, type TimelineRow } from './queries.js';
import { selectedByType, selectedProperties, selectsField } from './selection.js';
import { sourceOf } from './source.js';
import { listsOf, withLists } from './lists.js';
import { explain, type Asked } from './explain.js';
import { acronymCandidates, type Expansion } from '../schema/terms.js';

type Args = Record<string, unknown>;

/** The types a meeting's query returns nodes of, with its lists (lists.ts). */
const MEETING_TYPES = Object.values(MEETING_LISTS);

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

/** Date: an ISO calendar date, "YYYY-MM-DD". */
export const DateScalar = new GraphQLScalarType({
  name: 'Date',
  description: 'An ISO calendar date, "YYYY-MM-DD".',
  serialize: (v) => (typeof v === 'string' ? v.slice(0, 10) : v === null ? null : String(v)),
  parseValue: (v) => dateArg(v, 'Date'),
  parseLiteral: (ast) => {
    if (ast.kind !== Kind.STRING || !ISO_DATE.test(ast.value)) throw badInput('Date', 'expected "YYYY-MM-DD"');
    return dateArg(ast.value, 'Date');
  },
});

/** What was asked, carried on each answer row for its `why` (api/explain.ts). */
const asked = (text: unknown, expansions: readonly Expansion[] = []): Asked => ({ text: String(text), expansions });

/**
 * A topic argument checked (args.ts topicArgs), its words expanded with the
 * acronyms the notes define that they spell or are (queries/acronyms.cypher):
 * `CoC` also finds "Code of Conduct", and "minimum supported Rust version"
 * also finds `MSRV`. Null when no word is searchable.
 */
async function topicOf(c: Context, a: Args, argument: string, firstDefault: number) {
  const p = topicArgs(a, argument, firstDefault);
  if (!p) return null;
  const expansions = await c.q.acronyms.run(c.db, { ...acronymCandidates(String(a[argument])), collection: p.collection });
  return { ...(expansions.length ? topicArgs(a, argument, firstDefault, expansions)! : p), expansions };
}

/** Whether a line links or names a reference by its number (`#43`, `/pull/43`). */
function linksRef(text: string, ref: string | null | undefined): boolean {
  const n = ref ? /#(\d+)$/.exec(ref)?.[1] : undefined;
  return n !== undefined && new RegExp(`(?:#|/)${n}\\b`).test(text);
}

/** Whether a request reads an answer's passages: asked for them, or for its why (read from them). */
function readsPassages(i: GraphQLResolveInfo | undefined, type: 'Discussion' | 'TimelineEntry'): boolean {
  return selectsField(i, type, 'passages') || selectsField(i, type, 'why');
}

/**
 * A reference's timeline, or a topic's: the meetings that point at the
 * references the topic names (topic-references.cypher) and those where it is
 * discussed (discussions.cypher), not every meeting with a passing word.
 */
async function timeline(c: Context, a: Args, p: NonNullable<ReturnType<typeof refOrTopicArgs>>, i?: GraphQLResolveInfo): Promise<TimelineRow[]> {
  const props = selectedByType(i, ['Meeting', 'Passage', 'Decision']);
  const decisions = selectsField(i, 'TimelineEntry', 'decisions');
  const passages = readsPassages(i, 'TimelineEntry');
  if (p.ref) return c.q.timeline.run(c.db, { refs: [p.ref], query: null, discussed: null, collection: p.collection, decisions, passages }, props);
  const found = await topicOf(c, a, 'ref', 100);
  if (!found) return [];
  const { expansions: _, ...t } = found;
  const [refs, discussed] = await Promise.all([
    c.q.topicReferences.run(c.db, { groups: t.groups, collection: t.collection, named: TIMELINE.named }),
    c.q.discussed.run(c.db, { ...t, ...TOPIC, ...DISCUSSION }),
  ]);
  return c.q.timeline.run(
    c.db,
    { refs: refs.map((r) => r.id), query: p.query, discussed: discussed.map((r) => r.id), collection: p.collection, decisions, passages },
    props,
  );
}

export const resolvers = {
  Date: DateScalar,
  Query: {
    meeting: async (_: unknown, a: Args, c: Context, i?: GraphQLResolveInfo) => {
      const lists = listsOf(i, 'Meeting');
      const [row] = await c.q.meeting.run(c.db, { collection: required(a, 'collection'), path: required(a, 'path'), lists }, selectedByType(i, MEETING_TYPES));
      return row ? withLists(row.meeting, row, lists) : null;
    },
    meetings: async (_: unknown, a: Args, c: Context, i?: GraphQLResolveInfo) => {
      const lists = listsOf(i, 'Meeting');
      const rows = await c.q.meetings.run(c.db, { ...filters(a, 50), lists }, selectedByType(i, MEETING_TYPES));
      return rows.map((r) => withLists(r.meeting, r, lists));
    },
    person: async (_: unknown, a: Args, c: Context, i?: GraphQLResolveInfo) => {
      const lists = listsOf(i, 'Person');
      const [row] = await c.q.person.run(c.db, { ...personLookup(a), lists }, selectedByType(i, ['Person', 'Meeting']));
      return row ? withLists(row.person, row, lists) : null;
    },
    search: async (_: unknown, a: Args, c: Context, i?: GraphQLResolveInfo) => {
      const p = searchArgs(a);
      return p ? (await c.q.search.run(c.db, p, selectedByType(i, ['Passage', 'Meeting', 'Person']))).map((r) => r.passage) : [];
    },
    collections: async (_: unknown, _a: Args, c: Context) => (await c.q.collections.run(c.db, {})).map((r) => r.collection),
    discussions: async (_: unknown, a: Args, c: Context, i?: GraphQLResolveInfo) => {
      const found = await topicOf(c, a, 'topic', 20);
      if (!found) return [];
      const { expansions, ...p } = found;
      const rows = await c.q.discussions.run(
        c.db,
        {
          ...p,
          ...TOPIC,
          ...DISCUSSION,
          people: selectsField(i, 'Discussion', 'people'),
          passages: readsPassages(i, 'Discussion'),
        },
        selectedByType(i, ['Meeting', 'Passage']),
      );
      return rows.map((r) => ({ ...r, asked: asked(a.topic, expansions) }));
    },
    decisions: async (_: unknown, a: Args, c: Context, i?: GraphQLResolveInfo) => {
      const found = await topicOf(c, a, 'about', 20);
      if (!found) return [];
      const { expansions, ...p } = found;
      return (await c.q.decisions.run(c.db, { ...p, ...TOPIC, ...DECISION }, selectedProperties(i))).map((r) => ({
        ...r.decision,
        score: r.score,
        asked: asked(a.about, expansions),
      }));
    },
    followUps: async (_: unknown, a: Args, c: Context, i?: GraphQLResolveInfo) => {
      const found = await topicOf(c, a, 'topic', 50);
      if (!found) return [];
      const { expansions: _e, ...p } = found;
      return c.q.followUps.run(c.db, { ...p, ...TOPIC }, selectedByType(i, ['Meeting']));
    },
    timeline: async (_: unknown, a: Args, c: Context, i?: GraphQLResolveInfo) => {
      const p = refOrTopicArgs(a);
      return p
        ? (await timeline(c, a, p, i)).map((r) => ({
            ...r,
            asked: { text: p.ref ? '' : String(a.ref), ref: p.ref },
          }))
        : [];
    },
    ask: async (_: unknown, a: Args, c: Context) => answerQuestion(a, c, resolvers.Query),
  },
  Person: {
    aliases: (p: PersonRow) => p.aliases ?? [],
    handles: (p: PersonRow) => p.handles ?? [],
  },
  Passage: { source: (x: Located) => sourceOf(x) },
  Decision: {
    source: (x: Located) => sourceOf(x),
    score: (d: { score?: number }) => d.score ?? null,
    why: (d: Located & { asked?: Asked }) => explain(d.asked, [d]),
  },
  Discussion: { why: (r: DiscussionRow & { asked?: Asked }) => explain(r.asked, r.passages) },
  TimelineEntry: { why: (r: { passages: PassageRow[]; asked?: Asked }) => explain(r.asked, r.passages, (x) => linksRef(x.text, r.asked?.ref)) },
  FollowUp: { score: () => 1 },
  ActionItem: { source: (x: Located) => sourceOf(x) },
};
