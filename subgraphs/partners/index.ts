import { runSubgraph } from '../../lib/subgraph';
import { partners } from './definition';

void runSubgraph(partners);
