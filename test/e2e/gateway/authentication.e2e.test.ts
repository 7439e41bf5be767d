import { mintToken } from '../../../lib/auth/development';
import { signInternalToken } from '../../../lib/auth/internal-token';
import { generatePrivateJwk, signingKeyOf } from '../../../lib/auth/keys';
import { describeEachDialect } from '../../helpers/dialects';
import { postGraphQL, Stack, startStack, TEST_CALLER } from '../../helpers/stack';
import { STACK_START_TIMEOUT_MS } from '../../helpers/timeouts';

/**
 * Identity at the edge and inside: the gateway lets in only verified bearer tokens and
 * calls no subgraph otherwise; subgraphs answer only what the gateway signed.
 */

const DISTRICTS = '{ districts { code } }';

function base64url(value: object): string {
  return Buffer.from(JSON.stringify(value)).toString('base64url');
}

describeEachDialect('authentication', (dialect) => {
  let stack: Stack;
  beforeAll(async () => {
    stack = await startStack({ dialect, people: 0 });
  }, STACK_START_TIMEOUT_MS);
  afterAll(() => stack?.stop());

  it('answers a request with a valid token', async () => {
    const answer = await stack.query(DISTRICTS);
    expect(answer.status).toBe(200);
    expect(answer.data.districts.length).toBeGreaterThan(10);
  });

  const defects: [string, (s: Stack) => Promise<string | null>][] = [
    ['no token', async () => null],
    ['an expired token', (s) => s.token(TEST_CALLER, { seconds: -60 })],
    ['a token for another audience', (s) => s.token(TEST_CALLER, { audience: 'another-service' })],
    ['a token from another issuer', (s) => s.token(TEST_CALLER, { issuer: 'someone-else' })],
    ['a token signed with an unknown key', async () => mintToken(await generatePrivateJwk(), TEST_CALLER)],
    [
      'a token whose signature does not match its key id',
      async (s) => mintToken({ ...(await generatePrivateJwk()), kid: s.issuerJwk.kid }, TEST_CALLER),
    ],
    [
      'an unsigned token (alg none)',
      async (s) => {
        const now = Math.floor(Date.now() / 1000);
        const claims = { ...TEST_CALLER, iss: 'etk-development', aud: 'etk-gateway', iat: now, exp: now + 600 };
        return `${base64url({ alg: 'none', typ: 'JWT' })}.${base64url(claims)}.`;
      },
    ],
    ['a token that names no known organisation', (s) => s.token({ org: 'NASA', sub: 'someone' })],
    ['a malformed token', async () => 'not-a-jwt'],
  ];

  it.each(defects)('refuses %s with 401 UNAUTHENTICATED and calls no subgraph', async (_, makeToken) => {
    const token = await makeToken(stack);
    stack.resetCounts();
    const answer = await stack.query(DISTRICTS, {}, { token });
    expect(answer.status).toBe(401);
    expect(answer.errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
    expect(answer.data).toBeUndefined();
    expect(stack.subgraphs.stadsdel.statements()).toBe(0);
  });

  describe('a subgraph called directly', () => {
    const caller = { organisation: 'CITY:TEST', user: 'someone', scopes: [], requestId: 'r1', operationName: null };

    it('refuses a request without the gateway signature', async () => {
      const answer = await postGraphQL(stack.subgraphs.stadsdel.url, DISTRICTS);
      expect(answer.status).toBe(401);
      expect(answer.errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
    });

    it('refuses a client token, which the gateway verifies but subgraphs never accept', async () => {
      const answer = await postGraphQL(stack.subgraphs.stadsdel.url, DISTRICTS, {}, { authorization: `Bearer ${await stack.token()}` });
      expect(answer.status).toBe(401);
    });

    it('refuses a token signed by another key', async () => {
      const forged = await signInternalToken(await signingKeyOf({ ...(await generatePrivateJwk()), kid: stack.gatewayJwk.kid }), caller);
      const answer = await postGraphQL(stack.subgraphs.jobbtorg.url, '{ jobbtorgUnits { code } }', {}, { authorization: `Bearer ${forged}` });
      expect(answer.status).toBe(401);
    });

    it('refuses a gateway token replayed after its lifetime', async () => {
      const old = await signInternalToken(await signingKeyOf(stack.gatewayJwk), caller, new Date(Date.now() - 5 * 60_000));
      const answer = await postGraphQL(stack.subgraphs.partners.url, '{ agencies { code } }', {}, { authorization: `Bearer ${old}` });
      expect(answer.status).toBe(401);
    });

    it('answers a token the gateway signed, within its lifetime', async () => {
      const fresh = await signInternalToken(await signingKeyOf(stack.gatewayJwk), caller);
      const answer = await postGraphQL(stack.subgraphs.partners.url, '{ agencies { code } }', {}, { authorization: `Bearer ${fresh}` });
      expect(answer.status).toBe(200);
      expect(answer.data.agencies.length).toBe(4);
    });
  });

  describe('a stated purpose or case reference', () => {
    it('is taken when it is one the system knows', async () => {
      const answer = await stack.query(DISTRICTS, {}, { headers: { 'x-etk-purpose': 'SHARED_PLANNING', 'x-etk-case-reference': 'jobbtorg:case:17' } });
      expect(answer.status).toBe(200);
      expect(answer.errors).toBeUndefined();
    });

    it('is refused, naming the header, before any subgraph is called, when it is not', async () => {
      stack.resetCounts();
      const answer = await stack.query(DISTRICTS, {}, { headers: { 'x-etk-purpose': 'CURIOSITY' } });
      expect(answer.status).toBe(400);
      expect(answer.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'x-etk-purpose' });
      expect(stack.subgraphs.stadsdel.statements()).toBe(0);
    });
  });
});
