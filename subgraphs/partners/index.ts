// First: tracing patches http, graphql and knex as they load (lib/telemetry/register.ts).
import '../../lib/telemetry/register';
import { runSubgraph } from '../../lib/subgraph';
import { partners } from './server';

// The production entry point: migrates, writes the reference data, listens. It seeds no
// made-up people; the development launcher does that (scripts/start-subgraph.ts).
void runSubgraph(partners);
