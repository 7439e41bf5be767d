import { addDays, todayInStockholm } from '../../../lib/scalars/calendar';
import { makePersonnummer } from '../../../lib/scalars/personnummer';
import { describeEachDialect } from '../../helpers/dialects';
import { AsCaller, GraphQLResponse, Stack, startStack } from '../../helpers/stack';
import { STACK_START_TIMEOUT_MS } from '../../helpers/timeouts';

/**
 * The whole chain through the gateway, each step by the agency that owns it, reading back
 * after each what every other party now sees: a decision, consent, the partner agencies'
 * records, the referral and its booked meeting, enrolment, the plan within five days, an
 * intervention changed and ended by closure, and the feedback the district reads.
 */

const DISTRICT: AsCaller = { as: 'districtOfficer' }; // Skärholmen
const COACH: AsCaller = { as: 'jobbtorgCoach' }; // Jobbtorg Vårberg, which serves Skärholmen
const AF: AsCaller = { as: 'afOfficer' };
const MIGRATIONSVERKET: AsCaller = { as: 'migrationsverketOfficer' };
const SFI: AsCaller = { as: 'sfiTeacher' };

const TODAY = todayInStockholm();
const MONTH = TODAY.slice(0, 7);

const THE_DISTRICT_SEES = /* GraphQL */ `
  query DistrictView($p: Personnummer!) {
    person(personnummer: $p) {
      incomeSupportDecisions { month outcome amount decidedBy }
      referrals {
        id status referredBy infoMeeting { audience startsAt }
        jobbtorgCase { id status targetGroup reportingGroup jobbgaranti { status } closure { reason } }
        feedback { message sentBy }
      }
      newlyArrived sfiEnrolments { course } jobSeekerRegistrations { programme }
    }
  }
`;

describeEachDialect('the chain from decision to feedback', (dialect) => {
  let stack: Stack;
  const personnummer = makePersonnummer('1988-04-12', 901);

  beforeAll(async () => {
    stack = await startStack({ dialect, people: 0 });
    // The population register: the person lives in Skärholmen.
    await stack.subgraphs.stadsdel.db('persons').insert({
      personnummer, given_name: 'Samira', family_name: 'Haddad', birth_date: '1988-04-12', district_code: 'SKH', protected_identity: false,
    });
  }, STACK_START_TIMEOUT_MS);
  afterAll(() => stack?.stop());

  async function ok(query: string, variables: Record<string, unknown>, as: AsCaller): Promise<any> {
    const answer: GraphQLResponse = await stack.query(query, variables, as);
    expect(answer.errors).toBeUndefined();
    return answer.data;
  }
  const districtSees = async () => (await ok(THE_DISTRICT_SEES, { p: personnummer }, DISTRICT)).person;

  it('runs through every agency, each reading what the others recorded', async () => {
    // 1. The district grants income support for the month, because of unemployment.
    await ok(
      `mutation($p: Personnummer!, $m: Month!) { recordIncomeSupportDecision(input: { personnummer: $p, month: $m, outcome: GRANTED, amount: 9400, needReason: UNEMPLOYMENT }) { id } }`,
      { p: personnummer, m: MONTH },
      DISTRICT,
    );
    // 2. Migrationsverket: received in the municipality a year ago; the person is newly arrived.
    await ok(
      `mutation($p: Personnummer!, $on: Date!) { recordMunicipalityReception(input: { personnummer: $p, receivedOn: $on }) { receivedOn } }`,
      { p: personnummer, on: addDays(TODAY, -365) },
      MIGRATIONSVERKET,
    );
    // 3. The person consents to shared planning between social services, Jobbtorg, AF, Sfi and Migrationsverket.
    await ok(
      `mutation($p: Personnummer!, $from: Date!) { recordConsent(input: { personnummer: $p, parties: [SOCIAL_SERVICES, JOBBTORG, ARBETSFORMEDLINGEN, SFI, MIGRATIONSVERKET], purpose: SHARED_PLANNING, validFrom: $from }) { id active } }`,
      { p: personnummer, from: TODAY },
      DISTRICT,
    );
    // 4. Arbetsförmedlingen registers them in the establishment programme; Sfi enrols them.
    await ok(
      `mutation($p: Personnummer!, $on: Date!) { registerJobSeeker(input: { personnummer: $p, registeredOn: $on, office: "Arbetsförmedlingen Skärholmen", programme: ESTABLISHMENT_PROGRAMME, programmeFrom: $on, programmeTo: "2028-12-31", programmeExtentPercent: 100 }) { id } }`,
      { p: personnummer, on: addDays(TODAY, -30) },
      AF,
    );
    await ok(
      `mutation($p: Personnummer!, $on: Date!) { enrolInSfi(input: { personnummer: $p, schoolId: "1", course: B, studyPath: 1, startDate: $on, hoursPerWeek: 6, schedule: [{ weekday: TUESDAY, startTime: "09:00", endTime: "12:00" }, { weekday: THURSDAY, startTime: "09:00", endTime: "12:00" }] }) { id } }`,
      { p: personnummer, on: addDays(TODAY, -20) },
      SFI,
    );
    let seen = await districtSees();
    expect(seen.incomeSupportDecisions).toEqual([{ month: MONTH, outcome: 'GRANTED', amount: 9400, decidedBy: 'handlaggare.skh' }]);
    expect(seen).toMatchObject({ newlyArrived: true, sfiEnrolments: [{ course: 'B' }], jobSeekerRegistrations: [{ programme: 'ESTABLISHMENT_PROGRAMME' }] });

    // 5. The district refers them to Jobbtorg and gets the adults' info meeting booked.
    const { referToJobbtorg: referral } = await ok(
      `mutation($p: Personnummer!) { referToJobbtorg(input: { personnummer: $p, reason: NEWLY_ARRIVED_REFUGEE }) { id status infoMeeting { audience startsAt } } }`,
      { p: personnummer },
      DISTRICT,
    );
    expect(referral).toMatchObject({ status: 'BOOKED', infoMeeting: { audience: 'ADULTS' } });
    seen = await districtSees();
    expect(seen.referrals).toEqual([
      { id: referral.id, status: 'BOOKED', referredBy: 'handlaggare.skh', infoMeeting: referral.infoMeeting, jobbtorgCase: null, feedback: [] },
    ]);
    const waiting = await ok(`{ referrals(filter: { status: BOOKED, districtCode: "SKH" }) { edges { node { id } } } }`, {}, COACH);
    expect(waiting.referrals.edges).toEqual([{ node: { id: referral.id } }]);

    // 6. Jobbtorg Vårberg enrols them: a newly arrived refugee, by the referral's own facts.
    const { enrolInJobbtorg: opened } = await ok(
      `mutation($r: ID!, $on: Date!) { enrolInJobbtorg(input: { referralId: $r, unitCode: "VARBERG", enrolledOn: $on }) { id version targetGroup reportingGroup jobbgaranti { deadline status } } }`,
      { r: referral.id, on: TODAY },
      COACH,
    );
    expect(opened).toMatchObject({ targetGroup: 'REFUGEE', reportingGroup: 'NEWLY_ARRIVED_REFUGEE', jobbgaranti: { status: 'PENDING' } });
    seen = await districtSees();
    expect(seen.referrals[0]).toMatchObject({ status: 'ENROLLED', jobbtorgCase: { id: opened.id, status: 'OPEN', targetGroup: 'REFUGEE' } });
    const stillWaiting = await ok(`{ referrals(filter: { status: BOOKED, districtCode: "SKH" }) { edges { node { id } } } }`, {}, COACH);
    expect(stillWaiting.referrals.edges).toEqual([]);
    const withoutPlan = await ok(`{ casesWithoutPlan(filter: { unitCode: "VARBERG" }) { edges { node { id } } } }`, {}, COACH);
    expect(withoutPlan.casesWithoutPlan.edges).toEqual([{ node: { id: opened.id } }]);

    // 7. The plan comes the same day: the jobbgaranti is kept.
    const { establishJobPlan: planned } = await ok(
      `mutation($c: ID!, $on: Date!) { establishJobPlan(input: { caseId: $c, establishedOn: $on, goal: WORK }) { version jobbgaranti { planEstablishedOn status } } }`,
      { c: opened.id, on: TODAY },
      COACH,
    );
    expect(planned.jobbgaranti).toEqual({ planEstablishedOn: TODAY, status: 'KEPT' });

    // 8. A work placement on Monday and Wednesday mornings, then moved to the afternoons.
    const { addIntervention: placement } = await ok(
      `mutation($c: ID!, $on: Date!) { addIntervention(input: { caseId: $c, kind: WORK_PLACEMENT, title: "Praktik, Skärholmens bibliotek", startDate: $on, endDate: "2027-06-30", hoursPerWeek: 8, schedule: [{ weekday: MONDAY, startTime: "08:00", endTime: "12:00" }, { weekday: WEDNESDAY, startTime: "08:00", endTime: "12:00" }] }) { id version status } }`,
      { c: opened.id, on: TODAY },
      COACH,
    );
    const { changeIntervention: moved } = await ok(
      `mutation($i: ID!, $v: Int!) { changeIntervention(input: { id: $i, version: $v, schedule: [{ weekday: MONDAY, startTime: "13:00", endTime: "17:00" }, { weekday: WEDNESDAY, startTime: "13:00", endTime: "17:00" }] }) { version schedule { weekday startTime } } }`,
      { i: placement.id, v: placement.version },
      COACH,
    );
    expect(moved).toEqual({ version: 2, schedule: [{ weekday: 'MONDAY', startTime: '13:00' }, { weekday: 'WEDNESDAY', startTime: '13:00' }] });

    // 9. Feedback to the district, which reads it on its referral.
    await ok(
      `mutation($c: ID!) { giveFeedback(input: { caseId: $c, message: "Samira har börjat praktik på biblioteket och går Sfi B." }) { id } }`,
      { c: opened.id },
      COACH,
    );
    seen = await districtSees();
    expect(seen.referrals[0].feedback).toEqual([{ message: 'Samira har börjat praktik på biblioteket och går Sfi B.', sentBy: 'coach.varberg' }]);

    // 10. They get a job: the case closes to work and the placement ends that day.
    const current = await ok(`query($c: ID!) { case(id: $c) { version } }`, { c: opened.id }, COACH);
    const { closeCase: closed } = await ok(
      `mutation($c: ID!, $v: Int!, $on: Date!) { closeCase(input: { id: $c, version: $v, closedOn: $on, reason: WORK, note: "Anställd som biblioteksassistent." }) { status closure { reason } jobPlan { interventions { endedOn status } } } }`,
      { c: opened.id, v: current.case.version, on: TODAY },
      COACH,
    );
    expect(closed).toMatchObject({ status: 'CLOSED', closure: { reason: 'WORK' }, jobPlan: { interventions: [{ endedOn: TODAY }] } });
    seen = await districtSees();
    expect(seen.referrals[0].jobbtorgCase).toMatchObject({ status: 'CLOSED', jobbgaranti: { status: 'KEPT' }, closure: { reason: 'WORK' } });

    // Every step is on the owning subgraph's audit log, by the user who took it.
    const writes = await stack.subgraphs.jobbtorg.db('audit_log').where('fields', 'like', '%mutation:%').orderBy('id');
    expect(writes.map((w) => [w.user, w.fields.split(',').find((f: string) => f.startsWith('mutation:'))])).toEqual([
      ['coach.varberg', 'mutation:enrolInJobbtorg'],
      ['coach.varberg', 'mutation:establishJobPlan'],
      ['coach.varberg', 'mutation:closeCase'],
    ]);
  });
});
