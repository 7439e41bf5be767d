import { badInput } from '../../../lib/errors';
import type { RecordResidencePermitInput } from '../__generated__/resolvers-types';

/** The rules Migrationsverket's residence permit keeps, as a plain function. */

/** A permanent permit has no last day; a temporary one has one, on or after the day it was granted. */
export function checkPermit(input: RecordResidencePermitInput): void {
  const validUntil = input.validUntil ?? null;
  if (input.kind === 'PERMANENT') {
    if (validUntil !== null) throw badInput('input.validUntil', 'must be left out for a permanent permit');
    return;
  }
  if (validUntil === null) throw badInput('input.validUntil', `is required for a ${input.kind} permit`);
  if (validUntil < input.grantedOn) throw badInput('input.validUntil', `is before the day it was granted ${input.grantedOn}`);
}
