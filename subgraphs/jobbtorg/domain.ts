import { isYouth } from '../../lib/domain';
import { addWorkingDays, ageOn } from '../../lib/scalars/calendar';
import type { ClosureReason, JobbgarantiStatus, ReportingGroup, TargetGroup } from './__generated__/resolvers-types';
import type { EnrolmentFacts } from './models';

/**
 * Jobbtorg's domain rules, shared by its workflow, its follow-up figures and the seed, so a
 * reporting group or a jobbgaranti deadline means the same thing everywhere. Pure
 * functions over the schema's enums, no I/O.
 */

/** Every closure reason, in the order the follow-up figures list them (test/codegen-enums.test.ts checks it is every one). */
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
