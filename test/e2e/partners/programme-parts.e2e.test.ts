import { Knex } from 'knex';
import { makePersonnummer } from '../../../lib/scalars/personnummer';
import { describeEachDialect } from '../../helpers/dialects';
import { AsCaller, districtOfficer, GraphQLResponse, Stack, startStack } from '../../helpers/stack';
import { STACK_START_TIMEOUT_MS } from '../../helpers/timeouts';

/**
 * The parts of an Arbetsförmedlingen programme through the gateway: Arbetsförmedlingen
 * records that a person's Sfi enrolment or a provider's service is part of the programme of
 * a registration, and takes it out again, each at the registration's version, as the
 * verified caller. Every refusal is read back from the partners database to show that
 * nothing was written.
 */

const REGISTRATION = 'id version changedBy programme programmeParts { kind recordId planItemId recordedBy }';
const ADD_PART = /* GraphQL */ `
  mutation AddProgrammePart($input: ProgrammePartInput!, $key: String) { addProgrammePart(input: $input, idempotencyKey: $key) { ${REGISTRATION} } }
`;
const REMOVE_PART = /* GraphQL */ `
  mutation RemoveProgrammePart($input: ProgrammePartInput!, $key: String) { removeProgrammePart(input: $input, idempotencyKey: $key) { ${REGISTRATION} } }
`;
const REGISTER = /* GraphQL */ `
  mutation($input: RegisterJobSeekerInput!) { registerJobSeeker(input: $input) { id version } }
`;
const CHANGE_REGISTRATION = /* GraphQL */ `
  mutation($input: ChangeJobSeekerRegistrationInput!) { changeJobSeekerRegistration(input: $input) { ${REGISTRATION} } }
`;
const ENROL = /* GraphQL */ `
  mutation($input: EnrolInSfiInput!) { enrolInSfi(input: $input) { id } }
`;
const ASSIGN = /* GraphQL */ `
  mutation($input: AssignProviderInput!) { assignProvider(input: $input) { id } }
`;

const PERSON = makePersonnummer('1991-05-17', 314);
const SOMEONE_ELSE = makePersonnummer('1987-10-08', 315);
const MORNINGS = [
  { weekday: 'MONDAY', startTime: '09:00', endTime: '12:00' },
  { weekday: 'WEDNESDAY', startTime: '09:00', endTime: '12:00' },
];

const AF: AsCaller = { as: 'afOfficer' };
const SFI = { as: { org: 'SFI:0', sub: 'sfi.kista', scope: 'records:read records:write' } };
const PROVIDER = { as: { org: 'PROVIDER:0', sub: 'rodakorset.coach', scope: 'records:read records:write' } };

describeEachDialect('programme parts', (dialect) => {
  let stack: Stack;
  let db: Knex;
  const ids = { programme: '', other: '', none: '', sfi: '', otherSfi: '', assignment: '' };
  let refusals = 0;

  async function ok(query: string, variables: Record<string, unknown>, as: AsCaller): Promise<any> {
    const answer = await stack.query(query, variables, as);
    expect(answer.errors).toBeUndefined();
    return answer.data;
  }
  const parts = async () => Number((await db('programme_parts').count({ n: '*' }))[0].n);
  const versionOf = async (id: string) => (await db('job_seeker_registrations').where({ id }).first()).version;
  const part = (over: Record<string, unknown> = {}) => ({ registrationId: ids.programme, version: 1, kind: 'SFI_ENROLMENT', recordId: ids.sfi, ...over });

  beforeAll(async () => {
    stack = await startStack({ dialect, people: 0 });
    db = stack.subgraphs.partners.db;
    const { data } = await stack.query(`{ providers { id kind } }`);
    const first = (kind: string) => data.providers.find((p: { kind: string }) => p.kind === kind).id;
    SFI.as.org = `SFI:${first('SFI_SCHOOL')}`;
    PROVIDER.as.org = `PROVIDER:${first('ESTABLISHMENT_SERVICE')}`;
    const register = async (p: string, programme: Record<string, unknown>) =>
      (await ok(REGISTER, { input: { personnummer: p, registeredOn: '2027-01-04', office: 'Arbetsförmedlingen Kista', ...programme } }, AF)).registerJobSeeker.id;
    ids.programme = await register(PERSON, { programme: 'ESTABLISHMENT_PROGRAMME', programmeFrom: '2027-01-11', programmeTo: '2028-12-31', programmeExtentPercent: 50 });
    ids.other = await register(PERSON, { programme: 'JOB_AND_DEVELOPMENT_GUARANTEE', programmeFrom: '2029-01-08', programmeExtentPercent: 100 });
    ids.none = await register(PERSON, { programme: 'NONE', programmeExtentPercent: 0 });
    const enrol = async (p: string) =>
      (await ok(ENROL, { input: { personnummer: p, schoolId: first('SFI_SCHOOL'), course: 'B', studyPath: 2, startDate: '2027-01-18', hoursPerWeek: 6, schedule: MORNINGS } }, SFI)).enrolInSfi.id;
    ids.sfi = await enrol(PERSON);
    ids.otherSfi = await enrol(SOMEONE_ELSE);
    ids.assignment = (
      await ok(ASSIGN, { input: { personnummer: PERSON, providerId: first('ESTABLISHMENT_SERVICE'), service: 'WORKING_LIFE_INTRODUCTION', startDate: '2027-02-01', hoursPerWeek: 4, schedule: [] } }, PROVIDER)
    ).assignProvider.id;
  }, STACK_START_TIMEOUT_MS);
  afterAll(() => stack?.stop());

  /** Runs a change that must be refused with `code` on `field`; no part, no version and no key was written. */
  async function expectRefused(operation: string, input: Record<string, unknown>, as: AsCaller, code: string, field: string) {
    const [before, version, keys] = [await parts(), await versionOf(ids.programme), Number((await db('idempotency_keys').count({ n: '*' }))[0].n)];
    const answer: GraphQLResponse = await stack.query(operation, { input, key: `refused-${refusals++}` }, as);
    expect(answer.data?.addProgrammePart ?? answer.data?.removeProgrammePart ?? null).toBeNull();
    expect(answer.errors?.[0].extensions).toMatchObject({ code, field });
    expect([await parts(), await versionOf(ids.programme), Number((await db('idempotency_keys').count({ n: '*' }))[0].n)]).toEqual([before, version, keys]);
  }

  it('records Sfi and a provider’s service as parts of the programme, each at the registration’s version, as the caller', async () => {
    const sfi = (await ok(ADD_PART, { input: part() }, AF)).addProgrammePart;
    expect(sfi).toMatchObject({
      id: ids.programme,
      version: 2,
      changedBy: 'af.handlaggare',
      programmeParts: [{ kind: 'SFI_ENROLMENT', recordId: ids.sfi, planItemId: `partners:sfi:${ids.sfi}`, recordedBy: 'af.handlaggare' }],
    });
    const both = (await ok(ADD_PART, { input: part({ version: 2, kind: 'PROVIDER_ASSIGNMENT', recordId: ids.assignment }) }, AF)).addProgrammePart;
    expect(both.version).toBe(3);
    expect(both.programmeParts.map((p: { planItemId: string }) => p.planItemId)).toEqual([`partners:sfi:${ids.sfi}`, `partners:assignment:${ids.assignment}`]);
  });

  it.each<[string, () => Record<string, unknown>, string, string]>([
    ['a stale version', () => part({ recordId: ids.otherSfi }), 'CONFLICT', 'input.version'],
    ['an unknown registration', () => part({ registrationId: '999999' }), 'NOT_FOUND', 'input.registrationId'],
    ['an unknown record', () => part({ version: 3, recordId: '999999' }), 'NOT_FOUND', 'input.recordId'],
    ['a record id that is no id', () => part({ version: 3, recordId: '12abc' }), 'NOT_FOUND', 'input.recordId'],
    ['another person’s Sfi enrolment, as if unknown', () => part({ version: 3, recordId: ids.otherSfi }), 'NOT_FOUND', 'input.recordId'],
    ['a record already part of the programme', () => part({ version: 3 }), 'CONFLICT', 'input.recordId'],
    ['a record part of another programme', () => part({ registrationId: ids.other, version: 1 }), 'CONFLICT', 'input.recordId'],
  ])('refuses to add %s, and writes nothing', async (_, input, code, field) => {
    await expectRefused(ADD_PART, input(), AF, code, field);
  });

  it('gives a registration in no programme no parts', async () => {
    const before = await parts();
    const answer = await stack.query(ADD_PART, { input: { registrationId: ids.none, version: 1, kind: 'SFI_ENROLMENT', recordId: ids.sfi } }, AF);
    expect(answer.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.registrationId' });
    expect([await parts(), await versionOf(ids.none)]).toEqual([before, 1]);
  });

  it.each<[string, AsCaller]>([
    ['an Sfi school', SFI],
    ['a district', districtOfficer('RK')],
    ['Jobbtorg', { as: 'jobbtorgCoach' }],
  ])('lets only Arbetsförmedlingen record a part: not %s', async (_, as) => {
    const before = await parts();
    const answer = await stack.query(ADD_PART, { input: part({ version: 3, recordId: ids.otherSfi }) }, as);
    // A partner agency is stopped at the gateway (its allowlist lacks the mutation), anyone else by partners.
    expect(['FORBIDDEN', 'FIELD_NOT_ALLOWED']).toContain(answer.errors?.[0].extensions?.code);
    expect(await parts()).toBe(before);
  });

  it('takes a part out at the registration’s version, once, and answers a retry with the same registration', async () => {
    const input = part({ version: 3, kind: 'PROVIDER_ASSIGNMENT', recordId: ids.assignment });
    const first = (await ok(REMOVE_PART, { input, key: 'take-out-1' }, AF)).removeProgrammePart;
    const retry = (await ok(REMOVE_PART, { input, key: 'take-out-1' }, AF)).removeProgrammePart;
    expect(first).toMatchObject({ version: 4, programmeParts: [{ kind: 'SFI_ENROLMENT', recordId: ids.sfi }] });
    expect(retry).toEqual(first);
    await expectRefused(REMOVE_PART, input, AF, 'CONFLICT', 'input.version');
    await expectRefused(REMOVE_PART, { ...input, version: 4 }, AF, 'NOT_FOUND', 'input.recordId');
  });

  it('keeps no parts for a registration that leaves its programme', async () => {
    const changed = (
      await ok(CHANGE_REGISTRATION, { input: { id: ids.programme, version: 4, programme: 'NONE', programmeFrom: null, programmeTo: null, programmeExtentPercent: 0 } }, AF)
    ).changeJobSeekerRegistration;
    expect(changed).toMatchObject({ version: 5, programme: 'NONE', programmeParts: [] });
    expect(await db('programme_parts').where({ registration_id: ids.programme })).toEqual([]);
  });
});
