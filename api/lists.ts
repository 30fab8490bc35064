/**
 * A parent's lists read with it. A root query that returns meetings or a
 * person also reads the lists the request selects of them (a meeting's
 * attendees, speakers, …; a person's meetings and topics), so one query
 * answers the request where a query for the parents and one per list would
 * take a transaction more and several queries (queries/parts/meeting-lists.cypher).
 * The lists ride on the parent's row, and the loaders (loaders.ts) answer
 * from them; a parent found another way (a passage's meeting) is answered by
 * the loaders' batch queries, which include the same parts.
 */
import type { GraphQLResolveInfo } from 'graphql';
import type { Row } from '../db/driver.js';
import { selectedFirst, selectsField } from './selection.js';

/**
 * The lists of each type a root query may read with it: null for a whole list,
 * a number for a list cut at `first` (its default in the schema).
 */
export const CARRIED = {
  Meeting: { attendees: null, speakers: null, references: null, decisions: null, actionItems: null, topics: null, passages: 500 },
  Person: { meetings: 50, topics: 20 },
} as const;

type Carried = typeof CARRIED;

/** What a root query's `$lists` holds: per list, whether to read it, or how many (0: none). */
export type Lists<T extends keyof Carried> = { [F in keyof Carried[T]]: Carried[T][F] extends number ? number : boolean };

/**
 * Which lists of `type` the request selects, as the root query's `$lists`.
 * Without `info` (a resolver called by another, as `ask` does) none: the
 * loaders read what the answer selects.
 */
export function listsOf<T extends keyof Carried>(info: GraphQLResolveInfo | undefined, type: T): Lists<T> {
  const out: Record<string, number | boolean> = {};
  for (const [field, first] of Object.entries(CARRIED[type] as Record<string, number | null>)) {
    out[field] = first === null ? !!info && selectsField(info, type, field) : selectedFirst(info, type, field, first);
  }
  return out as Lists<T>;
}

/**
 * The parent `node` with the lists its row read, under their field names,
 * for the loaders to answer from; a list not read is left off, so the
 * loaders read it.
 */
export function withLists<T extends keyof Carried>(node: Row, row: Row, lists: Lists<T>): Row {
  const out: Row = { ...node };
  for (const [field, read] of Object.entries(lists)) if (read) out[field] = row[field];
  return out;
}
