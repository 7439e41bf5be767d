import { ApolloServerPlugin } from '@apollo/server';
import { maxAliasesRule } from '@escape.tech/graphql-armor-max-aliases';
import { maxDepthRule } from '@escape.tech/graphql-armor-max-depth';
import { maxDirectivesRule } from '@escape.tech/graphql-armor-max-directives';
import {
  DocumentNode,
  getNamedType,
  GraphQLCompositeType,
  GraphQLError,
  GraphQLSchema,
  OperationDefinitionNode,
  SelectionSetNode,
  validate,
  ValidationContext,
} from 'graphql';
import { limitExceeded } from '../lib/errors';
import { costReadsVariables, forEachSelection, fragmentsOf, operationCost } from './cost';
import { OperationMemo } from './operation-memo';

/**
 * What one request may ask of the gateway, checked before any subgraph is called. Each
 * rejection is a GraphQLError with HTTP 400 and its own `extensions.code`, with the limit
 * and what the operation came to (`extensions.limit`, `extensions.found`).
 *
 * Tokens are counted by graphql-js's own parser (Apollo's `parseOptions.maxTokens`), so an
 * oversized document is never parsed whole; it is answered `GRAPHQL_PARSE_FAILED` by
 * Apollo. Depth, aliases and directives are graphql-armor's rules; cost and recursion are
 * ours (see `cost.ts` for why). Everything but the token count runs in
 * `didResolveOperation`: after Apollo's validation (so the document is known to be sound),
 * before the query plan, and with the request's variables, which the cost needs and which
 * a validation rule never sees. Apollo would also replace a validation rule's code with
 * `GRAPHQL_VALIDATION_FAILED`, and callers are owed the reason.
 *
 * The defaults are measured against the legitimate operations we know (README.md and every
 * query in test/): the deepest is the N+1 test's page of cases (`cases → edges → node →
 * person → jobSeekerRegistrations → plannedActivities → provider → name`, depth 8), and the
 * same query at `first: 100` is the costliest (68 301). None uses an alias or a directive,
 * none repeats a field along a path, and the largest has 167 tokens. Each default leaves
 * room above those and stops the shapes that make one request cost many: see each field.
 */
export interface QueryLimits {
  /**
   * Fields nested in fields, fragments flattened, introspection (`__schema`) not counted.
   * Default 12: the deepest known operation is 8, and a Relay page spends two levels on
   * `edges { node }`, so a client may go two entities further than any does today.
   */
  maxDepth: number;
  /**
   * Aliased fields in one operation, `__typename` included (twenty aliases of it are twenty
   * fields to answer like any others). Default 20: aliases are how one
   * request asks for the same person twenty times; no known operation uses any, and a
   * screen that compares a household or a few months side by side needs far fewer.
   */
  maxAliases: number;
  /**
   * Directives written in one operation. Default 10: the supergraph's executable directives
   * are `@include` and `@skip`, one per optional section of a screen is plenty, and a long
   * run of directives is only there to make validation slow.
   */
  maxDirectives: number;
  /**
   * The cost `operationCost` counts. Default 200 000, about three times the costliest known
   * operation (the N+1 test's 100 cases with the person's records under each, 68 301; the
   * README's full person record is 5 888): a full page may carry lists two deep under each
   * item, but lists three deep under a full page (100 × 10 × 10 × 10 × 2 fields), or a page
   * of 100 people with the README's whole record under each (about 590 000), exceed it.
   */
  maxCost: number;
  /**
   * Items the cost assumes in a list with no `first` (a person's cases, a plan's
   * interventions, a week's schedule). Default 10: a person has a few cases, a plan some
   * interventions, a schedule at most five weekdays, a year twelve decision months.
   */
  defaultListSize: number;
  /**
   * Lexical tokens in the document (Apollo's `parseOptions.maxTokens`). Default 2 000: the
   * largest known document (README's two queries) has 167, graphql-js's full introspection
   * query (what Sandbox sends, development only) 184; a 2 MB body could otherwise hold
   * hundreds of thousands of tokens for the parser and every later pass.
   */
  maxTokens: number;
  /**
   * How often the same field (`Case.person`) may occur along one path. Default 2: going
   * from a case to its person and on to that person's other cases is legitimate; going
   * round a third time only multiplies the same records.
   */
  maxRecursion: number;
  /**
   * Fields one operation selects once every fragment is expanded where it is spread, so a
   * small document whose fragments spread each other cannot stand for thousands of fields.
   * Default 500: the largest registered partner operation (a plan-conflict inbox) selects 43
   * and the README's full person record 63; a screen asking several times that is asking for
   * more than it shows.
   */
  maxSelections: number;
  /**
   * How often one field (by response key) may be selected under one parent, fragments
   * expanded. Default 5: a field asked for in a selection and again in a fragment or two is
   * ordinary; graphql merges the copies, so hundreds of them only make every pass slower.
   */
  maxFieldRepeats: number;
}

export const DEFAULT_LIMITS: Readonly<QueryLimits> = Object.freeze({
  maxDepth: 12,
  maxAliases: 20,
  maxDirectives: 10,
  maxCost: 200_000,
  defaultListSize: 10,
  maxTokens: 2_000,
  maxRecursion: 2,
  maxSelections: 500,
  maxFieldRepeats: 5,
});

/** The limits with any the caller sets; a value that is not a positive integer is refused at start. */
export function resolveLimits(overrides: Partial<QueryLimits> = {}): QueryLimits {
  const limits = { ...DEFAULT_LIMITS, ...overrides };
  for (const [name, value] of Object.entries(limits)) {
    if (!Number.isInteger(value) || value < 1) throw new Error(`query limit ${name} must be a positive integer, not ${value}`);
  }
  return limits;
}

/** The field that occurs most often along one path of `operation`, and how often. */
export function deepestRecursion(
  schema: GraphQLSchema,
  document: DocumentNode,
  operation: OperationDefinitionNode,
): { field: string; count: number } | undefined {
  const fragments = fragmentsOf(document);
  const memo = new Map<string, Map<string, number>>();

  // For each field, the most times it occurs on one path down from this selection set.
  const countsOf = (type: GraphQLCompositeType, selectionSet: SelectionSetNode): Map<string, number> => {
    const counts = new Map<string, number>();
    const keepMax = (field: string, n: number) => counts.set(field, Math.max(counts.get(field) ?? 0, n));
    forEachSelection(
      schema,
      type,
      selectionSet,
      ({ node, parent, definition }) => {
        if (!definition || !node.selectionSet) return; // a leaf cannot hold itself
        const self = `${parent.name}.${node.name.value}`;
        const below = countsOf(getNamedType(definition.type) as GraphQLCompositeType, node.selectionSet);
        for (const [field, n] of below) keepMax(field, n);
        keepMax(self, (below.get(self) ?? 0) + 1);
      },
      (fragment, narrowed) => {
        const key = `${fragment.name.value}:${narrowed.name}`;
        if (!memo.has(key)) {
          memo.set(key, new Map()); // a cycle (only in an unvalidated document) adds nothing
          memo.set(key, countsOf(narrowed, fragment.selectionSet));
        }
        for (const [field, n] of memo.get(key)!) keepMax(field, n);
      },
      fragments,
    );
    return counts;
  };

  const root = schema.getRootType(operation.operation);
  let deepest: { field: string; count: number } | undefined;
  for (const [field, count] of root ? countsOf(root, operation.selectionSet) : []) {
    if (!deepest || count > deepest.count) deepest = { field, count };
  }
  return deepest;
}

/** The field selected most often under one parent, and how often. */
export interface Repeat {
  field: string;
  count: number;
}

/**
 * What `operation` comes to with every fragment expanded where it is spread: how many
 * fields it selects, and the field repeated most under one parent (`Parent.responseKey`).
 */
export function expandedSelections(
  schema: GraphQLSchema,
  document: DocumentNode,
  operation: OperationDefinitionNode,
): { selections: number; repeated?: Repeat } {
  const fragments = fragmentsOf(document);
  interface Expansion {
    selections: number;
    /** This level's fields by `Parent.responseKey`, a spread fragment's merged in. */
    keys: Map<string, number>;
    repeated?: Repeat;
  }
  const memo = new Map<string, Expansion>();

  const expand = (type: GraphQLCompositeType, selectionSet: SelectionSetNode): Expansion => {
    const level: Expansion = { selections: 0, keys: new Map() };
    const keep = (repeat?: Repeat) => {
      if (repeat && (!level.repeated || repeat.count > level.repeated.count)) level.repeated = repeat;
    };
    const add = (key: string, n: number) => level.keys.set(key, (level.keys.get(key) ?? 0) + n);
    forEachSelection(
      schema,
      type,
      selectionSet,
      ({ node, parent, definition }) => {
        level.selections += 1;
        add(`${parent.name}.${(node.alias ?? node.name).value}`, 1);
        if (!definition || !node.selectionSet) return;
        const below = expand(getNamedType(definition.type) as GraphQLCompositeType, node.selectionSet);
        level.selections += below.selections;
        keep(below.repeated);
      },
      (fragment, narrowed) => {
        const key = `${fragment.name.value}:${narrowed.name}`;
        if (!memo.has(key)) {
          memo.set(key, { selections: 0, keys: new Map() }); // a cycle (only in an unvalidated document) adds nothing
          memo.set(key, expand(narrowed, fragment.selectionSet));
        }
        const spread = memo.get(key)!;
        level.selections += spread.selections;
        for (const [field, n] of spread.keys) add(field, n);
        keep(spread.repeated);
      },
      fragments,
    );
    for (const [field, count] of level.keys) keep({ field, count });
    return level;
  };

  const root = schema.getRootType(operation.operation);
  if (!root) return { selections: 0 };
  const { selections, repeated } = expand(root, operation.selectionSet);
  return { selections, repeated };
}

/** graphql-armor's three rules, each reporting its rejection with our code. */
function armorRules(limits: QueryLimits) {
  const report = (code: string, limit: number) => (context: ValidationContext | null, error: GraphQLError) => {
    const found = /found (\d+)/.exec(error.message)?.[1];
    // armor prefixes "Syntax Error: ", which the document is not.
    context?.reportError(limitExceeded(code, error.message.replace(/^Syntax Error: /, ''), limit, found ? Number(found) : undefined));
  };
  const common = { propagateOnRejection: false, exposeLimits: true };
  return [
    maxDepthRule({ ...common, n: limits.maxDepth, flattenFragments: true, onReject: [report('QUERY_TOO_DEEP', limits.maxDepth)] }),
    maxAliasesRule({ ...common, n: limits.maxAliases, allowList: [], onReject: [report('TOO_MANY_ALIASES', limits.maxAliases)] }),
    maxDirectivesRule({ ...common, n: limits.maxDirectives, onReject: [report('TOO_MANY_DIRECTIVES', limits.maxDirectives)] }),
  ];
}

/** Throws the first limit `operation` exceeds. `document` must have passed validation. */
export function checkLimits(
  schema: GraphQLSchema,
  document: DocumentNode,
  operation: OperationDefinitionNode,
  variables: Record<string, unknown>,
  limits: QueryLimits,
): void {
  // Every operation in the document is judged by these, as armor does; only `operation` is costed.
  const [shapeError] = validate(schema, document, armorRules(limits));
  if (shapeError) throw shapeError;

  // Before the cost, whose walk an expanded document would make as long as the expansion.
  const { selections, repeated } = expandedSelections(schema, document, operation);
  if (selections > limits.maxSelections) {
    throw limitExceeded(
      'TOO_MANY_SELECTIONS',
      `Selection limit of ${limits.maxSelections} exceeded, found ${selections} fields once fragments are expanded.`,
      limits.maxSelections,
      selections,
    );
  }
  if (repeated && repeated.count > limits.maxFieldRepeats) {
    throw limitExceeded(
      'FIELD_REPEATED',
      `${repeated.field} is selected ${repeated.count} times under one parent, at most ${limits.maxFieldRepeats} allowed.`,
      limits.maxFieldRepeats,
      repeated.count,
    );
  }

  checkCost(schema, document, operation, variables, limits);

  const recursion = deepestRecursion(schema, document, operation);
  if (recursion && recursion.count > limits.maxRecursion) {
    throw limitExceeded(
      'QUERY_TOO_RECURSIVE',
      `${recursion.field} is nested in itself: it occurs ${recursion.count} times on one path, at most ${limits.maxRecursion} allowed.`,
      limits.maxRecursion,
      recursion.count,
    );
  }
}

/** Throws when `operation` costs more than `limits.maxCost` with these variables. */
export function checkCost(
  schema: GraphQLSchema,
  document: DocumentNode,
  operation: OperationDefinitionNode,
  variables: Record<string, unknown>,
  limits: QueryLimits,
): void {
  const cost = operationCost(schema, document, operation, variables, limits);
  if (cost > limits.maxCost) {
    throw limitExceeded(
      'QUERY_TOO_COSTLY',
      `Query cost limit of ${limits.maxCost} exceeded, found ${cost}: ask for smaller pages (first) or fewer nested lists.`,
      limits.maxCost,
      cost,
    );
  }
}

/**
 * Checks every operation against `limits` after validation, before any subgraph is called.
 * Everything but the cost is the document's alone: an operation that kept to it once is
 * only costed, with its request's variables, when it comes again (operation-memo.ts) — and
 * not even that when no variable can change its cost (no `first: $n`), since it was costed
 * with the rest the first time.
 */
export function queryLimitsPlugin<C extends object>(limits: QueryLimits): ApolloServerPlugin<C> {
  const shapeKept = new OperationMemo<true>();
  const costVaries = new OperationMemo<boolean>();
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ schema, document, operation, request }) {
          if (!operation) return;
          const variables = request.variables ?? {};
          let judgedInFull = false;
          shapeKept.get(operation, '', () => {
            checkLimits(schema, document, operation, variables, limits);
            judgedInFull = true;
            return true;
          });
          if (!judgedInFull && costVaries.get(operation, '', () => costReadsVariables(document))) checkCost(schema, document, operation, variables, limits);
        },
      };
    },
  };
}

/** Apollo's parse options for `limits`: the token count stops a huge document mid-parse. */
export function parseOptionsFor(limits: QueryLimits): { maxTokens: number } {
  return { maxTokens: limits.maxTokens };
}
