import http from 'node:http';
import { AddressInfo } from 'node:net';
import { districtOfficer, Stack, startStack } from '../../helpers/stack';
import { STACK_START_TIMEOUT_MS } from '../../helpers/timeouts';

/** The gateway's own behaviour: landing page, health, partial answers, production mode. */

describe('the gateway in development', () => {
  let stack: Stack;
  beforeAll(async () => {
    stack = await startStack({ dialect: 'sqlite', people: 40 });
  }, STACK_START_TIMEOUT_MS);
  afterAll(() => stack?.stop());

  it('shows the Apollo Sandbox landing page to a browser', async () => {
    const response = await fetch(stack.gatewayUrl, { headers: { accept: 'text/html' } });
    expect(response.status).toBe(200);
    const html = await response.text();
    expect(html).toMatch(/<html/i);
    expect(html).toMatch(/sandbox/i);
  });

  it('answers introspection, for Sandbox', async () => {
    const answer = await stack.query(`{ __schema { queryType { name } } }`);
    expect(answer.data.__schema.queryType.name).toBe('Query');
  });

  it('reports healthy subgraphs, then names the one that stops, and still answers from the others', async () => {
    const healthUrl = new URL('/health', stack.gatewayUrl).toString();
    const healthy = await fetch(healthUrl);
    expect(healthy.status).toBe(200);
    expect(await healthy.json()).toEqual({
      healthy: true,
      subgraphs: { stadsdel: { up: true }, jobbtorg: { up: true }, partners: { up: true } },
    });

    const someone = await stack.subgraphs.stadsdel.db('persons').orderBy('personnummer').first();
    const pnr = someone.personnummer;
    const officer = districtOfficer(someone.district_code);
    await stack.stopSubgraph('partners');

    const degraded = await fetch(healthUrl);
    expect(degraded.status).toBe(503);
    const report = (await degraded.json()) as any;
    expect(report.healthy).toBe(false);
    expect(report.subgraphs.partners.up).toBe(false);
    expect(report.subgraphs.stadsdel.up).toBe(true);

    const partial = await stack.query(
      `query($p: Personnummer!) { person(personnummer: $p) { givenName district { name } jobbtorgCases { id } sfiEnrolments { course } } }`,
      { p: pnr },
      officer,
    );
    expect(partial.data.person.givenName).toEqual(expect.any(String));
    expect(partial.data.person.jobbtorgCases).toEqual(expect.any(Array));
    expect(partial.data.person.sfiEnrolments).toBeNull();
    const [error] = partial.errors!;
    expect(error.extensions).toMatchObject({ code: 'SUBGRAPH_UNAVAILABLE', serviceName: 'partners' });
    expect(error.message).toBe('the partners service is not available');
    expect(JSON.stringify(partial.errors)).not.toContain('127.0.0.1');
  });
});

describe('the gateway in production', () => {
  let stack: Stack;
  beforeAll(async () => {
    stack = await startStack({ dialect: 'sqlite', people: 0, environment: 'production' });
  }, STACK_START_TIMEOUT_MS);
  afterAll(() => stack?.stop());

  it('has no landing page and refuses introspection', async () => {
    const page = await fetch(stack.gatewayUrl, { headers: { accept: 'text/html' } });
    expect(await page.text()).not.toMatch(/sandbox/i);
    const answer = await stack.query(`{ __schema { queryType { name } } }`);
    expect(answer.errors?.[0].extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');
  });

  it('still serves the reference data', async () => {
    const answer = await stack.query(`{ districts { name } }`);
    expect(answer.data.districts).toHaveLength(14);
  });

  it('suggests no field names for a misspelt one', async () => {
    const answer = await stack.query(`{ districts { nam } }`);
    expect(answer.errors?.[0].extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');
    expect(answer.errors?.[0].message).not.toMatch(/did you mean|"name"/i);
  });
});

describe('the gateway with a subgraph that hangs', () => {
  let stack: Stack;
  let hanging: http.Server;
  beforeAll(async () => {
    // Accepts every request and never answers, like a subgraph stuck on a lock.
    hanging = http.createServer(() => undefined);
    await new Promise<void>((resolve) => hanging.listen(0, '127.0.0.1', resolve));
    const url = `http://127.0.0.1:${(hanging.address() as AddressInfo).port}/graphql`;
    stack = await startStack({ dialect: 'sqlite', people: 20, subgraphTimeoutMs: 500, gatewayUrlOverrides: { partners: url } });
  }, STACK_START_TIMEOUT_MS);
  afterAll(async () => {
    await stack?.stop();
    hanging.closeAllConnections();
    await new Promise((resolve) => hanging.close(resolve));
  });

  it('answers the other subgraphs’ fields within the timeout and names the slow one', async () => {
    const someone = await stack.subgraphs.stadsdel.db('persons').orderBy('personnummer').first();
    const pnr = someone.personnummer;
    const officer = districtOfficer(someone.district_code);
    const started = Date.now();
    const answer = await stack.query(
      `query($p: Personnummer!) { person(personnummer: $p) { givenName jobbtorgCases { id } residencePermits { kind } } }`,
      { p: pnr },
      officer,
    );
    expect(Date.now() - started).toBeLessThan(5_000);
    expect(answer.data.person.givenName).toEqual(expect.any(String));
    expect(answer.data.person.residencePermits).toBeNull();
    expect(answer.errors?.[0]).toMatchObject({
      message: 'the partners service did not answer in time',
      extensions: { code: 'SUBGRAPH_UNAVAILABLE', serviceName: 'partners' },
    });
  });
});
