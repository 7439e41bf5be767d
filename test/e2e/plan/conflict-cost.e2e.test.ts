import { SUBGRAPH_NAMES, SubgraphName } from '../../../lib/config';
import { addDays, addWorkingDays, todayInStockholm } from '../../../lib/scalars/calendar';
import { makePersonnummer } from '../../../lib/scalars/personnummer';
import { describeEachDialect } from '../../helpers/dialects';
import { AsCaller, Stack, startStack } from '../../helpers/stack';
import { STACK_START_TIMEOUT_MS } from '../../helpers/timeouts';

/**
 * The conflict inbox and the coordinator's counts cost the same number of SQL statements
 * whatever the number of people they cover: the same questions over 10 people and over 100
 * run the same statements in every subgraph. Each person is an aspirant at Jobbtorg Vårberg
 * whose placement collides with their Sfi lessons, and whose consent lets Jobbtorg and Sfi
 * share plans, so every person adds a conflict to both inboxes and to the unit's counts.
 * Each question is asked twice: the first time keeps the conflicts not kept yet (one write
 * transaction, the same few statements however many), the second writes nothing.
 */

const INBOX = /* GraphQL */ `
  query Inbox {
    planConflictInbox(first: 100) {
      totalCount
      edges { node { id kind state version agencies otherAgencies weeks message history { event state at } } }
    }
  }
`;

const COUNTS = /* GraphQL */ `
  query Counts($from: Date!, $to: Date!) {
    peopleWithPlanConflicts(filter: { unitCode: "VARBERG", from: $from, to: $to }, first: 100) {
      totalCount
      edges { node { total byKind { kind count } byState { state count } } }
      summary { total byState { state count } medianOpenAgeDays oldestOpenAgeDays medianDaysToSettle }
    }
  }
`;

/** Jobbtorg Vårberg (its aspirants, from its cases) and an Sfi school (those whose consent names Sfi, from stadsdel). */
const CALLERS: Record<string, AsCaller> = { jobbtorg: { as: 'jobbtorgCoach' }, sfi: { as: 'sfiTeacher' } };

const TODAY = todayInStockholm();
const MONDAY_MORNING = JSON.stringify([{ weekday: 'MONDAY', startTime: '09:00', endTime: '12:00' }]);

/** `people` aspirants whose plans collide, written straight into each subgraph's tables. */
async function collidingPeople(stack: Stack, people: number): Promise<void> {
  const enrolledOn = addDays(TODAY, -30);
  const { stadsdel, jobbtorg, partners } = stack.subgraphs;
  for (let i = 1; i <= people; i++) {
    const personnummer = makePersonnummer('1980-01-01', 100 + i);
    await stadsdel.db('persons').insert({ personnummer, given_name: `Person ${i}`, family_name: 'Test', birth_date: '1980-01-01', district_code: 'SKH', protected_identity: false });
    const [consent] = await stadsdel.db('consents').insert({
      personnummer, purpose: 'SHARED_PLANNING', valid_from: enrolledOn, valid_to: null, withdrawn_at: null, recorded_at: `${enrolledOn} 09:00:00`, recorded_by: 'handlaggare.skh',
    });
    await stadsdel.db('consent_parties').insert(['SOCIAL_SERVICES', 'JOBBTORG', 'SFI'].map((party) => ({ consent_id: consent, party })));
    const [caseId] = await jobbtorg.db('cases').insert({
      personnummer, referral_id: 900_000 + i, district_code: 'SKH', unit_code: 'VARBERG', coach: 'coach.varberg', target_group: 'UNEMPLOYED',
      reporting_group: 'OTHER_OVER_24', enrolled_on: enrolledOn, jobbgaranti_deadline: addWorkingDays(enrolledOn, 5), status: 'OPEN',
    });
    const [planId] = await jobbtorg.db('job_plans').insert({ case_id: caseId, established_on: enrolledOn, goal: 'WORK' });
    await jobbtorg.db('interventions').insert({
      plan_id: planId, kind: 'WORK_PLACEMENT', title: 'Praktik', provider_id: null, start_date: enrolledOn, end_date: addDays(TODAY, 60), ended_on: null, hours_per_week: 3, schedule: MONDAY_MORNING,
    });
    await partners.db('sfi_enrolments').insert({
      personnummer, school_id: 1, course: 'B', study_path: 2, start_date: enrolledOn, end_date: null, hours_per_week: 3, schedule: MONDAY_MORNING,
    });
  }
}

/** Statements a write transaction may add on the first reading: begin, lock, upsert, events, commit — and one read-back. */
const WRITE_STATEMENTS = 6;

type Counts = Record<SubgraphName, number>;

describeEachDialect('what the conflict inbox and counts cost', (dialect) => {
  const stacks: Record<number, Stack> = {};
  beforeAll(async () => {
    for (const people of [10, 100]) {
      stacks[people] = await startStack({ dialect, people: 0 });
      await collidingPeople(stacks[people], people);
    }
  }, 2 * STACK_START_TIMEOUT_MS);
  afterAll(async () => {
    for (const stack of Object.values(stacks)) await stack.stop();
  });

  async function statements(stack: Stack, query: string, variables: Record<string, unknown>, as: AsCaller): Promise<{ counts: Counts; items: number }> {
    stack.resetCounts();
    const answer = await stack.query(query, variables, as);
    expect(answer.errors).toBeUndefined();
    const list = answer.data.planConflictInbox ?? answer.data.peopleWithPlanConflicts;
    return { counts: Object.fromEntries(SUBGRAPH_NAMES.map((n) => [n, stack.subgraphs[n].statements()])) as Counts, items: list.totalCount };
  }

  const questions: [string, string, AsCaller][] = [
    ['a unit’s counts', COUNTS, CALLERS.jobbtorg],
    ['the inbox of a Jobbtorg unit', INBOX, CALLERS.jobbtorg],
    ['the inbox of an Sfi school', INBOX, CALLERS.sfi],
  ];

  it.each(questions)('%s is the same number of statements for 10 people as for 100', async (name, query, as) => {
    const runs: Record<number, { first: Counts; again: Counts; items: number }> = {};
    for (const people of [10, 100]) {
      const stack = stacks[people];
      const window = query === COUNTS ? { from: addDays(TODAY, -7), to: addDays(TODAY, 30) } : {};
      const first = await statements(stack, query, window, as);
      const again = await statements(stack, query, window, as);
      runs[people] = { first: first.counts, again: again.counts, items: again.items };
    }
    console.log(`[${dialect}] ${name}: SQL statements at 10 people ${JSON.stringify(runs[10])}; at 100 ${JSON.stringify(runs[100])}`);
    expect([runs[10].items, runs[100].items]).toEqual([10, 100]);
    expect(runs[100].again).toEqual(runs[10].again);
    for (const people of [10, 100]) {
      for (const n of SUBGRAPH_NAMES) expect(runs[people].first[n]).toBeLessThanOrEqual(runs[people].again[n] + (n === 'jobbtorg' ? WRITE_STATEMENTS : 0));
    }
  });
});
