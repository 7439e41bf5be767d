import type { GraphQLDataSource } from '@apollo/gateway';
import { ServiceMetrics } from './metrics';

/**
 * `source` with each fetch timed into the gateway's metrics, by subgraph: a fetch that
 * throws (no answer, an HTTP error, not GraphQL) or answers with errors counts as failed.
 */
export function observeFetches<S extends GraphQLDataSource<never>>(source: S, subgraph: string, metrics: ServiceMetrics): S {
  const process = source.process.bind(source);
  source.process = async (options) => {
    const started = performance.now();
    let ok = false;
    try {
      const response = await process(options);
      ok = !response.errors?.length;
      return response;
    } finally {
      metrics.subgraphFetch(subgraph, ok, (performance.now() - started) / 1000);
    }
  };
  return source;
}
