import { GraphQLError } from 'graphql';
import { Caller } from '../../../lib/identity';
import type {
  AddInterventionInput,
  ChangeInterventionInput,
  CloseCaseInput,
  EnrolInJobbtorgInput,
  EstablishJobPlanInput,
} from '../../../subgraphs/jobbtorg/__generated__/resolvers-types';
import { checkClosure, checkClosureInput } from '../../../subgraphs/jobbtorg/rules/case';
import { checkEnrolment, checkEnrolmentInput, EnrolmentRecords } from '../../../subgraphs/jobbtorg/rules/enrolment';
import { checkFeedbackMessage } from '../../../subgraphs/jobbtorg/rules/feedback';
import {
  changedIntervention,
  checkEndedOn,
  checkEndInput,
  checkInterventionChange,
  checkNewIntervention,
  checkNotEnded,
  checkStartInCase,
} from '../../../subgraphs/jobbtorg/rules/intervention';
import { checkJobPlan, checkJobPlanInput } from '../../../subgraphs/jobbtorg/rules/job-plan';
import { EnrolmentFacts, JobPlanRow, StoredCase, StoredIntervention } from '../../../subgraphs/jobbtorg/models';
import { org } from '../../helpers/organisations';

/** Jobbtorg's write rules as plain functions: what each refuses, with the code and the field at fault. */

const TODAY = '2026-03-16';
const caller: Caller = { organisation: org('JOBBTORG', 'KISTA'), user: 'coach-kista-01', scopes: [], requestId: 'r1', operationName: null };

/** The error `work` throws, as `{ code, field }`. */
function refusal(work: () => unknown): { code: unknown; field: unknown } {
  try {
    work();
  } catch (error) {
    expect(error).toBeInstanceOf(GraphQLError);
    const { code, field } = (error as GraphQLError).extensions;
    return { code, field };
  }
  throw new Error('expected a refusal');
}

describe('checkEnrolment', () => {
  const facts = (over: Partial<EnrolmentFacts> = {}): EnrolmentFacts => ({
    referralId: '41',
    referralStatus: 'BOOKED',
    referredOn: '2026-03-09',
    personnummer: '198504129876',
    birthDate: '1985-04-12',
    districtCode: 'RK',
    reason: 'UNEMPLOYMENT',
    newlyArrived: false,
    studiesSfi: false,
    ...over,
  });
  const kista = { code: 'KISTA', name: 'Jobbtorg Kista', parent_code: null, youth_only: false, sort_order: 5 };
  const youthBranch = { code: 'KISTA_UNGDOM', name: 'Jobbtorg Kista, ungdomsfilial', parent_code: 'KISTA', youth_only: true, sort_order: 7 };
  const records = (over: Partial<EnrolmentRecords> = {}): EnrolmentRecords => ({
    unit: kista,
    unitDistricts: ['RK', 'ST'],
    caseOfReferral: undefined,
    openCase: undefined,
    ...over,
  });
  const input = (over: Partial<EnrolInJobbtorgInput> = {}): EnrolInJobbtorgInput => ({
    referralId: '41',
    unitCode: 'KISTA',
    enrolledOn: TODAY,
    ...over,
  });
  /** An enrolment's rules as the write runs them: what the input says on its own, then the facts and records. */
  const enrolled = (i: EnrolInJobbtorgInput, f: EnrolmentFacts, r: EnrolmentRecords) => ({
    coach: checkEnrolmentInput(i, caller, TODAY),
    ...checkEnrolment(i, f, r),
  });

  it.each<[string, Partial<EnrolmentFacts>, string, string]>([
    ['unemployed adult', {}, 'UNEMPLOYED', 'OTHER_OVER_24'],
    ['youth 16–24 on the day', { birthDate: '2004-03-16' }, 'YOUTH', 'YOUTH_16_24'],
    ['25 the day before', { birthDate: '2001-03-16' }, 'UNEMPLOYED', 'OTHER_OVER_24'],
    ['referred as a refugee', { reason: 'NEWLY_ARRIVED_REFUGEE' }, 'REFUGEE', 'NEWLY_ARRIVED_REFUGEE'],
    ['newly arrived by Migrationsverket’s records', { newlyArrived: true }, 'REFUGEE', 'NEWLY_ARRIVED_REFUGEE'],
    ['other reasons than unemployment', { reason: 'OTHER_REASONS', studiesSfi: true }, 'RESURS', 'OTHER_OVER_24'],
    ['studying Sfi', { studiesSfi: true }, 'SFI_STUDENT', 'OTHER_OVER_24'],
  ])('derives the target group: %s → %s', (_, over, targetGroup, reportingGroup) => {
    expect(enrolled(input(), facts(over), records())).toMatchObject({
      target_group: targetGroup,
      reporting_group: reportingGroup,
    });
  });

  it('records the deadline five working days on, and the caller as coach unless one is named', () => {
    // Monday 16 March 2026: five working days later is Monday 23 March.
    expect(enrolled(input(), facts(), records())).toEqual({
      coach: 'coach-kista-01',
      target_group: 'UNEMPLOYED',
      reporting_group: 'OTHER_OVER_24',
      jobbgaranti_deadline: '2026-03-23',
    });
    expect(enrolled(input({ coach: ' coach-kista-07 ' }), facts(), records()).coach).toBe('coach-kista-07');
  });

  it('takes an override that fits the facts, and reports by it', () => {
    const youngRefugee = facts({ birthDate: '2004-01-01', newlyArrived: true });
    expect(enrolled(input({ targetGroup: 'REFUGEE' }), youngRefugee, records())).toMatchObject({
      target_group: 'REFUGEE',
      reporting_group: 'NEWLY_ARRIVED_REFUGEE',
    });
    expect(enrolled(input({ targetGroup: 'RESURS' }), facts(), records()).target_group).toBe('RESURS');
  });

  it.each<[string, Partial<EnrolInJobbtorgInput>, Partial<EnrolmentFacts>, Partial<EnrolmentRecords>, string, string]>([
    ['a referral already enrolled', {}, { referralStatus: 'ENROLLED' }, {}, 'CONFLICT', 'input.referralId'],
    ['a withdrawn referral', {}, { referralStatus: 'WITHDRAWN' }, {}, 'CONFLICT', 'input.referralId'],
    ['a referral that already has a case', {}, {}, { caseOfReferral: { id: 7 } }, 'CONFLICT', 'input.referralId'],
    ['a second open case for the person', {}, {}, { openCase: { id: 8, unit_code: 'FARSTA' } }, 'CONFLICT', 'input.referralId'],
    ['an unknown unit', { unitCode: 'NOWHERE' }, {}, { unit: undefined, unitDistricts: [] }, 'NOT_FOUND', 'input.unitCode'],
    ['a unit that does not serve the district', {}, { districtCode: 'FA' }, {}, 'BAD_USER_INPUT', 'input.unitCode'],
    ['an adult at a youth branch', { unitCode: 'KISTA_UNGDOM' }, {}, { unit: youthBranch }, 'BAD_USER_INPUT', 'input.unitCode'],
    ['YOUTH for a 40-year-old', { targetGroup: 'YOUTH' }, {}, {}, 'BAD_USER_INPUT', 'input.targetGroup'],
    ['REFUGEE for someone not newly arrived', { targetGroup: 'REFUGEE' }, {}, {}, 'BAD_USER_INPUT', 'input.targetGroup'],
    ['SFI_STUDENT for someone not studying Sfi', { targetGroup: 'SFI_STUDENT' }, {}, {}, 'BAD_USER_INPUT', 'input.targetGroup'],
    ['an enrolment in the future', { enrolledOn: '2026-03-17' }, {}, {}, 'BAD_USER_INPUT', 'input.enrolledOn'],
    ['an enrolment dated before the referral was made', { enrolledOn: '2026-03-06' }, {}, {}, 'BAD_USER_INPUT', 'input.enrolledOn'],
    ['a person under 16', {}, { birthDate: '2010-06-01' }, {}, 'BAD_USER_INPUT', 'input.enrolledOn'],
    ['an empty coach', { coach: '  ' }, {}, {}, 'BAD_USER_INPUT', 'input.coach'],
  ])('refuses %s', (_, inputOver, factsOver, recordsOver, code, field) => {
    expect(refusal(() => enrolled(input(inputOver), facts(factsOver), records(recordsOver)))).toEqual({ code, field });
  });

  it('enrols on the day the referral was made', () => {
    expect(enrolled(input({ enrolledOn: '2026-03-09' }), facts(), records()).jobbgaranti_deadline).toBe('2026-03-16');
  });

  it('lets a youth branch take youth', () => {
    const young = facts({ birthDate: '2005-05-05' });
    expect(enrolled(input({ unitCode: 'KISTA_UNGDOM' }), young, records({ unit: youthBranch })).target_group).toBe('YOUTH');
  });
});

const openCase: StoredCase = {
  id: 3,
  personnummer: '198504129876',
  referral_id: 41,
  district_code: 'RK',
  unit_code: 'KISTA',
  coach: 'coach-kista-01',
  target_group: 'UNEMPLOYED',
  reporting_group: 'OTHER_OVER_24',
  enrolled_on: '2026-03-02',
  jobbgaranti_deadline: '2026-03-09',
  status: 'OPEN',
  closed_on: null,
  closure_reason: null,
  closure_note: null,
  version: 2,
};
const closedCase: StoredCase = { ...openCase, status: 'CLOSED', closed_on: '2026-03-10', closure_reason: 'WORK', version: 3 };

/** A plan's rules as the write runs them: the input on its own, then against the case. */
function planned(found: StoredCase, plan: Pick<JobPlanRow, 'id'> | undefined, input: EstablishJobPlanInput, today: string): void {
  checkJobPlanInput(input, today);
  checkJobPlan(found, plan, input);
}

describe('checkJobPlan', () => {
  const plan = { caseId: '3', establishedOn: '2026-03-05', goal: 'WORK' as const };

  it('takes a plan between enrolment and today', () => {
    expect(() => planned(openCase, undefined, plan, TODAY)).not.toThrow();
    expect(() => planned(openCase, undefined, { ...plan, establishedOn: openCase.enrolled_on }, TODAY)).not.toThrow();
  });

  it.each<[string, StoredCase, { id: number } | undefined, string, string, string]>([
    ['a closed case', closedCase, undefined, '2026-03-05', 'CONFLICT', 'input.caseId'],
    ['a second plan', openCase, { id: 9 }, '2026-03-05', 'CONFLICT', 'input.caseId'],
    ['a plan before enrolment', openCase, undefined, '2026-03-01', 'BAD_USER_INPUT', 'input.establishedOn'],
    ['a plan in the future', openCase, undefined, '2026-03-17', 'BAD_USER_INPUT', 'input.establishedOn'],
  ])('refuses %s', (_, found, existing, establishedOn, code, field) => {
    expect(refusal(() => planned(found, existing, { ...plan, establishedOn }, TODAY))).toEqual({ code, field });
  });
});

/** A closure's rules as the write runs them: the input on its own, then against the case. */
function closing(found: StoredCase, input: CloseCaseInput, today: string): void {
  checkClosureInput(input, today);
  checkClosure(found, input);
}

describe('checkClosure', () => {
  const closure = { id: '3', version: 2, closedOn: '2026-03-12', reason: 'WORK' as const };

  it('closes an open case from its current version', () => {
    expect(() => closing(openCase, closure, TODAY)).not.toThrow();
  });

  it.each<[string, StoredCase, Partial<typeof closure & { note: string }>, string, string]>([
    ['a closed case', closedCase, { version: 3 }, 'CONFLICT', 'input.id'],
    ['a stale version', openCase, { version: 1 }, 'CONFLICT', 'input.version'],
    ['a closure before enrolment', openCase, { closedOn: '2026-03-01' }, 'BAD_USER_INPUT', 'input.closedOn'],
    ['a closure in the future', openCase, { closedOn: '2026-04-01' }, 'BAD_USER_INPUT', 'input.closedOn'],
    ['an empty note', openCase, { note: ' ' }, 'BAD_USER_INPUT', 'input.note'],
  ])('refuses %s', (_, found, over, code, field) => {
    expect(refusal(() => closing(found, { ...closure, ...over }, TODAY))).toEqual({ code, field });
  });
});

describe('checkFeedbackMessage', () => {
  it('keeps the message without surrounding space, and refuses an empty or overlong one', () => {
    expect(checkFeedbackMessage('  Har fått arbete.  ')).toBe('Har fått arbete.');
    expect(refusal(() => checkFeedbackMessage(' \n'))).toEqual({ code: 'BAD_USER_INPUT', field: 'input.message' });
    expect(refusal(() => checkFeedbackMessage('x'.repeat(4001)))).toEqual({ code: 'BAD_USER_INPUT', field: 'input.message' });
  });
});

describe('intervention rules', () => {
  const ENROLLED = '2026-03-02';
  const add = (over: Partial<AddInterventionInput> = {}): AddInterventionInput => ({
    caseId: '3',
    kind: 'VOCATIONAL_COURSE',
    title: ' Truckkort A+B ',
    providerId: '11',
    startDate: '2026-03-09',
    endDate: '2026-04-03',
    hoursPerWeek: 6,
    schedule: [
      { weekday: 'WEDNESDAY', startTime: '09:00', endTime: '12:00' },
      { weekday: 'MONDAY', startTime: '09:00', endTime: '12:00' },
    ],
    ...over,
  });
  const stored: StoredIntervention = {
    id: 5,
    plan_id: 2,
    kind: 'VOCATIONAL_COURSE',
    title: 'Truckkort A+B',
    provider_id: 11,
    start_date: '2026-03-09',
    end_date: '2026-04-03',
    ended_on: null,
    hours_per_week: 6,
    schedule: JSON.stringify([
      { weekday: 'MONDAY', startTime: '09:00', endTime: '12:00' },
      { weekday: 'WEDNESDAY', startTime: '09:00', endTime: '12:00' },
    ]),
    version: 1,
    changed_by: 'coach-kista-01',
  };
  /** The rules as the writes run them: what the input says on its own, then against the case and the stored intervention. */
  const newIntervention = (input: AddInterventionInput) => {
    const columns = checkNewIntervention(input);
    checkStartInCase(columns.start_date, ENROLLED);
    return columns;
  };
  const changed = (change: ChangeInterventionInput) => changedIntervention(stored, checkInterventionChange(change), ENROLLED);
  const ending = (endedOn: string, today: string) => {
    checkEndInput({ endedOn }, today);
    checkEndedOn(stored, endedOn, ENROLLED);
  };

  it('stores a new intervention with its schedule in weekday order', () => {
    expect(newIntervention(add())).toEqual({
      kind: 'VOCATIONAL_COURSE',
      title: 'Truckkort A+B',
      provider_id: 11,
      start_date: '2026-03-09',
      end_date: '2026-04-03',
      hours_per_week: 6,
      schedule: stored.schedule,
    });
    expect(newIntervention(add({ schedule: undefined, providerId: undefined, endDate: undefined }))).toMatchObject({
      provider_id: null,
      end_date: null,
      schedule: '[]',
    });
  });

  it.each<[string, Partial<AddInterventionInput>, string]>([
    ['a start before enrolment', { startDate: '2026-03-01' }, 'input.startDate'],
    ['an end before the start', { endDate: '2026-03-08' }, 'input.endDate'],
    ['no hours', { hoursPerWeek: 0, schedule: [] }, 'input.hoursPerWeek'],
    ['more than full time', { hoursPerWeek: 41, schedule: [] }, 'input.hoursPerWeek'],
    ['a schedule that disagrees with the hours', { hoursPerWeek: 8 }, 'input.schedule'],
    ['a slot that ends before it starts', { schedule: [{ weekday: 'MONDAY', startTime: '12:00', endTime: '09:00' }] }, 'input.schedule[0].endTime'],
    ['an empty title', { title: ' ' }, 'input.title'],
    ['a provider id that is no id', { providerId: 'röda-korset' }, 'input.providerId'],
  ])('refuses a new intervention with %s', (_, over, field) => {
    expect(refusal(() => newIntervention(add(over)))).toEqual({ code: 'BAD_USER_INPUT', field });
  });

  it('changes only what is given; null makes it open-ended and drops the provider', () => {
    const change = { id: '5', version: 1 };
    expect(changed({ ...change, title: 'Truckkort A' })).toMatchObject({
      title: 'Truckkort A',
      start_date: '2026-03-09',
      schedule: stored.schedule,
    });
    expect(changed({ ...change, endDate: null, providerId: null })).toMatchObject({
      end_date: null,
      provider_id: null,
    });
    expect(
      changed({ ...change, hoursPerWeek: 3, schedule: [{ weekday: 'FRIDAY', startTime: '13:00', endTime: '16:00' }] }),
    ).toMatchObject({ hours_per_week: 3, schedule: '[{"weekday":"FRIDAY","startTime":"13:00","endTime":"16:00"}]' });
  });

  it.each<[string, Record<string, unknown>, string]>([
    ['a start moved past the end', { startDate: '2026-04-10' }, 'input.startDate'],
    ['an end moved before the start', { endDate: '2026-03-01' }, 'input.endDate'],
    ['a start moved before enrolment', { startDate: '2026-02-27' }, 'input.startDate'],
    ['hours that no longer match the schedule', { hoursPerWeek: 10 }, 'input.hoursPerWeek'],
    ['a null title', { title: null }, 'input.title'],
  ])('refuses a change with %s', (_, over, field) => {
    expect(refusal(() => changed({ id: '5', version: 1, ...over }))).toEqual({ code: 'BAD_USER_INPUT', field });
  });

  it('refuses to change or end an intervention that has ended', () => {
    expect(refusal(() => checkNotEnded({ ...stored, ended_on: '2026-03-12' }))).toEqual({ code: 'CONFLICT', field: 'input.id' });
    expect(() => checkNotEnded(stored)).not.toThrow();
  });

  it('ends on a day that has come, within the case and the plan; a day before the start cancels', () => {
    expect(() => ending('2026-03-13', TODAY)).not.toThrow();
    expect(() => ending('2026-03-05', TODAY)).not.toThrow();
    const bad = [
      ['2026-03-17', TODAY],
      ['2026-03-01', TODAY],
      ['2026-04-06', '2026-04-10'],
    ];
    for (const [endedOn, today] of bad) {
      expect(refusal(() => ending(endedOn, today))).toEqual({ code: 'BAD_USER_INPUT', field: 'input.endedOn' });
    }
  });
});
