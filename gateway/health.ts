import { SubgraphName } from '../lib/config';

/** Where a subgraph answers its readiness probe: `/ready` beside its `/graphql` (`/health` is the same). */
export function healthUrlOf(graphqlUrl: string): string {
  return new URL('/ready', graphqlUrl).toString();
}

export type SubgraphHealth = { up: true } | { up: false; error: string };

/** Asks one subgraph's health endpoint, within `timeoutMs`. */
export async function probeSubgraph(graphqlUrl: string, timeoutMs: number): Promise<SubgraphHealth> {
  try {
    const response = await fetch(healthUrlOf(graphqlUrl), { signal: AbortSignal.timeout(timeoutMs) });
    return response.ok ? { up: true } : { up: false, error: `health check answered HTTP ${response.status}` };
  } catch (error) {
    // fetch wraps the socket error; with several addresses it is an AggregateError of them.
    const cause = (error as { cause?: { code?: string; message?: string; errors?: { code?: string }[] } }).cause;
    const reason = cause?.code ?? cause?.errors?.[0]?.code ?? cause?.message;
    return { up: false, error: reason ?? ((error as Error).name === 'TimeoutError' ? 'timed out' : (error as Error).message) };
  }
}

/** Every subgraph's health, asked in parallel. */
export async function probeSubgraphs(
  urls: Readonly<Record<SubgraphName, string>>,
  timeoutMs: number,
): Promise<{ healthy: boolean; subgraphs: Record<string, SubgraphHealth> }> {
  const entries = await Promise.all(
    Object.entries(urls).map(async ([name, url]) => [name, await probeSubgraph(url, timeoutMs)] as const),
  );
  return { healthy: entries.every(([, h]) => h.up), subgraphs: Object.fromEntries(entries) };
}

/**
 * Waits until every subgraph answers, or fails after `timeoutMs` with one line per
 * subgraph that does not, naming its URL — the usual cause is a wrong *_URL variable.
 */
export async function waitForSubgraphs(urls: Readonly<Record<SubgraphName, string>>, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const report = await probeSubgraphs(urls, 2000);
    if (report.healthy) return;
    if (Date.now() >= deadline) {
      const down = Object.entries(report.subgraphs)
        .filter(([, h]) => !h.up)
        .map(([name, h]) => `${name} at ${urls[name as SubgraphName]} does not answer (${(h as { error: string }).error}); check ${name.toUpperCase()}_URL`);
      throw new Error(down.join('; '));
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}
