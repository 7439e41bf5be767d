import { createHash } from 'node:crypto';
import { createLocalJWKSet, createRemoteJWKSet, errors, JSONWebKeySet, jwtVerify } from 'jose';
import { Organisation, parseOrganisation } from '../lib/auth/organisations';
import { unauthenticated } from '../lib/errors';
import { ExpiringCache } from '../lib/expiring-cache';

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
/** Verified caller tokens remembered: a client sends the same token for many requests. */
const VERIFIED_TOKENS_KEPT = 10_000;

/**
 * A client sends the same token with every request for as long as it lives, so a verified
 * token is remembered (by its SHA-256, not the token itself) until its `exp`, and the same
 * token again costs a hash and a lookup instead of a signature check. It is remembered with
 * the key that signed it: once the issuer's key set, as last fetched, no longer holds that
 * key — or is due for a refetch — the token is verified again, so a withdrawn key stops its
 * tokens as soon as the gateway learns of it, as it did before.
 */
export function createAuthenticator(options: AuthenticationOptions): (authorization: string | undefined) => Promise<VerifiedIdentity> {
  const remote = 'jwksUrl' in options.keys ? createRemoteJWKSet(new URL(options.keys.jwksUrl)) : undefined;
  const keys: KeySet = remote ?? createLocalJWKSet((options.keys as { jwks: JSONWebKeySet }).jwks);
  const verified = new ExpiringCache<{ identity: VerifiedIdentity; kid: string | undefined }>(VERIFIED_TOKENS_KEPT);
  // A local key set never changes; a remote one holds the keys of its last fetch.
  const stillSigned = (kid: string | undefined) => !remote || (kid !== undefined && remote.fresh && (remote.jwks()?.keys ?? []).some((k) => k.kid === kid));
  return async (authorization) => {
    const token = /^Bearer ([A-Za-z0-9_.-]+)$/.exec(authorization ?? '')?.[1];
    if (!token) throw unauthenticated('send it as "Authorization: Bearer <token>"');
    const digest = createHash('sha256').update(token).digest('base64');
    const known = verified.get(digest);
    if (known && stillSigned(known.kid)) return { ...known.identity, scopes: [...known.identity.scopes] };
    const identity = await verify(token, keys, options);
    verified.set(digest, { identity: identity.identity, kid: identity.kid }, identity.expiresAt * 1000);
    return { ...identity.identity, scopes: [...identity.identity.scopes] };
  };
}

/** The key set a token is checked against: a local one, or the issuer's JWKS as last fetched. */
type KeySet = ReturnType<typeof createLocalJWKSet>;

/** Checks the token in full: signature, claims, organisation and user. */
async function verify(token: string, keys: KeySet, options: AuthenticationOptions): Promise<{ identity: VerifiedIdentity; kid: string | undefined; expiresAt: number }> {
  let verified;
  try {
    verified = await jwtVerify(token, keys, {
      issuer: options.issuer,
      audience: options.audience,
      algorithms: ACCEPTED_ALGORITHMS,
      requiredClaims: ['sub', 'exp'],
    });
  } catch (error) {
    throw unauthenticated(reasonOf(error));
  }
  const { payload, protectedHeader } = verified;
  const organisation = parseOrganisation(payload.org);
  if (!organisation) throw unauthenticated('the token names no known organisation (org)');
  if (typeof payload.sub !== 'string' || !payload.sub.trim() || payload.sub.length > 64) {
    throw unauthenticated('the token names no user (sub)');
  }
  const scope = typeof payload.scope === 'string' ? payload.scope : '';
  return { identity: { organisation, user: payload.sub, scopes: scope.split(' ').filter(Boolean) }, kid: protectedHeader.kid, expiresAt: payload.exp! };
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
