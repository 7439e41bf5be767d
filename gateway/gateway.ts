import { ApolloGateway, RemoteGraphQLDataSource } from '@apollo/gateway';
import { GraphQLError } from 'graphql';
import { ApolloServerPluginLandingPageLocalDefault } from '@apollo/server/plugin/landingPage/default';
import { AppEnvironment, SubgraphName } from '../lib/config';
import { buildService, Service } from '../lib/service';
import { probeSubgraphs } from './health';
import { scalarValidationPlugin } from './input-validation';

export interface GatewayOptions {
  /** The composed supergraph SDL (schema/supergraph.graphql); no introspection at run time. */
  supergraphSdl: string;
  /** Each subgraph's GraphQL URL; overrides the routing URLs written into the supergraph. */
  subgraphUrls: Readonly<Record<SubgraphName, string>>;
  /** How long one subgraph fetch may take before that subgraph's fields fail. */
  subgraphTimeoutMs: number;
  environment: AppEnvironment;
}

/**
 * Fetches from one subgraph with a bounded time, so a slow subgraph costs only its own
 * fields: the gateway answers the rest with partial data and an error naming the service.
 */
class SubgraphDataSource extends RemoteGraphQLDataSource {
  constructor(
    private readonly serviceName: string,
    url: string,
    timeoutMs: number,
  ) {
    super({
      url,
      fetcher: ((input: string, init: RequestInit) =>
        fetch(input, { ...init, signal: AbortSignal.timeout(timeoutMs) })) as unknown as RemoteGraphQLDataSource['fetcher'],
    });
  }

  /** A subgraph that does not answer becomes an error naming the service, never its URL. */
  override didEncounterError(error: Error): never {
    if (error instanceof GraphQLError) throw error;
    const timedOut = error.name === 'TimeoutError' || error.name === 'AbortError';
    throw new GraphQLError(`the ${this.serviceName} service ${timedOut ? 'did not answer in time' : 'is not available'}`, {
      extensions: { code: 'SUBGRAPH_UNAVAILABLE', serviceName: this.serviceName },
    });
  }
}

/** The gateway over the static supergraph. Builds, never listens. */
export async function createGateway(options: GatewayOptions): Promise<Service> {
  const gateway = new ApolloGateway({
    supergraphSdl: options.supergraphSdl,
    buildService: ({ name }) => {
      const url = options.subgraphUrls[name as SubgraphName];
      if (!url) throw new Error(`the supergraph names a subgraph "${name}" that the gateway has no URL for`);
      return new SubgraphDataSource(name, url, options.subgraphTimeoutMs);
    },
  });
  const development = options.environment === 'development';
  return buildService({
    apollo: { gateway },
    context: async () => ({}),
    environment: options.environment,
    landingPage: development,
    plugins: [scalarValidationPlugin(), ...(development ? [ApolloServerPluginLandingPageLocalDefault({ embed: true })] : [])],
    health: () => probeSubgraphs(options.subgraphUrls, Math.min(options.subgraphTimeoutMs, 2000)),
  });
}
