import { Stack, startStack } from '../../helpers/stack';
import { STACK_START_TIMEOUT_MS } from '../../helpers/timeouts';

/**
 * Which web pages may call the gateway from a browser (CORS): in production only the
 * configured origins (the desk's), so a page elsewhere cannot use a signed-in user's token
 * through their browser; in development any, for local tools. Subgraphs answer no browser
 * in production at all: only the gateway calls them.
 */

const DESK = 'https://desk.stad.example';
const ELSEWHERE = 'https://evil.example';

/** The browser's preflight for a POST with a bearer token, and the origin it was allowed. */
async function preflight(url: string, origin: string): Promise<string | null> {
  const response = await fetch(url, {
    method: 'OPTIONS',
    headers: { origin, 'access-control-request-method': 'POST', 'access-control-request-headers': 'authorization,content-type' },
  });
  return response.headers.get('access-control-allow-origin');
}

describe('CORS in production', () => {
  let stack: Stack;
  beforeAll(async () => {
    stack = await startStack({ dialect: 'sqlite', people: 0, environment: 'production', corsOrigins: [DESK] });
  }, STACK_START_TIMEOUT_MS);
  afterAll(() => stack?.stop());

  it('lets the configured desk origin call the gateway, and no other origin', async () => {
    expect(await preflight(stack.gatewayUrl, DESK)).toBe(DESK);
    expect(await preflight(stack.gatewayUrl, ELSEWHERE)).toBeNull();
    const answer = await fetch(stack.gatewayUrl, {
      method: 'POST',
      headers: { origin: ELSEWHERE, 'content-type': 'application/json', authorization: `Bearer ${await stack.token('districtOfficer')}` },
      body: JSON.stringify({ query: '{ districts { code } }' }),
    });
    expect(answer.headers.get('access-control-allow-origin')).toBeNull();
  });

  it('lets no browser origin call a subgraph', async () => {
    for (const name of ['stadsdel', 'jobbtorg', 'partners'] as const) {
      expect(await preflight(stack.subgraphs[name].url, DESK)).toBeNull();
    }
  });
});

describe('CORS in development', () => {
  let stack: Stack;
  beforeAll(async () => {
    stack = await startStack({ dialect: 'sqlite', people: 0 });
  }, STACK_START_TIMEOUT_MS);
  afterAll(() => stack?.stop());

  it('stays open to any origin, for local tools', async () => {
    expect(await preflight(stack.gatewayUrl, ELSEWHERE)).toBe(ELSEWHERE);
  });
});
