import path from 'node:path';
import { buildSubgraphSchema } from '@apollo/subgraph';
import { GraphQLResolverMap } from '@apollo/subgraph/dist/schema-helper';
import { ExecutionResult, graphql, GraphQLSchema } from 'graphql';
import { Knex } from 'knex';
import { loadTypeDefs } from '../../lib/subgraph';

/**
 * For unit tests of one subgraph without HTTP: its schema built the way lib/subgraph.ts
 * builds it, operations run as separate requests, and the SQL they cost.
 */

/** The subgraph schema of `subgraphs/<name>/schema.graphql` with its resolvers. */
export function subgraphSchema(name: string, resolvers: unknown): GraphQLSchema {
  return buildSubgraphSchema({
    typeDefs: loadTypeDefs(path.join(__dirname, '../../subgraphs', name, 'schema.graphql')),
    resolvers: resolvers as GraphQLResolverMap<unknown>,
  });
}

/**
 * Runs one operation with a fresh context, as one request would: its own loaders, so
 * nothing is cached from an earlier operation.
 */
export function runOperation(
  schema: GraphQLSchema,
  contextValue: unknown,
  source: string,
  variableValues?: Record<string, unknown>,
): Promise<ExecutionResult> {
  return graphql({ schema, source, variableValues, contextValue });
}

/** How many SQL statements `work` sends through `db`. */
export async function countStatements(db: Knex, work: () => Promise<unknown>): Promise<number> {
  let statements = 0;
  const onQuery = () => {
    statements += 1;
  };
  db.on('query', onQuery);
  try {
    await work();
  } finally {
    db.removeListener('query', onQuery);
  }
  return statements;
}
