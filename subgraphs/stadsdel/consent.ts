import { ConsentRow } from './models';

/** A consent applies on `day` when the day is within its dates and it was not withdrawn by then. */
export function isConsentActive(consent: Pick<ConsentRow, 'valid_from' | 'valid_to' | 'withdrawn_at'>, day: string): boolean {
  if (day < consent.valid_from) return false;
  if (consent.valid_to !== null && day > consent.valid_to) return false;
  return consent.withdrawn_at === null || consent.withdrawn_at.slice(0, 10) > day;
}
