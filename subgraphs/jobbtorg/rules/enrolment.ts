import { isYouth } from '../../../lib/domain';
import { badInput, conflict, notFound } from '../../../lib/errors';
import { Caller } from '../../../lib/identity';
import { ageOn } from '../../../lib/scalars/calendar';
import type { EnrolInJobbtorgInput, TargetGroup } from '../__generated__/resolvers-types';
import { jobbgarantiDeadline, reportingGroupOf, targetGroupOf } from './case';
import { CaseRow, EnrolmentFacts, UnitRow } from '../models';

/**
 * The rules an enrolment (inskrivning) keeps, as plain functions: which referral may be
 * enrolled, at which unit, and the target group, reporting group and jobbgaranti deadline
 * the case starts with. Errors name the input field at fault.
 */

/** What Jobbtorg's own records say about the enrolment: the unit and the cases already there. */
export interface EnrolmentRecords {
  /** The unit asked for, or undefined when there is none by that code. */
  unit: UnitRow | undefined;
  /** Codes of the districts the unit serves. */
  unitDistricts: readonly string[];
  /** A case already opened from the same referral. */
  caseOfReferral: Pick<CaseRow, 'id'> | undefined;
  /** The person's open case, if any. */
  openCase: Pick<CaseRow, 'id' | 'unit_code'> | undefined;
}

/** The columns of a new case that the rules decide. */
export type EnrolmentColumns = Pick<CaseRow, 'coach' | 'target_group' | 'reporting_group' | 'jobbgaranti_deadline'>;

/** The longest user id the coach column holds. */
export const USER_ID_LENGTH = 64;

/** Jobbtorg takes people of working age: from 16, the age youth enrolment starts at. */
export const MINIMUM_AGE = 16;

/**
 * What an enrolment says on its own, checked before the transaction: a day that has come,
 * and the coach (the caller who enrols when none is named). Returns the coach.
 */
export function checkEnrolmentInput(input: EnrolInJobbtorgInput, caller: Caller, today: string): string {
  if (input.enrolledOn > today) throw badInput('input.enrolledOn', `is after today (${today}); enrol on the day it happens`);
  return coachOf(input.coach, caller);
}

/**
 * Checks an enrolment against the facts and the records; returns what the case starts with.
 * The referral must still be booked and not already enrolled, the enrolment dated no earlier
 * than the referral was made, the person may have only one open case, and the unit must
 * serve the referring district (a youth branch only youth).
 */
export function checkEnrolment(
  input: EnrolInJobbtorgInput,
  facts: EnrolmentFacts,
  records: EnrolmentRecords,
): Omit<EnrolmentColumns, 'coach'> {
  if (facts.referralStatus !== 'BOOKED') {
    throw conflict('input.referralId', `is ${facts.referralStatus}; only a BOOKED referral can be enrolled`);
  }
  if (records.caseOfReferral) throw conflict('input.referralId', `already led to case ${records.caseOfReferral.id}`);
  if (input.enrolledOn < facts.referredOn) {
    throw badInput('input.enrolledOn', `is before the referral was made on ${facts.referredOn}; no one is enrolled before they are referred`);
  }
  if (records.openCase) {
    throw conflict('input.referralId', `is for a person who already has an open case (${records.openCase.id} at ${records.openCase.unit_code})`);
  }
  const age = ageOn(facts.birthDate, input.enrolledOn);
  if (age < MINIMUM_AGE) throw badInput('input.enrolledOn', `is before the person turns ${MINIMUM_AGE}`);
  checkUnit(records, facts.districtCode, isYouth(age));

  const derived = targetGroupOf({
    birthDate: facts.birthDate,
    enrolledOn: input.enrolledOn,
    needReason: facts.reason === 'OTHER_REASONS' ? 'OTHER_REASONS' : 'UNEMPLOYMENT',
    newlyArrivedRefugee: isNewlyArrivedRefugee(facts),
    studiesSfi: facts.studiesSfi,
  });
  const targetGroup = input.targetGroup ?? derived;
  if (input.targetGroup) checkTargetGroupFits(input.targetGroup, facts, age);
  return {
    target_group: targetGroup,
    reporting_group: reportingGroupOf(targetGroup, facts.birthDate, input.enrolledOn),
    jobbgaranti_deadline: jobbgarantiDeadline(input.enrolledOn),
  };
}

/**
 * A refugee in the target-group sense: the district referred them as one, or Migrationsverket's
 * records make them newly arrived (received in a municipality less than three years ago).
 */
function isNewlyArrivedRefugee(facts: EnrolmentFacts): boolean {
  return facts.reason === 'NEWLY_ARRIVED_REFUGEE' || facts.newlyArrived;
}

/** The unit must exist, serve the district the referral came from, and fit the person's age. */
function checkUnit(records: EnrolmentRecords, districtCode: string, youth: boolean): void {
  const { unit } = records;
  if (!unit) throw notFound('input.unitCode');
  if (!records.unitDistricts.includes(districtCode)) {
    throw badInput('input.unitCode', `does not serve district ${districtCode}, which made the referral`);
  }
  if (unit.youth_only && !youth) throw badInput('input.unitCode', `is ${unit.name}, which takes only youth 16–24`);
}

/**
 * A coach may decide the target group, but not against the facts: youth only 16–24,
 * refugee only when newly arrived, Sfi student only while studying Sfi.
 */
export function checkTargetGroupFits(group: TargetGroup, facts: EnrolmentFacts, age: number): void {
  if (group === 'YOUTH' && !isYouth(age)) {
    throw badInput('input.targetGroup', `is YOUTH, but the person is ${age} on the day of enrolment; youth are 16–24`);
  }
  if (group === 'REFUGEE' && !isNewlyArrivedRefugee(facts)) {
    throw badInput('input.targetGroup', 'is REFUGEE, but the person is neither referred as nor recorded as newly arrived');
  }
  if (group === 'SFI_STUDENT' && !facts.studiesSfi) {
    throw badInput('input.targetGroup', 'is SFI_STUDENT, but the person has no Sfi enrolment on the day of enrolment');
  }
}

/** The coach named, or the caller who enrols when none is. */
function coachOf(coach: string | null | undefined, caller: Caller): string {
  if (coach == null) return caller.user;
  const trimmed = coach.trim();
  if (!trimmed) throw badInput('input.coach', 'must name the coach, or be left out to make the caller the coach');
  if (trimmed.length > USER_ID_LENGTH) throw badInput('input.coach', `must be at most ${USER_ID_LENGTH} characters`);
  return trimmed;
}
