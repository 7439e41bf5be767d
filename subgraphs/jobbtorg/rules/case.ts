import { isYouth } from '../../../lib/domain';
import { badInput, conflict } from '../../../lib/errors';
import { addWorkingDays, ageOn } from '../../../lib/scalars/calendar';
import type { CloseCaseInput, ClosureReason, JobbgarantiStatus, ReportingGroup, TargetGroup } from '../__generated__/resolvers-types';
import type { EnrolmentFacts, StoredCase } from '../models';

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

/**
 * The domain rules of a case, shared by the workflow, the follow-up figures and the seed, so a
 * reporting group or a jobbgaranti deadline means the same thing everywhere. Pure
 * functions over the schema's enums, no I/O.
 */

/** Every closure reason, in the order the follow-up figures list them (test/unit/schema/codegen-enums.test.ts checks it is every one). */
export const CLOSURE_REASONS = ['WORK', 'STUDIES', 'AF_PROGRAMME', 'OTHER', 'UNKNOWN'] as const satisfies readonly ClosureReason[];

/** Closures the city counts as the aspirant's own support: work or studies. */
export const CLOSURES_TO_WORK_OR_STUDIES: readonly ClosureReason[] = ['WORK', 'STUDIES'];

/** Why the person has income support (stadsdel's `NeedReason`): a referral's reason, a refugee's aside. */
export type NeedReason = Exclude<EnrolmentFacts['reason'], 'NEWLY_ARRIVED_REFUGEE'>;

/**
 * The target group (målgrupp) a case starts in: youth 16–24 first, then newly arrived
 * refugees, then Resurs for needs other than unemployment, then Sfi students.
 */
export function targetGroupOf(input: {
  birthDate: string;
  enrolledOn: string;
  needReason: NeedReason;
  newlyArrivedRefugee: boolean;
  studiesSfi: boolean;
}): TargetGroup {
  if (isYouth(ageOn(input.birthDate, input.enrolledOn))) return 'YOUTH';
  if (input.newlyArrivedRefugee) return 'REFUGEE';
  if (input.needReason === 'OTHER_REASONS') return 'RESURS';
  if (input.studiesSfi) return 'SFI_STUDENT';
  return 'UNEMPLOYED';
}

/**
 * The reporting group (redovisningsgrupp) the city's follow-up counts a case in: newly
 * arrived refugees, youth 16–24, and everyone else over 24. Age is taken on the day of
 * enrolment; a refugee aged 16–24 is reported as a refugee.
 */
export function reportingGroupOf(targetGroup: TargetGroup, birthDate: string, enrolledOn: string): ReportingGroup {
  if (targetGroup === 'REFUGEE') return 'NEWLY_ARRIVED_REFUGEE';
  if (isYouth(ageOn(birthDate, enrolledOn))) return 'YOUTH_16_24';
  return 'OTHER_OVER_24';
}

/** Working days the jobbgaranti gives Jobbtorg to establish a plan. */
export const JOBBGARANTI_WORKING_DAYS = 5;

/** Last day on which a plan keeps the jobbgaranti for a case enrolled on `enrolledOn`. */
export function jobbgarantiDeadline(enrolledOn: string): string {
  return addWorkingDays(enrolledOn, JOBBGARANTI_WORKING_DAYS);
}

/** Where the promise stands on `today`, given the deadline and the day a plan came (if any). */
export function jobbgarantiStatus(deadline: string, planEstablishedOn: string | null, today: string): JobbgarantiStatus {
  if (planEstablishedOn !== null) return planEstablishedOn <= deadline ? 'KEPT' : 'BREACHED';
  return today > deadline ? 'BREACHED' : 'PENDING';
}
