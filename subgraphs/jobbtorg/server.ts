import path from 'node:path';
import { subgraphBuilder } from '../../lib/subgraph';
import { createContext } from './context';
import { recordPolicy } from './records';
import { resolvers } from './resolvers';

/** The jobbtorg subgraph over its own database. Builds, never listens. */
export const buildJobbtorgService = subgraphBuilder(path.join(__dirname, 'schema.graphql'), resolvers, createContext, recordPolicy);
