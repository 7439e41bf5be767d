import { performance } from 'node:perf_hooks';
import { Pool } from 'undici';

/**
 * The load generator of `npm run bench:load` and `npm run soak`: C connections, each
 * sending its next request as soon as its last is answered, for a fixed time. One client
 * for every contestant (a gateway's single POST and the floor's few subgraph POSTs alike),
 * keep-alive, with a 10 s limit on each answer as the runs had.
 */

export const REQUEST_TIMEOUT_MS = 10_000;

export type Outcome = 'ok' | 'error' | 'timeout';

/** One request of a contestant: resolves with how it went, never rejects. */
export type Send = () => Promise<Outcome>;

export interface RunResult {
  seconds: number;
  latencies: number[];
  errors: number;
  timeouts: number;
}

/** Keep-alive connections to one origin, as many as the load has. */
export function poolFor(url: string, connections: number): Pool {
  return new Pool(new URL(url).origin, { connections, headersTimeout: REQUEST_TIMEOUT_MS, bodyTimeout: REQUEST_TIMEOUT_MS, keepAliveTimeout: 60_000 });
}

/** POSTs a GraphQL request; the parsed body, or the outcome when it failed before there was one. */
export async function postJson(pool: Pool, url: string, body: string, headers: Record<string, string>): Promise<{ status: number; json: any } | Outcome> {
  try {
    const response = await pool.request({ path: new URL(url).pathname, method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body });
    const json = await response.body.json();
    return { status: response.statusCode, json };
  } catch (error) {
    const code = (error as { code?: string }).code ?? '';
    return code.includes('TIMEOUT') ? 'timeout' : 'error';
  }
}

/** The first few failed answers' errors, distinct, for the report: a count alone says not what failed. */
export const errorSamples = new Set<string>();

/** A GraphQL answer counts as ok with status 200 and no `errors`: partial data is an error here. */
export function outcomeOf(answer: { status: number; json: any } | Outcome): Outcome {
  if (typeof answer === 'string') return answer;
  if (answer.status === 200 && answer.json && !answer.json.errors && answer.json.data) return 'ok';
  const first = answer.json?.errors?.[0];
  if (errorSamples.size < 5) errorSamples.add(`HTTP ${answer.status} ${first?.extensions?.code ?? ''} ${first?.message ?? ''}`.slice(0, 300));
  return 'error';
}

/** Runs `send` from `connections` loops at once for `seconds`. */
export async function run(send: Send, connections: number, seconds: number): Promise<RunResult> {
  const latencies: number[] = [];
  let errors = 0;
  let timeouts = 0;
  const started = performance.now();
  const until = started + seconds * 1000;
  const loop = async () => {
    while (performance.now() < until) {
      const at = performance.now();
      const outcome = await send();
      latencies.push(performance.now() - at);
      if (outcome === 'error') errors += 1;
      if (outcome === 'timeout') timeouts += 1;
    }
  };
  await Promise.all(Array.from({ length: connections }, loop));
  return { seconds: (performance.now() - started) / 1000, latencies, errors, timeouts };
}

export function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
}

/** Several rounds' results as one. */
export function combine(results: readonly RunResult[]): { rate: number; p50: number; p99: number; errors: number; timeouts: number; requests: number } {
  const seconds = results.reduce((sum, r) => sum + r.seconds, 0);
  const latencies = results.flatMap((r) => r.latencies).sort((a, b) => a - b);
  return {
    rate: latencies.length / seconds,
    p50: percentile(latencies, 50),
    p99: percentile(latencies, 99),
    errors: results.reduce((sum, r) => sum + r.errors, 0),
    timeouts: results.reduce((sum, r) => sum + r.timeouts, 0),
    requests: latencies.length,
  };
}
