import express from 'express';
import { decodeJwt } from 'jose';
import { mintToken } from '../lib/auth/development';
import { PrivateJwk } from '../lib/auth/keys';
import { PERSONAS } from '../lib/auth/personas';
import { badInput } from '../lib/errors';
import { MAX_BODY } from '../lib/service';

/**
 * Development sign-in: the personas, and a token for one of them, minted with the development
 * issuer's key — the same token `npm run token -- --persona` prints — for the desk's persona
 * picker and GraphiQL. The gateway mounts these routes only in development and only while it
 * trusts that issuer (gateway/gateway.ts); in production they do not exist.
 *
 * No CORS: only pages the gateway serves itself (the desk, GraphiQL) may ask, so a web page
 * elsewhere cannot mint itself a token for a developer's local stack.
 */

export interface DevSignInOptions {
  /** The development issuer's private key, whose tokens the gateway accepts. */
  issuerJwk: PrivateJwk;
  /** The `iss` and `aud` the gateway checks. */
  issuer: string;
  audience: string;
}

/** One persona as the desk and GraphiQL list it. */
export interface PersonaListing {
  name: string;
  title: string;
  org: string;
}

export const PERSONA_LISTING: readonly PersonaListing[] = Object.entries(PERSONAS).map(([name, { title, org }]) => ({ name, title, org }));

export function devSignInRoutes(options: DevSignInOptions): express.Router {
  const router = express.Router();
  router.get('/dev/personas', (_req, res) => {
    res.json(PERSONA_LISTING);
  });
  router.post('/dev/token', express.json({ limit: MAX_BODY }), async (req, res, next) => {
    const name: unknown = req.body?.persona;
    if (typeof name !== 'string' || !Object.hasOwn(PERSONAS, name)) {
      const error = badInput('persona', `must name one of the personas: ${PERSONA_LISTING.map((p) => p.name).join(', ')}`);
      res.status(400).json({ errors: [error.toJSON()] });
      return;
    }
    try {
      const token = await mintToken(options.issuerJwk, PERSONAS[name as keyof typeof PERSONAS], {
        issuer: options.issuer,
        audience: options.audience,
      });
      res.json({ token, expiresAt: new Date(decodeJwt(token).exp! * 1000).toISOString() });
    } catch (error) {
      next(error);
    }
  });
  return router;
}
