import { STATUS_CODES } from 'node:http';
import { Agent, errors } from 'undici';

/**
 * The gateway's HTTP client for subgraph fetches, which its data sources send with
 * (gateway/subgraph-source.ts). Under load the WHATWG `fetch` with an `AbortSignal.timeout`
 * per fetch was the gateway's largest cost (streams, a Request and a timer for every
 * fetch); this sends with
 * undici's `request` on keep-alive connections, and the time bound is the connection's own
 * (`headersTimeout`, `bodyTimeout`, the connect timeout), so no timer is made per fetch. A
 * fetch that outlives it fails as a `TimeoutError`, which the data source reports as that
 * subgraph not answering in time, costing only its fields.
 */

/** The part of a fetch `Response` that the data sources and their error reports read. */
export interface SubgraphResponse {
  ok: boolean;
  status: number;
  statusText: string;
  url: string;
  headers: { get(name: string): string | null };
  json(): Promise<unknown>;
  text(): Promise<string>;
}

export interface SubgraphRequestInit {
  method?: string;
  headers?: Record<string, string>;
  body?: string;
}

export interface SubgraphClient {
  fetch(url: string, init: SubgraphRequestInit): Promise<SubgraphResponse>;
  /** Closes the kept-alive connections, when the gateway stops. */
  close(): Promise<void>;
}

function responseOf(url: string, status: number, headers: Record<string, string | string[] | undefined>, text: string): SubgraphResponse {
  return {
    ok: status >= 200 && status < 300,
    status,
    statusText: STATUS_CODES[status] ?? '',
    url,
    headers: {
      get: (name) => {
        const value = headers[name.toLowerCase()];
        return value === undefined ? null : Array.isArray(value) ? value.join(', ') : value;
      },
    },
    json: async () => JSON.parse(text),
    text: async () => text,
  };
}

const TIMEOUTS = [errors.HeadersTimeoutError, errors.BodyTimeoutError, errors.ConnectTimeoutError];

export function subgraphClient(timeoutMs: number): SubgraphClient {
  const agent = new Agent({ headersTimeout: timeoutMs, bodyTimeout: timeoutMs, connect: { timeout: timeoutMs }, keepAliveTimeout: 30_000 });
  // A data source always fetches its own URL: parsed once, not per fetch.
  const targets = new Map<string, { origin: string; path: string }>();
  const targetOf = (url: string) => {
    let target = targets.get(url);
    if (!target) {
      const parsed = new URL(url);
      target = { origin: parsed.origin, path: `${parsed.pathname}${parsed.search}` };
      targets.set(url, target);
    }
    return target;
  };
  return {
    async fetch(url, init) {
      const { origin, path } = targetOf(url);
      try {
        const response = await agent.request({ origin, path, method: (init.method ?? 'POST') as 'POST', headers: init.headers, body: init.body });
        return responseOf(url, response.statusCode, response.headers, await response.body.text());
      } catch (error) {
        if (TIMEOUTS.some((type) => error instanceof type)) {
          throw Object.assign(new Error(`no answer within ${timeoutMs} ms`, { cause: error }), { name: 'TimeoutError' });
        }
        // As fetch fails: the socket's error, which names the address, is only the cause, for the log.
        throw new TypeError('fetch failed', { cause: error });
      }
    },
    close: () => agent.close(),
  };
}
