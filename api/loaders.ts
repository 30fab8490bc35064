/**
 * Nested fields, batched: each loader answers a whole level of a GraphQL
 * response with one UNWIND query. The parents of a level are collected per
 * request and field here (`batch`), and a parent that already holds the
 * answer (its query read it: lists.ts) is answered at once.
 * Note: not mercurius's loaders, which turn every parent, whole, into a JSON
 * key to deduplicate calls: with the lists a parent carries that was a tenth
 * of the API's CPU for 50 meetings with their attendees.
 */
import type { GraphQLResolveInfo } from 'graphql';
import type { Row } from '../db/driver.js';
import type { Reader } from './read-batch.js';
import type { Queries, Runner } from './queries.js';
import { clampFirst } from './args.js';
import { CARRIED } from './lists.js';
import { selectedProperties } from './selection.js';

export interface Context {
  /** The request's reads (read-batch.ts): a level's loaders share one transaction. */
  db: Reader;
  q: Queries;
  /** The parents each loader is waiting to answer, until the end of this turn of the event loop. */
  pending?: Map<unknown, Waiting<never>[]>;
}

type LoaderQuery<T> = { obj: T; params: Record<string, unknown>; info?: GraphQLResolveInfo };
type Waiting<T> = LoaderQuery<T> & { resolve: (v: unknown) => void; reject: (err: unknown) => void };
type Loader<T> = (queries: LoaderQuery<T>[], ctx: Context) => Promise<unknown[]>;

/**
 * A field resolver that answers every parent of a request's level with one
 * call of `loader`: the parents asked for in one turn of the event loop (a
 * level's fields are resolved in one pass) are answered together on the next
 * tick. `ready`, when it gives an answer, answers a parent at once.
 */
function batched<T>(loader: Loader<T>, ready?: (obj: T, params: Record<string, unknown>) => unknown) {
  return (obj: T, params: Record<string, unknown>, ctx: Context, info: GraphQLResolveInfo): unknown => {
    const now = ready?.(obj, params);
    if (now !== undefined) return now;
    ctx.pending ??= new Map();
    let waiting = ctx.pending.get(loader) as Waiting<T>[] | undefined;
    if (!waiting) {
      const list: Waiting<T>[] = [];
      waiting = list;
      ctx.pending.set(loader, list as never);
      process.nextTick(() => {
        ctx.pending!.delete(loader);
        loader(list, ctx).then(
          (answers) => list.forEach((w, i) => w.resolve(answers[i])),
          (err) => list.forEach((w) => w.reject(err)),
        );
      });
    }
    return new Promise((resolve, reject) => waiting.push({ obj, params, info, resolve, reject }));
  };
}

/**
 * A field resolver over a runner taking `{ids}` (and, for a list cut at
 * `first`, `lists: {[field]: n}`, the largest `first` any parent asked for,
 * cut per parent): maps each parent's key to the row's `field`. The rows
 * carry only the properties the request selects (selection.ts). A parent
 * whose row already carries the field (`carried`: its root query read it,
 * lists.ts) is answered from it.
 */
function batch<T, R extends Row>(
  pick: (q: Queries) => Runner<{ ids: string[]; lists?: Record<string, number> } & Row, R>,
  key: (obj: T) => string,
  field: keyof R & string,
  empty: unknown,
  firstDefault?: number,
  carried?: string,
) {
  const cut = (v: unknown, first: unknown) => (Array.isArray(v) && firstDefault !== undefined ? v.slice(0, clampFirst(first, firstDefault)) : v);
  /** The parent already holds the answer: its query read it. */
  const ready =
    carried === undefined
      ? undefined
      : (obj: T, params: Record<string, unknown>) =>
          Object.hasOwn(obj as object, carried) ? cut((obj as Record<string, unknown>)[carried] ?? empty, params.first) : undefined;
  const loader: Loader<T> = async (queries, ctx) => {
    const ids = [...new Set(queries.map((q) => key(q.obj)))];
    const params =
      firstDefault === undefined ? { ids } : { ids, lists: { [field]: Math.max(...queries.map((q) => clampFirst(q.params.first, firstDefault))) } };
    const rows = await pick(ctx.q).run(ctx.db, params, selectedProperties(queries[0]?.info));
    const byId = new Map(rows.map((r) => [r.id as string, r[field]]));
    return queries.map((q) => cut(byId.get(key(q.obj)) ?? empty, q.params.first));
  };
  return batched(loader, ready);
}

/** A list of a parent that its root query may have read with it (lists.ts): the field, its batch query, its default `first`. */
function list<T extends Obj>(pick: (q: Queries) => Runner<{ ids: string[]; lists?: Record<string, number> } & Row, Row>, field: string, firstDefault?: number) {
  return batch<T, Row>(pick, (x) => x.id, field, [], firstDefault, field);
}

type Obj = { id: string };
type InMeeting = { meetingId: string };

export const loaders = {
  Meeting: {
    attendees: list((q) => q.meetingAttendees, 'attendees'),
    speakers: list((q) => q.meetingSpeakers, 'speakers'),
    references: list((q) => q.meetingReferences, 'references'),
    decisions: list((q) => q.meetingDecisions, 'decisions'),
    actionItems: list((q) => q.meetingActionItems, 'actionItems'),
    topics: list((q) => q.meetingTopics, 'topics'),
    passages: list((q) => q.meetingPassages, 'passages', CARRIED.Meeting.passages),
  },
  Person: {
    meetings: list((q) => q.personMeetings, 'meetings', CARRIED.Person.meetings),
    topics: list((q) => q.personTopics, 'topics', CARRIED.Person.topics),
  },
  Reference: {
    meetings: batch<Obj, Row>(
      (q) => q.referenceMeetings,
      (r) => r.id,
      'meetings',
      [],
    ),
  },
  Topic: {
    meetings: batch<Obj, Row>(
      (q) => q.topicMeetings,
      (t) => t.id,
      'meetings',
      [],
    ),
  },
  Passage: {
    meeting: batch<InMeeting, Row>(
      (q) => q.meetingsById,
      (x) => x.meetingId,
      'meeting',
      null,
      undefined,
      'meeting',
    ),
    speaker: batch<Obj, Row>(
      (q) => q.passageSpeakers,
      (x) => x.id,
      'person',
      null,
      undefined,
      'speaker',
    ),
  },
  Decision: {
    meeting: batch<InMeeting, Row>(
      (q) => q.meetingsById,
      (x) => x.meetingId,
      'meeting',
      null,
    ),
    people: batch<Obj, Row>(
      (q) => q.decisionPeople,
      (d) => d.id,
      'people',
      [],
    ),
    topics: batch<Obj, Row>(
      (q) => q.decisionTopics,
      (d) => d.id,
      'topics',
      [],
    ),
    references: batch<Obj, Row>(
      (q) => q.decisionReferences,
      (d) => d.id,
      'refs',
      [],
    ),
  },
  ActionItem: {
    meeting: batch<InMeeting, Row>(
      (q) => q.meetingsById,
      (x) => x.meetingId,
      'meeting',
      null,
    ),
  },
};
