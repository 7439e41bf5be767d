import { INTERNAL_TOKEN_SECONDS, internalVerifier, signInternalToken } from '../../../lib/auth/internal-token';
import { generatePrivateJwk, publicJwkOf, signingKeyOf } from '../../../lib/auth/keys';
import { org } from '../../helpers/organisations';

/**
 * A subgraph remembers the internal tokens it verified (lib/auth/internal-token.ts): the same
 * token again is accepted without a signature check, but never past its lifetime, and a
 * changed token is checked in full. The clock is jest's, Date only.
 */

const CALLER = { organisation: org('JOBBTORG', 'VARBERG'), user: 'coach', scopes: ['records:read'], requestId: 'r-1', operationName: 'Plan' };

afterEach(() => jest.useRealTimers());

describe('a remembered internal token', () => {
  it('is accepted again within its lifetime and refused after it', async () => {
    jest.useFakeTimers({ doNotFake: ['nextTick', 'setImmediate', 'clearImmediate', 'setTimeout', 'clearTimeout', 'setInterval', 'clearInterval', 'queueMicrotask', 'hrtime', 'performance'] });
    const jwk = await generatePrivateJwk();
    const verifier = await internalVerifier(publicJwkOf(jwk));
    const token = await signInternalToken(await signingKeyOf(jwk), CALLER);
    await expect(verifier.verify(token)).resolves.toMatchObject({ user: 'coach', requestId: 'r-1' });
    jest.setSystemTime(Date.now() + (INTERNAL_TOKEN_SECONDS - 1) * 1000);
    await expect(verifier.verify(token)).resolves.toMatchObject({ user: 'coach' });
    jest.setSystemTime(Date.now() + 2_000);
    await expect(verifier.verify(token)).rejects.toThrow();
  });

  it('is matched only as the exact string: another signature on the same claims is refused', async () => {
    const jwk = await generatePrivateJwk();
    const verifier = await internalVerifier(publicJwkOf(jwk));
    const token = await signInternalToken(await signingKeyOf(jwk), CALLER);
    await verifier.verify(token);
    await expect(verifier.verify(token.replace(/\.[^.]+$/, `.${Buffer.alloc(64).toString('base64url')}`))).rejects.toThrow();
  });

  it('hands each request its own copy of the caller', async () => {
    const jwk = await generatePrivateJwk();
    const verifier = await internalVerifier(publicJwkOf(jwk));
    const token = await signInternalToken(await signingKeyOf(jwk), CALLER);
    ((await verifier.verify(token)).scopes as string[]).push('records:write');
    expect((await verifier.verify(token)).scopes).toEqual(['records:read']);
  });
});
