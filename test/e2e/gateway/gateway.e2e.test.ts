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

  it('refuses a document of several operations that names none to run, 400 as the caller’s mistake, and runs the one named', async () => {
    const post = async (body: object) => {
      const response = await fetch(stack.gatewayUrl, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${await stack.token('jobbtorgCoach')}` },
        body: JSON.stringify(body),
      });
      return { status: response.status, body: (await response.json()) as any };
    };
    const document = 'query Units { jobbtorgUnits { code } } query Districts { districts { code } }';
    const unnamed = await post({ query: document });
    expect(unnamed.status).toBe(400);
    expect(unnamed.body.errors[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'operationName' });
    expect(unnamed.body.errors[0].message).toBe('operationName must name the operation to run: the document holds Units, Districts');
    const unknown = await post({ query: document, operationName: 'Cases' });
    expect(unknown.status).toBe(400);
    expect(unknown.body.errors[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'operationName' });
    const named = await post({ query: document, operationName: 'Districts' });
    expect(named.status).toBe(200);
    expect(named.body.data.districts.length).toBe(14);
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
    stack = await startStack({ dialect: 'sqlite', people: 20, subgraphTimeoutMs: 5_000, gatewayUrlOverrides: { partners: url } });
  }, STACK_START_TIMEOUT_MS);
  afterAll(async () => {
    await stack?.stop();
    hanging.closeAllConnections();
    await new Promise((resolve) => hanging.close(resolve));
  });

  // The timeout is generous so that the answering subgraphs are never cut off on a busy
  // machine; that the test ends at all shows the hanging one was given up on.
  it('answers the other subgraphs’ fields within the timeout and names the slow one', async () => {
    const someone = await stack.subgraphs.stadsdel.db('persons').orderBy('personnummer').first();
    const pnr = someone.personnummer;
    const officer = districtOfficer(someone.district_code);
    const answer = await stack.query(
      `query($p: Personnummer!) { person(personnummer: $p) { givenName jobbtorgCases { id } residencePermits { kind } } }`,
      { p: pnr },
      officer,
    );
    expect(answer.data.person.givenName).toEqual(expect.any(String));
    expect(answer.data.person.residencePermits).toBeNull();
    expect(answer.errors?.[0]).toMatchObject({
      message: 'the partners service did not answer in time',
      extensions: { code: 'SUBGRAPH_UNAVAILABLE', serviceName: 'partners' },
    });
  });
});
