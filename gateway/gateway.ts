import { randomUUID } from 'node:crypto';
import { ApolloGateway, GraphQLDataSourceProcessOptions, RemoteGraphQLDataSource } from '@apollo/gateway';
import { GraphQLError } from 'graphql';
import { ApolloServerPluginLandingPageLocalDefault } from '@apollo/server/plugin/landingPage/default';
import { signInternalToken } from '../lib/auth/internal-token';
import { SigningKey } from '../lib/auth/keys';
import { AppEnvironment, SubgraphName } from '../lib/config';
import { Caller } from '../lib/identity';
import { buildService, Service } from '../lib/service';
import { AuthenticationOptions, createAuthenticator } from './authentication';
import { probeSubgraphs } from './health';
import { scalarValidationPlugin } from './input-validation';
import { parseOptionsFor, QueryLimits, queryLimitsPlugin, resolveLimits } from './limits';

export interface GatewayOptions {
  /** The composed supergraph SDL (schema/supergraph.graphql); no introspection at run time. */
  supergraphSdl: string;
  /** Each subgraph's GraphQL URL; overrides the routing URLs written into the supergraph. */
  subgraphUrls: Readonly<Record<SubgraphName, string>>;
  /** How long one subgraph fetch may take before that subgraph's fields fail. */
  subgraphTimeoutMs: number;
  environment: AppEnvironment;
  /** How callers' bearer tokens are verified. */
  authentication: AuthenticationOptions;
  /** The gateway's own key, which signs the identity it forwards to subgraphs. */
  signingKey: SigningKey;
  /** Depth, cost, token… limits a request must keep to; each unset one is `DEFAULT_LIMITS`' (gateway/limits.ts). */
  limits?: Partial<QueryLimits>;
}

/** What the gateway knows about a request once its token is verified. */
export interface GatewayContext {
  caller: Caller;
  /** The W3C trace context, the one client header passed on to subgraphs. */
  traceparent?: string;
}

/**
 * Fetches from one subgraph with a bounded time, so a slow subgraph costs only its own
 * fields: the gateway answers the rest with partial data and an error naming the service.
 */
class SubgraphDataSource extends RemoteGraphQLDataSource<GatewayContext> {
  constructor(
    private readonly serviceName: string,
    url: string,
    timeoutMs: number,
    private readonly signingKey: SigningKey,
  ) {
    super({
      url,
      fetcher: ((input: string, init: RequestInit) =>
        fetch(input, { ...init, signal: AbortSignal.timeout(timeoutMs) })) as unknown as RemoteGraphQLDataSource['fetcher'],
    });
  }

  /**
   * Identity travels only as a token the gateway signs for this fetch; no client header is
   * forwarded but the trace context.
   */
  override async willSendRequest(options: GraphQLDataSourceProcessOptions<GatewayContext>): Promise<void> {
    const { request, context } = options;
    // The operation's name as parsed from the client's document, for the audit log.
    const operationName = 'incomingRequestContext' in options ? (options.incomingRequestContext.operationName ?? null) : null;
    const headers = request.http!.headers;
    headers.set('authorization', `Bearer ${await signInternalToken(this.signingKey, { ...context.caller, operationName })}`);
    if (context.traceparent) headers.set('traceparent', context.traceparent);
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
      return new SubgraphDataSource(name, url, options.subgraphTimeoutMs, options.signingKey);
    },
  });
  const development = options.environment === 'development';
  const authenticate = createAuthenticator(options.authentication);
  const limits = resolveLimits(options.limits);
  return buildService<GatewayContext>({
    apollo: { gateway },
    context: async ({ req }) => {
      const identity = await authenticate(req.headers.authorization);
      const traceparent = typeof req.headers.traceparent === 'string' ? req.headers.traceparent : undefined;
      return { caller: { ...identity, requestId: randomUUID(), operationName: null }, traceparent };
    },
    environment: options.environment,
    landingPage: development,
    plugins: [queryLimitsPlugin(limits), scalarValidationPlugin(), ...(development ? [ApolloServerPluginLandingPageLocalDefault({ embed: true })] : [])],
    health: () => probeSubgraphs(options.subgraphUrls, Math.min(options.subgraphTimeoutMs, 2000)),
    serverOptions: { parseOptions: parseOptionsFor(limits) },
  });
}
