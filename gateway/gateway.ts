import { randomUUID } from 'node:crypto';
import { ApolloGateway } from '@apollo/gateway';
import { ApolloServerPluginLandingPageLocalDefault } from '@apollo/server/plugin/landingPage/default';
import { requestContextFrom } from '../lib/auth/request-context';
import { PrivateJwk, SigningKey } from '../lib/auth/keys';
import { AppEnvironment, SubgraphName, TrustedProxies } from '../lib/config';
import { Caller } from '../lib/identity';
import { consoleLogger, Logger, redactingLogger } from '../lib/logging';
import { buildService, Service } from '../lib/service';
import { ServiceMetrics } from '../lib/telemetry/metrics';
import { observeFetches } from '../lib/telemetry/subgraph-fetches';
import { AuthenticationOptions, createAuthenticator } from './authentication';
import { devSignInRoutes } from './dev-sign-in';
import { fieldAllowlistPlugin } from './field-allowlist-plugin';
import { probeSubgraphs } from './health';
import { scalarValidationPlugin } from './input-validation';
import { subgraphClient } from './subgraph-client';
import { SubgraphDataSource } from './subgraph-source';
import { parseOptionsFor, QueryLimits, queryLimitsPlugin, resolveLimits } from './limits';
import { operationChoicePlugin } from './operation-choice';
import { admitOperation, loadRegisteredOperations, OperationRegistry, registeredQueryCache } from './operations';
import { RateLimits, rateLimitPlugin } from './rate-limit';
import { DESK_DIST, deskPages, DEVELOPMENT_DESK_CONFIG, GRAPHIQL_DIST, graphiqlPages } from './pages';

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
  /** Each caller's and organisation's budget a minute, and where it is kept; each unset one is `DEFAULT_RATE_LIMITS`' (gateway/rate-limit.ts). */
  rateLimits?: Partial<RateLimits>;
  /**
   * The operations partner organisations may run in production; default: the files under
   * `operations/partners/` (gateway/operations.ts). Development lets everyone run anything.
   */
  operations?: OperationRegistry;
  /** Where the gateway logs; every line is redacted (lib/logging.ts). Default: the console. */
  logger?: Logger;
  /**
   * Development only, ignored in production: the browser pages and the sign-in that serve a
   * developer (gateway/pages.ts, gateway/dev-sign-in.ts).
   */
  development?: DevelopmentPages;
  /** The browser origins that may call the gateway in production (`CORS_ORIGINS`); development allows any. */
  corsOrigins?: readonly string[];
  /** The proxies in front of the gateway whose `X-Forwarded-For` names the client (`TRUST_PROXY`); default none. */
  trustProxy?: TrustedProxies;
}

export interface DevelopmentPages {
  /**
   * The development issuer's key, when `authentication` trusts that issuer: then
   * `GET /dev/personas` and `POST /dev/token` sign a persona in. Without it (an identity
   * provider in development) there is no development sign-in.
   */
  issuerJwk?: PrivateJwk;
  /** The desk's build, served at `/`; default `desk/dist`. */
  deskDir?: string;
  /** GraphiQL's build, served at `/graphiql/`; default `gateway/graphiql/dist`. */
  graphiqlDir?: string;
}

/** The response header that carries the request's id, the key to its lines in every service's log. */
export const REQUEST_ID_HEADER = 'x-request-id';

/** What the gateway knows about a request once its token is verified. */
export interface GatewayContext {
  caller: Caller;
  /** The W3C trace context, the one client header passed on to subgraphs. */
  traceparent?: string;
  /** The request's internal token, signed at its first subgraph fetch and shared by the rest (`internalTokenFor`). */
  internalToken?: { token: Promise<string>; renewAt: number };
}

/** The gateway over the static supergraph. Builds, never listens. */
export async function createGateway(options: GatewayOptions): Promise<Service> {
  const logger = options.logger ? redactingLogger(options.logger) : consoleLogger();
  const metrics = new ServiceMetrics('gateway');
  const client = subgraphClient(options.subgraphTimeoutMs);
  const gateway = new ApolloGateway({
    supergraphSdl: options.supergraphSdl,
    logger,
    buildService: ({ name }) => {
      const url = options.subgraphUrls[name as SubgraphName];
      if (!url) throw new Error(`the supergraph names a subgraph "${name}" that the gateway has no URL for`);
      return observeFetches(new SubgraphDataSource(name, url, client, options.signingKey), name, metrics);
    },
  });
  const development = options.environment === 'development';
  const authenticate = createAuthenticator(options.authentication);
  const limits = resolveLimits(options.limits);
  const operations = options.operations ?? loadRegisteredOperations();
  const rateLimit = await rateLimitPlugin<GatewayContext>(options.rateLimits ?? {}, logger);
  const service = await buildService<GatewayContext>({
    name: 'gateway',
    metrics,
    apollo: { gateway },
    context: async ({ req, res }) => {
      // Ours, never the client's: a client-chosen id could be made to collide in the logs.
      const requestId = randomUUID();
      res.setHeader(REQUEST_ID_HEADER, requestId);
      const identity = await authenticate(req.headers.authorization);
      if (!development) admitOperation(operations, identity.organisation, req.method === 'GET' ? req.query : req.body, limits.maxTokens);
      const traceparent = typeof req.headers.traceparent === 'string' ? req.headers.traceparent : undefined;
      // The peer's address, or the proxy's client as Express's `trust proxy` says; for the audit log.
      const clientAddress = req.ip ?? req.socket.remoteAddress ?? null;
      return { caller: { ...identity, requestId, operationName: null, ...requestContextFrom(req.headers), clientAddress }, traceparent };
    },
    environment: options.environment,
    allowedOrigins: development ? 'any' : (options.corsOrigins ?? []),
    trustProxy: options.trustProxy,
    landingPage: development,
    // Not `logger`: buildService redacts what it is given itself, and the access line a request need not be redacted twice.
    logger: options.logger,
    // Which operation runs is settled first; then a partner's fields are judged, so a refused
    // request learns nothing more of the schema.
    plugins: [rateLimit, operationChoicePlugin(), fieldAllowlistPlugin({ introspection: development }), queryLimitsPlugin(limits), scalarValidationPlugin(), ...(development ? [ApolloServerPluginLandingPageLocalDefault({ embed: true })] : [])],
    health: () => probeSubgraphs(options.subgraphUrls, Math.min(options.subgraphTimeoutMs, 2000)),
    serverOptions: { parseOptions: parseOptionsFor(limits), persistedQueries: { cache: registeredQueryCache(operations) } },
    routes: development ? developmentRoutes(options.development ?? {}, options.authentication) : [],
  });
  return { ...service, stop: () => service.stop().finally(() => client.close()) };
}

/** Sign-in first, then GraphiQL, then the desk, whose static files take whatever path is left. */
function developmentRoutes(pages: DevelopmentPages, authentication: AuthenticationOptions) {
  const { issuer, audience } = authentication;
  return [
    ...(pages.issuerJwk ? [devSignInRoutes({ issuerJwk: pages.issuerJwk, issuer, audience })] : []),
    graphiqlPages(pages.graphiqlDir ?? GRAPHIQL_DIST),
    deskPages(pages.deskDir ?? DESK_DIST, DEVELOPMENT_DESK_CONFIG),
  ];
}
