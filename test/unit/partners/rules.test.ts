import { GraphQLError } from 'graphql';
import { WeeklySlot } from '../../../lib/schedule';
import {
  applyChange,
  checkPermit,
  checkRegistration,
  checkSfiCourse,
  checkVersion,
  receptionVersion,
  Registration,
} from '../../../subgraphs/partners/record-rules';
import {
  changedTiming,
  checkEndedOn,
  checkNotEnded,
  checkProvider,
  checkStartAfterRegistration,
  checkTiming,
  PROVIDER_KINDS,
  TimingColumns,
} from '../../../subgraphs/partners/scheduled-rules';
import { ProviderRow } from '../../../subgraphs/partners/models';

/** The partners write side's rules as plain functions, without a database or a server. */

/** What `work` throws, as code, field and message; fails when it throws nothing or no GraphQLError. */
function refusal(work: () => unknown): { code: unknown; field: unknown; message: string } {
  try {
    work();
  } catch (error) {
    if (!(error instanceof GraphQLError)) throw error;
    return { code: error.extensions.code, field: error.extensions.field, message: error.message };
  }
  throw new Error('expected a refusal, but it passed');
}

const slot = (weekday: WeeklySlot['weekday'], startTime: string, endTime: string): WeeklySlot => ({ weekday, startTime, endTime });
const MORNINGS = [slot('MONDAY', '09:00', '12:00'), slot('WEDNESDAY', '09:00', '12:00')];

describe('timing of scheduled records', () => {
  const timing = { startDate: '2027-01-04', endDate: '2027-06-30', hoursPerWeek: 6, schedule: MORNINGS };

  it('stores a good timing with its schedule in weekday order', () => {
    expect(checkTiming({ ...timing, schedule: [...MORNINGS].reverse() })).toEqual({
      start_date: '2027-01-04',
      end_date: '2027-06-30',
      hours_per_week: 6,
      schedule: JSON.stringify(MORNINGS),
    });
    expect(checkTiming({ ...timing, endDate: null, hoursPerWeek: 10, schedule: [] })).toMatchObject({ end_date: null, schedule: '[]' });
  });

  it.each([
    ['an end before the start', { endDate: '2027-01-03' }, 'input.endDate'],
    ['no hours', { hoursPerWeek: 0, schedule: [] }, 'input.hoursPerWeek'],
    ['negative hours', { hoursPerWeek: -2, schedule: [] }, 'input.hoursPerWeek'],
    ['more hours than a week has', { hoursPerWeek: 169, schedule: [] }, 'input.hoursPerWeek'],
    ['hours the schedule does not add up to', { hoursPerWeek: 8 }, 'input.hoursPerWeek'],
    ['a slot that ends before it starts', { schedule: [MORNINGS[0], slot('FRIDAY', '12:00', '09:00')] }, 'input.schedule[1].endTime'],
    ['overlapping slots', { schedule: [slot('MONDAY', '09:00', '12:00'), slot('MONDAY', '11:00', '14:00')] }, 'input.schedule[1]'],
  ])('refuses %s', (_, overrides, field) => {
    expect(refusal(() => checkTiming({ ...timing, ...overrides }))).toMatchObject({ code: 'BAD_USER_INPUT', field });
  });

  describe('a change', () => {
    const stored: TimingColumns = { start_date: '2027-01-04', end_date: '2027-06-30', hours_per_week: 6, schedule: JSON.stringify(MORNINGS) };

    it('keeps what it leaves out, and keeps the stored schedule as it is', () => {
      expect(changedTiming(stored, { startDate: '2027-02-01' })).toEqual({ ...stored, start_date: '2027-02-01' });
      expect(changedTiming(stored, { hoursPerWeek: null, schedule: null })).toEqual(stored);
    });

    it('makes the record open-ended only on an explicit null end', () => {
      expect(changedTiming(stored, { endDate: null }).end_date).toBeNull();
      expect(changedTiming(stored, {}).end_date).toBe('2027-06-30');
    });

    it('moves schedule and hours together', () => {
      const afternoons = [slot('TUESDAY', '13:00', '17:00')];
      expect(changedTiming(stored, { schedule: afternoons, hoursPerWeek: 4 })).toMatchObject({
        hours_per_week: 4,
        schedule: JSON.stringify(afternoons),
      });
      expect(changedTiming(stored, { schedule: [], hoursPerWeek: 2 })).toMatchObject({ hours_per_week: 2, schedule: '[]' });
    });

    it.each([
      ['a start moved past the end', { startDate: '2027-07-01' }, 'input.startDate'],
      ['an end moved before the start', { endDate: '2027-01-01' }, 'input.endDate'],
      ['a schedule that no longer adds up to the hours', { schedule: [slot('TUESDAY', '13:00', '17:00')] }, 'input.schedule'],
      ['hours the schedule does not add up to', { hoursPerWeek: 5 }, 'input.hoursPerWeek'],
      ['a bad slot', { schedule: [slot('TUESDAY', '25:00', '26:00')], hoursPerWeek: 1 }, 'input.schedule[0].startTime'],
    ])('refuses %s', (_, change, field) => {
      expect(refusal(() => changedTiming(stored, change))).toMatchObject({ code: 'BAD_USER_INPUT', field });
    });
  });
});

describe('providers, registrations and endings', () => {
  const provider = (kind: ProviderRow['kind']): ProviderRow => ({
    id: 7,
    name: 'Lernia',
    kind,
    agency_code: 'ARBETSFORMEDLINGEN',
    organisation_number: '556573-0239',
  });

  it('accepts a provider of a kind the record may name', () => {
    expect(checkProvider(provider('SFI_SCHOOL'), PROVIDER_KINDS.sfiEnrolment, 'input.schoolId').id).toBe(7);
    expect(checkProvider(provider('COURSE_PROVIDER'), PROVIDER_KINDS.plannedActivity, 'input.providerId').id).toBe(7);
  });

  it('refuses an unknown provider as NOT_FOUND and one of the wrong kind as bad input', () => {
    expect(refusal(() => checkProvider(undefined, PROVIDER_KINDS.sfiEnrolment, 'input.schoolId'))).toMatchObject({
      code: 'NOT_FOUND',
      field: 'input.schoolId',
    });
    const wrong = refusal(() => checkProvider(provider('SFI_SCHOOL'), PROVIDER_KINDS.providerAssignment, 'input.providerId'));
    expect(wrong).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.providerId' });
    expect(wrong.message).toMatch(/must be of kind ESTABLISHMENT_SERVICE/);
  });

  it('keeps a planned activity within the registration', () => {
    expect(() => checkStartAfterRegistration('2027-01-04', '2027-01-04')).not.toThrow();
    expect(refusal(() => checkStartAfterRegistration('2027-01-03', '2027-01-04'))).toMatchObject({ field: 'input.startDate' });
  });

  it('ends an activity on a day it runs, once', () => {
    const activity = { start_date: '2027-01-04', end_date: '2027-03-31', ended_on: null };
    expect(() => checkEndedOn(activity, '2027-02-15')).not.toThrow();
    expect(() => checkEndedOn({ ...activity, end_date: null }, '2030-01-01')).not.toThrow();
    expect(refusal(() => checkEndedOn(activity, '2027-01-03'))).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.endedOn' });
    expect(refusal(() => checkEndedOn(activity, '2027-04-01'))).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.endedOn' });
    expect(() => checkNotEnded(activity)).not.toThrow();
    expect(refusal(() => checkNotEnded({ ended_on: '2027-02-15' }))).toMatchObject({ code: 'CONFLICT', field: 'input.id' });
  });
});

describe('records', () => {
  const registration: Registration = {
    registeredOn: '2027-01-04',
    office: ' Arbetsförmedlingen Kista ',
    programme: 'ESTABLISHMENT_PROGRAMME',
    programmeFrom: '2027-01-04',
    programmeTo: '2028-12-31',
    programmeExtentPercent: 100,
  };

  it('stores a registration with its office trimmed', () => {
    expect(checkRegistration(registration)).toMatchObject({ office: 'Arbetsförmedlingen Kista', programme_extent_percent: 100 });
    const none = { ...registration, programme: 'NONE' as const, programmeFrom: null, programmeTo: null, programmeExtentPercent: 0 };
    expect(checkRegistration(none)).toMatchObject({ programme: 'NONE', programme_from: null });
  });

  it.each([
    ['a blank office', { office: '  ' }, 'input.office'],
    ['a programme without a start', { programmeFrom: null }, 'input.programmeFrom'],
    ['a programme before registering', { programmeFrom: '2027-01-03' }, 'input.programmeFrom'],
    ['a programme that ends before it starts', { programmeTo: '2027-01-03' }, 'input.programmeTo'],
    ['an extent of 0 in a programme', { programmeExtentPercent: 0 }, 'input.programmeExtentPercent'],
    ['an extent over 100', { programmeExtentPercent: 101 }, 'input.programmeExtentPercent'],
    ['programme dates without a programme', { programme: 'NONE', programmeExtentPercent: 0 }, 'input.programmeFrom'],
    ['an extent without a programme', { programme: 'NONE', programmeFrom: null, programmeTo: null }, 'input.programmeExtentPercent'],
  ])('refuses a registration with %s', (_, overrides, field) => {
    expect(refusal(() => checkRegistration({ ...registration, ...(overrides as Partial<Registration>) }))).toMatchObject({
      code: 'BAD_USER_INPUT',
      field,
    });
  });

  it('applies a change: left out keeps, null clears only what may be empty', () => {
    const changed = applyChange(registration, { office: null, programmeTo: null, programmeExtentPercent: 50 }, ['programmeTo']);
    expect(changed).toEqual({ ...registration, programmeTo: null, programmeExtentPercent: 50 });
  });

  it('refuses a stale version', () => {
    expect(() => checkVersion({ version: 3 }, 3, 'activity')).not.toThrow();
    const stale = refusal(() => checkVersion({ version: 3 }, 2, 'activity'));
    expect(stale).toMatchObject({ code: 'CONFLICT', field: 'input.version' });
    expect(stale.message).toMatch(/stale: the activity is at version 3/);
  });

  it.each([
    ['a permanent permit with a last day', { kind: 'PERMANENT', validUntil: '2030-01-01' }],
    ['a temporary permit without one', { kind: 'TEMPORARY_REFUGEE', validUntil: null }],
    ['a last day before the grant', { kind: 'WORK', validUntil: '2026-12-31' }],
  ] as const)('refuses %s', (_, overrides) => {
    const permit = { personnummer: '199001011239', grantedOn: '2027-01-04', ...overrides };
    expect(refusal(() => checkPermit(permit))).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.validUntil' });
  });

  it('keeps one reception date a person, changed only from its current version', () => {
    const current = { personnummer: '199001011239', received_on: '2026-05-01', version: 2, recorded_by: null, changed_by: null };
    expect(receptionVersion(undefined, null)).toBe(1);
    expect(receptionVersion(current, 2)).toBe(3);
    expect(refusal(() => receptionVersion(current, undefined))).toMatchObject({ code: 'CONFLICT', field: 'input.personnummer' });
    expect(refusal(() => receptionVersion(current, 1))).toMatchObject({ code: 'CONFLICT', field: 'input.version' });
    expect(refusal(() => receptionVersion(undefined, 1))).toMatchObject({ code: 'CONFLICT', field: 'input.version' });
  });

  it('teaches each Sfi course on its own study paths', () => {
    expect(() => checkSfiCourse(1, 'A')).not.toThrow();
    expect(() => checkSfiCourse(3, 'D')).not.toThrow();
    expect(refusal(() => checkSfiCourse(1, 'D'))).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.course' });
    expect(refusal(() => checkSfiCourse(4, 'C'))).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.studyPath' });
  });
});
