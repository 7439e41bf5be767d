import { subgraphBuilder } from '../../lib/subgraph';
import { schemaPathsOf } from '../../schema/subgraphs';
import { createContext } from './context';
import { recordPolicy } from './records';
import { resolvers } from './resolvers';

/** The stadsdel subgraph over its own database. Builds, never listens. */
export const buildStadsdelService = subgraphBuilder(schemaPathsOf('stadsdel'), resolvers, createContext, recordPolicy);
