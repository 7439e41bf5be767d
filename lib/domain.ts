import { addDays, addWorkingDays, ageOn, stockholmInstant } from './scalars/calendar';

/**
 * The domain rules every part of the system shares — the seed generator, the workflow
 * mutations and the follow-up statistics — so a reporting group or a jobbgaranti deadline
 * means the same thing everywhere. Pure functions, no I/O.
 */

export const TARGET_GROUPS = ['UNEMPLOYED', 'RESURS', 'SFI_STUDENT', 'REFUGEE', 'YOUTH'] as const;
export type TargetGroup = (typeof TARGET_GROUPS)[number];

export const REPORTING_GROUPS = ['NEWLY_ARRIVED_REFUGEE', 'YOUTH_16_24', 'OTHER_OVER_24'] as const;
export type ReportingGroup = (typeof REPORTING_GROUPS)[number];

export const CLOSURE_REASONS = ['WORK', 'STUDIES', 'AF_PROGRAMME', 'OTHER', 'UNKNOWN'] as const;
export type ClosureReason = (typeof CLOSURE_REASONS)[number];

/** Closures the city counts as the aspirant's own support: work or studies. */
export const CLOSURES_TO_WORK_OR_STUDIES: readonly ClosureReason[] = ['WORK', 'STUDIES'];

export const NEED_REASONS = ['UNEMPLOYMENT', 'OTHER_REASONS'] as const;
export type NeedReason = (typeof NEED_REASONS)[number];

/** Youth (ungdom) in the city's sense: 16–24 years old. */
export function isYouth(age: number): boolean {
  return age >= 16 && age <= 24;
}

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

export type JobbgarantiStatus = 'PENDING' | 'KEPT' | 'BREACHED';

/** Where the promise stands on `today`, given the deadline and the day a plan came (if any). */
export function jobbgarantiStatus(deadline: string, planEstablishedOn: string | null, today: string): JobbgarantiStatus {
  if (planEstablishedOn !== null) return planEstablishedOn <= deadline ? 'KEPT' : 'BREACHED';
  return today > deadline ? 'BREACHED' : 'PENDING';
}

/**
 * Newly arrived (nyanländ): received in a municipality less than three years before `on`
 * (the definition of the establishment reform, lag 2010:197).
 */
export function isNewlyArrived(receivedOn: string | null, on: string): boolean {
  if (receivedOn === null || receivedOn > on) return false;
  const [y, m, d] = receivedOn.split('-');
  return on < `${Number(y) + 3}-${m}-${d}`;
}

export type InfoMeetingAudience = 'ADULTS' | 'YOUTH';

/** Adults meet on Tuesday mornings, youth on Thursday afternoons, Stockholm time. */
const INFO_MEETING_SCHEDULE: Record<InfoMeetingAudience, { dayOffset: number; time: string }> = {
  ADULTS: { dayOffset: 1, time: '09:00' },
  YOUTH: { dayOffset: 3, time: '13:00' },
};

/** The day of a week's meeting for the audience, and when it starts as a database instant (UTC). */
export function infoMeetingTime(weekStart: string, audience: InfoMeetingAudience): { day: string; startsAtUtc: string } {
  const { dayOffset, time } = INFO_MEETING_SCHEDULE[audience];
  const day = addDays(weekStart, dayOffset);
  return { day, startsAtUtc: stockholmInstant(day, time) };
}

/**
 * Which of a week's meetings someone goes to: youth if 16–24 on the youth meeting's day,
 * adults if 25 or older on the adults' day. Null in the one week someone turns 25 between
 * the two meetings: neither fits, so they wait a week.
 */
export function infoMeetingAudience(birthDate: string, weekStart: string): InfoMeetingAudience | null {
  if (isYouth(ageOn(birthDate, infoMeetingTime(weekStart, 'YOUTH').day))) return 'YOUTH';
  if (!isYouth(ageOn(birthDate, infoMeetingTime(weekStart, 'ADULTS').day))) return 'ADULTS';
  return null;
}
