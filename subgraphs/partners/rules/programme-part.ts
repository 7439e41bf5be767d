import { badInput, conflict, notFound } from '../../../lib/errors';
import type { ProgrammePartKind } from '../__generated__/resolvers-types';
import { ProgrammePartRow, StoredRegistration } from '../models';

/**
 * The rules a programme's parts keep, as plain functions: only a registration in a programme
 * has parts; a part is a record of the registration's own person; a record is part of one
 * programme at most. Errors name the input field at fault.
 */

/** Where each kind of part is kept, and how the shared plan names its item. */
export const PART_KINDS = {
  SFI_ENROLMENT: { table: 'sfi_enrolments', column: 'sfi_enrolment_id', planItem: 'sfi' },
  PROVIDER_ASSIGNMENT: { table: 'provider_assignments', column: 'provider_assignment_id', planItem: 'assignment' },
} as const satisfies Record<ProgrammePartKind, { table: string; column: keyof ProgrammePartRow; planItem: string }>;

/** The kind of record a part names, and its id. */
export function partRecordOf(part: ProgrammePartRow): { kind: ProgrammePartKind; recordId: number } {
  return part.sfi_enrolment_id !== null
    ? { kind: 'SFI_ENROLMENT', recordId: part.sfi_enrolment_id }
    : { kind: 'PROVIDER_ASSIGNMENT', recordId: Number(part.provider_assignment_id) };
}

/** The shared plan's id of the record a part names, e.g. `partners:sfi:5`. */
export function planItemIdOf(kind: ProgrammePartKind, recordId: string | number): string {
  return `partners:${PART_KINDS[kind].planItem}:${recordId}`;
}

/** Only a registration in a programme has parts. */
export function checkInProgramme(registration: Pick<StoredRegistration, 'id' | 'programme'>): void {
  if (registration.programme === 'NONE') {
    throw badInput('input.registrationId', `names registration ${registration.id}, which is in no programme; only a programme has parts`);
  }
}

/**
 * The record must be the registration's person's: another person's record is NOT_FOUND, as
 * if unknown, so an id names nothing about anyone else.
 */
export function checkSamePerson<R extends { personnummer: string }>(record: R | undefined, registration: Pick<StoredRegistration, 'personnummer'>): R {
  if (!record || record.personnummer !== registration.personnummer) throw notFound('input.recordId');
  return record;
}

/** A record is part of one programme at most: `current` is the part that already names it, if any. */
export function checkNotYetPart(current: Pick<ProgrammePartRow, 'registration_id'> | undefined, registration: Pick<StoredRegistration, 'id'>): void {
  if (!current) return;
  throw conflict(
    'input.recordId',
    current.registration_id === registration.id
      ? 'is already part of the programme'
      : `is already part of the programme of registration ${current.registration_id}`,
  );
}
