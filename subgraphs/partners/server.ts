import { SubgraphDefinition, subgraphBuilder } from '../../lib/subgraph';
import { schemaPathsOf } from '../../schema/subgraphs';
import { recordPolicy, scopePolicy, writeActions } from './access';
import { createContext } from './context';
import { migrations } from './migrations';
import { insertReferenceData } from './migrations/reference';
import { resolvers } from './resolvers';

/** The partners subgraph over its own database. Builds, never listens. */
export const buildPartnersService = subgraphBuilder('partners', schemaPathsOf('partners'), resolvers, createContext, recordPolicy, scopePolicy, writeActions);

/** Everything needed to run the partners subgraph: its entry point, `npm start` and tests share it. */
export const partners: SubgraphDefinition = {
  name: 'partners',
  migrations,
  insertReferenceData,
  build: buildPartnersService,
};
