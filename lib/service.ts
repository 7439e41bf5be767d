import http from 'node:http';
import { AddressInfo } from 'node:net';
import cors from 'cors';
import express from 'express';
import { ApolloServer, ApolloServerPlugin, BaseContext, ContextFunction } from '@apollo/server';
import { expressMiddleware, ExpressContextFunctionArgument } from '@as-integrations/express5';
import { ApolloServerPluginDrainHttpServer } from '@apollo/server/plugin/drainHttpServer';
import { ApolloServerPluginLandingPageDisabled } from '@apollo/server/plugin/disabled';
import { GraphQLSchema } from 'graphql';
import { AppEnvironment, ServiceName, TrustedProxies } from './config';
import { errorFormatter, errorLogPlugin } from './error-masking';
import { graphqlPostFront } from './graphql-post';
import { consoleLogger, Logger, redactingLogger } from './logging';
import { metricsServer, ServiceMetrics } from './telemetry/metrics';
import { requestObserver } from './telemetry/requests';

/**
 * The HTTP shell every service (three subgraphs and the gateway) shares: Express with a
 * body limit, `/graphql`, the probes `/live` and `/ready` (`/health` is `/ready`), an access
 * line and metrics per request, `/metrics` on a server of its own, and a shutdown that
 * drains open requests. Builds but never listens; `listen` does that, so entry points and
 * tests choose the ports.
 */

/** Request bodies larger than this are refused before any parsing. */
export const MAX_BODY = '2mb';
/** MAX_BODY in bytes, for the gateway's own body reader (lib/graphql-post.ts). */
const MAX_BODY_BYTES = 2 * 1024 * 1024;

export interface ServiceOptions<C extends BaseContext> {
  /** Which service this is, as its metrics name it. */
  name: ServiceName;
  /** Its metrics; default a fresh registry (the gateway makes its own first, for its subgraph fetches). */
  metrics?: ServiceMetrics;
  /** The executable schema, or the gateway. */
  apollo: { schema: GraphQLSchema } | { gateway: NonNullable<ConstructorParameters<typeof ApolloServer>[0]['gateway']> };
  context: ContextFunction<[ExpressContextFunctionArgument], C>;
  environment: AppEnvironment;
  /** Sandbox landing page on GET /graphql: the gateway in development only. */
  landingPage?: boolean;
  plugins?: ApolloServerPlugin<C>[];
  /**
   * Readiness, answered at GET /ready and /health: status 200 when the service can serve
   * (its database answers; for the gateway, every subgraph), 503 otherwise, with a JSON body.
   */
  health: () => Promise<{ healthy: boolean; [detail: string]: unknown }>;
  /** Where the service logs; every line is redacted (lib/logging.ts). Default: the console. */
  logger?: Logger;
  /**
   * The browser origins allowed to call `/graphql` (CORS): `'any'` in development; in
   * production the configured ones (the gateway's `CORS_ORIGINS`), none for a subgraph,
   * which only the gateway calls, server to server.
   */
  allowedOrigins: readonly string[] | 'any';
  /** The proxies whose `X-Forwarded-For` names the client (`req.ip`); default none. */
  trustProxy?: TrustedProxies;
  /** Extra options for ApolloServer (e.g. the gateway's parse limits). */
  serverOptions?: Partial<ConstructorParameters<typeof ApolloServer<C>>[0]>;
  /**
   * Further routes (the gateway's development pages), mounted after `/graphql` and
   * `/health`, so that none of them can stand in for the API.
   */
  routes?: express.Router[];
}

export interface Service {
  httpServer: http.Server;
  /** Serves `GET /metrics` only; listened on apart from the API (`<NAME>_METRICS_PORT`), or not at all. */
  metricsServer: http.Server;
  metrics: ServiceMetrics;
  /** Stops accepting requests, waits for the open ones, then stops Apollo. */
  stop: () => Promise<void>;
}

export async function buildService<C extends BaseContext>(options: ServiceOptions<C>): Promise<Service> {
  const app = express();
  const httpServer = http.createServer();
  const logger = options.logger ? redactingLogger(options.logger) : consoleLogger();
  const metrics = options.metrics ?? new ServiceMetrics(options.name);
  const observer = requestObserver(metrics, logger);
  const plugins: ApolloServerPlugin<C>[] = [
    ApolloServerPluginDrainHttpServer({ httpServer }),
    observer.plugin<C>(),
    errorLogPlugin<C>(logger),
    ...(options.plugins ?? []),
  ];
  if (!options.landingPage) plugins.push(ApolloServerPluginLandingPageDisabled());
  const development = options.environment === 'development';
  const apollo = new ApolloServer<C>({
    ...(options.apollo as { schema: GraphQLSchema }),
    plugins,
    introspection: development,
    includeStacktraceInErrorResponses: development,
    // "Did you mean …?" would tell a caller in production what the schema holds.
    hideSchemaDetailsFromClientErrors: !development,
    // Production shows the system's failures only as a code and a service (lib/error-masking.ts).
    formatError: errorFormatter(options.environment),
    logger,
    ...(options.serverOptions as object),
  });
  await apollo.start();

  app.disable('x-powered-by');
  // The client's address for the audit log: the peer's, or a trusted proxy's client's.
  const trustProxy = options.trustProxy ?? 0;
  app.set('trust proxy', typeof trustProxy === 'number' ? trustProxy : [...trustProxy]);
  // Express would hash every answer for an ETag; a GraphQL POST is never answered from a cache.
  app.disable('etag');
  // Liveness: the process answers. A load balancer routes by /ready; an orchestrator restarts by /live.
  app.get('/live', (_req, res) => void res.json({ live: true }));
  const ready = async (_req: express.Request, res: express.Response) => {
    const report = await options.health().catch((error: Error) => ({ healthy: false, error: error.message }));
    res.status(report.healthy ? 200 : 503).json(report);
  };
  app.get('/ready', ready);
  app.get('/health', ready);
  const corsPolicy = cors<cors.CorsRequest>({ origin: options.allowedOrigins === 'any' ? true : [...options.allowedOrigins] });
  const context = observer.context(options.context);
  app.use('/graphql', observer.middleware, corsPolicy, express.json({ limit: MAX_BODY }), expressMiddleware(apollo, { context }));
  for (const routes of options.routes ?? []) app.use(routes);
  app.use(bodyRefusal);
  app.use(notFound);
  // `POST /graphql` with a JSON body, every service's one busy request, skips Express's router,
  // body parser and res.send (lib/graphql-post.ts) by the same steps; all else goes through Express.
  httpServer.on('request', graphqlPostFront({ app, apollo, context, before: [observer.middleware, corsPolicy], maxBodyBytes: MAX_BODY_BYTES, refuseBody, logger }));

  const metricsHttp = metricsServer(metrics.registry);
  return {
    httpServer,
    metricsServer: metricsHttp,
    metrics,
    stop: async () => {
      await apollo.stop();
      for (const server of [httpServer, metricsHttp]) {
        if (server.listening) await new Promise<void>((resolve) => server.close(() => resolve()));
      }
    },
  };
}

/**
 * The body parser's refusals (over MAX_BODY, not JSON) as GraphQL errors a client can read,
 * instead of Express's HTML page, which carries a stack trace unless NODE_ENV is production.
 * The body itself is never echoed.
 */
function bodyRefusal(error: unknown, _req: express.Request, res: express.Response, next: express.NextFunction): void {
  const { status, type } = (error ?? {}) as { status?: unknown; type?: unknown };
  if (typeof type !== 'string' || typeof status !== 'number' || status < 400 || status >= 500) return next(error);
  refuseBody(res, status);
}

/** A refused body's answer, from the body parser's chain or the gateway's own reader. */
function refuseBody(res: express.Response, status: number): void {
  const [message, code] =
    status === 413 ? [`the request body is larger than ${MAX_BODY}`, 'PAYLOAD_TOO_LARGE'] : ['the request body could not be read as JSON', 'BAD_REQUEST'];
  res.status(status).json({ errors: [{ message, extensions: { code } }] });
}

/**
 * Whatever no route answers: a plain 404 that says nothing of the path, where Express's own
 * page would echo it back ("Cannot GET /…") and so tell a prober what it asked about.
 */
function notFound(_req: express.Request, res: express.Response): void {
  res.status(404).type('text/plain').send('Not Found');
}

/** Listens on `port` (0 for any free one) and returns the GraphQL URL. */
export async function listen(httpServer: http.Server, port: number, host: string): Promise<{ url: string; port: number }> {
  await new Promise<void>((resolve, reject) => {
    httpServer.once('error', reject);
    httpServer.listen(port, host, () => {
      httpServer.off('error', reject);
      resolve();
    });
  });
  const actual = (httpServer.address() as AddressInfo).port;
  const shownHost = host === '0.0.0.0' || host === '::' ? 'localhost' : host;
  return { url: `http://${shownHost}:${actual}/graphql`, port: actual };
}

/** Listens for `/metrics` on `port` (null: `off`, not at all) and says where, for the start-up line. */
export async function listenForMetrics(metricsServer: http.Server, port: number | null, host: string): Promise<string> {
  if (port === null) return 'off';
  const { url } = await listen(metricsServer, port, host);
  return `at ${url.replace(/\/graphql$/, '/metrics')}`;
}
