/**
 * What a request selects of a node: the stored properties its GraphQL
 * selection reads, so a query returns only those (queries.ts `project`)
 * instead of every property of the node (a passage's index terms, a
 * meeting's hash). Like @neo4j/graphql's projection, from the selection set.
 */
import { Kind, valueFromASTUntyped, type GraphQLResolveInfo, type OperationDefinitionNode, type SelectionSetNode, type ValueNode } from 'graphql';
import { clampFirst } from './args.js';

/** What a passage's, decision's or action item's source link reads (api/source.ts). */
const SOURCE = ['startLine', 'endLine', 'collection', 'path', 'meetingUrl'];

/**
 * For each node type whose query writes its properties as `{.*`, the stored
 * properties each GraphQL field reads, or the keys the query gives beside
 * them (queries.ts `project`); `id` is always read (the loaders key on it).
 * A field not in the table (a computed one, say `why`) reads the whole node:
 * the selection then projects every property, as before.
 */
const READS: Record<string, Record<string, readonly string[]>> = {
  Meeting: {
    id: [],
    collection: ['collection'],
    path: ['path'],
    title: ['title'],
    date: ['date'],
    series: ['series'],
    url: ['url'],
    attendees: [],
    speakers: [],
    references: [],
    decisions: [],
    actionItems: [],
    topics: [],
    passages: [],
  },
  Person: { id: [], name: ['name'], aliases: ['aliases'], handles: ['handles'], meetings: [], topics: [] },
  // Note: a passage's, decision's and action item's collection, path and meetingUrl are given beside it by the query, from its meeting.
  Passage: { id: [], text: ['text'], section: ['section'], speaker: [], meeting: ['meetingId'], source: SOURCE },
  Decision: {
    id: [],
    text: ['text'],
    section: ['section'],
    meeting: ['meetingId'],
    people: [],
    topics: [],
    references: [],
    source: SOURCE,
    score: [],
  },
  ActionItem: {
    id: [],
    text: ['text'],
    ownerGroup: ['ownerGroup'],
    owner: [],
    owners: [],
    meeting: ['meetingId'],
    source: SOURCE,
  },
};

/**
 * Fields of the answer types that read whole nodes of another type: an
 * answer's `why` matches the topic against its passages' index terms.
 */
const WHOLE: Record<string, Record<string, readonly string[]>> = {
  Discussion: { why: ['Passage'] },
  TimelineEntry: { why: ['Passage'] },
};

/**
 * What one operation reads: of each type in the table, its properties (null:
 * every property); and the fields it selects of every type, as `Type.field`.
 */
interface Reads {
  props: Map<string, Set<string> | null>;
  fields: Set<string>;
  /** Of each selected `Type.field`, the `first` argument of each selection (undefined where not given). */
  firsts: Map<string, (ValueNode | undefined)[]>;
}

/** Per parsed operation (mercurius keeps a parsed document per query text, so a shape is read once). */
const byOperation = new WeakMap<OperationDefinitionNode, Reads>();

/**
 * The stored properties of the nodes of `type` (by default the type the
 * field being resolved returns) that the request selects anywhere in its
 * operation, sorted; null when every property is needed: no `info` (a
 * resolver called by another, as `ask` does), a type the table does not
 * have, or a field of the type the table does not know.
 * Note: read over the whole operation, not the one field, because mercurius
 * serves two aliased selections of one parent's field with one loader call.
 */
export function selectedProperties(info: GraphQLResolveInfo | undefined, type?: string): string[] | null {
  if (!info) return null;
  const name = type ?? namedType(info.returnType).name;
  if (!name || !READS[name]) return null;
  const props = readsFor(info).props.get(name);
  return props ? [...props].sort() : null;
}

function readsFor(info: GraphQLResolveInfo): Reads {
  let reads = byOperation.get(info.operation);
  if (!reads) {
    reads = readsOf(info);
    byOperation.set(info.operation, reads);
  }
  return reads;
}

/**
 * Whether the request selects `field` of `type` anywhere in its operation
 * (an answer's decisions, a discussion's people), so a query can leave out
 * the work of one it does not; true without `info` (a resolver called by
 * another reads everything).
 */
export function selectsField(info: GraphQLResolveInfo | undefined, type: string, field: string): boolean {
  return !info || readsFor(info).fields.has(`${type}.${field}`);
}

/**
 * For a query returning nodes of several types (an answer's meeting, its
 * passages and decisions), what the request reads of each: a list per type,
 * null for every property (see selectedProperties); a type the request selects
 * nowhere is read for its id alone (a passage's meeting that is not asked for).
 */
export function selectedByType(info: GraphQLResolveInfo | undefined, types: readonly string[]): Record<string, string[] | null> | null {
  if (!info) return null;
  const { props } = readsFor(info);
  return Object.fromEntries(types.map((t) => [t, READS[t] && !props.has(t) ? ['id'] : selectedProperties(info, t)]));
}

/**
 * The largest `first` the request gives `field` of `type` anywhere in its
 * operation (`fallback` where a selection gives none; clamped as args.ts
 * clamps), for a query that reads the list with its parent and cuts it per
 * parent after; 0 when the field is not selected or there is no `info`.
 */
export function selectedFirst(info: GraphQLResolveInfo | undefined, type: string, field: string, fallback: number): number {
  const uses = info ? readsFor(info).firsts.get(`${type}.${field}`) : undefined;
  if (!info || !uses) return 0;
  return Math.max(...uses.map((v) => clampFirst(v ? valueFromASTUntyped(v, info.variableValues) : undefined, fallback)));
}

/** A type as graphql-js builds it, read by shape (under vitest mercurius's schema comes from another copy of graphql). */
type AnyType = { name?: string; ofType?: AnyType; getFields?: () => Record<string, { type: AnyType }> };

function namedType(type: unknown): AnyType {
  let t = type as AnyType;
  while (t.ofType) t = t.ofType;
  return t;
}

function readsOf(info: GraphQLResolveInfo): Reads {
  const reads = new Map<string, Set<string> | null>();
  const selected = new Set<string>();
  const firsts = new Map<string, (ValueNode | undefined)[]>();
  const spread = new Set<string>();
  const walk = (set: SelectionSetNode, type: AnyType): void => {
    const table = type.name === undefined ? undefined : READS[type.name];
    const fields = type.getFields?.() ?? {};
    for (const sel of set.selections) {
      if (sel.kind === Kind.INLINE_FRAGMENT) {
        walk(sel.selectionSet, sel.typeCondition ? ((info.schema.getType(sel.typeCondition.name.value) as AnyType | undefined) ?? type) : type);
      } else if (sel.kind === Kind.FRAGMENT_SPREAD) {
        const f = info.fragments[sel.name.value];
        if (!f || spread.has(f.name.value)) continue;
        spread.add(f.name.value);
        walk(f.selectionSet, (info.schema.getType(f.typeCondition.name.value) as AnyType | undefined) ?? type);
      } else {
        const field = sel.name.value;
        if (type.name !== undefined) {
          const key = `${type.name}.${field}`;
          selected.add(key);
          const first = sel.arguments?.find((a) => a.name.value === 'first')?.value;
          firsts.set(key, [...(firsts.get(key) ?? []), first]);
        }
        const whole = type.name === undefined ? undefined : WHOLE[type.name];
        if (whole && Object.hasOwn(whole, field)) for (const t of whole[field]!) reads.set(t, null);
        if (table && field !== '__typename') {
          let props = reads.get(type.name!);
          if (props === undefined) reads.set(type.name!, (props = new Set(['id'])));
          const r = Object.hasOwn(table, field) ? table[field] : undefined;
          if (!r) reads.set(type.name!, null);
          else if (props) for (const p of r) props.add(p);
        }
        const def = Object.hasOwn(fields, field) ? fields[field] : undefined;
        if (sel.selectionSet && def) walk(sel.selectionSet, namedType(def.type));
      }
    }
  };
  const root = info.schema.getRootType(info.operation.operation) as AnyType | null | undefined;
  if (root) walk(info.operation.selectionSet, root);
  return { props: reads, fields: selected, firsts };
}
