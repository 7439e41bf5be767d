import { SignJWT } from 'jose';
import { INTERNAL_AUDIENCE, INTERNAL_ISSUER, internalVerifier, signInternalToken } from '../../../lib/auth/internal-token';
import { generatePrivateJwk, publicJwkOf, SIGNING_ALGORITHM, signingKeyOf } from '../../../lib/auth/keys';
import { formatOrganisation, parseOrganisation } from '../../../lib/auth/organisations';
import { org } from '../../helpers/organisations';

/**
 * The `org` claim is parsed once, where a token is verified, and travels parsed from there:
 * an organisation the system does not know never reaches an access rule, because no token
 * naming one is accepted.
 */

describe('parseOrganisation', () => {
  it.each([
    ['DISTRICT:SKH', org('DISTRICT', 'SKH')],
    ['JOBBTORG', org('JOBBTORG')],
    ['JOBBTORG:KISTA_LUNDA', org('JOBBTORG', 'KISTA_LUNDA')],
    ['AF', org('AF')],
    ['SFI:1', org('SFI', '1')],
    ['CITY:LOGGKONTROLL', org('CITY', 'LOGGKONTROLL')],
  ])('reads %s', (claim, organisation) => {
    expect(parseOrganisation(claim)).toEqual(organisation);
  });

  it.each([['NASA'], ['DISTRICT'], ['PROVIDER'], ['district:skh'], ['AF:'], [''], [42], [null]])('refuses %j', (claim) => {
    expect(parseOrganisation(claim)).toBeNull();
  });
});

describe('formatOrganisation', () => {
  it('writes back the claim it was parsed from', () => {
    for (const claim of ['DISTRICT:SKH', 'JOBBTORG', 'JOBBTORG:KISTA', 'AF', 'MIGRATIONSVERKET', 'PROVIDER:5', 'CITY:ANALYS']) {
      expect(formatOrganisation(parseOrganisation(claim)!)).toBe(claim);
    }
  });
});

describe('the gateway token', () => {
  const caller = { organisation: org('JOBBTORG', 'VARBERG'), user: 'coach', scopes: [], requestId: 'r', operationName: null };

  it('carries the organisation parsed to the subgraph', async () => {
    const jwk = await generatePrivateJwk();
    const verified = await (await internalVerifier(publicJwkOf(jwk))).verify(await signInternalToken(await signingKeyOf(jwk), caller));
    expect(verified.organisation).toEqual(org('JOBBTORG', 'VARBERG'));
  });

  it('is refused when it names an organisation the system does not know, even signed by the gateway', async () => {
    const jwk = await generatePrivateJwk();
    const { privateKey } = await signingKeyOf(jwk);
    const token = await new SignJWT({ org: 'NASA', rid: 'r' })
      .setProtectedHeader({ alg: SIGNING_ALGORITHM, kid: jwk.kid, typ: 'JWT' })
      .setIssuer(INTERNAL_ISSUER)
      .setAudience(INTERNAL_AUDIENCE)
      .setSubject('someone')
      .setIssuedAt()
      .setExpirationTime('10s')
      .sign(privateKey);
    await expect((await internalVerifier(publicJwkOf(jwk))).verify(token)).rejects.toThrow('names no known organisation');
  });
});
