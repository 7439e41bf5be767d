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
  ValueNode,
  valueFromASTUntyped,
  visit,
  visitWithTypeInfo,
} from 'graphql';
import { checkScalar, scalarChecks } from '../lib/scalars';
import { OperationMemo } from './operation-memo';

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

/** An argument that holds a custom scalar somewhere, as the document writes it. */
interface ScalarArgument {
  type: GraphQLInputType;
  value: ValueNode;
  /** `field.argument`, as errors name it. */
  path: string;
}

/**
 * The arguments of the operation, and of the fragments in its document (a fragment spread
 * in it carries arguments), whose types hold a custom scalar: the document's alone.
 */
export function scalarArgumentsOf(schema: GraphQLSchema, document: DocumentNode, operation: OperationDefinitionNode): ScalarArgument[] {
  const typeInfo = new TypeInfo(schema);
  const found: ScalarArgument[] = [];
  const nodes = [operation, ...document.definitions.filter((d) => d.kind === 'FragmentDefinition')];
  for (const node of nodes) {
    visit(
      node,
      visitWithTypeInfo(typeInfo, {
        Argument(argument) {
          const definition = typeInfo.getArgument();
          const field = typeInfo.getFieldDef();
          if (!definition || !field || !scalarsInside(definition.type)) return;
          found.push({ type: definition.type, value: argument.value, path: `${field.name}.${argument.name.value}` });
        },
      }),
    );
  }
  return found;
}

/** Throws the first bad custom-scalar argument of the operation, with this request's variables. */
export function checkScalarArguments(arguments_: readonly ScalarArgument[], variables: Record<string, unknown>): void {
  for (const { type, value, path } of arguments_) checkValue(type, valueFromASTUntyped(value, variables), path);
}

function scalarsInside(type: GraphQLInputType, seen = new Set<string>()): boolean {
  const named = getNamedType(type);
  if (isScalarType(named)) return Boolean(scalarChecks[named.name]);
  if (!isInputObjectType(named) || seen.has(named.name)) return false;
  seen.add(named.name);
  return Object.values(named.getFields()).some((f) => scalarsInside(f.type, seen));
}

/** Where the scalars are is found once per document (operation-memo.ts); their values are checked per request. */
export function scalarValidationPlugin<C extends object>(): ApolloServerPlugin<C> {
  const found = new OperationMemo<ScalarArgument[]>();
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ schema, document, operation, request }) {
          if (operation) checkScalarArguments(found.get(operation, '', () => scalarArgumentsOf(schema, document, operation)), request.variables ?? {});
        },
      };
    },
  };
}
