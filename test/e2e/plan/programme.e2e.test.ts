import { addDays, mondayOf, todayInStockholm } from '../../../lib/scalars/calendar';
import { makePersonnummer } from '../../../lib/scalars/personnummer';
import { describeEachDialect } from '../../helpers/dialects';
import { AsCaller, GraphQLResponse, Stack, startStack } from '../../helpers/stack';
import { STACK_START_TIMEOUT_MS } from '../../helpers/timeouts';

/**
 * An Arbetsförmedlingen programme on the shared plan, through the gateway: the programme is
 * planned time, so a full-time programme and a Jobbtorg placement of a few hours are more
 * than full time, for Arbetsförmedlingen and for Jobbtorg where the person's consent lets it
 * see Arbetsförmedlingen's records; Sfi recorded as part of a programme counts within it.
 */

const DISTRICT: AsCaller = { as: 'districtOfficer' };
const COACH: AsCaller = { as: 'jobbtorgCoach' };
const AF: AsCaller = { as: 'afOfficer' };
const SFI: AsCaller = { as: 'sfiTeacher' };

const TODAY = todayInStockholm();
const NEXT_MONDAY = addDays(mondayOf(TODAY), 7);
const WINDOW = { from: NEXT_MONDAY, to: addDays(NEXT_MONDAY, 27) };
const WEEKS = [0, 7, 14, 21].map((d) => addDays(NEXT_MONDAY, d));

const PLAN = /* GraphQL */ `
  query Plan($p: Personnummer!, $from: Date!, $to: Date!) {
    person(personnummer: $p) {
      sharedPlan(from: $from, to: $to) {
        activities { id agency kind category title hoursPerWeek extentPercent partOf version changedBy }
        conflicts { kind activityIds agencies weeks message }
      }
    }
  }
`;
const LIST = /* GraphQL */ `
  query Coordinator($from: Date!, $to: Date!) {
    peopleWithPlanConflicts(filter: { unitCode: "VARBERG", from: $from, to: $to }, first: 100) {
      edges { node { person { personnummer } byKind { kind count } } }
    }
  }
`;

interface Plan {
  activities: { id: string; category: string; extentPercent: number | null; partOf: string | null; version: number; changedBy: string | null }[];
  conflicts: { kind: string; activityIds: string[]; agencies: string[]; weeks: string[]; message: string }[];
}

describeEachDialect('an Arbetsförmedlingen programme on the shared plan', (dialect) => {
  let stack: Stack;
  const p = makePersonnummer('1989-02-11', 881);
  /** Someone whose consent leaves Arbetsförmedlingen out. */
  const q = makePersonnummer('1992-08-24', 882);
  const ids = { registration: '', programme: '', placement: '', sfi: '', sfiOfQ: '' };

  async function ok(query: string, variables: Record<string, unknown>, as: AsCaller): Promise<any> {
    const answer: GraphQLResponse = await stack.query(query, variables, as);
    expect(answer.errors).toBeUndefined();
    return answer.data;
  }
  const planOf = async (person: string, as: AsCaller): Promise<Plan> => (await ok(PLAN, { p: person, ...WINDOW }, as)).person.sharedPlan;
  const overFullTime = (plan: Plan) => plan.conflicts.filter((c) => c.kind === 'OVER_FULL_TIME');
  const countsOf = async (person: string) =>
    (await ok(LIST, WINDOW, COACH)).peopleWithPlanConflicts.edges.find((e: any) => e.node.person.personnummer === person)?.node.byKind ?? [];

  /** A person of Skärholmen referred to and enrolled at Jobbtorg Vårberg, with a plan, whose shared-planning consent names `parties`. */
  async function enrolled(person: string, parties: string): Promise<string> {
    await stack.subgraphs.stadsdel.db('persons').insert({
      personnummer: person, given_name: 'Test', family_name: 'Deltagare', birth_date: `${person.slice(0, 4)}-${person.slice(4, 6)}-${person.slice(6, 8)}`, district_code: 'SKH', protected_identity: false,
    });
    await ok(`mutation($p: Personnummer!, $from: Date!) { recordConsent(input: { personnummer: $p, purpose: SHARED_PLANNING, validFrom: $from, parties: [${parties}] }) { id } }`, { p: person, from: TODAY }, DISTRICT);
    await ok(`mutation($p: Personnummer!) { recordConsent(input: { personnummer: $p, purpose: REFERRAL, validFrom: "2026-01-01", parties: [SOCIAL_SERVICES, JOBBTORG] }) { id } }`, { p: person }, DISTRICT);
    const referral = await ok(`mutation($p: Personnummer!) { referToJobbtorg(input: { personnummer: $p, reason: NEWLY_ARRIVED_REFUGEE }) { id } }`, { p: person }, DISTRICT);
    const opened = await ok(
      `mutation($r: ID!, $on: Date!) { enrolInJobbtorg(input: { referralId: $r, unitCode: "VARBERG", enrolledOn: $on }) { id } }`,
      { r: referral.referToJobbtorg.id, on: TODAY },
      COACH,
    );
    const caseId = opened.enrolInJobbtorg.id;
    await ok(`mutation($c: ID!, $on: Date!) { establishJobPlan(input: { caseId: $c, establishedOn: $on, goal: WORK }) { id } }`, { c: caseId, on: TODAY }, COACH);
    return caseId;
  }

  /** Sfi Tuesdays and Thursdays, 15 hours a week, open-ended. */
  const enrolInSfi = async (person: string) =>
    (
      await ok(
        `mutation($p: Personnummer!, $from: Date!) { enrolInSfi(input: { personnummer: $p, schoolId: "1", course: B, studyPath: 2, startDate: $from, hoursPerWeek: 15, schedule: [{ weekday: TUESDAY, startTime: "08:30", endTime: "16:00" }, { weekday: THURSDAY, startTime: "08:30", endTime: "16:00" }] }) { id } }`,
        { p: person, from: NEXT_MONDAY },
        SFI,
      )
    ).enrolInSfi.id;

  /** The establishment programme from next Monday, at `extent` %. */
  const register = async (person: string, extent: number) =>
    (
      await ok(
        `mutation($p: Personnummer!, $on: Date!, $from: Date!, $to: Date!, $extent: Int!) { registerJobSeeker(input: { personnummer: $p, registeredOn: $on, office: "Arbetsförmedlingen Skärholmen", programme: ESTABLISHMENT_PROGRAMME, programmeFrom: $from, programmeTo: $to, programmeExtentPercent: $extent }) { id } }`,
        { p: person, on: TODAY, from: NEXT_MONDAY, to: addDays(NEXT_MONDAY, 180), extent },
        AF,
      )
    ).registerJobSeeker.id;

  beforeAll(async () => {
    stack = await startStack({ dialect, people: 0 });
    const caseId = await enrolled(p, 'SOCIAL_SERVICES, JOBBTORG, ARBETSFORMEDLINGEN, SFI');
    ids.registration = await register(p, 100);
    ids.programme = `partners:programme:${ids.registration}`;
    // Jobbtorg: an 8-hour placement, Monday and Wednesday afternoons, for the four weeks.
    const placement = await ok(
      `mutation($c: ID!, $from: Date!, $to: Date!) { addIntervention(input: { caseId: $c, kind: WORK_PLACEMENT, title: "Praktik på bibliotek", startDate: $from, endDate: $to, hoursPerWeek: 8, schedule: [{ weekday: MONDAY, startTime: "13:00", endTime: "17:00" }, { weekday: WEDNESDAY, startTime: "13:00", endTime: "17:00" }] }) { id } }`,
      { c: caseId, ...WINDOW },
      COACH,
    );
    ids.placement = `jobbtorg:intervention:${placement.addIntervention.id}`;
  }, STACK_START_TIMEOUT_MS);
  afterAll(() => stack?.stop());

  it('lists the programme among Arbetsförmedlingen’s own activities, at its extent', async () => {
    const plan = await planOf(p, AF);
    expect(plan.activities).toContainEqual({
      id: ids.programme,
      agency: 'ARBETSFORMEDLINGEN',
      kind: 'ESTABLISHMENT_PROGRAMME',
      category: 'PROGRAMME',
      title: 'Etableringsprogrammet',
      hoursPerWeek: 40,
      extentPercent: 100,
      partOf: null,
      version: 1,
      changedBy: 'af.handlaggare',
    });
    expect(plan.activities.find((a) => a.id === ids.placement)).toMatchObject({ extentPercent: null, partOf: null, version: 1, changedBy: 'coach.varberg' });
  });

  it.each<[string, AsCaller]>([
    ['Arbetsförmedlingen', AF],
    ['Jobbtorg, whom the consent lets see it', COACH],
  ])('shows %s a full-time programme and an 8-hour placement as more than full time, naming both', async (_, as) => {
    const plan = await planOf(p, as);
    expect(plan.conflicts.map((c) => c.kind)).toEqual(['OVER_FULL_TIME']);
    expect(plan.conflicts[0]).toMatchObject({ activityIds: [ids.placement, ids.programme].sort(), agencies: ['JOBBTORG', 'ARBETSFORMEDLINGEN'], weeks: WEEKS });
    expect(plan.conflicts[0].message).toMatch(
      /^Sammanlagt 48 timmar i veckan, mer än heltid \(40 timmar\), vecka .*: Etableringsprogrammet på heltid \(Arbetsförmedlingen\) och Praktik på bibliotek \(Jobbtorg\)\.$/,
    );
  });

  it('counts Sfi on top of a 50 % programme, and within it once Arbetsförmedlingen records it as part of it', async () => {
    ids.sfi = await enrolInSfi(p);
    const changed = await ok(
      `mutation($id: ID!) { changeJobSeekerRegistration(input: { id: $id, version: 1, programmeExtentPercent: 50 }) { version } }`,
      { id: ids.registration },
      AF,
    );
    expect(changed.changeJobSeekerRegistration.version).toBe(2);
    // 20 hours of programme, 8 of placement and 15 of Sfi outside it: 43.
    const outside = overFullTime(await planOf(p, COACH));
    expect(outside).toHaveLength(1);
    expect(outside[0].activityIds).toEqual([ids.placement, ids.programme, `partners:sfi:${ids.sfi}`].sort());
    expect(outside[0].message).toMatch(/^Sammanlagt 43 timmar i veckan, .*Etableringsprogrammet på 50 % \(Arbetsförmedlingen\)/);
    expect(await countsOf(p)).toEqual([{ kind: 'OVER_FULL_TIME', count: 1 }]);

    const recorded = await ok(
      `mutation($id: ID!, $sfi: ID!) { addProgrammePart(input: { registrationId: $id, version: 2, kind: SFI_ENROLMENT, recordId: $sfi }, idempotencyKey: "sfi-in-programme") { version programmeParts { planItemId } } }`,
      { id: ids.registration, sfi: ids.sfi },
      AF,
    );
    expect(recorded.addProgrammePart).toEqual({ version: 3, programmeParts: [{ planItemId: `partners:sfi:${ids.sfi}` }] });
    // The 15 hours of Sfi now count within the programme's 20: 28 in all.
    for (const as of [COACH, AF]) {
      const plan = await planOf(p, as);
      expect(overFullTime(plan)).toEqual([]);
      expect(plan.activities.find((a) => a.id === `partners:sfi:${ids.sfi}`)?.partOf).toBe(ids.programme);
      expect(plan.activities.find((a) => a.id === ids.programme)).toMatchObject({ extentPercent: 50, version: 3, changedBy: 'af.handlaggare' });
    }
    expect(await countsOf(p)).toEqual([]);
  });

  it('shows a reader whose consent leaves Arbetsförmedlingen out neither the programme nor that Sfi is part of it', async () => {
    await enrolled(q, 'SOCIAL_SERVICES, JOBBTORG, SFI');
    const registration = await register(q, 100);
    ids.sfiOfQ = await enrolInSfi(q);
    await ok(
      `mutation($id: ID!, $sfi: ID!) { addProgrammePart(input: { registrationId: $id, version: 1, kind: SFI_ENROLMENT, recordId: $sfi }) { version } }`,
      { id: registration, sfi: ids.sfiOfQ },
      AF,
    );
    const plan = await planOf(q, COACH);
    expect(plan.activities.map((a) => a.id)).toEqual([`partners:sfi:${ids.sfiOfQ}`]);
    expect(plan.activities[0].partOf).toBeNull();
    expect(plan.conflicts).toEqual([]);
  });
});
