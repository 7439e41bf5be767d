// First: tracing patches http, graphql and knex as they load (lib/telemetry/register.ts).
import '../lib/telemetry/register';
import { SUBGRAPH_NAMES, SubgraphName } from '../lib/config';
import { runSubgraph, SubgraphDefinition } from '../lib/subgraph';
import { SEEDERS } from '../seed';
import { jobbtorg } from '../subgraphs/jobbtorg/server';
import { partners } from '../subgraphs/partners/server';
import { stadsdel } from '../subgraphs/stadsdel/server';

/**
 * `npm run start:<subgraph>` (and each subgraph `npm start` runs): the subgraph as its own
 * entry point runs it (`subgraphs/<name>/index.ts`), and on a database without people also
 * seeds `SEED_PEOPLE` made-up ones from the deterministic generator, so development works
 * on a bare machine. A production host runs the entry point itself, which never seeds people.
 */

const DEFINITIONS: Record<SubgraphName, SubgraphDefinition> = { stadsdel, jobbtorg, partners };

const name = process.argv[2] as SubgraphName;
if (!SUBGRAPH_NAMES.includes(name)) {
  console.error(`start-subgraph: name one of ${SUBGRAPH_NAMES.join(', ')}, got "${process.argv[2] ?? ''}"`);
  process.exit(1);
}
void runSubgraph(DEFINITIONS[name], SEEDERS[name]);
