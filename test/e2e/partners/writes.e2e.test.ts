import { Knex } from 'knex';
import { makePersonnummer } from '../../../lib/scalars/personnummer';
import { describeEachDialect } from '../../helpers/dialects';
import { AsCaller, districtOfficer, GraphQLResponse, Stack, startStack } from '../../helpers/stack';
import { STACK_START_TIMEOUT_MS } from '../../helpers/timeouts';

/**
 * The partner agencies' mutations through the gateway: Arbetsförmedlingen's registrations
 * and planned activities, Migrationsverket's permits and receptions, Sfi enrolments and
 * Etablering Stockholm assignments. Every refusal is read back from the partners database
 * to show that nothing was written.
 */

const ACTIVITY = 'id kind title startDate endDate hoursPerWeek schedule { weekday startTime endTime } endedOn version recordedBy changedBy provider { id }';
const REGISTRATION = 'id registeredOn office programme programmeFrom programmeTo programmeExtentPercent version recordedBy changedBy';
const SCHEDULED = 'id startDate endDate hoursPerWeek schedule { weekday startTime endTime } version recordedBy changedBy';

/** A mutation `name(input: $input, idempotencyKey: $key) { fields }`. */
const mutation = (name: string, inputType: string, fields: string) => /* GraphQL */ `
  mutation ${name[0].toUpperCase()}${name.slice(1)}($input: ${inputType}!, $key: String) {
    ${name}(input: $input, idempotencyKey: $key) { ${fields} }
  }
`;

const REGISTER = mutation('registerJobSeeker', 'RegisterJobSeekerInput', REGISTRATION);
const CHANGE_REGISTRATION = mutation('changeJobSeekerRegistration', 'ChangeJobSeekerRegistrationInput', REGISTRATION);
const ADD_ACTIVITY = mutation('addPlannedActivity', 'AddPlannedActivityInput', ACTIVITY);
const CHANGE_ACTIVITY = mutation('changePlannedActivity', 'ChangePlannedActivityInput', ACTIVITY);
const END_ACTIVITY = mutation('endPlannedActivity', 'EndPlannedActivityInput', ACTIVITY);
const RECORD_PERMIT = mutation('recordResidencePermit', 'RecordResidencePermitInput', 'id kind grantedOn validUntil recordedBy');
const RECORD_RECEPTION = mutation('recordMunicipalityReception', 'RecordMunicipalityReceptionInput', 'receivedOn version recordedBy changedBy');
const ENROL = mutation('enrolInSfi', 'EnrolInSfiInput', `${SCHEDULED} course studyPath school { id }`);
const CHANGE_ENROLMENT = mutation('changeSfiEnrolment', 'ChangeSfiEnrolmentInput', `${SCHEDULED} course`);
const ASSIGN = mutation('assignProvider', 'AssignProviderInput', `${SCHEDULED} service provider { id }`);
const CHANGE_ASSIGNMENT = mutation('changeProviderAssignment', 'ChangeProviderAssignmentInput', SCHEDULED);

const slot = (weekday: string, startTime: string, endTime: string) => ({ weekday, startTime, endTime });
const MORNINGS = [slot('MONDAY', '09:00', '12:00'), slot('WEDNESDAY', '09:00', '12:00')];
const AFTERNOONS = [slot('TUESDAY', '13:00', '16:00'), slot('THURSDAY', '13:00', '17:00')];

/** People nobody else in the suite writes about; partners does not ask stadsdel whether they exist. */
const PNR = {
  af: makePersonnummer('1990-03-14', 123),
  migration: makePersonnummer('1988-11-02', 456),
  sfi: makePersonnummer('1995-07-21', 789),
  provider: makePersonnummer('1979-01-30', 246),
  retry: makePersonnummer('2001-09-09', 135),
};

const AF: AsCaller = { as: 'afOfficer' };
const MIGRATIONSVERKET: AsCaller = { as: 'migrationsverketOfficer' };
/** An Sfi school's teacher and a provider's coach; which school and provider is set once the stack runs. */
const SFI = { as: { org: 'SFI:0', sub: 'sfi.kista', scope: 'records:read records:write' } };
const PROVIDER = { as: { org: 'PROVIDER:0', sub: 'rodakorset.coach', scope: 'records:read records:write' } };

describeEachDialect('partners writes', (dialect) => {
  let stack: Stack;
  let db: Knex;
  /** One provider id of each kind, from the seeded reference data. */
  const providerOf: Record<string, string> = {};

  beforeAll(async () => {
    stack = await startStack({ dialect, people: 0 });
    db = stack.subgraphs.partners.db;
    const { data } = await stack.query(`{ providers { id kind } }`);
    for (const p of data.providers) providerOf[p.kind] ??= p.id;
    // Each records for itself only: the school and the provider these tests enrol and assign at.
    SFI.as.org = `SFI:${providerOf.SFI_SCHOOL}`;
    PROVIDER.as.org = `PROVIDER:${providerOf.ESTABLISHMENT_SERVICE}`;
  }, STACK_START_TIMEOUT_MS);
  afterAll(() => stack?.stop());

  /** An input with providers named by kind (`'SFI_SCHOOL'`) given their ids, known only once the stack runs. */
  const withProviderIds = (input: Record<string, unknown>) =>
    Object.fromEntries(Object.entries(input).map(([field, value]) => [field, typeof value === 'string' && value in providerOf ? providerOf[value] : value]));

  const rows = async (table: string) => Number((await db(table).count({ n: '*' }))[0].n);

  /** The error's code and field; the mutation's field is null, since nothing was written. */
  function refusal(answer: GraphQLResponse) {
    expect(answer.errors).toHaveLength(1);
    return { code: answer.errors![0].extensions?.code, field: answer.errors![0].extensions?.field };
  }

  /** Runs a mutation that must be refused with `code` on `field`, and checks `table` kept its rows. */
  async function expectRefused(table: string, operation: string, variables: Record<string, unknown>, caller: AsCaller, code: string, field: string) {
    const before = await rows(table);
    const keysBefore = await rows('idempotency_keys');
    const answer = await stack.query(operation, variables, caller);
    expect(refusal(answer)).toEqual({ code, field });
    expect(await rows(table)).toBe(before);
    expect(await rows('idempotency_keys')).toBe(keysBefore);
  }

  describe('Arbetsförmedlingen', () => {
    const registration = (overrides: Record<string, unknown> = {}) => ({
      personnummer: PNR.af,
      registeredOn: '2027-01-04',
      office: 'Arbetsförmedlingen Kista',
      programme: 'ESTABLISHMENT_PROGRAMME',
      programmeFrom: '2027-01-11',
      programmeTo: '2028-12-31',
      programmeExtentPercent: 100,
      ...overrides,
    });
    let registrationId: string;
    const activity = (overrides: Record<string, unknown> = {}) => withProviderIds({
      registrationId,
      kind: 'CIVIC_ORIENTATION',
      title: 'Samhällsorientering modul 1',
      startDate: '2027-01-18',
      endDate: '2027-04-30',
      hoursPerWeek: 6,
      schedule: MORNINGS,
      ...overrides,
    });

    beforeAll(async () => {
      const answer = await stack.query(REGISTER, { input: registration() }, AF);
      expect(answer.errors).toBeUndefined();
      registrationId = answer.data.registerJobSeeker.id;
    });

    it('registers a job seeker as the verified caller, never as anyone the input names', async () => {
      expect(await db('job_seeker_registrations').where({ id: registrationId }).first()).toMatchObject({
        personnummer: PNR.af,
        office: 'Arbetsförmedlingen Kista',
        programme: 'ESTABLISHMENT_PROGRAMME',
        version: 1,
        recorded_by: 'af.handlaggare',
        changed_by: null,
      });
    });

    it.each([
      ['a blank office', { office: '  ' }, 'input.office'],
      ['a programme without its first day', { programmeFrom: null }, 'input.programmeFrom'],
      ['a programme that ends before it starts', { programmeTo: '2027-01-10' }, 'input.programmeTo'],
      ['an extent outside 1–100', { programmeExtentPercent: 120 }, 'input.programmeExtentPercent'],
      ['programme dates without a programme', { programme: 'NONE', programmeExtentPercent: 0 }, 'input.programmeFrom'],
    ])('refuses a registration with %s, and writes nothing', async (_, overrides, field) => {
      await expectRefused('job_seeker_registrations', REGISTER, { input: registration(overrides), key: 'reg-refused' }, AF, 'BAD_USER_INPUT', field);
    });

    it('plans an activity on the registration with a weekly schedule', async () => {
      const answer = await stack.query(ADD_ACTIVITY, { input: activity({ providerId: 'COMPLEMENTARY_ACTOR' }) }, AF);
      expect(answer.errors).toBeUndefined();
      expect(answer.data.addPlannedActivity).toMatchObject({
        kind: 'CIVIC_ORIENTATION',
        startDate: '2027-01-18',
        endDate: '2027-04-30',
        hoursPerWeek: 6,
        schedule: MORNINGS,
        endedOn: null,
        version: 1,
        recordedBy: 'af.handlaggare',
        changedBy: null,
        provider: { id: providerOf.COMPLEMENTARY_ACTOR },
      });
    });

    it.each([
      ['an end before the start', { endDate: '2027-01-17' }, 'BAD_USER_INPUT', 'input.endDate'],
      ['a start before the registration', { startDate: '2027-01-03' }, 'BAD_USER_INPUT', 'input.startDate'],
      ['an unknown registration', { registrationId: '999999' }, 'NOT_FOUND', 'input.registrationId'],
      ['an unknown provider', { providerId: '999999' }, 'NOT_FOUND', 'input.providerId'],
      ['a provider of the wrong kind (an Sfi school)', { providerId: 'SFI_SCHOOL' }, 'BAD_USER_INPUT', 'input.providerId'],
      ['no hours', { hoursPerWeek: 0, schedule: [] }, 'BAD_USER_INPUT', 'input.hoursPerWeek'],
      ['more hours than a week has', { hoursPerWeek: 200, schedule: [] }, 'BAD_USER_INPUT', 'input.hoursPerWeek'],
      ['hours the schedule does not add up to', { hoursPerWeek: 20 }, 'BAD_USER_INPUT', 'input.hoursPerWeek'],
      ['a slot that ends before it starts', { schedule: [MORNINGS[0], slot('FRIDAY', '12:00', '09:00')] }, 'BAD_USER_INPUT', 'input.schedule[1].endTime'],
      ['a blank title', { title: ' ' }, 'BAD_USER_INPUT', 'input.title'],
    ])('refuses an activity with %s, naming the field, and writes nothing', async (_, overrides, code, field) => {
      await expectRefused('planned_activities', ADD_ACTIVITY, { input: activity(overrides), key: 'activity-refused' }, AF, code, field);
    });

    it('moves an activity’s dates, hours and schedule at the version it was read, then refuses the stale version', async () => {
      const added = (await stack.query(ADD_ACTIVITY, { input: activity({ kind: 'VALIDATION', title: 'Validering' }) }, AF)).data.addPlannedActivity;
      const moved = await stack.query(
        CHANGE_ACTIVITY,
        { input: { id: added.id, version: 1, startDate: '2027-02-01', endDate: null, hoursPerWeek: 7, schedule: AFTERNOONS } },
        { as: { org: 'AF', sub: 'af.annan', scope: 'records:read records:write' } },
      );
      expect(moved.errors).toBeUndefined();
      expect(moved.data.changePlannedActivity).toMatchObject({
        title: 'Validering',
        startDate: '2027-02-01',
        endDate: null,
        hoursPerWeek: 7,
        schedule: AFTERNOONS,
        version: 2,
        recordedBy: 'af.handlaggare',
        changedBy: 'af.annan',
      });

      const before = await db('planned_activities').where({ id: added.id }).first();
      const stale = await stack.query(CHANGE_ACTIVITY, { input: { id: added.id, version: 1, hoursPerWeek: 3, schedule: [] } }, AF);
      expect(refusal(stale)).toEqual({ code: 'CONFLICT', field: 'input.version' });
      expect(stale.errors![0].message).toMatch(/stale: the activity is at version 2/);
      expect(await db('planned_activities').where({ id: added.id }).first()).toEqual(before);
    });

    it('lets exactly one of two simultaneous changes at the same version through', async () => {
      const added = (await stack.query(ADD_ACTIVITY, { input: activity({ kind: 'JOB_SEARCH', title: 'Jobbsök' }) }, AF)).data.addPlannedActivity;
      const answers = await Promise.all(
        [8, 9].map((day) => stack.query(CHANGE_ACTIVITY, { input: { id: added.id, version: 1, endDate: `2027-05-0${day}` } }, AF)),
      );
      const refused = answers.filter((a) => a.errors);
      expect(refused.map(refusal)).toEqual([{ code: 'CONFLICT', field: 'input.version' }]);
      const won = answers.find((a) => !a.errors)!.data.changePlannedActivity;
      expect(await db('planned_activities').where({ id: added.id }).first()).toMatchObject({ version: 2, end_date: won.endDate });
    });

    it.each([
      ['a start moved past the end', { startDate: '2027-05-01' }, 'BAD_USER_INPUT', 'input.startDate'],
      ['a schedule that no longer adds up to the hours', { schedule: AFTERNOONS }, 'BAD_USER_INPUT', 'input.schedule'],
      ['an unknown activity', { id: '999999' }, 'NOT_FOUND', 'input.id'],
    ])('refuses a change with %s, and keeps the activity', async (_, overrides, code, field) => {
      const added = (await stack.query(ADD_ACTIVITY, { input: activity() }, AF)).data.addPlannedActivity;
      const before = await db('planned_activities').where({ id: added.id }).first();
      const answer = await stack.query(CHANGE_ACTIVITY, { input: { id: added.id, version: 1, ...overrides } }, AF);
      expect(refusal(answer)).toEqual({ code, field });
      expect(await db('planned_activities').where({ id: added.id }).first()).toEqual(before);
    });

    it('ends an activity early, once, and refuses changes after', async () => {
      const added = (await stack.query(ADD_ACTIVITY, { input: activity({ kind: 'ASSESSMENT', title: 'Kartläggning' }) }, AF)).data.addPlannedActivity;
      const tooLate = await stack.query(END_ACTIVITY, { input: { id: added.id, version: 1, endedOn: '2027-05-01' } }, AF);
      expect(refusal(tooLate)).toEqual({ code: 'BAD_USER_INPUT', field: 'input.endedOn' });

      const ended = await stack.query(END_ACTIVITY, { input: { id: added.id, version: 1, endedOn: '2027-02-26' } }, AF);
      expect(ended.errors).toBeUndefined();
      expect(ended.data.endPlannedActivity).toMatchObject({ endedOn: '2027-02-26', endDate: '2027-02-26', version: 2 });

      const stored = await db('planned_activities').where({ id: added.id }).first();
      const again = await stack.query(END_ACTIVITY, { input: { id: added.id, version: 2, endedOn: '2027-02-20' } }, AF);
      expect(refusal(again)).toEqual({ code: 'CONFLICT', field: 'input.id' });
      const changed = await stack.query(CHANGE_ACTIVITY, { input: { id: added.id, version: 2, title: 'Ny' } }, AF);
      expect(refusal(changed)).toEqual({ code: 'CONFLICT', field: 'input.id' });
      expect(await db('planned_activities').where({ id: added.id }).first()).toEqual(stored);
    });

    it('changes a registration’s programme at its version, and refuses a stale one', async () => {
      const changed = await stack.query(
        CHANGE_REGISTRATION,
        { input: { id: registrationId, version: 1, programme: 'NONE', programmeFrom: null, programmeTo: null, programmeExtentPercent: 0 } },
        AF,
      );
      expect(changed.errors).toBeUndefined();
      expect(changed.data.changeJobSeekerRegistration).toMatchObject({
        office: 'Arbetsförmedlingen Kista',
        programme: 'NONE',
        programmeFrom: null,
        programmeExtentPercent: 0,
        version: 2,
        changedBy: 'af.handlaggare',
      });
      const stale = await stack.query(CHANGE_REGISTRATION, { input: { id: registrationId, version: 1, office: 'Arbetsförmedlingen Farsta' } }, AF);
      expect(refusal(stale)).toEqual({ code: 'CONFLICT', field: 'input.version' });
      const halfway = await stack.query(CHANGE_REGISTRATION, { input: { id: registrationId, version: 2, programme: 'YOUTH_JOB_GUARANTEE' } }, AF);
      expect(refusal(halfway)).toEqual({ code: 'BAD_USER_INPUT', field: 'input.programmeFrom' });
      expect(await db('job_seeker_registrations').where({ id: registrationId }).first()).toMatchObject({
        office: 'Arbetsförmedlingen Kista',
        programme: 'NONE',
        version: 2,
      });
    });
  });

  describe('Migrationsverket', () => {
    it('records a residence permit, and refuses a bad or repeated one', async () => {
      const permit = { personnummer: PNR.migration, kind: 'TEMPORARY_REFUGEE', grantedOn: '2026-09-01', validUntil: '2029-08-31' };
      const answer = await stack.query(RECORD_PERMIT, { input: permit }, MIGRATIONSVERKET);
      expect(answer.errors).toBeUndefined();
      expect(answer.data.recordResidencePermit).toMatchObject({ kind: 'TEMPORARY_REFUGEE', validUntil: '2029-08-31', recordedBy: 'mv.handlaggare' });

      await expectRefused('residence_permits', RECORD_PERMIT, { input: permit }, MIGRATIONSVERKET, 'CONFLICT', 'input.grantedOn');
      await expectRefused('residence_permits', RECORD_PERMIT, { input: { ...permit, kind: 'PERMANENT', grantedOn: '2027-01-01' } }, MIGRATIONSVERKET, 'BAD_USER_INPUT', 'input.validUntil');
      await expectRefused('residence_permits', RECORD_PERMIT, { input: { ...permit, validUntil: '2026-08-31' } }, MIGRATIONSVERKET, 'BAD_USER_INPUT', 'input.validUntil');
    });

    it('keeps one reception date a person, changed only at its version', async () => {
      const first = await stack.query(RECORD_RECEPTION, { input: { personnummer: PNR.migration, receivedOn: '2026-10-01' } }, MIGRATIONSVERKET);
      expect(first.errors).toBeUndefined();
      expect(first.data.recordMunicipalityReception).toMatchObject({ receivedOn: '2026-10-01', version: 1, recordedBy: 'mv.handlaggare' });

      const again = await stack.query(RECORD_RECEPTION, { input: { personnummer: PNR.migration, receivedOn: '2026-10-05' } }, MIGRATIONSVERKET);
      expect(refusal(again)).toEqual({ code: 'CONFLICT', field: 'input.personnummer' });

      const changed = await stack.query(RECORD_RECEPTION, { input: { personnummer: PNR.migration, receivedOn: '2026-10-05', version: 1 } }, MIGRATIONSVERKET);
      expect(changed.data.recordMunicipalityReception).toMatchObject({ receivedOn: '2026-10-05', version: 2, changedBy: 'mv.handlaggare' });

      const stale = await stack.query(RECORD_RECEPTION, { input: { personnummer: PNR.migration, receivedOn: '2026-11-01', version: 1 } }, MIGRATIONSVERKET);
      expect(refusal(stale)).toEqual({ code: 'CONFLICT', field: 'input.version' });
      const none = await stack.query(RECORD_RECEPTION, { input: { personnummer: PNR.sfi, receivedOn: '2026-11-01', version: 1 } }, MIGRATIONSVERKET);
      expect(refusal(none)).toEqual({ code: 'CONFLICT', field: 'input.version' });

      expect(await db('municipality_receptions').whereIn('personnummer', [PNR.migration, PNR.sfi])).toEqual([
        expect.objectContaining({ personnummer: PNR.migration, received_on: '2026-10-05', version: 2 }),
      ]);
    });
  });

  describe('Sfi', () => {
    const enrolment = (overrides: Record<string, unknown> = {}) => withProviderIds({
      personnummer: PNR.sfi,
      schoolId: 'SFI_SCHOOL',
      course: 'B',
      studyPath: 2,
      startDate: '2027-01-11',
      endDate: '2027-06-11',
      hoursPerWeek: 6,
      schedule: MORNINGS,
      ...overrides,
    });

    it('enrols at a school, then moves the course and lesson times at its version', async () => {
      const answer = await stack.query(ENROL, { input: enrolment() }, SFI);
      expect(answer.errors).toBeUndefined();
      const enrolled = answer.data.enrolInSfi;
      expect(enrolled).toMatchObject({ course: 'B', studyPath: 2, school: { id: providerOf.SFI_SCHOOL }, version: 1, recordedBy: 'sfi.kista' });

      const changed = await stack.query(CHANGE_ENROLMENT, { input: { id: enrolled.id, version: 1, course: 'C', hoursPerWeek: 7, schedule: AFTERNOONS } }, SFI);
      expect(changed.errors).toBeUndefined();
      expect(changed.data.changeSfiEnrolment).toMatchObject({ course: 'C', hoursPerWeek: 7, schedule: AFTERNOONS, endDate: '2027-06-11', version: 2 });

      const before = await db('sfi_enrolments').where({ id: enrolled.id }).first();
      const stale = await stack.query(CHANGE_ENROLMENT, { input: { id: enrolled.id, version: 1, endDate: '2027-08-01' } }, SFI);
      expect(refusal(stale)).toEqual({ code: 'CONFLICT', field: 'input.version' });
      const offPath = await stack.query(CHANGE_ENROLMENT, { input: { id: enrolled.id, version: 2, course: 'A' } }, SFI);
      expect(refusal(offPath)).toEqual({ code: 'BAD_USER_INPUT', field: 'input.course' });
      expect(await db('sfi_enrolments').where({ id: enrolled.id }).first()).toEqual(before);
    });

    it.each([
      // A school enrols at itself only: any other school id, known or not, is not the caller's.
      ['an unknown school', { schoolId: '999999' }, 'FORBIDDEN', 'input.schoolId'],
      ['a school that is no Sfi school', { schoolId: 'ESTABLISHMENT_SERVICE' }, 'FORBIDDEN', 'input.schoolId'],
      ['a course its study path does not teach', { course: 'D' }, 'BAD_USER_INPUT', 'input.course'],
      ['a study path that does not exist', { studyPath: 4 }, 'BAD_USER_INPUT', 'input.studyPath'],
      ['an end before the start', { endDate: '2027-01-10' }, 'BAD_USER_INPUT', 'input.endDate'],
      ['overlapping lesson times', { schedule: [slot('MONDAY', '09:00', '12:00'), slot('MONDAY', '11:00', '12:00')], hoursPerWeek: 4 }, 'BAD_USER_INPUT', 'input.schedule[1]'],
    ])('refuses an enrolment with %s, and writes nothing', async (_, overrides, code, field) => {
      await expectRefused('sfi_enrolments', ENROL, { input: enrolment(overrides) }, SFI, code, field);
    });
  });

  describe('Etablering Stockholm', () => {
    const assignment = (overrides: Record<string, unknown> = {}) => withProviderIds({
      personnummer: PNR.provider,
      providerId: 'ESTABLISHMENT_SERVICE',
      service: 'MENTORSHIP',
      startDate: '2027-02-01',
      endDate: '2027-07-30',
      hoursPerWeek: 2,
      schedule: [slot('FRIDAY', '14:00', '16:00')],
      ...overrides,
    });

    it('assigns a provider, then moves the assignment at its version', async () => {
      const answer = await stack.query(ASSIGN, { input: assignment() }, PROVIDER);
      expect(answer.errors).toBeUndefined();
      const assigned = answer.data.assignProvider;
      expect(assigned).toMatchObject({ service: 'MENTORSHIP', provider: { id: providerOf.ESTABLISHMENT_SERVICE }, version: 1, recordedBy: 'rodakorset.coach' });

      const moved = await stack.query(CHANGE_ASSIGNMENT, { input: { id: assigned.id, version: 1, startDate: '2027-03-01', schedule: [slot('THURSDAY', '14:00', '16:00')] } }, PROVIDER);
      expect(moved.errors).toBeUndefined();
      expect(moved.data.changeProviderAssignment).toMatchObject({ startDate: '2027-03-01', hoursPerWeek: 2, version: 2 });

      const before = await db('provider_assignments').where({ id: assigned.id }).first();
      const stale = await stack.query(CHANGE_ASSIGNMENT, { input: { id: assigned.id, version: 1, endDate: '2027-12-31' } }, PROVIDER);
      expect(refusal(stale)).toEqual({ code: 'CONFLICT', field: 'input.version' });
      expect(await db('provider_assignments').where({ id: assigned.id }).first()).toEqual(before);
    });

    it.each([
      // A provider assigns itself only: any other provider id, known or not, is not the caller's.
      ['an unknown provider', { providerId: '999999' }, 'FORBIDDEN', 'input.providerId'],
      ['a provider of the wrong kind (an Sfi school)', { providerId: 'SFI_SCHOOL' }, 'FORBIDDEN', 'input.providerId'],
      ['an end before the start', { endDate: '2027-01-31' }, 'BAD_USER_INPUT', 'input.endDate'],
      ['hours the schedule does not add up to', { hoursPerWeek: 3 }, 'BAD_USER_INPUT', 'input.hoursPerWeek'],
    ])('refuses an assignment with %s, and writes nothing', async (_, overrides, code, field) => {
      await expectRefused('provider_assignments', ASSIGN, { input: assignment(overrides) }, PROVIDER, code, field);
    });
  });

  describe('an end before the start, wherever it is written', () => {
    const p = makePersonnummer('1993-04-04', 357);
    const records = { registration: '', activity: '', enrolment: '', assignment: '' };
    beforeAll(async () => {
      const reg = await stack.query(REGISTER, { input: { personnummer: p, registeredOn: '2027-01-04', office: 'Arbetsförmedlingen Kista', programme: 'YOUTH_JOB_GUARANTEE', programmeFrom: '2027-01-11', programmeExtentPercent: 100 } }, AF);
      records.registration = reg.data.registerJobSeeker.id;
      const activity = { registrationId: records.registration, kind: 'JOB_SEARCH', title: 'Jobbsök', startDate: '2027-01-18', endDate: '2027-03-26', hoursPerWeek: 6, schedule: MORNINGS };
      records.activity = (await stack.query(ADD_ACTIVITY, { input: activity }, AF)).data.addPlannedActivity.id;
      const enrolment = withProviderIds({ personnummer: p, schoolId: 'SFI_SCHOOL', course: 'B', studyPath: 2, startDate: '2027-01-11', endDate: '2027-06-11', hoursPerWeek: 6, schedule: MORNINGS });
      records.enrolment = (await stack.query(ENROL, { input: enrolment }, SFI)).data.enrolInSfi.id;
      const assignment = withProviderIds({ personnummer: p, providerId: 'ESTABLISHMENT_SERVICE', service: 'MENTORSHIP', startDate: '2027-02-01', hoursPerWeek: 2, schedule: [] });
      records.assignment = (await stack.query(ASSIGN, { input: assignment }, PROVIDER)).data.assignProvider.id;
    });

    it.each<[string, () => [string, string, Record<string, unknown>, AsCaller], string]>([
      ['a programme changed to end before it starts', () => ['job_seeker_registrations', CHANGE_REGISTRATION, { id: records.registration, version: 1, programmeTo: '2027-01-10' }, AF], 'input.programmeTo'],
      ['an activity ended before it starts', () => ['planned_activities', END_ACTIVITY, { id: records.activity, version: 1, endedOn: '2027-01-17' }, AF], 'input.endedOn'],
      ['an activity changed to end before it starts', () => ['planned_activities', CHANGE_ACTIVITY, { id: records.activity, version: 1, endDate: '2027-01-17' }, AF], 'input.endDate'],
      ['an Sfi course changed to end before it starts', () => ['sfi_enrolments', CHANGE_ENROLMENT, { id: records.enrolment, version: 1, endDate: '2027-01-10' }, SFI], 'input.endDate'],
      ['an assignment changed to start after it ends', () => ['provider_assignments', CHANGE_ASSIGNMENT, { id: records.assignment, version: 1, endDate: '2027-03-01', startDate: '2027-03-02' }, PROVIDER], 'input.endDate'],
    ])('refuses %s, naming the field, and changes nothing', async (_, written, field) => {
      const [table, operation, input, as] = written();
      const before = await db(table).where({ id: input.id }).first();
      await expectRefused(table, operation, { input }, as, 'BAD_USER_INPUT', field);
      expect(await db(table).where({ id: input.id }).first()).toEqual(before);
    });
  });

  describe('retries with an idempotency key', () => {
    const enrolment = { personnummer: PNR.retry, schoolId: 'SFI_SCHOOL', course: 'A', studyPath: 1, startDate: '2027-03-01', hoursPerWeek: 6, schedule: MORNINGS };
    const forRetry = () => withProviderIds(enrolment);
    const enrolmentsOfRetry = () => db('sfi_enrolments').where({ personnummer: PNR.retry });

    it('writes once for the same key and input, and answers the retry with the same record', async () => {
      const first = await stack.query(ENROL, { input: forRetry(), key: 'sfi-retry-1' }, SFI);
      const retry = await stack.query(ENROL, { input: forRetry(), key: 'sfi-retry-1' }, SFI);
      expect(first.errors).toBeUndefined();
      expect(retry.errors).toBeUndefined();
      expect(retry.data.enrolInSfi.id).toBe(first.data.enrolInSfi.id);
      expect(await enrolmentsOfRetry()).toHaveLength(1);
    });

    it('refuses the same key with another input, and writes nothing', async () => {
      await expectRefused('sfi_enrolments', ENROL, { input: { ...forRetry(), course: 'B' }, key: 'sfi-retry-1' }, SFI, 'CONFLICT', 'idempotencyKey');
    });

    it('keeps keys apart per caller: another user’s same key is a new request', async () => {
      const other = await stack.query(ENROL, { input: forRetry(), key: 'sfi-retry-1' }, { as: { org: SFI.as.org, sub: 'sfi.annan', scope: 'records:read records:write' } });
      expect(other.errors).toBeUndefined();
      expect(await enrolmentsOfRetry()).toHaveLength(2);
    });

    it('leaves the key free when the mutation is refused, so the corrected request can use it', async () => {
      // The school's kind is read only inside the transaction, after the key was claimed: while
      // the register (wrongly) says it is no Sfi school, the enrolment is refused.
      const school = await db('providers').where({ id: providerOf.SFI_SCHOOL }).first();
      await db('providers').where({ id: school.id }).update({ kind: 'COURSE_PROVIDER' });
      await expectRefused('sfi_enrolments', ENROL, { input: forRetry(), key: 'sfi-retry-2' }, SFI, 'BAD_USER_INPUT', 'input.schoolId');
      await db('providers').where({ id: school.id }).update({ kind: school.kind });
      const corrected = await stack.query(ENROL, { input: { ...forRetry(), startDate: '2027-09-01' }, key: 'sfi-retry-2' }, SFI);
      expect(corrected.errors).toBeUndefined();
      expect(await enrolmentsOfRetry()).toHaveLength(3);
    });

    it('answers two simultaneous requests with the same key with one record', async () => {
      const input = { ...forRetry(), startDate: '2028-01-10' };
      const answers = await Promise.all([1, 2].map(() => stack.query(ENROL, { input, key: 'sfi-retry-together' }, SFI)));
      expect(answers.map((a) => a.errors)).toEqual([undefined, undefined]);
      expect(answers[1].data.enrolInSfi.id).toBe(answers[0].data.enrolInSfi.id);
      expect(await enrolmentsOfRetry().where({ start_date: '2028-01-10' })).toHaveLength(1);
    });

    it('replays a change instead of refusing its own retry as stale', async () => {
      const [enrolled] = await enrolmentsOfRetry();
      const change = { input: { id: String(enrolled.id), version: enrolled.version, endDate: '2027-12-17' }, key: 'sfi-retry-change' };
      const first = await stack.query(CHANGE_ENROLMENT, change, SFI);
      const retry = await stack.query(CHANGE_ENROLMENT, change, SFI);
      expect(first.errors).toBeUndefined();
      expect(retry.errors).toBeUndefined();
      expect(retry.data.changeSfiEnrolment).toMatchObject({ id: first.data.changeSfiEnrolment.id, endDate: '2027-12-17', version: enrolled.version + 1 });
      expect(await db('sfi_enrolments').where({ id: enrolled.id }).first()).toMatchObject({ version: enrolled.version + 1 });
    });

    it('replays a reception, whose record is known by personnummer', async () => {
      const input = { personnummer: PNR.retry, receivedOn: '2026-12-01' };
      const first = await stack.query(RECORD_RECEPTION, { input, key: 'reception-1' }, MIGRATIONSVERKET);
      const retry = await stack.query(RECORD_RECEPTION, { input, key: 'reception-1' }, MIGRATIONSVERKET);
      expect(first.errors).toBeUndefined();
      expect(retry.data.recordMunicipalityReception).toEqual(first.data.recordMunicipalityReception);
      expect(await db('municipality_receptions').where({ personnummer: PNR.retry })).toHaveLength(1);
    });
  });

  describe('who may record', () => {
    const permit = { personnummer: PNR.migration, kind: 'WORK', grantedOn: '2026-09-02', validUntil: null };
    const registration = { personnummer: PNR.migration, registeredOn: '2026-10-01', office: 'Arbetsförmedlingen Kista', programme: 'NONE', programmeExtentPercent: 0 };

    it.each<[string, string, Record<string, unknown>, AsCaller, string]>([
      ['Arbetsförmedlingen a permit', RECORD_PERMIT, permit, AF, 'residence_permits'],
      ['a district a permit', RECORD_PERMIT, permit, districtOfficer('RK'), 'residence_permits'],
      ['Migrationsverket a job seeker', REGISTER, registration, MIGRATIONSVERKET, 'job_seeker_registrations'],
      ['Jobbtorg a job seeker', REGISTER, registration, { as: 'jobbtorgCoach' }, 'job_seeker_registrations'],
    ])('refuses %s, and writes nothing', async (_, operation, input, as, table) => {
      const before = await rows(table);
      const answer = await stack.query(operation, { input }, as);
      // A partner agency is stopped at the gateway already (its field allowlist lacks the
      // other agency's mutations); anyone else by the partners subgraph itself.
      expect(['FORBIDDEN', 'FIELD_NOT_ALLOWED']).toContain(answer.errors?.[0].extensions?.code);
      expect(await rows(table)).toBe(before);
    });

    it('lets no other school change an enrolment, and lists each school’s own only', async () => {
      const mine = await stack.query(ENROL, { input: withProviderIds({ personnummer: PNR.migration, schoolId: 'SFI_SCHOOL', course: 'A', studyPath: 1, startDate: '2027-04-05', hoursPerWeek: 3, schedule: [{ weekday: 'FRIDAY', startTime: '09:00', endTime: '12:00' }] }) }, SFI);
      expect(mine.errors).toBeUndefined();
      const otherSchool: AsCaller = { as: { org: 'SFI:999', sub: 'sfi.annan', scope: 'records:read records:write' } };
      const changed = await stack.query(CHANGE_ENROLMENT, { input: { id: mine.data.enrolInSfi.id, version: 1, course: 'B' } }, otherSchool);
      expect(changed.errors?.[0].extensions).toMatchObject({ code: 'NOT_FOUND', field: 'input.id' });
      const LIST = `{ sfiEnrolments(first: 100) { totalCount edges { node { id school { id } } } } }`;
      const own = (await stack.query(LIST, {}, SFI)).data.sfiEnrolments;
      expect(own.totalCount).toBeGreaterThan(0);
      for (const { node } of own.edges) expect(node.school.id).toBe(providerOf.SFI_SCHOOL);
      expect((await stack.query(LIST, {}, otherSchool)).data.sfiEnrolments.totalCount).toBe(0);
      expect((await stack.query(LIST, {}, AF)).errors?.[0].extensions?.code).toBe('FIELD_NOT_ALLOWED');
    });
  });
});
