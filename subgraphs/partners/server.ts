import path from 'node:path';
import { subgraphBuilder } from '../../lib/subgraph';
import { createContext } from './context';
import { recordPolicy } from './records';
import { resolvers } from './resolvers';

/** The partners subgraph over its own database. Builds, never listens. */
export const buildPartnersService = subgraphBuilder(path.join(__dirname, 'schema.graphql'), resolvers, createContext, recordPolicy);
