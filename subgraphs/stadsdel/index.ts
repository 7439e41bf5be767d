import { runSubgraph } from '../../lib/subgraph';
import { stadsdel } from './definition';

void runSubgraph(stadsdel);
