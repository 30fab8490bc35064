/**
 * The `ask` root field: reads the question (read-question.ts) and answers it
 * with the root field the interpretation names, through that field's own
 * resolver, so the Cypher is the field's. Filters a field does not take
 * (dates and series for timeline and followUps) are applied to its rows.
 */
import { required } from './args.js';
import { badInput } from './errors.js';
import type { Context } from './loaders.js';
import type { MeetingRow } from './queries.js';
import { readQuestion, type Interpretation } from './read-question.js';

type Args = Record<string, unknown>;
type RootResolver = (root: unknown, args: Args, ctx: Context) => Promise<unknown>;
/** The root resolvers ask answers with. */
export type RootFields = Record<'discussions' | 'decisions' | 'followUps' | 'timeline' | 'person', RootResolver>;

const within = (i: Interpretation, m: MeetingRow | undefined) =>
  !!m && (!i.series || m.series === i.series) && (!i.from || (!!m.date && m.date >= i.from)) && (!i.to || (!!m.date && m.date.slice(0, 10) <= i.to));

/** The longest question read. */
export const MAX_QUESTION_CHARS = 300;

/** Answers `ask(question)`; see the module comment. */
export async function answerQuestion(args: Args, ctx: Context, root: RootFields) {
  const question = required(args, 'question');
  // Note: a question is a sentence; reading costs time in the length, so longer text is refused.
  if (question.length > MAX_QUESTION_CHARS) throw badInput('question', `is longer than ${MAX_QUESTION_CHARS} characters; ask one short question`);
  const reading = readQuestion(question);
  if (!reading.understood) return { question, understood: false, interpretation: null, message: reading.message, suggestions: reading.suggestions };
  const i = reading.interpretation;
  const base = { question, understood: true, interpretation: i, message: null as string | null, suggestions: [] as string[] };
  const filters = { collection: i.collection, series: i.series, from: i.from, to: i.to };
  switch (i.kind) {
    case 'WHO_DISCUSSED':
      return { ...base, discussions: await root.discussions(null, { topic: i.topic, ...filters }, ctx) };
    case 'DECISIONS':
      return { ...base, decisions: await root.decisions(null, { about: i.topic, ...filters }, ctx) };
    case 'FOLLOW_UPS': {
      const rows = (await root.followUps(null, { topic: i.topic, collection: i.collection }, ctx)) as { firstMeeting: MeetingRow }[];
      return { ...base, followUps: rows.filter((r) => within(i, r.firstMeeting)) };
    }
    case 'EVOLUTION':
    case 'LAST_DISCUSSED': {
      const rows = ((await root.timeline(null, { ref: i.topic, collection: i.collection }, ctx)) as { meeting: MeetingRow }[]).filter((r) =>
        within(i, r.meeting),
      );
      return { ...base, timeline: i.kind === 'EVOLUTION' ? rows : rows.slice(-1) };
    }
    case 'WORKING_ON': {
      const person = await root.person(null, { name: i.person }, ctx);
      return { ...base, person, message: person ? null : `No one named "${i.person}" is in the graph.` };
    }
  }
}
