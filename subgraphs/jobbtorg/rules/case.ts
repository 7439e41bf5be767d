import { badInput, conflict } from '../../../lib/errors';
import type { CloseCaseInput } from '../__generated__/resolvers-types';
import { StoredCase } from '../models';

/**
 * The rules a case keeps after enrolment, as plain functions: a closed case takes no
 * changes, a change states the version it is based on, a day it records lies between
 * enrolment and today, and a closure says something. Errors name the input field at fault.
 */

/** A closed case is history: nothing may be added to it or changed in it. */
export function checkOpen(found: Pick<StoredCase, 'id' | 'status' | 'closed_on'>, field: string): void {
  if (found.status === 'CLOSED') throw conflict(field, `names case ${found.id}, closed on ${found.closed_on}; it takes no changes`);
}

/** A change must be based on the record as it is now. */
export function checkVersion(current: number, given: number, what: string): void {
  if (current !== given) throw conflict('input.version', `is stale: the ${what} is at version ${current}`);
}

/** A day a mutation records must have come: it is recorded on the day it happens or later. */
export function checkDayHasCome(day: string, field: string, today: string): void {
  if (day > today) throw badInput(field, `is after today (${today}); record it on the day it happens`);
}

/** A day a mutation records cannot be before the case began. */
export function checkDayInCase(day: string, field: string, enrolledOn: string): void {
  if (day < enrolledOn) throw badInput(field, `is before the enrolment on ${enrolledOn}`);
}

/**
 * What a closure says on its own, checked before the transaction: a day that has come, and
 * a note that says something, or none. Returns the note as it is stored.
 */
export function checkClosureInput(input: CloseCaseInput, today: string): string | null {
  checkDayHasCome(input.closedOn, 'input.closedOn', today);
  if (input.note == null) return null;
  const note = input.note.trim();
  if (!note) throw badInput('input.note', 'must say something, or be left out');
  return note;
}

/** A case closes once, from the version the closer read, on a day not before enrolment. */
export function checkClosure(found: StoredCase, input: CloseCaseInput): void {
  checkOpen(found, 'input.id');
  checkVersion(found.version, input.version, 'case');
  checkDayInCase(input.closedOn, 'input.closedOn', found.enrolled_on);
}
