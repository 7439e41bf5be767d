import { SubgraphDefinition, subgraphBuilder } from '../../lib/subgraph';
import { schemaPathsOf } from '../../schema/subgraphs';
import { recordPolicy, scopePolicy, writeActions } from './access';
import { createContext } from './context';
import { migrations } from './migrations';
import { insertReferenceData } from './migrations/reference';
import { resolvers } from './resolvers';

/** The jobbtorg subgraph over its own database. Builds, never listens. */
export const buildJobbtorgService = subgraphBuilder('jobbtorg', schemaPathsOf('jobbtorg'), resolvers, createContext, recordPolicy, scopePolicy, writeActions);

/** Everything needed to run the jobbtorg subgraph: its entry point, `npm start` and tests share it. */
export const jobbtorg: SubgraphDefinition = {
  name: 'jobbtorg',
  migrations,
  insertReferenceData,
  build: buildJobbtorgService,
};
