import { SubgraphName } from './config';
import { peerRefused, subgraphUnavailable } from './errors';

/**
 * How a subgraph asks another for facts it does not own, instead of reading its tables:
 * the same GraphQL request the gateway would send, carrying the gateway's token for the
 * caller's request, so the owning subgraph applies its own access rules to the question.
 */

export interface PeerRequest {
  url: string;
  serviceName: SubgraphName;
  /** The gateway's token for the request being served. */
  gatewayToken: string;
  query: string;
  variables?: Record<string, unknown>;
  timeoutMs?: number;
}

interface PeerAnswer<T> {
  data?: T | null;
  errors?: { message: string; extensions?: Record<string, unknown> }[];
}

/**
 * The peer's answer data. An error the peer gave for the caller's input (e.g. NOT_FOUND,
 * CONFLICT, FORBIDDEN) is passed on with its code and message under `field`; a peer that
 * does not answer is SUBGRAPH_UNAVAILABLE naming the service, never its URL.
 */
export async function askPeer<T>(request: PeerRequest, field: string): Promise<T> {
  let answer: PeerAnswer<T>;
  try {
    const response = await fetch(request.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${request.gatewayToken}` },
      body: JSON.stringify({ query: request.query, variables: request.variables }),
      signal: AbortSignal.timeout(request.timeoutMs ?? 10_000),
    });
    answer = (await response.json()) as PeerAnswer<T>;
  } catch {
    throw unavailable(request.serviceName);
  }
  const error = answer.errors?.[0];
  if (error) {
    const code = error.extensions?.code;
    if (code === 'NOT_FOUND' || code === 'CONFLICT' || code === 'FORBIDDEN' || code === 'BAD_USER_INPUT') {
      throw peerRefused(field, { code, message: error.message });
    }
    throw unavailable(request.serviceName);
  }
  if (!answer.data) throw unavailable(request.serviceName);
  return answer.data;
}

function unavailable(serviceName: SubgraphName) {
  return subgraphUnavailable(serviceName, 'could not answer; nothing was written');
}
