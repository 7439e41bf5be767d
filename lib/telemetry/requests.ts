import type { ApolloServerPlugin, BaseContext, ContextFunction } from '@apollo/server';
import type { ExpressContextFunctionArgument } from '@as-integrations/express5';
import type express from 'express';
import { formatOrganisation } from '../auth/organisations';
import { CALLER_ERROR_CODES } from '../error-masking';
import type { Caller } from '../identity';
import type { Logger } from '../logging';
import { Outcome, ServiceMetrics } from './metrics';
import { traceIdOf } from './tracing';

/**
 * What an operator sees of each request to `/graphql`: one access line (lib/logging.ts) and
 * the request metrics (lib/telemetry/metrics.ts), both written when the response is sent.
 * Three pieces fill them in: the middleware (time, trace, status), the context function
 * (who asks, or why they were refused before any operation ran) and a plugin (the
 * operation's name and how it ended). Nothing a caller sent is kept but the operation name.
 */

/** The response header the gateway names a request by (gateway/gateway.ts's REQUEST_ID_HEADER). */
const REQUEST_ID_HEADER = 'x-request-id';

interface Observation {
  started: number;
  traceId: string | null;
  caller: Caller | null;
  operationName: string | null;
  /** Settled by Apollo (plugin or context); unset when Apollo never answered, e.g. a body too large. */
  outcome: Outcome | null;
  refusalCodes: string[];
}

/** Where the context carries its request's observation, for the plugin, which sees only the context. */
const OBSERVATION = Symbol('observation');

type Coded = { extensions?: Record<string, unknown> };

/** How a response with these errors ended, and the refusal codes among them (each once). */
export function outcomeOf(errors: readonly Coded[] | undefined): { outcome: Outcome; refusalCodes: string[] } {
  if (!errors?.length) return { outcome: 'ok', refusalCodes: [] };
  const codes = errors.map((e) => (typeof e.extensions?.code === 'string' ? e.extensions.code : 'INTERNAL_SERVER_ERROR'));
  const refusalCodes = [...new Set(codes.filter((code) => CALLER_ERROR_CODES.has(code)))];
  return { outcome: codes.every((code) => CALLER_ERROR_CODES.has(code)) ? 'refused' : 'error', refusalCodes };
}

function observationOf(res: express.Response): Observation | undefined {
  return res.locals.observation as Observation | undefined;
}

export function requestObserver(metrics: ServiceMetrics, logger: Logger) {

  const finish = (res: express.Response, observation: Observation) => {
    const durationMs = performance.now() - observation.started;
    const fallback: Outcome = res.statusCode < 400 ? 'ok' : res.statusCode < 500 ? 'refused' : 'error';
    const header = res.getHeader(REQUEST_ID_HEADER);
    metrics.request(observation.operationName, observation.outcome ?? fallback, durationMs / 1000, observation.refusalCodes);
    const line = {
      requestId: observation.caller?.requestId ?? (typeof header === 'string' ? header : null),
      traceId: observation.traceId,
      operationName: observation.operationName,
      status: res.statusCode,
      durationMs: Math.round(durationMs * 10) / 10,
      organisation: observation.caller ? formatOrganisation(observation.caller.organisation) : null,
    };
    if (logger.access) logger.access(line);
    else logger.info(JSON.stringify(line));
  };

  return {
    /** Starts the observation; mounted on `/graphql` before anything that may refuse. */
    middleware(req: express.Request, res: express.Response, next: express.NextFunction): void {
      const traceparent = req.headers.traceparent;
      const observation: Observation = {
        started: performance.now(),
        traceId: traceIdOf(typeof traceparent === 'string' ? traceparent : undefined),
        caller: null,
        operationName: null,
        outcome: null,
        refusalCodes: [],
      };
      res.locals.observation = observation;
      res.once('finish', () => finish(res, observation));
      next();
    },

    /** The service's context function, noting who asks, or the refusal when it throws (no token, an unregistered operation). */
    context<C extends BaseContext>(create: ContextFunction<[ExpressContextFunctionArgument], C>): ContextFunction<[ExpressContextFunctionArgument], C> {
      return async (args) => {
        const observation = observationOf(args.res);
        try {
          const context = await create(args);
          // On the context itself: Apollo hands plugins a shallow copy of it, which keeps own symbol keys.
          if (observation) Object.assign(context, { [OBSERVATION]: observation });
          // Every service's context names its caller (the gateway's after verifying the token, a subgraph's from the gateway's).
          if (observation) observation.caller = (context as { caller?: Caller }).caller ?? null;
          return context;
        } catch (error) {
          if (observation) Object.assign(observation, outcomeOf([error as Coded]));
          throw error;
        }
      };
    },

    /** The operation's name and how the response ended. */
    plugin<C extends BaseContext>(): ApolloServerPlugin<C> {
      return {
        async requestDidStart() {
          return {
            async willSendResponse({ contextValue, operationName, response }) {
              const observation = (contextValue as { [OBSERVATION]?: Observation })[OBSERVATION];
              if (!observation) return;
              observation.operationName = operationName ?? null;
              const errors = response.body.kind === 'single' ? response.body.singleResult.errors : undefined;
              Object.assign(observation, outcomeOf(errors));
            },
          };
        },
      };
    },
  };
}
