import http from 'node:http';
import { AddressInfo } from 'node:net';
import { jwksOf, mintToken } from '../../../lib/auth/development';
import { generatePrivateJwk, PrivateJwk } from '../../../lib/auth/keys';
import { DEFAULT_AUDIENCE, DEVELOPMENT_ISSUER } from '../../../lib/config';
import { createAuthenticator } from '../../../gateway/authentication';
import { TEST_CALLER } from '../../helpers/stack';

/**
 * The gateway remembers a caller's verified token (gateway/authentication.ts), so a token
 * sent again is not checked again: what it must still refuse. The clock is jest's (Date
 * only, timers stay real, so the key server answers); nothing waits for time to pass.
 */

const ISSUER = { issuer: DEVELOPMENT_ISSUER, audience: DEFAULT_AUDIENCE };

function fakeClock(): void {
  jest.useFakeTimers({ doNotFake: ['nextTick', 'setImmediate', 'clearImmediate', 'setTimeout', 'clearTimeout', 'setInterval', 'clearInterval', 'queueMicrotask', 'hrtime', 'performance'] });
}

afterEach(() => jest.useRealTimers());

describe('a remembered caller token', () => {
  it('is refused once it has expired', async () => {
    fakeClock();
    const key = await generatePrivateJwk();
    const authenticate = createAuthenticator({ ...ISSUER, keys: { jwks: jwksOf(key) } });
    const token = await mintToken(key, TEST_CALLER, { seconds: 60 });
    await expect(authenticate(`Bearer ${token}`)).resolves.toMatchObject({ user: TEST_CALLER.sub });
    await expect(authenticate(`Bearer ${token}`)).resolves.toMatchObject({ user: TEST_CALLER.sub });
    jest.setSystemTime(Date.now() + 61_000);
    await expect(authenticate(`Bearer ${token}`)).rejects.toThrow('the token has expired');
  });

  it('is a copy: a caller that changes what it was given changes no later request', async () => {
    const key = await generatePrivateJwk();
    const authenticate = createAuthenticator({ ...ISSUER, keys: { jwks: jwksOf(key) } });
    const token = await mintToken(key, TEST_CALLER);
    (await authenticate(`Bearer ${token}`)).scopes.push('audit:read');
    expect((await authenticate(`Bearer ${token}`)).scopes).toEqual(['records:read', 'records:write']);
  });

  it('is refused once its key is withdrawn from the issuer key set', async () => {
    fakeClock();
    const [old, rotated] = [await generatePrivateJwk(), await generatePrivateJwk()];
    let published: PrivateJwk[] = [old];
    const server = http.createServer((_req, res) => res.setHeader('content-type', 'application/json').end(JSON.stringify(jwksOf(...published))));
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    try {
      const jwksUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/jwks`;
      const authenticate = createAuthenticator({ ...ISSUER, keys: { jwksUrl } });
      const before = await mintToken(old, TEST_CALLER);
      await expect(authenticate(`Bearer ${before}`)).resolves.toMatchObject({ user: TEST_CALLER.sub });
      // The issuer rotates; past jose's cool-down, a token with the new key makes the gateway fetch the set again.
      published = [rotated];
      jest.setSystemTime(Date.now() + 31_000);
      await expect(authenticate(`Bearer ${await mintToken(rotated, TEST_CALLER)}`)).resolves.toMatchObject({ user: TEST_CALLER.sub });
      await expect(authenticate(`Bearer ${before}`)).rejects.toThrow('the token is signed with an unknown key');
    } finally {
      await new Promise((resolve) => server.close(resolve));
    }
  });

  it('is matched only as the exact string: the same claims under another signature are refused', async () => {
    const key = await generatePrivateJwk();
    const authenticate = createAuthenticator({ ...ISSUER, keys: { jwks: jwksOf(key) } });
    const token = await mintToken(key, TEST_CALLER);
    await expect(authenticate(`Bearer ${token}`)).resolves.toMatchObject({ user: TEST_CALLER.sub });
    const forged = token.replace(/\.[^.]+$/, `.${Buffer.alloc(64).toString('base64url')}`);
    await expect(authenticate(`Bearer ${forged}`)).rejects.toThrow('the token signature is not valid');
  });
});
