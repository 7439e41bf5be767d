import { badHeader } from '../errors';

/**
 * What a caller may say about a request besides who they are: why they read (a consent
 * purpose) and which case or referral it is about. The gateway reads these from request
 * headers, checks them, and puts them in the token it signs for the subgraphs; the
 * headers themselves go no further.
 */

export const PURPOSE_HEADER = 'x-etk-purpose';
export const CASE_REFERENCE_HEADER = 'x-etk-case-reference';

/** The purposes a consent can be given for (stadsdel's `ConsentPurpose`). */
export const PURPOSES = ['REFERRAL', 'SHARED_PLANNING', 'FOLLOW_UP'] as const;

const CASE_REFERENCE = /^[A-Za-z0-9:_-]{1,64}$/;

/** The purpose and case reference the headers give, or null for those not given; a bad one is refused. */
export function requestContextFrom(headers: Record<string, string | string[] | undefined>): { purpose: string | null; caseReference: string | null } {
  const one = (name: string): string | null => {
    const value = headers[name];
    if (value === undefined || value === '') return null;
    if (Array.isArray(value)) throw badHeader(name, 'may be given once');
    return value;
  };
  const purpose = one(PURPOSE_HEADER);
  if (purpose !== null && !(PURPOSES as readonly string[]).includes(purpose)) throw badHeader(PURPOSE_HEADER, `must be one of ${PURPOSES.join(', ')}`);
  const caseReference = one(CASE_REFERENCE_HEADER);
  if (caseReference !== null && !CASE_REFERENCE.test(caseReference)) throw badHeader(CASE_REFERENCE_HEADER, 'must be 1–64 letters, digits, colons, dashes or underscores');
  return { purpose, caseReference };
}
