import { subgraphBuilder } from '../../lib/subgraph';
import { schemaPathsOf } from '../../schema/subgraphs';
import { createContext } from './context';
import { recordPolicy } from './records';
import { resolvers } from './resolvers';

/** The jobbtorg subgraph over its own database. Builds, never listens. */
export const buildJobbtorgService = subgraphBuilder(schemaPathsOf('jobbtorg'), resolvers, createContext, recordPolicy);
