import { SubgraphDefinition, subgraphBuilder } from '../../lib/subgraph';
import { schemaPathsOf } from '../../schema/subgraphs';
import { recordPolicy, scopePolicy, writeActions } from './access';
import { createContext } from './context';
import { migrations } from './migrations';
import { insertReferenceData } from './migrations/reference';
import { resolvers } from './resolvers';

/** The stadsdel subgraph over its own database. Builds, never listens. */
export const buildStadsdelService = subgraphBuilder('stadsdel', schemaPathsOf('stadsdel'), resolvers, createContext, recordPolicy, scopePolicy, writeActions);

/** Everything needed to run the stadsdel subgraph: its entry point, `npm start` and tests share it. */
export const stadsdel: SubgraphDefinition = {
  name: 'stadsdel',
  migrations,
  insertReferenceData,
  build: buildStadsdelService,
};
