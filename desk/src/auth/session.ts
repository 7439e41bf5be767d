import { decodeJwt } from 'jose';
import { Organisation, parseOrganisation } from '../../../lib/auth/organisations';

/**
 * Who is signed in, held in memory only (never localStorage or sessionStorage): a reload
 * signs the user out. The claims are read from the access token for the desk's own choices
 * — which views to offer — while the gateway verifies the token and decides every access.
 */
export interface Session {
  token: string;
  expiresAt: Date;
  user: string;
  organisation: Organisation;
  scopes: string[];
  /** How the user is named in the header, e.g. a persona's title. */
  title: string;
}

export class SessionError extends Error {}

/** Reads a bearer token's claims once, where it enters the desk. */
export function sessionFromToken(token: string, title?: string): Session {
  let claims: ReturnType<typeof decodeJwt>;
  try {
    claims = decodeJwt(token);
  } catch {
    throw new SessionError('Inloggningen gav ingen läsbar token.');
  }
  const organisation = parseOrganisation(claims.org);
  if (!organisation) throw new SessionError('Token anger ingen organisation som systemet känner.');
  const scopes = typeof claims.scope === 'string' ? claims.scope.split(' ').filter(Boolean) : [];
  const user = typeof claims.sub === 'string' ? claims.sub : 'okänd';
  return {
    token,
    expiresAt: new Date((claims.exp ?? 0) * 1000),
    user,
    organisation,
    scopes,
    title: title ?? user,
  };
}

/** What the desk offers a signed-in user: each role's views. */
export interface Role {
  coach: boolean;
  /** An agency that plans activities in shared plans, and so has conflicts to settle. */
  inbox: boolean;
  district: boolean;
  analyst: boolean;
}

/** Organisations that take part in shared plans with activities of their own (Migrationsverket and the city's functions plan none). */
const PLANNING_KINDS: readonly Organisation['kind'][] = ['JOBBTORG', 'DISTRICT', 'AF', 'SFI', 'PROVIDER'];

export function roleOf(session: Session): Role {
  const { kind } = session.organisation;
  return {
    coach: kind === 'JOBBTORG',
    inbox: PLANNING_KINDS.includes(kind),
    district: kind === 'DISTRICT',
    analyst: session.scopes.includes('statistics:read'),
  };
}
