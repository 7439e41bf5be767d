import { createLocalJWKSet, createRemoteJWKSet, errors, JSONWebKeySet, jwtVerify } from 'jose';
import { Organisation, parseOrganisation } from '../lib/auth/organisations';
import { unauthenticated } from '../lib/errors';

/**
 * Verifies the caller's bearer token: signature against the issuer's keys, issuer,
 * audience and expiry. Whatever is wrong, the answer is UNAUTHENTICATED with status 401,
 * thrown from the context function, so no plan is made and no subgraph is called.
 */

export interface AuthenticationOptions {
  /** The `iss` every token must carry. */
  issuer: string;
  /** The `aud` every token must carry: this gateway. */
  audience: string;
  /** The issuer's public keys: its JWKS URL in production, a local key set in development. */
  keys: { jwksUrl: string } | { jwks: JSONWebKeySet };
}

/** The caller as the token names them; the gateway adds the request's id and operation. */
export interface VerifiedIdentity {
  /** Parsed here, once: the gateway's plugins and the token it signs take it from the identity. */
  organisation: Organisation;
  user: string;
  scopes: string[];
}

/** Algorithms an issuer may sign with. Listing them refuses `none` and HMAC key confusion. */
const ACCEPTED_ALGORITHMS = ['EdDSA', 'ES256', 'ES384', 'RS256', 'PS256'];

export function createAuthenticator(options: AuthenticationOptions): (authorization: string | undefined) => Promise<VerifiedIdentity> {
  const keys = 'jwksUrl' in options.keys ? createRemoteJWKSet(new URL(options.keys.jwksUrl)) : createLocalJWKSet(options.keys.jwks);
  return async (authorization) => {
    const token = /^Bearer ([A-Za-z0-9_.-]+)$/.exec(authorization ?? '')?.[1];
    if (!token) throw unauthenticated('send it as "Authorization: Bearer <token>"');
    let payload;
    try {
      ({ payload } = await jwtVerify(token, keys, {
        issuer: options.issuer,
        audience: options.audience,
        algorithms: ACCEPTED_ALGORITHMS,
        requiredClaims: ['sub', 'exp'],
      }));
    } catch (error) {
      throw unauthenticated(reasonOf(error));
    }
    const organisation = parseOrganisation(payload.org);
    if (!organisation) throw unauthenticated('the token names no known organisation (org)');
    if (typeof payload.sub !== 'string' || !payload.sub.trim() || payload.sub.length > 64) {
      throw unauthenticated('the token names no user (sub)');
    }
    const scope = typeof payload.scope === 'string' ? payload.scope : '';
    return { organisation, user: payload.sub, scopes: scope.split(' ').filter(Boolean) };
  };
}

/** Says what was wrong in words a client can act on, without echoing the token. */
function reasonOf(error: unknown): string {
  if (error instanceof errors.JWTExpired) return 'the token has expired';
  if (error instanceof errors.JWTClaimValidationFailed) return `the token's ${error.claim} claim is not accepted`;
  if (error instanceof errors.JWKSNoMatchingKey) return 'the token is signed with an unknown key';
  if (error instanceof errors.JWSSignatureVerificationFailed) return 'the token signature is not valid';
  if (error instanceof errors.JOSEAlgNotAllowed) return 'the token is signed with an algorithm that is not accepted';
  if (error instanceof errors.JWKSTimeout) return 'the issuer keys could not be fetched';
  return 'the token is malformed';
}
