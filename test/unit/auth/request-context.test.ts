import { internalVerifier, signInternalToken } from '../../../lib/auth/internal-token';
import { generatePrivateJwk, publicJwkOf, signingKeyOf } from '../../../lib/auth/keys';
import { requestContextFrom } from '../../../lib/auth/request-context';

/** The purpose and case reference a caller may state, and how they travel to the subgraphs. */

describe('requestContextFrom', () => {
  it('reads a stated purpose and case reference, and nothing when none is stated', () => {
    expect(requestContextFrom({ 'x-etk-purpose': 'SHARED_PLANNING', 'x-etk-case-reference': 'jobbtorg:case:17' })).toEqual({
      purpose: 'SHARED_PLANNING',
      caseReference: 'jobbtorg:case:17',
    });
    expect(requestContextFrom({})).toEqual({ purpose: null, caseReference: null });
  });

  it.each([
    [{ 'x-etk-purpose': 'CURIOSITY' }, 'x-etk-purpose'],
    [{ 'x-etk-purpose': ['REFERRAL', 'FOLLOW_UP'] }, 'x-etk-purpose'],
    [{ 'x-etk-case-reference': 'a b' }, 'x-etk-case-reference'],
    [{ 'x-etk-case-reference': 'x'.repeat(65) }, 'x-etk-case-reference'],
  ])('refuses %j, naming the header', (headers, field) => {
    expect(() => requestContextFrom(headers)).toThrow(expect.objectContaining({ extensions: expect.objectContaining({ code: 'BAD_USER_INPUT', field }) }));
  });
});

describe('the gateway token', () => {
  it('carries the purpose and case reference to the subgraphs', async () => {
    const jwk = await generatePrivateJwk();
    const caller = { organisation: 'JOBBTORG:VARBERG', user: 'coach', scopes: [], requestId: 'r', operationName: 'Plan', purpose: 'SHARED_PLANNING', caseReference: 'jobbtorg:case:17' };
    const verified = await (await internalVerifier(publicJwkOf(jwk))).verify(await signInternalToken(await signingKeyOf(jwk), caller));
    expect(verified).toMatchObject({ purpose: 'SHARED_PLANNING', caseReference: 'jobbtorg:case:17', operationName: 'Plan' });
  });
});
