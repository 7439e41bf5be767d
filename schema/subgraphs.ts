import path from 'node:path';
import { DEFAULT_PORTS, SUBGRAPH_NAMES, SubgraphName } from '../lib/config';

/**
 * The composition config: which subgraphs make up the supergraph, where their SDL lives,
 * and the routing URL written into the supergraph (the gateway overrides it from its
 * configuration, so one committed supergraph serves every deployment).
 */
export const SUBGRAPHS: { name: SubgraphName; schemaPath: string; routingUrl: string }[] = SUBGRAPH_NAMES.map((name) => ({
  name,
  schemaPath: path.join(__dirname, '..', 'subgraphs', name, 'schema.graphql'),
  routingUrl: `http://127.0.0.1:${DEFAULT_PORTS[name]}/graphql`,
}));

export const SUPERGRAPH_PATH = path.join(__dirname, 'supergraph.graphql');
