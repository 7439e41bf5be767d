import path from 'node:path';
import { Knex } from 'knex';
import { AppEnvironment } from '../../lib/config';
import { buildSubgraphService, loadTypeDefs } from '../../lib/subgraph';
import { createContext } from './context';
import { resolvers } from './resolvers';

/** The partners subgraph over its own database. Builds, never listens. */
export function buildPartnersService(db: Knex, environment: AppEnvironment) {
  return buildSubgraphService({
    typeDefs: loadTypeDefs(path.join(__dirname, 'schema.graphql')),
    resolvers,
    db,
    createContext,
    environment,
  });
}
