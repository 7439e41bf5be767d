import { SubgraphDefinition } from '../../lib/subgraph';
import { migrations } from './migrations';
import { isSeeded, seedPeople, seedReferenceData } from '../../seed/stadsdel';
import { buildStadsdelService } from './server';

/** Everything needed to run the stadsdel subgraph: entry point, `npm start` and tests share it. */
export const stadsdel: SubgraphDefinition = {
  name: 'stadsdel',
  migrations,
  seedReferenceData,
  isSeeded,
  seedPeople,
  build: buildStadsdelService,
};
