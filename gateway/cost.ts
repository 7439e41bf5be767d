import {
  DocumentNode,
  FieldNode,
  FragmentDefinitionNode,
  getNamedType,
  getNullableType,
  GraphQLCompositeType,
  GraphQLField,
  GraphQLSchema,
  isCompositeType,
  isInterfaceType,
  isListType,
  isObjectType,
  Kind,
  OperationDefinitionNode,
  SelectionSetNode,
  valueFromASTUntyped,
  visit,
} from 'graphql';

/**
 * How much work an operation asks of the subgraphs, counted before anything is fetched.
 * graphql-armor's cost limit counts `first` only when it is written as a literal and knows
 * nothing of list types, so `cases(first: $n)` and every unpaginated list would cost as
 * one item; this counts both.
 *
 * The model: every field selected costs 1, and a list multiplies everything under it by
 * its length. A list's length is its own `first` argument, or, for the `edges` of a Relay
 * connection, the connection's `first`; the value is the literal, else the request's
 * variable, else the variable's default, else the argument's default in the schema. A list
 * with no `first` anywhere (`person.jobbtorgCases`) counts as `defaultListSize` items.
 * A list of scalars is one value and costs 1. Meta fields (`__typename`, introspection)
 * cost nothing: the gateway answers them without a subgraph.
 *
 * It runs on a validated document (Apollo validates before `didResolveOperation`), so every
 * field and fragment exists and fragments do not cycle. Each fragment's cost is computed
 * once (per type and page it is spread into), so a document that spreads fragments
 * exponentially often takes linear time to count, however large the number it counts to.
 */

export interface CostOptions {
  /** Items assumed in a list field that no `first` bounds. */
  defaultListSize: number;
}

/** One field a selection set selects, with the type it is selected on. */
export interface SelectedField {
  node: FieldNode;
  parent: GraphQLCompositeType;
  /** Undefined for meta fields (`__typename`, `__schema`, `__type`). */
  definition?: GraphQLField<unknown, unknown>;
}

/**
 * Walks a selection set field by field. `onSpread` is called for each named fragment
 * instead of expanding it, so callers can memoise per fragment.
 */
export function forEachSelection(
  schema: GraphQLSchema,
  type: GraphQLCompositeType,
  selectionSet: SelectionSetNode,
  onField: (field: SelectedField) => void,
  onSpread: (fragment: FragmentDefinitionNode, type: GraphQLCompositeType) => void,
  fragments: Record<string, FragmentDefinitionNode>,
): void {
  for (const selection of selectionSet.selections) {
    if (selection.kind === Kind.FIELD) {
      const fields = isObjectType(type) || isInterfaceType(type) ? type.getFields() : {};
      onField({ node: selection, parent: type, definition: fields[selection.name.value] });
    } else if (selection.kind === Kind.INLINE_FRAGMENT) {
      const narrowed = selection.typeCondition ? schema.getType(selection.typeCondition.name.value) : type;
      forEachSelection(schema, isCompositeType(narrowed) ? narrowed : type, selection.selectionSet, onField, onSpread, fragments);
    } else {
      const fragment = fragments[selection.name.value];
      const narrowed = fragment && schema.getType(fragment.typeCondition.name.value);
      if (fragment && isCompositeType(narrowed)) onSpread(fragment, narrowed);
    }
  }
}

/** The named fragments of a document, by name. */
export function fragmentsOf(document: DocumentNode): Record<string, FragmentDefinitionNode> {
  const fragments: Record<string, FragmentDefinitionNode> = {};
  for (const definition of document.definitions) {
    if (definition.kind === Kind.FRAGMENT_DEFINITION) fragments[definition.name.value] = definition;
  }
  return fragments;
}

/** `first` as this request gives it: literal, variable, variable default, schema default. */
function firstArgument(
  field: SelectedField,
  variables: Record<string, unknown>,
  variableDefaults: Record<string, unknown>,
): number | undefined {
  const declared = field.definition?.args.find((a) => a.name === 'first');
  if (!declared) return undefined;
  const given = field.node.arguments?.find((a) => a.name.value === 'first');
  let value: unknown = declared.defaultValue;
  if (given?.value.kind === Kind.VARIABLE) {
    const name = given.value.name.value;
    value = name in variables ? variables[name] : name in variableDefaults ? variableDefaults[name] : value;
  } else if (given) {
    value = valueFromASTUntyped(given.value);
  }
  // A value that is not a count fails coercion later; until then it costs like the default.
  const count = typeof value === 'number' && Number.isFinite(value) ? value : declared.defaultValue;
  // A page of 0 still plans its fetches, so it costs at least what one item does.
  return typeof count === 'number' ? Math.max(1, Math.floor(count)) : undefined;
}

/**
 * Whether a request's variables can change the document's cost: only a `first` given as a
 * variable does (`firstArgument`). Without one, every request with the document costs the same.
 */
export function costReadsVariables(document: DocumentNode): boolean {
  let reads = false;
  visit(document, {
    Argument(argument) {
      if (argument.name.value === 'first' && argument.value.kind === Kind.VARIABLE) reads = true;
    },
  });
  return reads;
}

/** The cost of `operation` (see the module comment for the model). */
export function operationCost(
  schema: GraphQLSchema,
  document: DocumentNode,
  operation: OperationDefinitionNode,
  variables: Record<string, unknown>,
  options: CostOptions,
): number {
  const fragments = fragmentsOf(document);
  const variableDefaults: Record<string, unknown> = {};
  for (const definition of operation.variableDefinitions ?? []) {
    if (definition.defaultValue) variableDefaults[definition.variable.name.value] = valueFromASTUntyped(definition.defaultValue);
  }
  const memo = new Map<string, number>();

  /** `page`: the `first` of the connection this selection set belongs to, if any. */
  const costOf = (type: GraphQLCompositeType, selectionSet: SelectionSetNode, page: number | undefined): number => {
    let total = 0;
    forEachSelection(
      schema,
      type,
      selectionSet,
      (field) => {
        if (!field.definition) return;
        if (!field.node.selectionSet) {
          total += 1;
          return;
        }
        const first = firstArgument(field, variables, variableDefaults);
        const isList = isListType(getNullableType(field.definition.type));
        const length = isList ? (first ?? page ?? options.defaultListSize) : 1;
        const childType = getNamedType(field.definition.type) as GraphQLCompositeType;
        // A connection's `first` sizes the lists inside it (its edges), not the connection.
        total += length * (1 + costOf(childType, field.node.selectionSet, isList ? undefined : first));
      },
      (fragment, narrowed) => {
        const key = `${fragment.name.value}:${narrowed.name}:${page ?? ''}`;
        if (!memo.has(key)) {
          memo.set(key, 0); // a cycle (only in an unvalidated document) costs nothing more
          memo.set(key, costOf(narrowed, fragment.selectionSet, page));
        }
        total += memo.get(key)!;
      },
      fragments,
    );
    return total;
  };

  const root = schema.getRootType(operation.operation);
  return root ? costOf(root, operation.selectionSet, undefined) : 0;
}
