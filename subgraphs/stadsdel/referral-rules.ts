import { conflict, consentRequired } from '../../lib/errors';
import type { ReferToJobbtorgInput } from './__generated__/resolvers-types';
import { isConsentActive } from './consent';
import { ConsentPartyRow, ConsentRow, ReferralRow } from './models';

/** What a referral to Jobbtorg needs before a place is booked. Plain functions. */

/** Purposes under which records may travel to Jobbtorg with a referral. */
const REFERRAL_PURPOSES = new Set(['REFERRAL', 'SHARED_PLANNING']);

/** A consent that applies today, covers Jobbtorg and allows referral; or null. */
export function consentForReferral(consents: ConsentRow[], parties: ConsentPartyRow[], today: string): ConsentRow | null {
  const coversJobbtorg = new Set(parties.filter((p) => p.party === 'JOBBTORG').map((p) => String(p.consent_id)));
  return (
    consents.find((c) => REFERRAL_PURPOSES.has(c.purpose) && coversJobbtorg.has(String(c.id)) && isConsentActive(c, today)) ??
    null
  );
}

export function checkReferral(input: ReferToJobbtorgInput, consent: ConsentRow | null, open: ReferralRow[]): void {
  if (!consent) {
    // The city's own audit: districts rarely documented consent before sending data to Jobbtorg.
    throw consentRequired('input.personnummer', 'has no recorded consent that covers Jobbtorg for referral today');
  }
  if (open.length) throw conflict('input.personnummer', `already has a booked referral (id ${open[0].id})`);
}

/** How many weeks ahead a booking may go before the district is considered full. */
export const BOOKING_HORIZON_WEEKS = 52;
