import { describeEachDialect } from '../../helpers/dialects';
import { AsCaller, districtOfficer, Stack, startStack } from '../../helpers/stack';
import { STACK_START_TIMEOUT_MS } from '../../helpers/timeouts';

/** Scheduling three-party meetings (trepartssamtal) through the gateway. */

const SCHEDULE = /* GraphQL */ `
  mutation($input: ScheduleThreePartyMeetingInput!) {
    scheduleThreePartyMeeting(input: $input) { id startsAt thirdParty district { code } person { personnummer } }
  }
`;

describeEachDialect('three-party meetings', (dialect) => {
  let stack: Stack;
  let pnr: string;
  let officer: AsCaller;
  const query = (text: string, variables: Record<string, unknown> = {}) => stack.query(text, variables, officer);
  beforeAll(async () => {
    stack = await startStack({ dialect, people: 10 });
    // Someone from the population register, and their district's officer.
    const someone = await stack.subgraphs.stadsdel.db('persons').orderBy('personnummer').first();
    pnr = someone.personnummer;
    officer = districtOfficer(someone.district_code);
  }, STACK_START_TIMEOUT_MS);
  afterAll(() => stack?.stop());

  const input = (overrides: Record<string, unknown> = {}) => ({
    personnummer: pnr,
    districtOfficer: 'handl-rk-02',
    jobbtorgCoach: 'coach-kista-04',
    thirdParty: 'Arbetsförmedlingen',
    startsAt: '2030-02-05T10:00:00+01:00',
    notes: 'Gemensam planering inför praktik.',
    ...overrides,
  });
  const count = async () =>
    (await query(`query($p: Personnummer!) { person(personnummer: $p) { threePartyMeetings { id } } }`, { p: pnr })).data
      .person.threePartyMeetings.length;

  it('schedules a meeting in the person’s district, in UTC', async () => {
    const answer = await query(SCHEDULE, { input: input() });
    expect(answer.errors).toBeUndefined();
    expect(answer.data.scheduleThreePartyMeeting).toMatchObject({ startsAt: '2030-02-05T09:00:00Z', person: { personnummer: pnr } });
    expect(await count()).toBeGreaterThan(0);
  });

  it.each([
    ['a time in the past', { startsAt: '2020-01-01T10:00:00Z' }, 'input.startsAt'],
    ['a time without a zone', { startsAt: '2030-01-01T10:00:00' }, 'scheduleThreePartyMeeting.input.startsAt'],
    ['no third party', { thirdParty: '  ' }, 'input.thirdParty'],
  ])('refuses %s, naming the field, and writes nothing', async (_, overrides, field) => {
    const before = await count();
    const answer = await query(SCHEDULE, { input: input(overrides) });
    expect(answer.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field });
    expect(await count()).toBe(before);
  });
});
