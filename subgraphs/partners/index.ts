import { runSubgraph } from '../../lib/subgraph';
import { partners } from './server';

void runSubgraph(partners);
