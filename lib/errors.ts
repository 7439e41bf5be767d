import { HeaderMap } from '@apollo/server';
import { ASTNode, GraphQLError } from 'graphql';

/**
 * The errors a caller can get, each with its `extensions.code`. Resolvers, data modules and
 * the gateway throw these; nothing else constructs a GraphQLError for a caller.
 */

/** How an error is answered over HTTP, for the few the gateway gives before anything is planned. */
export interface HttpOptions {
  /** The HTTP status of the whole response, e.g. 400 for a bad header. */
  httpStatus?: number;
}

function http({ httpStatus }: HttpOptions): { http?: { status: number } } {
  return httpStatus === undefined ? {} : { http: { status: httpStatus } };
}

/**
 * Bad input: `field` names the argument, input field or header at fault, e.g. `cases.first`.
 * By default no HTTP status is set: a subgraph answers 200 with the error, so the gateway
 * passes it on as it is instead of treating the whole fetch as failed. What the gateway
 * refuses before planning (a header, an argument's scalar) sets `httpStatus: 400`.
 */
export function badInput(field: string, why: string, options: HttpOptions = {}): GraphQLError {
  return new GraphQLError(`${field} ${why}`, { extensions: { code: 'BAD_USER_INPUT', field, ...http(options) } });
}

/** A request header the gateway refuses before anything is planned: HTTP 400, naming the header. */
export function badHeader(header: string, why: string): GraphQLError {
  return badInput(header, why, { httpStatus: 400 });
}

/** The record `field` names does not exist, or the caller may not know that it does. */
export function notFound(field: string): GraphQLError {
  return new GraphQLError(`${field} names no record`, { extensions: { code: 'NOT_FOUND', field } });
}

/** The caller may not do this; `field` names the input that makes it so, when one does. */
export function forbidden(why = 'not allowed', field?: string): GraphQLError {
  return new GraphQLError(field ? `${field} ${why}` : why, { extensions: { code: 'FORBIDDEN', ...(field ? { field } : {}) } });
}

export function conflict(field: string, why: string): GraphQLError {
  return new GraphQLError(`${field} ${why}`, { extensions: { code: 'CONFLICT', field } });
}

/** The record `field` names may be shared only with a consent that covers it, and none does. */
export function consentRequired(field: string, why: string): GraphQLError {
  return new GraphQLError(`${field} ${why}`, { extensions: { code: 'CONSENT_REQUIRED', field } });
}

/**
 * No valid bearer token: answered with HTTP 401 before anything is planned or fetched.
 * `why` says what was wrong with the token (expired, wrong audience…), never its content.
 */
export function unauthenticated(why: string): GraphQLError {
  return new GraphQLError(`a valid bearer token is required: ${why}`, {
    extensions: { code: 'UNAUTHENTICATED', http: { status: 401, headers: new Map([['www-authenticate', 'Bearer']]) } },
  });
}

/**
 * An operation over one of the gateway's query limits (gateway/limits.ts): HTTP 400, `code`
 * naming the limit (`QUERY_TOO_DEEP`…), with the limit and, where known, what it came to.
 */
export function limitExceeded(code: string, message: string, limit: number, found?: number): GraphQLError {
  return new GraphQLError(message, { extensions: { code, limit, found, http: { status: 400 } } });
}

/**
 * A caller or organisation over its rate limit (gateway/rate-limit.ts): HTTP 429 with
 * `Retry-After`, the whole seconds until the budget has room again, also in `extensions.retryAfter`.
 */
export function rateLimited(budget: string, retryAfterSeconds: number): GraphQLError {
  return new GraphQLError(`the rate limit of ${budget} is spent: try again in ${retryAfterSeconds} s`, {
    extensions: { code: 'RATE_LIMITED', retryAfter: retryAfterSeconds, http: { status: 429, headers: new HeaderMap([['retry-after', String(retryAfterSeconds)]]) } },
  });
}

/** The shared rate-limit store unreachable while the gateway is set to fail closed: HTTP 503 with `Retry-After`. */
export function rateLimitUnavailable(retryAfterSeconds: number): GraphQLError {
  return new GraphQLError('the rate limit cannot be checked just now: try again shortly', {
    extensions: { code: 'RATE_LIMIT_UNAVAILABLE', http: { status: 503, headers: new HeaderMap([['retry-after', String(retryAfterSeconds)]]) } },
  });
}

/** A partner organisation's operation that is not one of its registered ones (gateway/operations.ts): HTTP 403. */
export function operationNotRegistered(kind: string, folder: string): GraphQLError {
  return new GraphQLError(
    `${kind} may run only its registered operations (operations/partners/${folder}/): ` +
      'send one by its exact text, or by its sha256 as extensions.persistedQuery.sha256Hash',
    { extensions: { code: 'OPERATION_NOT_REGISTERED', http: { status: 403 } } },
  );
}

/** A field outside a partner organisation's allowlist: HTTP 403, the field by its schema coordinate in `extensions.field`. */
export function fieldNotAllowed(kind: string, field: { coordinate: string; node?: ASTNode }): GraphQLError {
  return new GraphQLError(
    `${kind} may not ask for ${field.coordinate}: a partner organisation gets only the fields the access matrix lists for it ` +
      '(docs/access-matrix.md, "Fields a partner organisation may ask for")',
    { nodes: field.node, extensions: { code: 'FIELD_NOT_ALLOWED', field: field.coordinate, http: { status: 403 } } },
  );
}

/**
 * The subgraph errors name the service, never its URL or what it sent; `cause` goes along
 * for the log (lib/error-masking.ts), which the client never sees.
 */
function subgraphError(message: string, code: string, serviceName: string, cause?: Error): GraphQLError {
  return new GraphQLError(message, { originalError: cause, extensions: { code, serviceName } });
}

/** A subgraph that did not answer, or not in time: `the <service> service <why>`. */
export function subgraphUnavailable(serviceName: string, why: string, cause?: Error): GraphQLError {
  return subgraphError(`the ${serviceName} service ${why}`, 'SUBGRAPH_UNAVAILABLE', serviceName, cause);
}

/** A subgraph that answered, but not with GraphQL (an HTTP error, a proxy's page): `the <service> service <what>`. */
export function subgraphFailed(serviceName: string, what: string, cause: Error): GraphQLError {
  return subgraphError(`the ${serviceName} service ${what}`, 'SUBGRAPH_ERROR', serviceName, cause);
}

/** A failure a subgraph explains for the client (the audit log could not be written), passed on with its code and words. */
export function subgraphReported(serviceName: string, failure: { code: string; message: string }, cause: Error): GraphQLError {
  return subgraphError(failure.message, failure.code, serviceName, cause);
}

/**
 * A peer subgraph's refusal of the caller's input (NOT_FOUND, CONFLICT, FORBIDDEN,
 * BAD_USER_INPUT), passed on by the subgraph that asked, with the peer's code and words
 * under the asking field: `<field>: <the peer's message>`.
 */
export function peerRefused(field: string, refusal: { code: string; message: string }): GraphQLError {
  return new GraphQLError(`${field}: ${refusal.message}`, { extensions: { code: refusal.code, field } });
}
