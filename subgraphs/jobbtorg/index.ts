import { runSubgraph } from '../../lib/subgraph';
import { jobbtorg } from './definition';

void runSubgraph(jobbtorg);
