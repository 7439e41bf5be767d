import path from 'node:path';
import { developmentIssuerKey, mintToken, TokenClaims } from '../../../lib/auth/development';
import { describeEachDialect } from '../../helpers/dialects';
import { startOtlpReceiver, OtlpReceiver, ReceivedSpan } from '../../helpers/otlp-receiver';
import { ProcessStack, startProcesses } from '../../helpers/processes';
import { createDb } from '../../../lib/db';
import { districtOfficer, postGraphQL } from '../../helpers/stack';

import { STACK_START_TIMEOUT_MS } from '../../helpers/timeouts';

/**
 * Traces as an operator's collector receives them: the four services as processes (tracing
 * registers before the application loads, so only a real process shows it), exporting by
 * OTLP to a receiver in the test. One request through the gateway is one trace, from the
 * client's `traceparent` through the gateway's own spans to each subgraph's GraphQL and SQL;
 * and what is exported names no person and carries no token.
 */

const CLIENT_TRACE_ID = '4bf92f3577b34da6a3ce929d0e0e4736';
const TRACEPARENT = `00-${CLIENT_TRACE_ID}-00f067aa0ba902b7-01`;

// One field from each subgraph: stadsdel owns the person, jobbtorg the cases, partners the permits and Sfi.
const PERSON = /* GraphQL */ `
  query TracedPerson($p: Personnummer!) {
    person(personnummer: $p) {
      givenName familyName
      district { name }
      jobbtorgCases { id status }
      residencePermits { kind }
      sfiEnrolments { course }
    }
  }
`;

describeEachDialect('traces', (dialect) => {
  let receiver: OtlpReceiver;
  let stack: ProcessStack;
  let token: string;
  let person: { personnummer: string; givenName: string; familyName: string };

  beforeAll(async () => {
    receiver = await startOtlpReceiver();
    // Spans leave within 50 ms of ending rather than the default 5 s, so the test waits less.
    stack = await startProcesses({ dialect, from: 'source', env: { OTEL_EXPORTER_OTLP_ENDPOINT: receiver.endpoint, OTEL_BSP_SCHEDULE_DELAY: '50' } });
    const db = createDb(stack.databaseUrls.stadsdel);
    const row = await db('persons').orderBy('personnummer').first().finally(() => db.destroy());
    person = { personnummer: row.personnummer, givenName: row.given_name, familyName: row.family_name };
    // The officer of the person's district, who may read all of the person's records.
    token = await mintToken(await developmentIssuerKey(path.join(stack.dataDir, 'keys')), districtOfficer(row.district_code).as as TokenClaims);
  }, STACK_START_TIMEOUT_MS);
  afterAll(async () => {
    await stack?.stop();
    await receiver?.close();
  });

  /** The spans of one trace, once every service has exported its part with SQL (the processes export as they go). */
  async function traceOf(traceId: string, services: string[]): Promise<ReceivedSpan[]> {
    for (;;) {
      const spans = receiver.spans.filter((s) => s.traceId === traceId);
      const complete = services.every((service) => spans.some((s) => s.service === service && s.name.startsWith('query ')));
      // SQL: knex's statements, and on SQLite the audit step, which runs on the connection itself (lib/audit/log.ts).
      const sql = services.filter((s) => s !== 'gateway').every((service) => spans.some((s) => s.service === service && (s.scope.includes('knex') || s.scope === 'etk-audit')));
      if (complete && sql && spans.some((s) => s.service === 'gateway' && s.name === 'gateway.request')) return spans;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }

  it('follow one request from the client through the gateway and all three subgraphs to their SQL', async () => {
    const answer = await postGraphQL(stack.gatewayUrl, PERSON, { p: person.personnummer }, { authorization: `Bearer ${token}`, traceparent: TRACEPARENT });
    expect(answer.errors).toBeUndefined();
    expect(answer.data.person.givenName).toBe(person.givenName);

    const spans = await traceOf(CLIENT_TRACE_ID, ['stadsdel', 'jobbtorg', 'partners']);
    const names = (service: string) => spans.filter((s) => s.service === service).map((s) => s.name);
    // The gateway's own spans (@apollo/gateway), a fetch per subgraph, each continued in the subgraph.
    expect(names('gateway')).toEqual(expect.arrayContaining(['gateway.request', 'gateway.plan', 'gateway.execute', 'gateway.fetch']));
    for (const subgraph of ['stadsdel', 'jobbtorg', 'partners']) {
      const own = spans.filter((s) => s.service === subgraph);
      expect(own.some((s) => s.name.startsWith('query TracedPerson__'))).toBe(true);
      expect(own.some((s) => s.name.startsWith('graphql.resolve'))).toBe(true);
      expect(own.some((s) => typeof s.attributes['db.query.text'] === 'string' || typeof s.attributes['db.statement'] === 'string')).toBe(true);
      // The subgraph's server span is the child of a span the gateway exported: one tree, not loose pieces.
      const server = own.find((s) => s.scope.includes('instrumentation-http'))!;
      expect(spans.find((s) => s.spanId === server.parentSpanId)?.service).toBe('gateway');
    }
  });

  it('export no personnummer, name or token, whether sent as a variable or a literal', async () => {
    const pnr = person.personnummer;
    const literal = PERSON.replace('query TracedPerson($p: Personnummer!)', 'query TracedLiteral').replace('personnummer: $p', `personnummer: "${pnr}"`);
    const traceId = 'a'.repeat(31) + '1';
    const answer = await postGraphQL(stack.gatewayUrl, literal, {}, { authorization: `Bearer ${token}`, traceparent: `00-${traceId}-00f067aa0ba902b7-01` });
    expect(answer.errors).toBeUndefined();
    await traceOf(CLIENT_TRACE_ID, ['stadsdel', 'jobbtorg', 'partners']);
    await traceOf(traceId, ['stadsdel', 'jobbtorg', 'partners']);

    const exported = receiver.bodies.join('\n');
    expect(exported).toContain('TracedLiteral'); // the literal's trace was exported, and searched
    for (const form of [pnr, pnr.slice(2), `${pnr.slice(0, 8)}-${pnr.slice(8)}`, `${pnr.slice(2, 8)}-${pnr.slice(8)}`]) {
      expect(exported).not.toContain(form);
    }
    expect(exported).not.toContain(person.givenName);
    expect(exported).not.toContain(person.familyName);
    expect(exported).not.toContain(token);
    expect(exported).not.toMatch(/eyJ[A-Za-z0-9_-]{10,}\./);
  });
});
