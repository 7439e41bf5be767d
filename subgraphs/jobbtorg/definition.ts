import { SubgraphDefinition } from '../../lib/subgraph';
import { migrations } from './migrations';
import { isSeeded, seedPeople, seedReferenceData } from '../../seed/jobbtorg';
import { buildJobbtorgService } from './server';

/** Everything needed to run the jobbtorg subgraph: entry point, `npm start` and tests share it. */
export const jobbtorg: SubgraphDefinition = {
  name: 'jobbtorg',
  migrations,
  seedReferenceData,
  isSeeded,
  seedPeople,
  build: buildJobbtorgService,
};
