import { importJWK, JWK, jwtVerify, KeyLike, SignJWT } from 'jose';
import { Caller } from '../identity';
import { SIGNING_ALGORITHM, SigningKey } from './keys';
import { formatOrganisation, parseOrganisation } from './organisations';

/**
 * The token the gateway signs for each subgraph fetch: the caller's identity as the gateway
 * verified it, valid for a few seconds. Subgraphs trust nothing else, so a request that
 * bypasses the gateway, or replays a captured token after its lifetime, is refused.
 */

export const INTERNAL_ISSUER = 'etk-gateway';
export const INTERNAL_AUDIENCE = 'etk-subgraphs';
/** Long enough for one request's fetches (and a subgraph's calls to its peers), no longer. */
export const INTERNAL_TOKEN_SECONDS = 30;

export async function signInternalToken(key: SigningKey, caller: Caller, now = new Date()): Promise<string> {
  const issuedAt = Math.floor(now.getTime() / 1000);
  return new SignJWT({
    org: formatOrganisation(caller.organisation),
    scope: caller.scopes.join(' '),
    rid: caller.requestId,
    op: caller.operationName,
    ...(caller.purpose ? { purpose: caller.purpose } : {}),
    ...(caller.caseReference ? { case: caller.caseReference } : {}),
    ...(caller.clientAddress ? { addr: caller.clientAddress } : {}),
  })
    .setProtectedHeader({ alg: SIGNING_ALGORITHM, kid: key.kid, typ: 'JWT' })
    .setIssuer(INTERNAL_ISSUER)
    .setAudience(INTERNAL_AUDIENCE)
    .setSubject(caller.user)
    .setIssuedAt(issuedAt)
    .setExpirationTime(issuedAt + INTERNAL_TOKEN_SECONDS)
    .sign(key.privateKey);
}

export interface InternalVerifier {
  /** The caller the token names; throws when the gateway did not sign it or it has expired. */
  verify(token: string): Promise<Caller>;
}

export async function internalVerifier(publicJwk: JWK): Promise<InternalVerifier> {
  const key = (await importJWK(publicJwk, SIGNING_ALGORITHM)) as KeyLike;
  return {
    async verify(token) {
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
      return {
        organisation,
        user: payload.sub!,
        scopes: typeof payload.scope === 'string' && payload.scope ? payload.scope.split(' ') : [],
        requestId: payload.rid,
        operationName: typeof payload.op === 'string' ? payload.op : null,
        purpose: typeof payload.purpose === 'string' ? payload.purpose : null,
        caseReference: typeof payload.case === 'string' ? payload.case : null,
        clientAddress: typeof payload.addr === 'string' ? payload.addr : null,
      };
    },
  };
}
