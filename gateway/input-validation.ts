import { ApolloServerPlugin } from '@apollo/server';
import {
  DocumentNode,
  getNamedType,
  GraphQLInputType,
  GraphQLSchema,
  isInputObjectType,
  isListType,
  isNonNullType,
  isScalarType,
  OperationDefinitionNode,
  TypeInfo,
  valueFromASTUntyped,
  visit,
  visitWithTypeInfo,
} from 'graphql';
import { checkScalar, scalarChecks } from '../lib/scalars';

/**
 * The supergraph the gateway serves knows the custom scalars only by name, so without
 * this a bad personnummer would travel to a subgraph and come back as a validation failure
 * of the subgraph's request. Here every argument is checked with the same functions the
 * subgraphs parse with, before any subgraph is called, and a bad value is BAD_USER_INPUT
 * naming the field and argument at fault (e.g. `person.personnummer`).
 */

function checkValue(type: GraphQLInputType, value: unknown, path: string): void {
  if (value === null || value === undefined) return;
  if (isNonNullType(type)) return checkValue(type.ofType, value, path);
  if (isListType(type)) {
    const items = Array.isArray(value) ? value : [value];
    items.forEach((item, i) => checkValue(type.ofType, item, Array.isArray(value) ? `${path}[${i}]` : path));
    return;
  }
  if (isInputObjectType(type)) {
    if (typeof value !== 'object') return;
    const fields = type.getFields();
    for (const [name, fieldValue] of Object.entries(value as Record<string, unknown>)) {
      if (fields[name]) checkValue(fields[name].type, fieldValue, `${path}.${name}`);
    }
    return;
  }
  if (isScalarType(type) && scalarChecks[type.name]) checkScalar(type.name, value, path);
}

/** Throws the first bad custom-scalar argument of the operation. */
export function checkScalarArguments(
  schema: GraphQLSchema,
  document: DocumentNode,
  operation: OperationDefinitionNode,
  variables: Record<string, unknown>,
): void {
  const typeInfo = new TypeInfo(schema);
  // Fragments are checked too: a fragment spread in this operation carries arguments.
  const nodes = [operation, ...document.definitions.filter((d) => d.kind === 'FragmentDefinition')];
  for (const node of nodes) {
    visit(
      node,
      visitWithTypeInfo(typeInfo, {
        Argument(argument) {
          const definition = typeInfo.getArgument();
          const field = typeInfo.getFieldDef();
          if (!definition || !field || !scalarsInside(definition.type)) return;
          const value = valueFromASTUntyped(argument.value, variables);
          checkValue(definition.type, value, `${field.name}.${argument.name.value}`);
        },
      }),
    );
  }
}

function scalarsInside(type: GraphQLInputType, seen = new Set<string>()): boolean {
  const named = getNamedType(type);
  if (isScalarType(named)) return Boolean(scalarChecks[named.name]);
  if (!isInputObjectType(named) || seen.has(named.name)) return false;
  seen.add(named.name);
  return Object.values(named.getFields()).some((f) => scalarsInside(f.type, seen));
}

export function scalarValidationPlugin<C extends object>(): ApolloServerPlugin<C> {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ schema, document, operation, request }) {
          if (operation) checkScalarArguments(schema, document, operation, request.variables ?? {});
        },
      };
    },
  };
}
