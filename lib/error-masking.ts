import { ApolloServerPlugin, BaseContext } from '@apollo/server';
import { GraphQLError, GraphQLFormattedError } from 'graphql';
import { AppEnvironment } from './config';
import { Caller } from './identity';
import { Logger, redact } from './logging';

/**
 * What a client is told when something fails, and what the log is told. Every service
 * (gateway and subgraphs) formats its errors here.
 *
 * An error the caller caused — bad input, a record not found or not allowed, a limit, a
 * bad token — keeps its message and `extensions.field`: the caller needs them to fix the
 * request, and they were written for the caller. Anything else is the system's fault (a SQL
 * failure, a subgraph that answers HTTP 500 or broken JSON, a bug); in production its
 * message is replaced by a generic one that keeps only the code and the service's name,
 * so no internal URL, SQL, stack trace or response body leaves, and the full error is
 * logged under the request's id. Development shows every message as it is.
 */

/** Codes of errors the caller caused, whose messages are written for the caller. */
export const CALLER_ERROR_CODES: ReadonlySet<string> = new Set([
  // lib/errors.ts and the subgraphs' rules
  'BAD_USER_INPUT',
  'NOT_FOUND',
  'CONFLICT',
  'FORBIDDEN',
  'CONSENT_REQUIRED',
  'UNAUTHENTICATED',
  // gateway/limits.ts, lib/service.ts and gateway/operations.ts
  'QUERY_TOO_DEEP',
  'TOO_MANY_ALIASES',
  'TOO_MANY_DIRECTIVES',
  'QUERY_TOO_COSTLY',
  'QUERY_TOO_RECURSIVE',
  'TOO_MANY_SELECTIONS',
  'FIELD_REPEATED',
  'RATE_LIMITED', // gateway/rate-limit.ts
  'PAYLOAD_TOO_LARGE',
  'OPERATION_NOT_REGISTERED',
  'FIELD_NOT_ALLOWED', // gateway/field-allowlist-plugin.ts
  // Apollo Server's own, about the request as sent
  'GRAPHQL_PARSE_FAILED',
  'GRAPHQL_VALIDATION_FAILED',
  'BAD_REQUEST',
  'OPERATION_RESOLUTION_FAILURE',
  'PERSISTED_QUERY_NOT_FOUND',
  'PERSISTED_QUERY_NOT_SUPPORTED',
]);

/**
 * Codes of the system's own failures whose messages we wrote to be shown: they name a
 * service and what happened to it, nothing more. They are logged, but not masked.
 */
export const SHOWN_SYSTEM_CODES: ReadonlySet<string> = new Set(['SUBGRAPH_UNAVAILABLE', 'AUDIT_UNAVAILABLE', 'RATE_LIMIT_UNAVAILABLE']);

function codeOf(error: { extensions?: Record<string, unknown> }): string {
  const code = error.extensions?.code;
  return typeof code === 'string' && /^[A-Z0-9_]{1,64}$/.test(code) ? code : 'INTERNAL_SERVER_ERROR';
}

/** Whether `error` is the caller's fault, and so neither masked nor logged as a failure. */
export function isCallerError(error: { extensions?: Record<string, unknown> }): boolean {
  return CALLER_ERROR_CODES.has(codeOf(error));
}

/** The generic message a masked error carries. */
export function maskedMessage(serviceName: unknown): string {
  const where = typeof serviceName === 'string' ? `the ${serviceName} service could not answer this part of the request` : 'internal server error';
  return `${where}; the error is logged under the request's id (the x-request-id response header)`;
}

/**
 * Apollo's `formatError` for `environment`. Messages are redacted in both (no personnummer
 * or token in any error message); production also masks the system's errors.
 */
export function errorFormatter(environment: AppEnvironment): (formatted: GraphQLFormattedError, error: unknown) => GraphQLFormattedError {
  return (formatted) => {
    const code = codeOf(formatted);
    if (environment === 'development' || CALLER_ERROR_CODES.has(code) || SHOWN_SYSTEM_CODES.has(code)) {
      return { ...formatted, message: redact(formatted.message) };
    }
    const serviceName = formatted.extensions?.serviceName;
    return {
      message: maskedMessage(serviceName),
      ...(formatted.locations ? { locations: formatted.locations } : {}),
      ...(formatted.path ? { path: formatted.path } : {}),
      extensions: { code, ...(typeof serviceName === 'string' ? { serviceName } : {}) },
    };
  };
}

/** One log line for a failure: the request, the code, the service, where, and the whole error. */
export function describeFailure(requestId: string | undefined, error: GraphQLError): string {
  const code = codeOf(error);
  const service = typeof error.extensions?.serviceName === 'string' ? ` in ${error.extensions.serviceName}` : '';
  const at = error.path?.length ? ` at ${error.path.join('.')}` : '';
  const cause = error.originalError && error.originalError !== error ? `\n  cause: ${error.originalError.stack ?? error.originalError.message}` : '';
  return `request ${requestId ?? 'unknown'}: ${code}${service}${at}: ${error.message}${cause}`;
}

/**
 * Logs every error of a request that the caller did not cause, with the request's id, the
 * full message and its cause. `logger` redacts what it writes (lib/logging.ts).
 */
export function errorLogPlugin<C extends BaseContext>(logger: Logger): ApolloServerPlugin<C> {
  return {
    async requestDidStart() {
      return {
        async didEncounterErrors({ errors, contextValue }) {
          const requestId = (contextValue as { caller?: Caller }).caller?.requestId;
          for (const error of errors) {
            if (!isCallerError(error)) logger.error(describeFailure(requestId, error));
          }
        },
      };
    },
  };
}
