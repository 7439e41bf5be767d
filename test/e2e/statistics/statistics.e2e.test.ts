import { signInternalToken } from '../../../lib/auth/internal-token';
import { signingKeyOf } from '../../../lib/auth/keys';
import { Caller } from '../../../lib/identity';
import { makePersonnummer } from '../../../lib/scalars/personnummer';
import { encodeClosures, reportId } from '../../../lib/statistics/keys';
import { describeEachDialect } from '../../helpers/dialects';
import { AsCaller, GraphQLResponse, postGraphQL, Stack, startStack } from '../../helpers/stack';
import { STACK_START_TIMEOUT_MS } from '../../helpers/timeouts';

/**
 * The follow-up figures through the gateway, on a small history written by hand straight
 * into the two databases, with every expected figure worked out by hand below. Dates lie in
 * 2023–2024, so every outcome has had its time whatever day the test runs.
 */

const ANALYST: AsCaller = { as: 'cityAnalyst' };

/** A case as the test writes it: who, where, when enrolled, closed (and why), planned. */
interface HandCase {
  who: string;
  district: 'SKH' | 'EAV';
  group: 'OTHER_OVER_24' | 'YOUTH_16_24';
  enrolled: string;
  deadline: string;
  closed?: [string, 'WORK' | 'STUDIES' | 'AF_PROGRAMME' | 'OTHER' | 'UNKNOWN'];
  plan?: string;
  interventions?: { kind: string; start: string; endedOn?: string }[];
}

/*
 * Skärholmen (unit VARBERG): eight adults enrolled in March 2024 (A1–A8), six youth (B1–B6)
 * enrolled earlier, one adult closed in February (D1). Enskede-Årsta-Vantör (unit FARSTA):
 * two adults enrolled in March (C1, C2), two enrolled in late 2023 (E1, E2).
 * Jobbgaranti deadlines are five working days on: Mon 4 Mar → 11 Mar, Tue 5 Mar → 12 Mar,
 * Mon 11 Mar → 18 Mar, Tue 12 Mar → 19 Mar, Mon 18 Mar → 25 Mar, Tue 19 Mar → 26 Mar.
 */
const START_UP = (start: string, endedOn?: string) => ({ kind: 'START_UP_GROUP', start, endedOn });
const CASES: HandCase[] = [
  { who: 'A1', district: 'SKH', group: 'OTHER_OVER_24', enrolled: '2024-03-04', deadline: '2024-03-11', closed: ['2024-05-10', 'WORK'], plan: '2024-03-06', interventions: [START_UP('2024-03-11')] },
  { who: 'A2', district: 'SKH', group: 'OTHER_OVER_24', enrolled: '2024-03-04', deadline: '2024-03-11', closed: ['2024-06-20', 'STUDIES'], plan: '2024-03-15', interventions: [START_UP('2024-03-18')] },
  { who: 'A3', district: 'SKH', group: 'OTHER_OVER_24', enrolled: '2024-03-05', deadline: '2024-03-12', closed: ['2024-03-28', 'WORK'], plan: '2024-03-07', interventions: [START_UP('2024-03-11')] },
  { who: 'A4', district: 'SKH', group: 'OTHER_OVER_24', enrolled: '2024-03-05', deadline: '2024-03-12', closed: ['2025-06-02', 'AF_PROGRAMME'], plan: '2024-03-08', interventions: [START_UP('2024-03-11')] },
  { who: 'A5', district: 'SKH', group: 'OTHER_OVER_24', enrolled: '2024-03-11', deadline: '2024-03-18' },
  { who: 'A6', district: 'SKH', group: 'OTHER_OVER_24', enrolled: '2024-03-11', deadline: '2024-03-18', closed: ['2024-03-29', 'UNKNOWN'], plan: '2024-03-12', interventions: [START_UP('2024-03-18')] },
  {
    who: 'A7', district: 'SKH', group: 'OTHER_OVER_24', enrolled: '2024-03-12', deadline: '2024-03-19', closed: ['2025-02-14', 'WORK'], plan: '2024-03-13',
    interventions: [START_UP('2024-03-18'), { kind: 'WORK_PLACEMENT', start: '2024-04-01' }],
  },
  { who: 'A8', district: 'SKH', group: 'OTHER_OVER_24', enrolled: '2024-03-12', deadline: '2024-03-19' },
  { who: 'B1', district: 'SKH', group: 'YOUTH_16_24', enrolled: '2024-01-15', deadline: '2024-01-22', closed: ['2024-03-15', 'WORK'] },
  { who: 'B2', district: 'SKH', group: 'YOUTH_16_24', enrolled: '2024-01-15', deadline: '2024-01-22', closed: ['2024-03-20', 'STUDIES'] },
  { who: 'B3', district: 'SKH', group: 'YOUTH_16_24', enrolled: '2024-01-16', deadline: '2024-01-23', closed: ['2024-03-21', 'WORK'] },
  { who: 'B4', district: 'SKH', group: 'YOUTH_16_24', enrolled: '2024-02-05', deadline: '2024-02-12' },
  { who: 'B5', district: 'SKH', group: 'YOUTH_16_24', enrolled: '2023-01-10', deadline: '2023-01-17' },
  { who: 'B6', district: 'SKH', group: 'YOUTH_16_24', enrolled: '2023-02-10', deadline: '2023-02-17', closed: ['2024-04-02', 'OTHER'] },
  { who: 'D1', district: 'SKH', group: 'OTHER_OVER_24', enrolled: '2023-06-01', deadline: '2023-06-08', closed: ['2024-02-20', 'WORK'] },
  // C1's start-up group was cancelled before it began (ended the day before): not counted.
  { who: 'C1', district: 'EAV', group: 'OTHER_OVER_24', enrolled: '2024-03-18', deadline: '2024-03-25', closed: ['2024-03-25', 'WORK'], plan: '2024-03-20', interventions: [START_UP('2024-03-25', '2024-03-24')] },
  { who: 'C2', district: 'EAV', group: 'OTHER_OVER_24', enrolled: '2024-03-19', deadline: '2024-03-26', plan: '2024-03-19', interventions: [START_UP('2024-03-25')] },
  { who: 'E1', district: 'EAV', group: 'OTHER_OVER_24', enrolled: '2023-11-06', deadline: '2023-11-13', closed: ['2024-03-22', 'WORK'], plan: '2023-11-08' },
  { who: 'E2', district: 'EAV', group: 'OTHER_OVER_24', enrolled: '2023-12-04', deadline: '2023-12-11', closed: ['2024-03-26', 'WORK'] },
];

/** Income-support decisions: [who, district, month, outcome], and one replaced decision per [who, month]. */
const GRANTED_IN_MARCH = ['A1', 'A2', 'A3', 'A4', 'A5', 'A6', 'A7', 'B1', 'B3'];
const DECISIONS: [string, 'SKH' | 'EAV', string, 'GRANTED' | 'PARTLY_GRANTED' | 'REFUSED'][] = [
  ...GRANTED_IN_MARCH.map((who): [string, 'SKH', string, 'GRANTED'] => [who, 'SKH', '2024-03', 'GRANTED']),
  ['A8', 'SKH', '2024-03', 'REFUSED'],
  ['B2', 'SKH', '2024-03', 'PARTLY_GRANTED'],
  ...['C1', 'E1', 'E2', 'R1', 'R2', 'R3'].map((who): [string, 'EAV', string, 'GRANTED'] => [who, 'EAV', '2024-03', 'GRANTED']),
  // After the closures of March: A3 back in August, A6 and E2 on support in September (the
  // sixth month), B1 refused in September, B2 granted only in October (the seventh).
  ['A3', 'SKH', '2024-08', 'GRANTED'],
  ['A6', 'SKH', '2024-09', 'GRANTED'],
  ['E2', 'EAV', '2024-09', 'PARTLY_GRANTED'],
  ['B1', 'SKH', '2024-09', 'REFUSED'],
  ['B2', 'SKH', '2024-10', 'GRANTED'],
];
/** Granted, then replaced by a refusal: the current decision is the refusal. */
const REPLACED: [string, 'SKH' | 'EAV', string][] = [
  ['C1', 'EAV', '2024-09'],
  ['R4', 'EAV', '2024-03'],
];

const PEOPLE = [...new Set([...CASES.map((c) => c.who), ...DECISIONS.map((d) => d[0]), ...REPLACED.map((r) => r[0])])];
const pnr = (who: string) => makePersonnummer(who.startsWith('B') ? '2003-05-17' : '1984-09-02', 100 + PEOPLE.indexOf(who));

const COUNT = 'value suppressed';
const SHARE = 'count of value suppressed';
const CELL = `month districtCode reportingGroup unitCode
  enrolled { ${COUNT} } newlyEnrolled { ${COUNT} } closed { ${COUNT} }
  closedByReason { reason count { ${COUNT} } }
  shareClosed { ${SHARE} } closedToWorkOrStudiesWithinThreeMonths { ${SHARE} } closedWithinAYear { ${SHARE} }
  enrolledLongerThanAYear { ${SHARE} } outcomeAfter18Months { ${SHARE} } jobbgarantiKept { ${SHARE} }
  daysToFirstPlan { value of suppressed } interventionsByKind { kind people { ${SHARE} } }
  withoutIncomeSupportSixMonthsAfterClosure { ${SHARE} }`;
const FOLLOW_UP = /* GraphQL */ `
  query FollowUp($filter: FollowUpFilter!, $groupBy: [FollowUpDimension!]!) {
    followUp(filter: $filter, groupBy: $groupBy) { from to groupBy suppressionThreshold total { ${CELL} } cells { ${CELL} } }
  }
`;
const TO_WORK = /* GraphQL */ `
  query ToWork($filter: IncomeSupportToWorkFilter!, $groupBy: [IncomeSupportDimension!]!) {
    incomeSupportToWork(filter: $filter, groupBy: $groupBy) {
      total { month districtCode recipients { ${COUNT} } wentToWork { ${SHARE} } backOnIncomeSupportWithinSixMonths { ${SHARE} } }
      cells { month districtCode district { name } recipients { ${COUNT} } wentToWork { ${SHARE} } backOnIncomeSupportWithinSixMonths { ${SHARE} } }
      csv
    }
  }
`;

const shown = (value: number) => ({ value, suppressed: false });
const hidden = { value: null, suppressed: true };
const share = (count: number, of: number, value: number | null) => ({ count, of, value, suppressed: false });
const hiddenShare = { count: null, of: null, value: null, suppressed: true };

describeEachDialect('follow-up figures', (dialect) => {
  let stack: Stack;

  beforeAll(async () => {
    stack = await startStack({ dialect, people: 0 });
    const { stadsdel, jobbtorg } = stack.subgraphs;
    await stadsdel.db('persons').insert(
      PEOPLE.map((who) => ({
        personnummer: pnr(who),
        given_name: who,
        family_name: 'Testsson',
        birth_date: who.startsWith('B') ? '2003-05-17' : '1984-09-02',
        district_code: CASES.find((c) => c.who === who)?.district ?? 'EAV',
        protected_identity: false,
      })),
    );
    const decision = (who: string, district: string, month: string, outcome: string) => ({
      personnummer: pnr(who), district_code: district, month, outcome, amount: outcome === 'REFUSED' ? 0 : 9000,
      need_reason: 'UNEMPLOYMENT', decided_at: `${month}-01 08:00:00`, decided_by: 'handlaggare', version: 1,
    });
    await stadsdel.db('income_support_decisions').insert(DECISIONS.map(([who, district, month, outcome]) => decision(who, district, month, outcome)));
    for (const [who, district, month] of REPLACED) {
      const [old] = await stadsdel.db('income_support_decisions').insert(decision(who, district, month, 'GRANTED'));
      const [current] = await stadsdel.db('income_support_decisions').insert({ ...decision(who, district, month, 'REFUSED'), replaces_id: old, version: 2 });
      await stadsdel.db('income_support_decisions').where({ id: old }).update({ replaced_by_id: current });
    }
    for (const [i, c] of CASES.entries()) {
      const [caseId] = await jobbtorg.db('cases').insert({
        personnummer: pnr(c.who), referral_id: 1000 + i, district_code: c.district, unit_code: c.district === 'SKH' ? 'VARBERG' : 'FARSTA',
        coach: 'coach', target_group: c.group === 'YOUTH_16_24' ? 'YOUTH' : 'UNEMPLOYED', reporting_group: c.group,
        enrolled_on: c.enrolled, jobbgaranti_deadline: c.deadline, status: c.closed ? 'CLOSED' : 'OPEN',
        closed_on: c.closed?.[0] ?? null, closure_reason: c.closed?.[1] ?? null,
      });
      if (!c.plan) continue;
      const [planId] = await jobbtorg.db('job_plans').insert({ case_id: caseId, established_on: c.plan, goal: 'WORK' });
      for (const i of c.interventions ?? []) {
        await jobbtorg.db('interventions').insert({
          plan_id: planId, kind: i.kind, title: i.kind, start_date: i.start, end_date: null, ended_on: i.endedOn ?? null, hours_per_week: 4, schedule: '[]',
        });
      }
    }
  }, STACK_START_TIMEOUT_MS);
  afterAll(() => stack?.stop());

  async function ok<T = any>(query: string, variables: Record<string, unknown>): Promise<T> {
    const answer: GraphQLResponse = await stack.query(query, variables, ANALYST);
    expect(answer.errors).toBeUndefined();
    return answer.data as T;
  }
  const followUp = async (filter: Record<string, unknown>, groupBy: string[] = []) => (await ok(FOLLOW_UP, { filter, groupBy })).followUp;

  it('counts March 2024 city-wide as worked out by hand', async () => {
    const report = await followUp({ from: '2024-03', to: '2024-03' });
    expect(report).toMatchObject({ from: '2024-03', to: '2024-03', groupBy: [], suppressionThreshold: 5, cells: [] });
    expect(report.total).toEqual({
      month: null,
      districtCode: null,
      reportingGroup: null,
      unitCode: null,
      // Open at some time in March: A1–A8, B1–B6, C1, C2, E1, E2 (D1 closed in February).
      enrolled: shown(18),
      // A1–A8, C1, C2.
      newlyEnrolled: shown(10),
      // A3, A6, B1, B2, B3, C1, E1, E2.
      closed: shown(8),
      // Work: A3, B1, B3, C1, E1, E2; studies: B2; unknown: A6 — the single ones suppressed.
      closedByReason: [
        { reason: 'WORK', count: shown(6) },
        { reason: 'STUDIES', count: hidden },
        { reason: 'AF_PROGRAMME', count: shown(0) },
        { reason: 'OTHER', count: shown(0) },
        { reason: 'UNKNOWN', count: hidden },
      ],
      shareClosed: share(8, 18, 0.4444),
      // A3, B1, B2, B3, C1 within three months; A6 unknown; E1 and E2 after more than three.
      closedToWorkOrStudiesWithinThreeMonths: share(5, 8, 0.625),
      // Enrolled in March (10): closed within a year A1, A2, A3, A6, A7 (14 Feb 2025), C1; not A4 (June 2025), A5, A8, C2.
      closedWithinAYear: share(6, 10, 0.6),
      // Open on 31 March: A1, A2, A4, A5, A7, A8, B4, B5, B6, C2; over a year only B5 and B6 (2): suppressed.
      enrolledLongerThanAYear: hiddenShare,
      // To work or studies within 18 months: A1, A2, A3, A7, C1.
      outcomeAfter18Months: share(5, 10, 0.5),
      // Plans by the deadline: A1, A3, A4, A6, A7, C1, C2; A2 late; A5 and A8 none.
      jobbgarantiKept: share(7, 10, 0.7),
      // Days to plan: A1 2, A2 11, A3 2, A4 3, A6 1, A7 1, C1 2, C2 0 → 22 / 8.
      daysToFirstPlan: { value: 2.8, of: 8, suppressed: false },
      interventionsByKind: [
        { kind: 'ACTIVE_JOB_SEARCH', people: share(0, 18, 0) },
        // A1, A2, A3, A4, A6, A7, C2 (C1's was cancelled).
        { kind: 'START_UP_GROUP', people: share(7, 18, 0.3889) },
        { kind: 'COMMUNICATION_COURSE', people: share(0, 18, 0) },
        { kind: 'MATCHING', people: share(0, 18, 0) },
        // A7's placement starts in April.
        { kind: 'WORK_PLACEMENT', people: share(0, 18, 0) },
        { kind: 'VOCATIONAL_COURSE', people: share(0, 18, 0) },
      ],
      // The eight closed in March, in September: only A6 and E2 granted (C1's grant was
      // replaced by a refusal, B1 refused, A3 back in August, B2 in October).
      withoutIncomeSupportSixMonthsAfterClosure: share(6, 8, 0.75),
    });
  });

  it('splits one district by reporting group', async () => {
    const report = await followUp({ from: '2024-03', to: '2024-03', districtCode: 'SKH' }, ['REPORTING_GROUP']);
    expect(report.total).toMatchObject({ enrolled: shown(14), newlyEnrolled: shown(8), closed: shown(5) });
    const [other, youth] = report.cells;
    expect(other).toMatchObject({
      reportingGroup: 'OTHER_OVER_24',
      enrolled: shown(8),
      newlyEnrolled: shown(8),
      // A3 and A6.
      closed: hidden,
      shareClosed: hiddenShare,
      // A1, A2, A3, A6, A7 of A1–A8.
      closedWithinAYear: share(5, 8, 0.625),
      // A1, A2, A3, A7: four.
      outcomeAfter18Months: hiddenShare,
      jobbgarantiKept: share(5, 8, 0.625),
      // A1 2, A2 11, A3 2, A4 3, A6 1, A7 1 → 20 / 6.
      daysToFirstPlan: { value: 3.3, of: 6, suppressed: false },
      // Open on 31 March: six adults, none for over a year — but the youth (three) are
      // suppressed, so the adults are too, or the district's total would give the youth away.
      enrolledLongerThanAYear: hiddenShare,
    });
    expect(youth).toMatchObject({
      reportingGroup: 'YOUTH_16_24',
      enrolled: shown(6),
      newlyEnrolled: shown(0),
      closed: hidden,
      closedWithinAYear: share(0, 0, null),
      daysToFirstPlan: { value: null, of: 0, suppressed: false },
      enrolledLongerThanAYear: hiddenShare,
    });
  });

  it('suppresses a lone small cell’s neighbour, so the total cannot give it away', async () => {
    const report = await followUp({ from: '2024-03', to: '2024-03' }, ['DISTRICT']);
    expect(report.cells.map((c: any) => c.districtCode)).toEqual(['EAV', 'SKH']);
    const [eav, skh] = report.cells;
    // EAV: enrolled C1, C2, E1, E2 (4), newly 2, closed 3 — all small; SKH's 14, 8 and 5
    // would give them away against the total (18, 10, 8), so they are suppressed too.
    for (const cell of [eav, skh]) {
      expect(cell.enrolled).toEqual(hidden);
      expect(cell.newlyEnrolled).toEqual(hidden);
      expect(cell.closed).toEqual(hidden);
      expect(cell.withoutIncomeSupportSixMonthsAfterClosure).toEqual(hiddenShare);
    }
    expect(report.total.enrolled).toEqual(shown(18));
  });

  it('counts each month of a range, and the range as a whole', async () => {
    const byMonth = await followUp({ from: '2024-01', to: '2024-03' }, ['MONTH']);
    expect(byMonth.cells.map((c: any) => [c.month, c.enrolled, c.newlyEnrolled, c.closed])).toEqual([
      // January: B1–B3, B5, B6, D1, E1, E2 enrolled; B1–B3 new; none closed.
      ['2024-01', shown(8), hidden, shown(0)],
      // February: B1–B6, D1, E1, E2; B4 new; D1 closed.
      ['2024-02', shown(9), hidden, hidden],
      // March as above; its 8 closures are suppressed too, or the range's 9 would give February's away.
      ['2024-03', shown(18), shown(10), hidden],
    ]);
    // The whole range: everyone but nobody twice (19); 3 + 1 + 10 new; 9 closed, 7 to work.
    expect(byMonth.total).toMatchObject({ enrolled: shown(19), newlyEnrolled: shown(14), closed: shown(9) });
    expect(byMonth.total.closedByReason[0]).toEqual({ reason: 'WORK', count: shown(7) });
  });

  it('answers how many income-support recipients went to work, and how many came back', async () => {
    const { incomeSupportToWork: report } = await ok(TO_WORK, { filter: { from: '2024-03', to: '2024-03' }, groupBy: ['DISTRICT'] });
    // Granted for March: A1–A7, B1, B2 (partly), B3 in SKH (10); C1, E1, E2, R1–R3 in EAV (6).
    // A8 was refused, R4's grant was replaced by a refusal.
    // Closed to work in March while granted: A3, B1, B3 (SKH), C1, E1, E2 (EAV): 6 of 16.
    // Granted again within six months (April–September): A3 (August) and E2 (September): 2.
    expect(report.total).toEqual({
      month: null,
      districtCode: null,
      recipients: shown(16),
      wentToWork: share(6, 16, 0.375),
      backOnIncomeSupportWithinSixMonths: hiddenShare,
    });
    expect(report.cells).toEqual([
      { month: null, districtCode: 'EAV', district: { name: 'Enskede-Årsta-Vantör' }, recipients: shown(6), wentToWork: hiddenShare, backOnIncomeSupportWithinSixMonths: hiddenShare },
      { month: null, districtCode: 'SKH', district: { name: 'Skärholmen' }, recipients: shown(10), wentToWork: hiddenShare, backOnIncomeSupportWithinSixMonths: hiddenShare },
    ]);
    expect(report.csv.split('\r\n')).toEqual([
      'month,district,recipients,went_to_work,share_went_to_work,went_to_work_followed_6_months,back_on_income_support_within_6_months,share_back_within_6_months',
      ',,16,6,0.375,..,..,..',
      ',EAV,6,..,..,..,..,..',
      ',SKH,10,..,..,..,..,..',
      '',
    ]);
  });

  it('exports the same figures as CSV, the districts’ measure included', async () => {
    const { followUp: report } = await ok(
      `query($filter: FollowUpFilter!) { followUp(filter: $filter, groupBy: [REPORTING_GROUP]) { csv } }`,
      { filter: { from: '2024-03', to: '2024-03', districtCode: 'SKH' } },
    );
    const [header, total, other, youth, end] = report.csv.split('\r\n');
    expect(header.split(',')).toEqual([
      'month', 'district', 'reporting_group', 'unit', 'enrolled', 'newly_enrolled', 'closed',
      'closed_work', 'closed_studies', 'closed_af_programme', 'closed_other', 'closed_unknown',
      'share_closed', 'closed_to_work_or_studies_within_3_months', 'closed_within_a_year', 'enrolled_longer_than_a_year',
      'outcome_after_18_months', 'jobbgaranti_kept', 'days_to_first_plan',
      'intervention_active_job_search', 'intervention_start_up_group', 'intervention_communication_course',
      'intervention_matching', 'intervention_work_placement', 'intervention_vocational_course',
      'without_income_support_6_months_after_closure',
    ]);
    expect(total.split(',').slice(0, 8)).toEqual(['', '', '', '', '14', '8', '5', '..']);
    expect(other.split(',').slice(0, 7)).toEqual(['', '', 'OTHER_OVER_24', '', '8', '8', '..']);
    expect(other.split(',')[14]).toBe('0.625');
    expect(youth.split(',').slice(2, 7)).toEqual(['YOUTH_16_24', '', '6', '0', '..']);
    // Nobody in the youth cohort: an empty field, not a suppressed one.
    expect(youth.split(',')[14]).toBe('');
    expect(end).toBe('');
  });

  it('refuses everyone without statistics:read', async () => {
    for (const as of ['jobbtorgCoach', 'districtOfficer', 'auditor'] as const) {
      const answer = await stack.query(FOLLOW_UP, { filter: { from: '2024-03', to: '2024-03' }, groupBy: [] }, { as });
      expect(answer.data).toBeNull();
      expect(answer.errors?.[0].extensions?.code).toBe('FORBIDDEN');
      const toWork = await stack.query(TO_WORK, { filter: { from: '2024-03', to: '2024-03' }, groupBy: [] }, { as });
      expect(toWork.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    }
  });

  it('has the districts refuse their part too, when asked directly with another scope', async () => {
    // As if a caller without the scope reached stadsdel with a closure set: it answers nothing.
    const caller: Caller = { organisation: 'JOBBTORG:VARBERG', user: 'coach', scopes: ['records:read'], requestId: 'r1', operationName: null };
    const token = await signInternalToken(await signingKeyOf(stack.gatewayJwk), caller);
    const id = reportId({ kind: 'incomeSupportToWork', from: '2024-03', to: '2024-03', groupBy: [], filter: {} });
    const closuresToWork = encodeClosures([{ personnummer: pnr('A3'), month: '2024-03' }]);
    const answer = await postGraphQL(
      stack.subgraphs.stadsdel.url,
      `query($r: [_Any!]!) { _entities(representations: $r) { ... on IncomeSupportToWorkReport { total { recipients { value } } } } }`,
      { r: [{ __typename: 'IncomeSupportToWorkReport', id, closuresToWork }] },
      { authorization: `Bearer ${token}` },
    );
    expect(answer.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    expect(answer.data?._entities?.[0] ?? null).toBeNull();
  });

  it('refuses a period that runs backwards or too long, naming the field', async () => {
    const backwards = await stack.query(FOLLOW_UP, { filter: { from: '2024-03', to: '2024-01' }, groupBy: [] }, ANALYST);
    expect(backwards.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'followUp.filter.to' });
    const long = await stack.query(TO_WORK, { filter: { from: '2020-01', to: '2023-01' }, groupBy: [] }, ANALYST);
    expect(long.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'incomeSupportToWork.filter.to' });
  });

  it('keeps the closure sets and CSV parts out of the clients’ schema', async () => {
    const answer = await stack.query(`{ followUp(filter: { from: "2024-03", to: "2024-03" }) { total { closures } } }`, {}, ANALYST);
    expect(answer.errors?.[0].extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');
  });
});
