import { sign } from 'node:crypto';
import { importJWK, JWK, jwtVerify, KeyLike } from 'jose';
import { ExpiringCache } from '../expiring-cache';
import { Caller } from '../identity';
import { SIGNING_ALGORITHM, SigningKey } from './keys';
import { formatOrganisation, parseOrganisation } from './organisations';

/**
 * The token the gateway signs for each request (one serves all its subgraph fetches: every
 * subgraph verifies the same audience): the caller's identity as the gateway verified it,
 * valid for a few seconds. Subgraphs trust nothing else, so a request that
 * bypasses the gateway, or replays a captured token after its lifetime, is refused.
 */

export const INTERNAL_ISSUER = 'etk-gateway';
export const INTERNAL_AUDIENCE = 'etk-subgraphs';
/** Long enough for one request's fetches (and a subgraph's calls to its peers), no longer. */
export const INTERNAL_TOKEN_SECONDS = 30;
/** Verified tokens a subgraph remembers: a few seconds' requests at any rate it can serve. */
const VERIFIED_TOKENS_KEPT = 10_000;

const base64url = (text: string) => Buffer.from(text).toString('base64url');

/**
 * A compact JWS (EdDSA) signed with node:crypto directly: the same token jose's SignJWT
 * makes, for a fifth less CPU, which counts at one signature per request.
 */
export async function signInternalToken(key: SigningKey, caller: Caller, now = new Date()): Promise<string> {
  const issuedAt = Math.floor(now.getTime() / 1000);
  const header = base64url(JSON.stringify({ alg: SIGNING_ALGORITHM, kid: key.kid, typ: 'JWT' }));
  const payload = base64url(
    JSON.stringify({
      org: formatOrganisation(caller.organisation),
      scope: caller.scopes.join(' '),
      rid: caller.requestId,
      op: caller.operationName,
      ...(caller.purpose ? { purpose: caller.purpose } : {}),
      ...(caller.caseReference ? { case: caller.caseReference } : {}),
      ...(caller.clientAddress ? { addr: caller.clientAddress } : {}),
      iss: INTERNAL_ISSUER,
      aud: INTERNAL_AUDIENCE,
      sub: caller.user,
      iat: issuedAt,
      exp: issuedAt + INTERNAL_TOKEN_SECONDS,
    }),
  );
  const input = `${header}.${payload}`;
  return `${input}.${sign(null, Buffer.from(input), key.privateKey).toString('base64url')}`;
}

export interface InternalVerifier {
  /** The caller the token names; throws when the gateway did not sign it or it has expired. */
  verify(token: string): Promise<Caller>;
}

/**
 * Verifies the gateway's tokens. One token serves every fetch of a request (and its calls
 * to peers), so a verified token is remembered until it would be refused anyway — its `exp`,
 * or `iat` plus its lifetime, whichever is sooner — and the same token again costs a lookup.
 * Only the exact string that was verified matches, so nothing unsigned gets through.
 */
export async function internalVerifier(publicJwk: JWK): Promise<InternalVerifier> {
  const key = (await importJWK(publicJwk, SIGNING_ALGORITHM)) as KeyLike;
  const verified = new ExpiringCache<Caller>(VERIFIED_TOKENS_KEPT);
  return {
    async verify(token) {
      const known = verified.get(token);
      if (known) return { ...known, scopes: [...known.scopes] };
      const { payload, protectedHeader } = await jwtVerify(token, key, {
        issuer: INTERNAL_ISSUER,
        audience: INTERNAL_AUDIENCE,
        algorithms: [SIGNING_ALGORITHM],
        requiredClaims: ['sub', 'exp', 'iat'],
        maxTokenAge: INTERNAL_TOKEN_SECONDS,
      });
      if (protectedHeader.kid !== publicJwk.kid) throw new Error('signed with another key');
      // The one place a subgraph reads the organisation: from here on it travels parsed.
      const organisation = parseOrganisation(payload.org);
      if (!organisation || typeof payload.rid !== 'string') throw new Error('names no known organisation or no request');
      const caller: Caller = {
        organisation,
        user: payload.sub!,
        scopes: typeof payload.scope === 'string' && payload.scope ? payload.scope.split(' ') : [],
        requestId: payload.rid,
        operationName: typeof payload.op === 'string' ? payload.op : null,
        purpose: typeof payload.purpose === 'string' ? payload.purpose : null,
        caseReference: typeof payload.case === 'string' ? payload.case : null,
        clientAddress: typeof payload.addr === 'string' ? payload.addr : null,
      };
      verified.set(token, caller, Math.min(payload.exp!, payload.iat! + INTERNAL_TOKEN_SECONDS) * 1000);
      return { ...caller, scopes: [...caller.scopes] };
    },
  };
}
