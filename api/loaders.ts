/**
 * Nested fields, batched: each loader answers a whole level of a GraphQL
 * response with one UNWIND query (mercurius collects the parents per request).
 */
import type { GraphQLResolveInfo } from 'graphql';
import type { Row } from '../db/driver.js';
import type { Reader } from './read-batch.js';
import type { Queries, Runner } from './queries.js';
import { selectedProperties } from './selection.js';

export interface Context {
  /** The request's reads (read-batch.ts): a level's loaders share one transaction. */
  db: Reader;
  q: Queries;
}

type LoaderQuery<T> = { obj: T; params: Record<string, unknown>; info?: GraphQLResolveInfo };

/**
 * A loader over a runner taking `{ids}` (and `first`, the largest any parent
 * asked for, cut per parent): maps each parent's key to the row's `field`.
 * The rows carry only the properties the request selects (selection.ts):
 * mercurius passes each call's `info` when its cache is off (a level's
 * parents are distinct nodes, and the ids are deduplicated here). A parent
 * whose row already carries the field (`carried`) is answered from it.
 */
function batch<T, R extends Row>(
  pick: (q: Queries) => Runner<{ ids: string[]; first?: number } & Row, R>,
  key: (obj: T) => string,
  field: keyof R,
  empty: unknown,
  firstDefault?: number,
  carried?: string,
) {
  /** The parent already holds the answer: its query read it (search.cypher's meeting and speaker). */
  const has = (obj: T) => carried !== undefined && Object.hasOwn(obj as object, carried);
  const loader = async (queries: LoaderQuery<T>[], ctx: Context): Promise<unknown[]> => {
    const asked = queries.filter((q) => !has(q.obj));
    const ids = [...new Set(asked.map((q) => key(q.obj)))];
    const firsts = queries.map((q) => clampFirst(q.params.first, firstDefault));
    const params = firstDefault === undefined ? { ids } : { ids, first: Math.max(...firsts) };
    const rows = ids.length ? await pick(ctx.q).run(ctx.db, params, selectedProperties(queries[0]?.info)) : [];
    const byId = new Map(rows.map((r) => [r.id as string, r[field]]));
    return queries.map((q, i) => {
      if (has(q.obj)) return (q.obj as Record<string, unknown>)[carried!] ?? empty;
      const v = byId.get(key(q.obj)) ?? empty;
      return Array.isArray(v) && firstDefault !== undefined ? v.slice(0, firsts[i]) : v;
    });
  };
  return { loader, opts: { cache: false } };
}

/** `first` arguments are clamped to 1..1000. */
export function clampFirst(value: unknown, fallback = 50): number {
  const n = typeof value === 'number' && Number.isFinite(value) ? Math.trunc(value) : fallback;
  return Math.min(1000, Math.max(1, n));
}

type Obj = { id: string };
type InMeeting = { meetingId: string };

export const loaders = {
  Meeting: {
    attendees: batch<Obj, Row>(
      (q) => q.meetingAttendees,
      (m) => m.id,
      'people',
      [],
    ),
    speakers: batch<Obj, Row>(
      (q) => q.meetingSpeakers,
      (m) => m.id,
      'people',
      [],
    ),
    references: batch<Obj, Row>(
      (q) => q.meetingReferences,
      (m) => m.id,
      'refs',
      [],
    ),
    decisions: batch<Obj, Row>(
      (q) => q.meetingDecisions,
      (m) => m.id,
      'decisions',
      [],
    ),
    actionItems: batch<Obj, Row>(
      (q) => q.meetingActionItems,
      (m) => m.id,
      'items',
      [],
    ),
    topics: batch<Obj, Row>(
      (q) => q.meetingTopics,
      (m) => m.id,
      'topics',
      [],
    ),
    passages: batch<Obj, Row>(
      (q) => q.meetingPassages,
      (m) => m.id,
      'passages',
      [],
      500,
    ),
  },
  Person: {
    meetings: batch<Obj, Row>(
      (q) => q.personMeetings,
      (p) => p.id,
      'meetings',
      [],
      50,
    ),
    topics: batch<Obj, Row>(
      (q) => q.personTopics,
      (p) => p.id,
      'topics',
      [],
      20,
    ),
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
