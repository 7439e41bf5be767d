import { buildSubgraphSchema } from '@apollo/subgraph';
import { GraphQLResolverMap } from '@apollo/subgraph/dist/schema-helper';
import { ExecutionResult, graphql, GraphQLSchema } from 'graphql';
import { Knex } from 'knex';
import { AuditRecorder } from '../../lib/audit/recorder';
import { Caller } from '../../lib/identity';
import { SubgraphName } from '../../lib/config';
import { loadTypeDefs, RequestScope } from '../../lib/subgraph';
import { schemaPathsOf } from '../../schema/subgraphs';
import { org } from './organisations';

/**
 * For unit tests of one subgraph without HTTP: its schema built the way lib/subgraph.ts
 * builds it, operations run as separate requests, and the SQL they cost.
 */

/** The subgraph schema of `subgraphs/<name>/schema.graphql` with its resolvers. */
export function subgraphSchema(name: string, resolvers: unknown): GraphQLSchema {
  return buildSubgraphSchema({
    typeDefs: loadTypeDefs(schemaPathsOf(name as SubgraphName)),
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

/** The caller unit tests act as. */
export const UNIT_TEST_CALLER: Caller = {
  organisation: org('CITY', 'TEST'),
  user: 'unit.test',
  scopes: ['records:read', 'records:write'],
  requestId: 'unit-test',
  operationName: null,
};

/** A request's scope without HTTP: no gateway token, and no peers to ask. */
export function testScope(db: Knex, caller: Caller = UNIT_TEST_CALLER): RequestScope {
  const nowhere = 'http://127.0.0.1:1/graphql';
  return {
    db,
    caller,
    gatewayToken: '',
    subgraphUrls: { stadsdel: nowhere, jobbtorg: nowhere, partners: nowhere },
    audit: new AuditRecorder(caller),
  };
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
