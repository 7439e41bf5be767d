import { SubgraphDefinition } from '../../lib/subgraph';
import { migrations } from './migrations';
import { isSeeded, seedPeople, seedReferenceData } from '../../seed/partners';
import { buildPartnersService } from './server';

/** Everything needed to run the partners subgraph: entry point, `npm start` and tests share it. */
export const partners: SubgraphDefinition = {
  name: 'partners',
  migrations,
  seedReferenceData,
  isSeeded,
  seedPeople,
  build: buildPartnersService,
};
