import { GraphQLDataSource, GraphQLDataSourceProcessOptions } from '@apollo/gateway';
import type { GatewayGraphQLResponse } from '@apollo/server-gateway-interface';
import { GraphQLError } from 'graphql';
import { INTERNAL_TOKEN_SECONDS, signInternalToken } from '../lib/auth/internal-token';
import { SigningKey } from '../lib/auth/keys';
import { SHOWN_SYSTEM_CODES } from '../lib/error-masking';
import { subgraphFailed, subgraphReported, subgraphUnavailable } from '../lib/errors';
import { forwardTraceContext } from '../lib/telemetry/tracing';
import type { GatewayContext } from './gateway';
import { SubgraphClient, SubgraphResponse } from './subgraph-client';

/**
 * The token that carries the request's identity to the subgraphs. Every subgraph verifies
 * the same issuer and audience, so one token serves every fetch of the request: it is signed
 * once, at the first fetch, and again only for a fetch made after half its life, so that
 * it never expires in a subgraph that passes it on to a peer.
 */
function internalTokenFor(context: GatewayContext, operationName: string | null, key: SigningKey): Promise<string> {
  const now = Date.now();
  if (context.internalToken && now < context.internalToken.renewAt) return context.internalToken.token;
  const token = signInternalToken(key, { ...context.caller, operationName }, new Date(now));
  context.internalToken = { token, renewAt: now + (INTERNAL_TOKEN_SECONDS * 1000) / 2 };
  return token;
}

/**
 * Fetches from one subgraph with a bounded time (the client's, gateway/subgraph-client.ts),
 * so a slow subgraph costs only its own fields: the gateway answers the rest with partial
 * data and an error naming the service.
 *
 * What Apollo's RemoteGraphQLDataSource does for a fetch, without what it costs per fetch
 * and we never use: node-fetch `Headers` copied into an object, and a node-fetch `Request`
 * built only to be handed to its error hook. Its steps are kept: the request's own headers,
 * the JSON body, an HTTP error as a GraphQLError with the response (Apollo's
 * `errorFromResponse`), a body that is not a JSON object refused, the subgraph's
 * `cache-control` restricting the answer's cache policy. Without persisted queries (APQ),
 * which the gateway never turns on.
 */
export class SubgraphDataSource implements GraphQLDataSource<GatewayContext> {
  constructor(
    private readonly serviceName: string,
    private readonly url: string,
    private readonly client: SubgraphClient,
    private readonly signingKey: SigningKey,
  ) {}

  async process(options: GraphQLDataSourceProcessOptions<GatewayContext>): Promise<GatewayGraphQLResponse> {
    const { request, context } = options;
    if (!request.query) throw new Error('Missing query');
    const headers: Record<string, string> = {};
    if (request.http?.headers) for (const [name, value] of request.http.headers) headers[name.toLowerCase()] = value;
    headers['content-type'] = 'application/json';
    const incoming = 'incomingRequestContext' in options ? options.incomingRequestContext : undefined;
    // Identity travels only as the token the gateway signs for this request; no client header
    // is forwarded but the trace context. The operation's name as parsed from the client's
    // document, for the audit log.
    const token = await internalTokenFor(context as GatewayContext, incoming?.operationName ?? null, this.signingKey);
    headers.authorization = `Bearer ${token}`;
    forwardTraceContext({ set: (name, value) => void (headers[name] = value) }, (context as GatewayContext).traceparent);
    const { http: _http, ...payload } = request;
    let response: SubgraphResponse | undefined;
    let body: unknown;
    try {
      response = await this.client.fetch(this.url, { method: 'POST', headers, body: JSON.stringify(payload) });
      if (!response.ok) throw await errorFromResponse(response);
      body = await bodyOf(response);
      if (typeof body !== 'object' || body === null) throw new Error(`Expected JSON response body, but received: ${String(body)}`);
    } catch (error) {
      this.didEncounterError(error as Error, response);
    }
    const policy = incoming?.overallCachePolicy;
    if (policy && 'restrict' in policy) policy.restrict(cacheHintOf(response.headers.get('cache-control')));
    return body as GatewayGraphQLResponse;
  }

  /**
   * A fetch that failed — no answer, an HTTP error, a body that is not GraphQL JSON — becomes
   * an error naming the service, never its URL or what it sent. The cause goes with it for
   * the log (lib/error-masking.ts): status and URL, but not the body, which may quote the
   * request and so the people it names.
   */
  private didEncounterError(error: Error, response?: SubgraphResponse): never {
    if (error.name === 'TimeoutError' || error.name === 'AbortError') {
      throw subgraphUnavailable(this.serviceName, 'did not answer in time', error);
    }
    if (response) {
      // An HTTP error (errorFromResponse), or a body that is not a JSON object: a proxy's
      // error page, a truncated answer. JSON.parse's message would quote the body.
      const what = response.status >= 400 ? `answered HTTP ${response.status}` : 'sent an answer that is not GraphQL JSON';
      const cause = new Error(`HTTP ${response.status} ${response.statusText} from ${response.url}: ${what} (${error.name})`);
      // A failure the subgraph explains for the client (the audit log could not be written) keeps its code and words.
      const reported = shownFailureOf(error);
      if (reported) throw subgraphReported(this.serviceName, reported, cause);
      throw subgraphFailed(this.serviceName, what, cause);
    }
    throw subgraphUnavailable(this.serviceName, 'is not available', error);
  }
}

/** The body as JSON when the subgraph says it is, else its text (Apollo's `parseBody`). */
function bodyOf(response: SubgraphResponse): Promise<unknown> {
  const type = response.headers.get('content-type');
  return type && (type.startsWith('application/json') || type.startsWith('application/graphql-response+json')) ? response.json() : response.text();
}

/** An HTTP error as Apollo's data source makes it: the status for a message, the response in the extensions. */
async function errorFromResponse(response: SubgraphResponse): Promise<GraphQLError> {
  const extensions: Record<string, unknown> = {
    response: { url: response.url, status: response.status, statusText: response.statusText, body: await bodyOf(response) },
  };
  if (response.status === 401) extensions.code = 'UNAUTHENTICATED';
  else if (response.status === 403) extensions.code = 'FORBIDDEN';
  return new GraphQLError(`${response.status}: ${response.statusText}`, { extensions });
}

/** The cache hint a subgraph's `cache-control` gives, as Apollo's data source reads it: none means not cacheable. */
function cacheHintOf(header: string | null): { maxAge: number; scope?: 'PRIVATE' | 'PUBLIC' } {
  const hint: { maxAge: number; scope?: 'PRIVATE' | 'PUBLIC' } = { maxAge: 0 };
  if (!header) return hint;
  const directives = new Map<string, string | true>();
  for (const part of header.trim().split(/\s*,\s*/)) {
    const [key, value] = part.split(/\s*=\s*/, 2);
    directives.set(key, value === undefined ? true : value.replace(/^"|"$/g, ''));
  }
  const maxAge = directives.get('max-age');
  if (typeof maxAge === 'string' && /^[0-9]+$/.test(maxAge)) hint.maxAge = Number(maxAge);
  if (directives.get('private') === true) hint.scope = 'PRIVATE';
  if (directives.get('public') === true) hint.scope = 'PUBLIC';
  return hint;
}

/** The first error in an HTTP error's GraphQL body, when its code is one shown to clients as it is. */
function shownFailureOf(error: Error): { message: string; code: string } | undefined {
  const body = error instanceof GraphQLError ? (error.extensions.response as { body?: unknown } | undefined)?.body : undefined;
  const first = (body as { errors?: { message?: unknown; extensions?: { code?: unknown } }[] } | undefined)?.errors?.[0];
  const code = first?.extensions?.code;
  return typeof code === 'string' && SHOWN_SYSTEM_CODES.has(code) && typeof first?.message === 'string' ? { message: first.message, code } : undefined;
}
