import { runSubgraph } from '../../lib/subgraph';
import { stadsdel } from './server';

void runSubgraph(stadsdel);
