import { badInput, conflict } from '../../../lib/errors';
import type { RecordConsentInput, WithdrawConsentInput } from '../__generated__/resolvers-types';
import { ConsentRow } from '../models';

/** What a consent must say to be recorded, when it may be withdrawn, and when it applies. Plain functions. */

export function checkConsentInput(input: RecordConsentInput): void {
  if (new Set(input.parties).size !== input.parties.length) throw badInput('input.parties', 'names an agency twice');
  if (input.parties.length < 2) throw badInput('input.parties', 'must name at least two agencies to share between');
  if (input.validTo && input.validTo < input.validFrom) throw badInput('input.validTo', 'is before input.validFrom');
}

export function checkWithdrawal(consent: ConsentRow, input: WithdrawConsentInput): void {
  if (consent.withdrawn_at !== null) throw conflict('input.id', 'is already withdrawn');
  if (consent.version !== input.version) {
    throw conflict('input.version', `is stale: the consent is at version ${consent.version}`);
  }
}

/** A consent applies on `day` when the day is within its dates and it was not withdrawn by then. */
export function isConsentActive(consent: Pick<ConsentRow, 'valid_from' | 'valid_to' | 'withdrawn_at'>, day: string): boolean {
  if (day < consent.valid_from) return false;
  if (consent.valid_to !== null && day > consent.valid_to) return false;
  return consent.withdrawn_at === null || consent.withdrawn_at.slice(0, 10) > day;
}
