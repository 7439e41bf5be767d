/**
 * The organisations a caller can act for, as the `org` claim names them. The kind decides
 * what the access rules allow; the id narrows it (which district, unit, school or provider).
 */

export const ORGANISATION_KINDS = ['DISTRICT', 'JOBBTORG', 'AF', 'MIGRATIONSVERKET', 'SFI', 'PROVIDER', 'CITY'] as const;
export type OrganisationKind = (typeof ORGANISATION_KINDS)[number];

export interface Organisation {
  kind: OrganisationKind;
  /** District code, Jobbtorg unit code, Sfi school or provider id, or city function; null for a whole agency. */
  id: string | null;
}

/** Kinds whose `org` claim must name which one (`DISTRICT:SKH`); the others may stand alone. */
const NEEDS_ID: readonly OrganisationKind[] = ['DISTRICT', 'SFI', 'PROVIDER', 'CITY'];

/** Parses `KIND` or `KIND:ID`; null when the claim names no organisation this system knows. */
export function parseOrganisation(claim: unknown): Organisation | null {
  if (typeof claim !== 'string') return null;
  const match = /^([A-Z]+)(?::([A-Z0-9_]{1,32}))?$/.exec(claim);
  if (!match || !(ORGANISATION_KINDS as readonly string[]).includes(match[1])) return null;
  const kind = match[1] as OrganisationKind;
  const id = match[2] ?? null;
  if (NEEDS_ID.includes(kind) && id === null) return null;
  return { kind, id };
}

/**
 * The claim `parseOrganisation` reads, written back: for the token the gateway signs and
 * for the rows (audit log, idempotency keys) that name who acted.
 */
export function formatOrganisation(organisation: Organisation): string {
  return organisation.id === null ? organisation.kind : `${organisation.kind}:${organisation.id}`;
}
