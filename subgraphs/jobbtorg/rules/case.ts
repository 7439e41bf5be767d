import { badInput, conflict } from '../../../lib/errors';
import type { CloseCaseInput, EstablishJobPlanInput } from '../__generated__/resolvers-types';
import { JobPlanRow, StoredCase } from '../models';

/**
 * The rules a case keeps after enrolment, as plain functions: a closed case takes no
 * changes, a change states the version it is based on, the plan comes once and not before
 * enrolment, and closure and feedback say something. Errors name the input field at fault.
 */

/** A closed case is history: nothing may be added to it or changed in it. */
export function checkOpen(found: Pick<StoredCase, 'id' | 'status' | 'closed_on'>, field: string): void {
  if (found.status === 'CLOSED') throw conflict(field, `names case ${found.id}, closed on ${found.closed_on}; it takes no changes`);
}

/** A change must be based on the record as it is now. */
export function checkVersion(current: number, given: number, what: string): void {
  if (current !== given) throw conflict('input.version', `is stale: the ${what} is at version ${current}`);
}

/** A day a mutation records must have come, and cannot be before the case began. */
export function checkDayInCase(day: string, field: string, enrolledOn: string, today: string): void {
  if (day < enrolledOn) throw badInput(field, `is before the enrolment on ${enrolledOn}`);
  if (day > today) throw badInput(field, `is after today (${today}); record it on the day it happens`);
}

/** One plan per case, on an open case, established on a day between enrolment and today. */
export function checkJobPlan(found: StoredCase, plan: Pick<JobPlanRow, 'id'> | undefined, input: EstablishJobPlanInput, today: string): void {
  checkOpen(found, 'input.caseId');
  if (plan) throw conflict('input.caseId', `already has a job plan (${plan.id}); a case has one plan`);
  checkDayInCase(input.establishedOn, 'input.establishedOn', found.enrolled_on, today);
}

/** A case closes once, from the version the closer read, on a day between enrolment and today. */
export function checkClosure(found: StoredCase, input: CloseCaseInput, today: string): void {
  checkOpen(found, 'input.id');
  checkVersion(found.version, input.version, 'case');
  checkDayInCase(input.closedOn, 'input.closedOn', found.enrolled_on, today);
  if (input.note != null && !input.note.trim()) throw badInput('input.note', 'must say something, or be left out');
}

/** Feedback to a district must say something; it is read as a message, so it is kept short. */
export const FEEDBACK_MAX_LENGTH = 4000;

export function checkFeedbackMessage(message: string): string {
  const trimmed = message.trim();
  if (!trimmed) throw badInput('input.message', 'must not be empty');
  if (trimmed.length > FEEDBACK_MAX_LENGTH) throw badInput('input.message', `must be at most ${FEEDBACK_MAX_LENGTH} characters`);
  return trimmed;
}
