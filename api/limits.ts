/**
 * How much one GraphQL request may ask for, checked before anything runs:
 * depth and aliases as validation rules (named fragments expanded, which
 * mercurius's own `queryDepth` does not do), the estimated number of objects
 * with the request's variables, and the number of tokens while parsing.
 * A request over a limit is refused with QRM_ERR_TOO_COMPLEX naming it.
 */
import {
  GraphQLError,
  type DocumentNode,
  type FieldNode,
  type FragmentDefinitionNode,
  type GraphQLSchema,
  type OperationDefinitionNode,
  type SelectionSetNode,
  type ValidationRule,
  type ValueNode,
} from 'graphql';
import { QuorumError } from './errors.js';

export interface QueryLimits {
  /** Deepest nesting of fields; `ofType` (a 1:1 hop of introspection) does not count. */
  maxDepth: number;
  /** Aliased fields in one operation, counting each use of a fragment. */
  maxAliases: number;
  /** Objects the request may produce at most, estimated (see queryCost). */
  maxCost: number;
  /** Tokens in the query text (graphql's parser stops past it). */
  maxTokens: number;
  /** Items assumed for a list field without a `first` argument. */
  listEstimate: number;
}

export const DEFAULT_LIMITS: QueryLimits = { maxDepth: 10, maxAliases: 30, maxCost: 50_000, maxTokens: 3_000, listEstimate: 20 };

const TOO_COMPLEX = { code: 'QRM_ERR_TOO_COMPLEX' };

/** `first` arguments are clamped to 1..1000 by the resolvers; the estimate does the same. */
const MAX_FIRST = 1000;

type Fragments = (name: string) => FragmentDefinitionNode | null | undefined;

/**
 * Walks a selection set with named fragments expanded, memoised per fragment
 * so a fragment used many times (or fragments spreading each other in a
 * fan) costs one visit each. A fragment cycle counts as nothing here;
 * graphql's NoFragmentCycles rule refuses it.
 */
function measure(selectionSet: SelectionSetNode, fragments: Fragments) {
  const memo = new Map<string, { depth: number; aliases: number }>();
  const walk = (set: SelectionSetNode): { depth: number; aliases: number } => {
    let depth = 0;
    let aliases = 0;
    for (const s of set.selections) {
      let inner = { depth: 0, aliases: 0 };
      if (s.kind === 'Field') {
        if (s.selectionSet) inner = walk(s.selectionSet);
        const own = s.name.value === 'ofType' || s.name.value === '__typename' ? 0 : 1;
        inner = { depth: inner.depth + own, aliases: inner.aliases + (s.alias ? 1 : 0) };
      } else if (s.kind === 'InlineFragment') {
        inner = walk(s.selectionSet);
      } else {
        const name = s.name.value;
        const known = memo.get(name);
        if (known) inner = known;
        else {
          memo.set(name, inner); // a cycle reads zeros
          const fragment = fragments(name);
          if (fragment) inner = walk(fragment.selectionSet);
          memo.set(name, inner);
        }
      }
      depth = Math.max(depth, inner.depth);
      aliases += inner.aliases;
    }
    return { depth, aliases };
  };
  return walk(selectionSet);
}

/** Refuses operations nested deeper than maxDepth or with more than maxAliases aliases. */
export function depthAndAliasRule(limits: Pick<QueryLimits, 'maxDepth' | 'maxAliases'>): ValidationRule {
  return (context) => ({
    OperationDefinition(node: OperationDefinitionNode) {
      const { depth, aliases } = measure(node.selectionSet, (name) => context.getFragment(name));
      const name = node.name ? `operation "${node.name.value}"` : 'the query';
      if (depth > limits.maxDepth) {
        context.reportError(
          new GraphQLError(`${name} is nested ${depth} levels deep; the limit is ${limits.maxDepth}`, { nodes: [node], extensions: TOO_COMPLEX }),
        );
      }
      if (aliases > limits.maxAliases) {
        context.reportError(new GraphQLError(`${name} uses ${aliases} aliases; the limit is ${limits.maxAliases}`, { nodes: [node], extensions: TOO_COMPLEX }));
      }
    },
  });
}

/** Refuses `__schema` and `__type` (aliased or inside fragments) when introspection is off. */
export const noIntrospectionRule: ValidationRule = (context) => ({
  Field(node: FieldNode) {
    if (node.name.value === '__schema' || node.name.value === '__type') {
      context.reportError(
        new GraphQLError('introspection is switched off on this server', { nodes: [node], extensions: { code: 'QRM_ERR_INTROSPECTION_OFF' } }),
      );
    }
  },
});

/**
 * The estimated number of objects a document's largest operation produces:
 * an object field counts 1 plus its selections; a list of objects counts
 * `first` (from the literal, the variable, or the argument's default,
 * clamped to 1..1000) or `listEstimate` times that. Scalars are free.
 * Note: types are read by shape, not with graphql's `is*Type`: under vitest,
 * mercurius's schema comes from another copy of graphql.
 */
export function queryCost(schema: GraphQLSchema, document: DocumentNode, variables: Record<string, unknown> | undefined, listEstimate: number): number {
  const fragments = new Map<string, FragmentDefinitionNode>();
  for (const d of document.definitions) if (d.kind === 'FragmentDefinition') fragments.set(d.name.value, d);
  let worst = 0;
  for (const op of document.definitions) {
    if (op.kind !== 'OperationDefinition') continue;
    // Note: a Map, so a variable named `$constructor` or `__proto__` reads only what the client sent.
    const vars = new Map<string, unknown>(Object.entries(variables ?? {}));
    for (const v of op.variableDefinitions ?? []) {
      const name = v.variable.name.value;
      if (vars.get(name) === undefined && v.defaultValue) vars.set(name, intValue(v.defaultValue));
    }
    const root = schema.getRootType(op.operation);
    if (root) worst = Math.max(worst, costOf(op.selectionSet, root, { schema, fragments, vars, listEstimate, memo: new Map() }));
  }
  return worst;
}

interface CostState {
  schema: GraphQLSchema;
  fragments: Map<string, FragmentDefinitionNode>;
  vars: Map<string, unknown>;
  listEstimate: number;
  memo: Map<string, number>;
}

type AnyType = { ofType?: AnyType; getFields?: () => Record<string, Field> };
type Field = { type: AnyType; args: readonly { name: string; defaultValue?: unknown }[] };

function costOf(set: SelectionSetNode, type: unknown, s: CostState): number {
  // graphql's field maps have no prototype; an own-key check keeps it so for any map (a field named `constructor`).
  const fields = (type as AnyType).getFields?.() ?? {};
  let total = 0;
  for (const sel of set.selections) {
    if (sel.kind === 'InlineFragment') {
      total += costOf(sel.selectionSet, (sel.typeCondition && s.schema.getType(sel.typeCondition.name.value)) || type, s);
    } else if (sel.kind === 'FragmentSpread') {
      const name = sel.name.value;
      let c = s.memo.get(name);
      if (c === undefined) {
        s.memo.set(name, 0); // a cycle reads zero
        const f = s.fragments.get(name);
        c = f ? costOf(f.selectionSet, s.schema.getType(f.typeCondition.name.value) ?? type, s) : 0;
        s.memo.set(name, c);
      }
      total += c;
    } else if (sel.selectionSet) {
      const field = Object.hasOwn(fields, sel.name.value) ? fields[sel.name.value] : undefined;
      if (!field) continue;
      let named = field.type;
      while (named.ofType) named = named.ofType;
      const inner = 1 + costOf(sel.selectionSet, named, s);
      total += isList(field.type) ? listSize(sel, field, s) * inner : inner;
    }
  }
  return total;
}

/** A list, or a non-null list. */
function isList(type: AnyType): boolean {
  const nullable = type.constructor.name === 'GraphQLNonNull' ? type.ofType! : type;
  return nullable.constructor.name === 'GraphQLList';
}

function intValue(node: ValueNode): number | undefined {
  return node.kind === 'IntValue' ? Number(node.value) : undefined;
}

function listSize(node: FieldNode, field: Field, s: CostState): number {
  const def = field.args.find((a) => a.name === 'first');
  if (!def) return s.listEstimate;
  const arg = node.arguments?.find((a) => a.name.value === 'first');
  let v: unknown = def.defaultValue;
  if (arg) v = arg.value.kind === 'Variable' ? (s.vars.get(arg.value.name.value) ?? def.defaultValue) : intValue(arg.value);
  const n = typeof v === 'number' && Number.isFinite(v) ? Math.trunc(v) : s.listEstimate;
  return Math.min(MAX_FIRST, Math.max(1, n));
}

/** Throws QRM_ERR_TOO_COMPLEX when the document's estimated cost is over maxCost. */
export function checkCost(
  schema: GraphQLSchema,
  document: DocumentNode,
  variables: Record<string, unknown> | undefined,
  limits: Pick<QueryLimits, 'maxCost' | 'listEstimate'>,
): void {
  const cost = queryCost(schema, document, variables, limits.listEstimate);
  if (cost > limits.maxCost) {
    throw new QuorumError(
      'QRM_ERR_TOO_COMPLEX',
      `the query would produce about ${cost} objects; the limit is ${limits.maxCost} (ask for fewer with "first", or split the query)`,
    );
  }
}
