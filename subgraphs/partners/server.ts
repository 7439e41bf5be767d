import { subgraphBuilder } from '../../lib/subgraph';
import { schemaPathsOf } from '../../schema/subgraphs';
import { createContext } from './context';
import { recordPolicy } from './records';
import { resolvers } from './resolvers';

/** The partners subgraph over its own database. Builds, never listens. */
export const buildPartnersService = subgraphBuilder(schemaPathsOf('partners'), resolvers, createContext, recordPolicy);
