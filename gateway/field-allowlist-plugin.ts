import { ApolloServerPlugin } from '@apollo/server';
import {
  BREAK,
  DocumentNode,
  FieldNode,
  FragmentDefinitionNode,
  GraphQLSchema,
  isIntrospectionType,
  OperationDefinitionNode,
  TypeInfo,
  visit,
  visitWithTypeInfo,
} from 'graphql';
import { Organisation } from '../lib/auth/organisations';
import { fieldNotAllowed } from '../lib/errors';
import { fragmentsOf } from './cost';
import { allowlistOf } from './field-allowlist';
import { OperationMemo } from './operation-memo';

/**
 * Holds every request of a partner organisation to its field allowlist (field-allowlist.ts),
 * in every environment, after Apollo's validation and before the query plan, so no subgraph
 * is called for a refused request. Registered operations (operations.ts) narrow what a
 * partner may run in production; this narrows what any document may name, however it is
 * written: through fragments, inline fragments or aliases, the schema coordinate
 * (`Person.incomeSupportDecisions`) is what counts.
 */

/** Fields any caller may ask for: the gateway answers them without a subgraph. */
const META_FIELDS = new Set(['__typename']);
/** Introspection's entry points: allowed exactly where Apollo allows introspection (development). */
const INTROSPECTION_FIELDS = new Set(['__schema', '__type']);

export interface AllowlistOptions {
  /** Whether `__schema` and `__type` may be asked for (Apollo refuses them in production anyway). */
  introspection: boolean;
}

/** A field the allowlist does not hold, as its coordinate and where the document names it. */
export interface DisallowedField {
  coordinate: string;
  node: FieldNode;
}

/**
 * The first field of `operation`, in reading order with each fragment read where it is first
 * spread, that `allowed` does not hold; undefined when there is none. `document` must have
 * passed validation. Each fragment is read once: its type condition, not where it is spread,
 * decides the types of its fields, so a fragment spread a thousand times costs one reading.
 */
export function firstDisallowedField(
  schema: GraphQLSchema,
  document: DocumentNode,
  operation: OperationDefinitionNode,
  allowed: ReadonlySet<string>,
  options: AllowlistOptions,
): DisallowedField | undefined {
  const fragments = fragmentsOf(document);
  const read = new Set<string>();

  const firstIn = (definition: OperationDefinitionNode | FragmentDefinitionNode): DisallowedField | undefined => {
    const typeInfo = new TypeInfo(schema);
    let found: DisallowedField | undefined;
    visit(
      definition,
      visitWithTypeInfo(typeInfo, {
        Field(node) {
          const name = node.name.value;
          const parent = typeInfo.getParentType();
          if (META_FIELDS.has(name)) return undefined;
          // Below `__schema` or `__type`, which were judged on the way in.
          if (parent && isIntrospectionType(parent)) return undefined;
          if (INTROSPECTION_FIELDS.has(name) && options.introspection) return undefined;
          const coordinate = `${parent?.name ?? '(unknown type)'}.${name}`;
          if (allowed.has(coordinate)) return undefined;
          found = { coordinate, node };
          return BREAK;
        },
        FragmentSpread(node) {
          const fragment = fragments[node.name.value];
          if (!fragment || read.has(fragment.name.value)) return undefined;
          read.add(fragment.name.value);
          found = firstIn(fragment);
          return found ? BREAK : undefined;
        },
      }),
    );
    return found;
  };
  return firstIn(operation);
}

/** Refuses a partner organisation's request that names a field outside its allowlist, before any subgraph is called. */
export function fieldAllowlistPlugin<C extends { caller: { organisation: Organisation } }>(options: AllowlistOptions): ApolloServerPlugin<C> {
  // The first field outside each kind's allowlist, by operation: the document decides it alone.
  const judged = new OperationMemo<DisallowedField | undefined>();
  return {
    async requestDidStart({ contextValue }) {
      const { kind } = contextValue.caller.organisation;
      const allowed = allowlistOf(kind);
      if (!allowed) return {};
      return {
        async didResolveOperation({ schema, document, operation }) {
          const field = operation && judged.get(operation, kind, () => firstDisallowedField(schema, document, operation, allowed, options));
          if (field) throw fieldNotAllowed(kind, field);
        },
      };
    },
  };
}
