import path from 'node:path';
import { DEFAULT_PORTS, SUBGRAPH_NAMES, SubgraphName } from '../lib/config';

/**
 * The composition config: which subgraphs make up the supergraph, where their SDL lives,
 * and the routing URL written into the supergraph (the gateway overrides it from its
 * configuration, so one committed supergraph serves every deployment).
 */
/** The value types every subgraph shares (PlanItem, WeeklySlot, AuditEntry, …), defined once. */
export const SHARED_SCHEMA_PATH = path.join(__dirname, 'shared.graphql');

/** The files a subgraph's SDL is made of, in order: its own, then the shared value types. */
export function schemaPathsOf(name: SubgraphName): string[] {
  return [path.join(__dirname, '..', 'subgraphs', name, 'schema.graphql'), SHARED_SCHEMA_PATH];
}

export const SUBGRAPHS: { name: SubgraphName; schemaPath: string; schemaPaths: string[]; routingUrl: string }[] = SUBGRAPH_NAMES.map((name) => ({
  name,
  schemaPath: schemaPathsOf(name)[0],
  schemaPaths: schemaPathsOf(name),
  routingUrl: `http://127.0.0.1:${DEFAULT_PORTS[name]}/graphql`,
}));

export const SUPERGRAPH_PATH = path.join(__dirname, 'supergraph.graphql');
