import { PERSONAS } from '../../../lib/auth/personas';
import { describeEachDialect } from '../../helpers/dialects';
import { AsCaller, districtOfficer, Stack, startStack } from '../../helpers/stack';
import { STACK_START_TIMEOUT_MS } from '../../helpers/timeouts';

/** Jobbtorg as a whole, which reads every unit's cases. */
const JOBBTORG: AsCaller = { as: { org: 'JOBBTORG', sub: 'samordnare', scope: 'records:read' } };

/** The read side of the supergraph through the gateway, as a client sees it. */

const PERSON = /* GraphQL */ `
  query Person($pnr: Personnummer!) {
    person(personnummer: $pnr) {
      personnummer
      givenName
      birthDate
      district { code name infoMeetingQuotaPerWeek }
      incomeSupportDecisions { month outcome amount needReason decidedAt }
      referrals { id status infoMeeting { audience startsAt bookedPlaces } jobbtorgCase { id } feedback { message } }
      consents { purpose parties active }
      jobbtorgCases {
        id status targetGroup reportingGroup enrolledOn
        unit { code name }
        referringDistrict { name }
        jobbgaranti { deadline planEstablishedOn status }
        jobPlan { goal interventions { kind title hoursPerWeek schedule { weekday startTime endTime } status provider { name kind } } }
        closure { closedOn reason }
      }
      residencePermits { kind grantedOn }
      municipalityReceptionDate
      jobSeekerRegistrations { programme plannedActivities { kind title } }
      sfiEnrolments { course school { name agency { name } } schedule { weekday startTime } }
      providerAssignments { service provider { name } }
    }
  }
`;

describeEachDialect('the supergraph', (dialect) => {
  let stack: Stack;
  beforeAll(async () => {
    stack = await startStack({ dialect, people: 250 });
  }, STACK_START_TIMEOUT_MS);
  afterAll(() => stack?.stop());

  /** The officer of the district the person lives in, who may read all their social-services records. */
  const officerOf = async (pnr: string): Promise<AsCaller> =>
    districtOfficer((await stack.subgraphs.stadsdel.db('persons').where({ personnummer: pnr }).first()).district_code);

  it('assembles one person from all three subgraphs in one response', async () => {
    const cases = await stack.query(`{
      cases(first: 100, filter: { reportingGroup: NEWLY_ARRIVED_REFUGEE }) {
        edges { node { person { personnummer } jobPlan { interventions { id } } } }
      }
    }`, {}, JOBBTORG);
    expect(cases.errors).toBeUndefined();
    const candidates = cases.data.cases.edges
      .filter((e: any) => e.node.jobPlan?.interventions.length)
      .map((e: any) => e.node.person.personnummer);
    expect(candidates.length).toBeGreaterThan(0);

    let complete: any = null;
    for (const pnr of candidates) {
      const answer = await stack.query(PERSON, { pnr }, await officerOf(pnr));
      expect(answer.errors).toBeUndefined();
      const p = answer.data.person;
      if (p.residencePermits.length && (p.sfiEnrolments.length || p.jobSeekerRegistrations.length)) {
        complete = p;
        break;
      }
    }
    expect(complete).not.toBeNull();
    expect(complete.district.name).toEqual(expect.any(String));
    expect(complete.incomeSupportDecisions.length).toBeGreaterThan(0);
    expect(complete.incomeSupportDecisions[0].decidedAt).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$/);
    const enrolled = complete.jobbtorgCases[0];
    expect(enrolled.reportingGroup).toBe('NEWLY_ARRIVED_REFUGEE');
    expect(enrolled.unit.name).toMatch(/Jobbtorg/);
    expect(enrolled.jobPlan.interventions.length).toBeGreaterThan(0);
    // The referral in stadsdel and the case in jobbtorg are the same enrolment.
    expect(complete.referrals.some((r: any) => r.jobbtorgCase?.id === enrolled.id)).toBe(true);
    expect(complete.municipalityReceptionDate).toMatch(/^\d{4}-\d{2}-\d{2}$/);
  });

  it('pages through cases with cursors, without gaps or repeats', async () => {
    const all = await stack.query(`{ cases(first: 14) { totalCount edges { node { id } } } }`, {}, JOBBTORG);
    const first = await stack.query(`{ cases(first: 7) { totalCount pageInfo { hasNextPage endCursor } edges { node { id } } } }`, {}, JOBBTORG);
    const { endCursor, hasNextPage } = first.data.cases.pageInfo;
    expect(hasNextPage).toBe(true);
    const second = await stack.query(`query($after: String) { cases(first: 7, after: $after) { edges { node { id } } } }`, {
      after: endCursor,
    }, JOBBTORG);
    const ids = (page: any) => page.data.cases.edges.map((e: any) => e.node.id);
    expect([...ids(first), ...ids(second)]).toEqual(ids(all));
    expect(first.data.cases.totalCount).toBe(all.data.cases.totalCount);
    expect(all.data.cases.totalCount).toBeGreaterThan(14);
  });

  it('says when a page is the last', async () => {
    // Rinkeby-Kista's officer lists its residents, a page of 10 at a time.
    const officer = districtOfficer('RK');
    const residents = Number((await stack.subgraphs.stadsdel.db('persons').where({ district_code: 'RK' }).count({ n: '*' }))[0].n);
    const total = (await stack.query(`{ persons(first: 0) { totalCount } }`, {}, officer)).data.persons.totalCount;
    let after: string | null = null;
    let seen = 0;
    for (;;) {
      const page: any = await stack.query(`query($after: String) { persons(first: 10, after: $after) { pageInfo { hasNextPage endCursor } edges { node { personnummer } } } }`, { after }, officer);
      seen += page.data.persons.edges.length;
      if (!page.data.persons.pageInfo.hasNextPage) break;
      after = page.data.persons.pageInfo.endCursor;
    }
    expect(seen).toBe(total);
    expect(total).toBe(residents);
    expect(total).toBeGreaterThan(10);
  });

  it('filters cases by unit and status, referrals by district, decisions by month', async () => {
    const open = await stack.query(`{ cases(first: 50, filter: { status: OPEN, unitCode: "KISTA" }) { edges { node { status unit { code } } } } }`, {}, JOBBTORG);
    expect(open.errors).toBeUndefined();
    for (const { node } of open.data.cases.edges) expect(node).toEqual({ status: 'OPEN', unit: { code: 'KISTA' } });

    const youth = await stack.query(`{ cases(first: 50, filter: { targetGroup: YOUTH, enrolledFrom: "2025-01-01" }) { edges { node { targetGroup enrolledOn } } } }`, {}, JOBBTORG);
    expect(youth.data.cases.edges.length).toBeGreaterThan(0);
    for (const { node } of youth.data.cases.edges) {
      expect(node.targetGroup).toBe('YOUTH');
      expect(node.enrolledOn >= '2025-01-01').toBe(true);
    }

    const rk = districtOfficer('RK');
    const referrals = await stack.query(`{ referrals(first: 50, filter: { districtCode: "RK" }) { edges { node { district { code } } } } }`, {}, rk);
    expect(referrals.data.referrals.edges.length).toBeGreaterThan(0);
    for (const { node } of referrals.data.referrals.edges) expect(node.district.code).toBe('RK');

    const decisions = await stack.query(`{ incomeSupportDecisions(first: 100, filter: { fromMonth: "2025-03", toMonth: "2025-04", outcome: GRANTED }) { totalCount edges { node { month outcome amount } } } }`, {}, rk);
    expect(decisions.data.incomeSupportDecisions.totalCount).toBeGreaterThan(0);
    for (const { node } of decisions.data.incomeSupportDecisions.edges) {
      expect(['2025-03', '2025-04']).toContain(node.month);
      expect(node.outcome).toBe('GRANTED');
      expect(Number.isInteger(node.amount)).toBe(true);
    }
  });

  it('accepts every written form of a personnummer and answers with 12 digits', async () => {
    const pnr: string = (await stack.subgraphs.stadsdel.db('persons').orderBy('personnummer').first()).personnummer;
    const officer = await officerOf(pnr);
    const forms = [pnr, `${pnr.slice(0, 8)}-${pnr.slice(8)}`, `${pnr.slice(2, 8)}-${pnr.slice(8)}`];
    for (const form of forms) {
      const answer = await stack.query(`query($p: Personnummer!) { person(personnummer: $p) { personnummer } }`, { p: form }, officer);
      expect(answer.data.person.personnummer).toBe(pnr);
    }
  });

  it.each([
    ['a literal', `{ person(personnummer: "199001011238") { givenName } }`, undefined],
    ['a variable', `query($p: Personnummer!) { person(personnummer: $p) { givenName } }`, { p: '19900101-1238' }],
  ])('refuses a bad personnummer given as %s, before any subgraph is called', async (_, query, variables) => {
    stack.resetCounts();
    const answer = await stack.query(query, variables);
    expect(answer.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'person.personnummer' });
    expect(answer.errors?.[0].message).toMatch(/check digit/);
    expect(answer.errors?.[0].message).not.toContain('19900101');
    expect(answer.data?.person ?? null).toBeNull();
    expect(stack.subgraphs.stadsdel.statements()).toBe(0);
  });

  it('refuses a bad date inside an input object, naming its path', async () => {
    const answer = await stack.query(`{ referrals(filter: { from: "2025-02-30" }) { totalCount } }`);
    expect(answer.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'referrals.filter.from' });
  });

  it('refuses a bad month and a page larger than 100', async () => {
    const month = await stack.query(`{ incomeSupportDecisions(filter: { fromMonth: "2025-13" }) { totalCount } }`);
    expect(month.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'incomeSupportDecisions.filter.fromMonth' });
    const big = await stack.query(`{ cases(first: 101) { totalCount } }`);
    expect(big.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'cases.first' });
    const cursor = await stack.query(`{ cases(after: "not-a-cursor") { totalCount } }`);
    expect(cursor.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'cases.after' });
  });

  it('answers null for a valid personnummer that has no record', async () => {
    const answer = await stack.query(`{ person(personnummer: "19000101-0008") { givenName } }`);
    expect(answer.errors).toBeUndefined();
    expect(answer.data.person).toBeNull();
  });

  it('lists the fourteen districts and the seven Jobbtorg units', async () => {
    const answer = await stack.query(`{ districts { code infoMeetingQuotaPerWeek } jobbtorgUnits { code parent { code } youthOnly districts { code } } agencies { code providers { name } } }`);
    expect(answer.errors).toBeUndefined();
    expect(answer.data.districts).toHaveLength(14);
    expect(answer.data.districts.find((d: any) => d.code === 'EAV').infoMeetingQuotaPerWeek).toBe(26);
    expect(answer.data.jobbtorgUnits).toHaveLength(7);
    expect(answer.data.jobbtorgUnits.filter((u: any) => u.parent?.code === 'KISTA')).toHaveLength(2);
    expect(answer.data.agencies.length).toBeGreaterThanOrEqual(4);
  });

  it('shows a person and their records only to those with a matter with them, as if absent to anyone else', async () => {
    const pnr: string = (await stack.subgraphs.stadsdel.db('persons').whereNot({ district_code: 'RK' }).orderBy('personnummer').first()).personnummer;
    const theirs = await stack.query(PERSON, { pnr }, await officerOf(pnr));
    expect(theirs.data.person.givenName).toEqual(expect.any(String));
    const elsewhere = await stack.query(PERSON, { pnr }, districtOfficer('RK'));
    expect(elsewhere.errors).toBeUndefined();
    expect(elsewhere.data.person).toBeNull();
    const unknown = await stack.query(PERSON, { pnr: '190001010008' }, districtOfficer('RK'));
    expect(unknown.data.person).toBeNull();
    // The city reads no one's records even with `records:read`: its organisation, not its scopes, keeps it out.
    for (const persona of ['cityAnalyst', 'auditor'] as const) {
      const as = { ...PERSONAS[persona], scope: `${PERSONAS[persona].scope} records:read` };
      expect((await stack.query(PERSON, { pnr }, { as })).data.person).toBeNull();
      expect((await stack.query(`{ persons(first: 5) { totalCount } }`, {}, { as })).data.persons.totalCount).toBe(0);
    }
  });
});
