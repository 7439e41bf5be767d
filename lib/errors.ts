import { GraphQLError } from 'graphql';

/**
 * The errors a caller can get, each with its `extensions.code`. Resolvers and data
 * modules throw these; nothing else should construct a GraphQLError for a caller.
 */

/**
 * Bad input: `field` names the argument or input field at fault, e.g. `cases.first`.
 * No HTTP status is set: a subgraph answers 200 with the error, so the gateway passes it
 * on as it is instead of treating the whole fetch as failed.
 */
export function badInput(field: string, why: string): GraphQLError {
  return new GraphQLError(`${field} ${why}`, { extensions: { code: 'BAD_USER_INPUT', field } });
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
