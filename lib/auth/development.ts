import { JSONWebKeySet, SignJWT } from 'jose';
import { DEFAULT_AUDIENCE, DEVELOPMENT_ISSUER } from '../config';
import { developmentKey, PrivateJwk, publicJwkOf, SIGNING_ALGORITHM, signingKeyOf } from './keys';

/**
 * The development issuer: stands in for the city's identity provider on a developer's
 * machine and in tests, so Sandbox and the test suite send real, verified tokens.
 */

export interface TokenClaims {
  /** The organisation, e.g. `DISTRICT:SKH`. */
  org: string;
  /** The user. */
  sub: string;
  /** Space-separated scopes. */
  scope?: string;
}

export interface TokenOptions {
  issuer?: string;
  audience?: string;
  /** Lifetime in seconds; negative for an already expired token (tests). */
  seconds?: number;
}

export async function mintToken(jwk: PrivateJwk, claims: TokenClaims, options: TokenOptions = {}): Promise<string> {
  const key = await signingKeyOf(jwk);
  const now = Math.floor(Date.now() / 1000);
  return new SignJWT({ org: claims.org, scope: claims.scope ?? '' })
    .setProtectedHeader({ alg: SIGNING_ALGORITHM, kid: key.kid, typ: 'JWT' })
    .setIssuer(options.issuer ?? DEVELOPMENT_ISSUER)
    .setAudience(options.audience ?? DEFAULT_AUDIENCE)
    .setSubject(claims.sub)
    .setIssuedAt(now)
    .setExpirationTime(now + (options.seconds ?? 8 * 3600))
    .sign(key.privateKey);
}

/** The key set a gateway verifies development tokens with. */
export function jwksOf(...jwks: PrivateJwk[]): JSONWebKeySet {
  return { keys: jwks.map((jwk) => ({ ...publicJwkOf(jwk), alg: SIGNING_ALGORITHM, use: 'sig' })) };
}

export function developmentIssuerKey(keysDir: string): Promise<PrivateJwk> {
  return developmentKey(keysDir, 'issuer');
}
