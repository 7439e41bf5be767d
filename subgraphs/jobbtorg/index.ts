import { runSubgraph } from '../../lib/subgraph';
import { jobbtorg } from './server';

void runSubgraph(jobbtorg);
