import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { decodeJwt } from 'jose';
import { PERSONAS } from '../../../lib/auth/personas';
import { describeEachDialect } from '../../helpers/dialects';
import { postGraphQL, Stack, startStack } from '../../helpers/stack';
import { STACK_START_TIMEOUT_MS } from '../../helpers/timeouts';

/**
 * What the gateway serves a developer beside its API — the development sign-in, the desk and
 * GraphiQL — and that in production none of it exists, not even as a word in a 404.
 */

/** A stand-in for a build: a folder with an index.html that says which page it is. */
function fakeBuild(name: string): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), `etk-${name}-`));
  fs.writeFileSync(path.join(dir, 'index.html'), `<!doctype html><title>${name}</title><p>the ${name} build</p>`);
  fs.mkdirSync(path.join(dir, 'assets'));
  fs.writeFileSync(path.join(dir, 'assets', 'app.js'), `console.log('${name}');`);
  return dir;
}

const post = (url: string, body: string) => fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body });

describeEachDialect('the gateway’s development pages', (dialect) => {
  let stack: Stack;
  let origin: string;
  const desk = fakeBuild('desk');
  const graphiql = fakeBuild('graphiql');
  beforeAll(async () => {
    stack = await startStack({ dialect, people: 20, pages: { deskDir: desk, graphiqlDir: graphiql } });
    origin = new URL(stack.gatewayUrl).origin;
  }, STACK_START_TIMEOUT_MS);
  afterAll(async () => {
    await stack?.stop();
    for (const dir of [desk, graphiql]) fs.rmSync(dir, { recursive: true, force: true });
  });

  it('lists the personas, each with its name, title and organisation', async () => {
    const response = await fetch(`${origin}/dev/personas`);
    expect(response.status).toBe(200);
    const listed = (await response.json()) as { name: string; title: string; org: string }[];
    expect(listed).toEqual(Object.entries(PERSONAS).map(([name, { title, org }]) => ({ name, title, org })));
    expect(listed).toContainEqual({ name: 'jobbtorgCoach', title: 'Jobbcoach, Jobbtorg Vårberg', org: 'JOBBTORG:VARBERG' });
  });

  it('mints a token for a persona that the gateway accepts, as that persona', async () => {
    const before = Date.now();
    const response = await post(`${origin}/dev/token`, JSON.stringify({ persona: 'jobbtorgCoach' }));
    expect(response.status).toBe(200);
    const { token, expiresAt } = (await response.json()) as { token: string; expiresAt: string };
    expect(decodeJwt(token)).toMatchObject({ org: 'JOBBTORG:VARBERG', sub: 'coach.varberg', scope: 'records:read records:write' });
    const expiry = Date.parse(expiresAt);
    expect(new Date(expiry).toISOString()).toBe(expiresAt);
    expect(expiry).toBeGreaterThan(before + 7 * 3600_000);

    // The coach may read the unit's cases but not the city's figures, which the analyst may.
    const asCoach = { authorization: `Bearer ${token}` };
    const cases = await postGraphQL(stack.gatewayUrl, `{ cases(first: 1, filter: { unitCode: "VARBERG" }) { totalCount } }`, {}, asCoach);
    expect(cases.status).toBe(200);
    expect(cases.errors).toBeUndefined();
    const figures = `{ followUp(filter: { from: "2026-03", to: "2026-03" }) { total { enrolled { value } } } }`;
    expect((await postGraphQL(stack.gatewayUrl, figures, {}, asCoach)).errors?.[0].extensions?.code).toBe('FORBIDDEN');
    const analyst = (await (await post(`${origin}/dev/token`, JSON.stringify({ persona: 'cityAnalyst' }))).json()) as { token: string };
    const asAnalyst = await postGraphQL(stack.gatewayUrl, figures, {}, { authorization: `Bearer ${analyst.token}` });
    expect(asAnalyst.errors).toBeUndefined();
    expect(asAnalyst.data.followUp.total.enrolled).toHaveProperty('value');
  });

  it('refuses a persona it does not know, and a body that is not JSON, as the caller’s mistakes', async () => {
    const unknown = await post(`${origin}/dev/token`, JSON.stringify({ persona: 'boss' }));
    expect(unknown.status).toBe(400);
    const [error] = ((await unknown.json()) as { errors: { message: string; extensions: object }[] }).errors;
    expect(error.extensions).toEqual({ code: 'BAD_USER_INPUT', field: 'persona' });
    expect(error.message).toMatch(/^persona must name one of the personas: districtOfficer, jobbtorgCoach, /);

    const garbled = await post(`${origin}/dev/token`, '{"persona":');
    expect(garbled.status).toBe(400);
    expect(((await garbled.json()) as { errors: { extensions: object }[] }).errors[0].extensions).toEqual({ code: 'BAD_REQUEST' });
  });

  it('serves the desk at / with its configuration, and GraphiQL at /graphiql/', async () => {
    const page = await fetch(`${origin}/`);
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('the desk build');
    expect(await (await fetch(`${origin}/assets/app.js`)).text()).toContain("console.log('desk')");
    const config = await fetch(`${origin}/config.json`);
    expect(await config.json()).toEqual({ graphqlUrl: '/graphql', mode: 'development', oidc: null });

    const bare = await fetch(`${origin}/graphiql`, { redirect: 'manual' });
    expect(bare.status).toBe(301);
    expect(bare.headers.get('location')).toBe('/graphiql/');
    expect(await (await fetch(`${origin}/graphiql/`)).text()).toContain('the graphiql build');
    expect(await (await fetch(`${origin}/graphiql/assets/app.js`)).text()).toContain("console.log('graphiql')");
  });

  it('still answers the API at /graphql and /health, which no page can take', async () => {
    expect((await fetch(`${origin}/health`)).status).toBe(200);
    const answer = await stack.query(`{ districts { code } }`);
    expect(answer.data.districts).toHaveLength(14);
  });
});

describeEachDialect('the gateway’s development pages, not built yet', (dialect) => {
  let stack: Stack;
  let origin: string;
  const nowhere = path.join(os.tmpdir(), 'etk-no-such-build');
  beforeAll(async () => {
    stack = await startStack({ dialect, people: 0, pages: { deskDir: nowhere, graphiqlDir: nowhere } });
    origin = new URL(stack.gatewayUrl).origin;
  }, STACK_START_TIMEOUT_MS);
  afterAll(() => stack?.stop());

  it('serves nothing at / and says how to build GraphiQL', async () => {
    const page = await fetch(`${origin}/`);
    expect(page.status).toBe(404);
    expect(await page.text()).toBe('Not Found');
    const graphiql = await fetch(`${origin}/graphiql/`);
    expect(graphiql.status).toBe(404);
    expect(await graphiql.text()).toBe('GraphiQL is not built: run npm run graphiql:build');
  });
});

describeEachDialect('the gateway in production', (dialect) => {
  let stack: Stack;
  let origin: string;
  // Built pages on disk change nothing: production never serves them.
  const desk = fakeBuild('desk');
  const graphiql = fakeBuild('graphiql');
  beforeAll(async () => {
    stack = await startStack({ dialect, people: 0, environment: 'production', pages: { deskDir: desk, graphiqlDir: graphiql } });
    origin = new URL(stack.gatewayUrl).origin;
  }, STACK_START_TIMEOUT_MS);
  afterAll(async () => {
    await stack?.stop();
    for (const dir of [desk, graphiql]) fs.rmSync(dir, { recursive: true, force: true });
  });

  it.each([
    ['GET', '/dev/personas'],
    ['POST', '/dev/token'],
    ['GET', '/'],
    ['GET', '/index.html'],
    ['GET', '/assets/app.js'],
    ['GET', '/config.json'],
    ['GET', '/graphiql'],
    ['GET', '/graphiql/'],
    ['GET', '/graphiql/assets/app.js'],
  ])('has no %s %s, and its 404 says nothing of it', async (method, route) => {
    const response = await fetch(`${origin}${route}`, {
      method,
      redirect: 'manual',
      ...(method === 'POST' ? { headers: { 'content-type': 'application/json' }, body: JSON.stringify({ persona: 'jobbtorgCoach' }) } : {}),
    });
    expect(response.status).toBe(404);
    const body = await response.text();
    expect(body).toBe('Not Found');
    expect(response.headers.get('content-type')).toMatch(/^text\/plain/);
  });
});
