import type { Organisation } from './auth/organisations';

/**
 * Who is asking: the identity the gateway verified from the caller's bearer token and
 * forwarded to the subgraphs in a token it signed itself. Subgraphs read it from their
 * context and never from anything else the client sent.
 */
export interface Caller {
  /**
   * The organisation the user acts for, parsed once where the token is verified (the `org`
   * claim `DISTRICT:SKARHOLMEN` is `{ kind: 'DISTRICT', id: 'SKARHOLMEN' }`).
   */
  organisation: Organisation;
  /** The user's id in their organisation (the token's `sub`). */
  user: string;
  /** What the user may do, e.g. `decisions:write`. */
  scopes: readonly string[];
  /** The request's id, the same in every subgraph a request reaches and in every log line. */
  requestId: string;
  /** The operation's name as the client gave it, for the audit log; null when anonymous. */
  operationName: string | null;
  /** Why the caller reads, where they say (`x-etk-purpose`): a consent purpose, e.g. `SHARED_PLANNING`. */
  purpose?: string | null;
  /** The case or referral the request is about, where the caller says (`x-etk-case-reference`). */
  caseReference?: string | null;
  /** The client's address as the gateway saw it, for the audit log. */
  clientAddress?: string | null;
}
