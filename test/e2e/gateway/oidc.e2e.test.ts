import { decodeJwt } from 'jose';
import { describeEachDialect } from '../../helpers/dialects';
import { OidcProvider, signInWithCode, startOidcProvider } from '../../helpers/oidc-provider';
import { Stack, startStack } from '../../helpers/stack';
import { STACK_START_TIMEOUT_MS } from '../../helpers/timeouts';

/**
 * Production sign-in end to end: a real OpenID provider on localhost (test/helpers/oidc-provider.ts)
 * issues the access token by authorization code and PKCE, and the gateway, in production,
 * knows that provider only by its issuer and JWKS URL, as `AUTH_ISSUER` and `AUTH_JWKS_URL`.
 */

const REDIRECT_URI = 'http://127.0.0.1:5173/callback';
const CASES = `{ cases(first: 1, filter: { unitCode: "VARBERG" }) { totalCount } }`;
const FIGURES = `{ followUp(filter: { from: "2026-03", to: "2026-03" }) { total { enrolled { value } } } }`;

describeEachDialect('the gateway in production behind an OpenID provider', (dialect) => {
  let provider: OidcProvider;
  let stack: Stack;
  beforeAll(async () => {
    provider = await startOidcProvider({ redirectUris: [REDIRECT_URI] });
    stack = await startStack({
      dialect,
      people: 40,
      environment: 'production',
      authentication: { issuer: provider.issuer, audience: provider.audience, keys: { jwksUrl: provider.jwksUrl } },
    });
  }, STACK_START_TIMEOUT_MS);
  afterAll(async () => {
    await stack?.stop();
    await provider?.stop();
  });

  it('accepts the access token of an authorization-code exchange with PKCE, as the persona who signed in', async () => {
    const { accessToken } = await signInWithCode(provider, 'jobbtorgCoach', REDIRECT_URI);
    expect(decodeJwt(accessToken)).toMatchObject({
      iss: provider.issuer,
      aud: 'etk-gateway',
      sub: 'coach.varberg',
      org: 'JOBBTORG:VARBERG',
      scope: 'records:read records:write',
    });
    const cases = await stack.query(CASES, {}, { token: accessToken });
    expect(cases.status).toBe(200);
    expect(cases.errors).toBeUndefined();
    expect(cases.data.cases.totalCount).toEqual(expect.any(Number));
    // The coach holds no statistics:read, whatever the client asked for.
    const figures = await stack.query(FIGURES, {}, { token: accessToken });
    expect(figures.errors?.[0].extensions?.code).toBe('FORBIDDEN');
  });

  it('gives each user the scopes that user holds: the analyst reads the figures', async () => {
    const { accessToken } = await signInWithCode(provider, 'cityAnalyst', REDIRECT_URI);
    expect(decodeJwt(accessToken)).toMatchObject({ org: 'CITY:ANALYS', scope: 'statistics:read' });
    const figures = await stack.query(FIGURES, {}, { token: accessToken });
    expect(figures.errors).toBeUndefined();
    expect(figures.data.followUp.total.enrolled).toHaveProperty('value');
  });

  it('refuses the ID token, which is for the client and not the gateway, and a development token', async () => {
    const { idToken } = await signInWithCode(provider, 'jobbtorgCoach', REDIRECT_URI);
    expect(decodeJwt(idToken).aud).toBe(provider.clientId);
    const withIdToken = await stack.query(CASES, {}, { token: idToken });
    expect(withIdToken.status).toBe(401);
    expect(withIdToken.errors?.[0].message).toBe("a valid bearer token is required: the token's aud claim is not accepted");
    const development = await stack.query(CASES, {}, { as: 'jobbtorgCoach' });
    expect(development.status).toBe(401);
  });
});
