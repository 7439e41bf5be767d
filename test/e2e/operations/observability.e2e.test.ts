import { consoleLogger } from '../../../lib/logging';
import { DEFAULT_LIMITS } from '../../../gateway/limits';
import { describeEachDialect } from '../../helpers/dialects';
import { AsCaller, districtOfficer, Stack, startStack } from '../../helpers/stack';
import { STACK_START_TIMEOUT_MS } from '../../helpers/timeouts';

/**
 * What an operator reads off a running stack: each service's `/metrics` on its own port
 * (and not on the API's), the probes, and one access line per request that names the
 * request, its trace and its caller's organisation but no person and no token.
 */

const PERSON = /* GraphQL */ `
  query MetricsPerson($p: Personnummer!) {
    person(personnummer: $p) { givenName district { name } jobbtorgCases { id } residencePermits { kind } }
  }
`;

async function text(url: string): Promise<{ status: number; body: string }> {
  const response = await fetch(url);
  return { status: response.status, body: await response.text() };
}

/** The value of one sample in a Prometheus text exposition, 0 when absent. */
function sample(exposition: string, name: string, labels: Record<string, string>): number {
  const line = exposition.split('\n').find((l) => l.startsWith(`${name}{`) && Object.entries(labels).every(([k, v]) => l.includes(`${k}="${v}"`)));
  return line ? Number(line.slice(line.lastIndexOf(' ') + 1)) : 0;
}

describeEachDialect('operating the stack', (dialect) => {
  let stack: Stack;
  const lines: string[] = [];
  let pnr: string;
  let officer: AsCaller;

  beforeAll(async () => {
    stack = await startStack({ dialect, people: 3, logger: consoleLogger({ level: 'info', format: 'json', write: (line) => void lines.push(line) }) });
    const person = await stack.subgraphs.stadsdel.db('persons').orderBy('personnummer').first();
    pnr = person.personnummer;
    officer = districtOfficer(person.district_code);
  }, STACK_START_TIMEOUT_MS);
  afterAll(() => stack?.stop());

  it('count requests, subgraph fetches, refusals and audit commits in /metrics', async () => {
    const answered = await stack.query(PERSON, { p: pnr }, officer);
    expect(answered.errors).toBeUndefined();
    const unauthenticated = await stack.query(PERSON, { p: pnr }, { token: null });
    expect(unauthenticated.errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
    const aliases = Array.from({ length: DEFAULT_LIMITS.maxAliases + 1 }, (_, i) => `a${i}: __typename`).join(' ');
    const tooMany = await stack.query(`query ManyAliases { ${aliases} }`, {}, officer);
    expect(tooMany.errors?.[0].extensions?.code).toBe('TOO_MANY_ALIASES');

    const gateway = await text(stack.gatewayMetricsUrl);
    expect(gateway.status).toBe(200);
    expect(sample(gateway.body, 'etk_graphql_requests_total', { operation: 'MetricsPerson', outcome: 'ok' })).toBe(1);
    expect(sample(gateway.body, 'etk_graphql_request_duration_seconds_count', { operation: 'MetricsPerson', outcome: 'ok' })).toBe(1);
    expect(sample(gateway.body, 'etk_graphql_requests_total', { operation: 'ManyAliases', outcome: 'refused' })).toBe(1);
    expect(sample(gateway.body, 'etk_refusals_total', { code: 'UNAUTHENTICATED' })).toBe(1);
    expect(sample(gateway.body, 'etk_refusals_total', { code: 'TOO_MANY_ALIASES' })).toBe(1);
    for (const subgraph of ['stadsdel', 'jobbtorg', 'partners']) {
      expect(sample(gateway.body, 'etk_subgraph_fetch_duration_seconds_count', { subgraph, outcome: 'ok' })).toBeGreaterThanOrEqual(1);
    }
    expect(gateway.body).toMatch(/^nodejs_eventloop_lag_seconds\{service="gateway"\} /m);
    expect(gateway.body).toMatch(/^process_resident_memory_bytes\{service="gateway"\} /m);

    // The person's read was audited: one group commit at least, holding its entries.
    const stadsdel = await text(stack.subgraphs.stadsdel.metricsUrl);
    expect(sample(stadsdel.body, 'etk_audit_commit_duration_seconds_count', { outcome: 'ok' })).toBeGreaterThanOrEqual(1);
    expect(sample(stadsdel.body, 'etk_audit_batch_entries_sum', {})).toBeGreaterThanOrEqual(1);
    expect(sample(stadsdel.body, 'etk_audit_batch_requests_count', {})).toBeGreaterThanOrEqual(1);
    expect(stadsdel.body).toMatch(/^etk_db_pool_connections\{state="free",service="stadsdel"\} \d+/m);
    expect(sample(stadsdel.body, 'etk_graphql_requests_total', { operation: 'MetricsPerson__stadsdel__0', outcome: 'ok' })).toBe(1);
    // Each service counts its own: the gateway's registry holds no subgraph's requests, nor audit figures it has none of.
    expect(gateway.body).not.toContain('service="stadsdel"');
    expect(gateway.body).not.toContain('etk_audit_');
  });

  it('serve /metrics only on the metrics port, never on the API port', async () => {
    for (const api of [stack.gatewayUrl, stack.subgraphs.stadsdel.url, stack.subgraphs.partners.url]) {
      expect((await text(new URL('/metrics', api).toString())).status).toBe(404);
    }
    expect((await text(new URL('/graphql', stack.gatewayMetricsUrl).toString())).status).toBe(404);
  });

  it('write one access line per request with its id, trace, operation, status, duration and organisation, and no person or token', async () => {
    const token = await stack.token(officer.as);
    const traceId = '0af7651916cd43dd8448eb211c80319c';
    lines.length = 0;
    const response = await fetch(stack.gatewayUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}`, traceparent: `00-${traceId}-b7ad6b7169203331-01` },
      body: JSON.stringify({ query: PERSON, variables: { p: pnr } }),
    });
    expect(response.status).toBe(200);
    const requestId = response.headers.get('x-request-id');
    // A request with the personnummer as a literal and a token that is nearly right.
    await stack.query(PERSON.replace('($p: Personnummer!)', '').replace('$p', `"${pnr}"`), {}, { token: `${token.slice(0, -4)}AAAA` });

    const access = lines.map((l) => JSON.parse(l)).filter((entry) => entry.kind === 'access');
    const gatewayLine = access.find((entry) => entry.operationName === 'MetricsPerson');
    expect(gatewayLine).toEqual(
      expect.objectContaining({ level: 'info', requestId, traceId, operationName: 'MetricsPerson', status: 200, organisation: officer.as && (officer.as as { org: string }).org }),
    );
    expect(typeof gatewayLine.durationMs).toBe('number');
    // The subgraphs log the same request under the same id and trace.
    const subgraphLines = access.filter((entry) => entry.requestId === requestId && entry.operationName !== 'MetricsPerson');
    expect(subgraphLines.length).toBeGreaterThanOrEqual(2);
    expect(subgraphLines.every((entry) => entry.traceId === traceId)).toBe(true);
    expect(access.some((entry) => entry.status === 401 && entry.organisation === null)).toBe(true);

    const written = lines.join('\n');
    for (const form of [pnr, pnr.slice(2), `${pnr.slice(2, 8)}-${pnr.slice(8)}`]) expect(written).not.toContain(form);
    expect(written).not.toContain(token.slice(0, -4));
  });

  it('answer /live while the process runs and /ready only while every subgraph answers', async () => {
    for (const url of [stack.gatewayUrl, stack.subgraphs.jobbtorg.url]) {
      expect(await text(new URL('/live', url).toString())).toEqual({ status: 200, body: '{"live":true}' });
      expect((await text(new URL('/ready', url).toString())).status).toBe(200);
      expect((await text(new URL('/health', url).toString())).status).toBe(200);
    }
    await stack.stopSubgraph('partners');
    const ready = await text(new URL('/ready', stack.gatewayUrl).toString());
    expect(ready.status).toBe(503);
    expect(JSON.parse(ready.body).subgraphs.partners.up).toBe(false);
    expect((await text(new URL('/health', stack.gatewayUrl).toString())).status).toBe(503);
    expect((await text(new URL('/live', stack.gatewayUrl).toString())).status).toBe(200);
  });

  // Last: it closes stadsdel's database for good.
  it("answer a subgraph's /ready with 503 once its database does not answer", async () => {
    await stack.subgraphs.stadsdel.db.destroy();
    const ready = await text(new URL('/ready', stack.subgraphs.stadsdel.url).toString());
    expect(ready.status).toBe(503);
    expect(JSON.parse(ready.body).healthy).toBe(false);
    expect((await text(new URL('/live', stack.subgraphs.stadsdel.url).toString())).status).toBe(200);
  });
});
