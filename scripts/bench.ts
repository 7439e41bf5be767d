import { performance } from 'node:perf_hooks';
import type { Stack } from '../test/helpers/stack';

/**
 * `npm run bench`: how long the follow-up figures take through the gateway on MySQL at
 * 10,000 and 100,000 seeded people, and how that grows. Not a test: it prints, and judges
 * nothing. Needs MYSQL_URL (default mysql://root@127.0.0.1:3306); it creates its own
 * databases, seeds them with the deterministic generator (seed/) and drops them after.
 *
 * The seed's history is the same 47 months at every size, so more people means more rows
 * in every month (decisions tenfold; cases about fivefold, since the districts' weekly
 * info-meeting quotas cap enrolment): a month's figures may grow with that month's rows,
 * not with the history, and a month should cost less than a year at the same size.
 */

const SIZES = [10_000, 100_000];
const RUNS = 5;

const FOLLOW_UP = /* GraphQL */ `
  query Bench($filter: FollowUpFilter!, $groupBy: [FollowUpDimension!]!) {
    followUp(filter: $filter, groupBy: $groupBy) {
      cells { month districtCode reportingGroup enrolled { value } newlyEnrolled { value } closed { value }
              closedByReason { reason count { value } } shareClosed { value } closedToWorkOrStudiesWithinThreeMonths { value }
              outcomeAfter18Months { value } enrolledLongerThanAYear { value } jobbgarantiKept { value } daysToFirstPlan { value } }
    }
  }
`;
const WITHOUT_SUPPORT = /* GraphQL */ `
  query Bench($filter: FollowUpFilter!, $groupBy: [FollowUpDimension!]!) {
    followUp(filter: $filter, groupBy: $groupBy) { cells { districtCode closed { value } withoutIncomeSupportSixMonthsAfterClosure { value } } }
  }
`;
const TO_WORK = /* GraphQL */ `
  query Bench($filter: IncomeSupportToWorkFilter!, $groupBy: [IncomeSupportDimension!]!) {
    incomeSupportToWork(filter: $filter, groupBy: $groupBy) { cells { month districtCode recipients { value } wentToWork { value } backOnIncomeSupportWithinSixMonths { value } } }
  }
`;

interface Case {
  name: string;
  query: string;
  variables: Record<string, unknown>;
}

// The last month of the history whose sixth month after it has been seeded too.
const MONTH = '2026-04';
const YEAR = { from: '2025-05', to: '2026-04' };
const CASES: Case[] = [
  { name: 'monthly figures, one month by district × group', query: FOLLOW_UP, variables: { filter: { from: MONTH, to: MONTH }, groupBy: ['DISTRICT', 'REPORTING_GROUP'] } },
  { name: 'monthly figures, one month by unit', query: FOLLOW_UP, variables: { filter: { from: MONTH, to: MONTH }, groupBy: ['UNIT'] } },
  { name: 'monthly figures, twelve months by month × district', query: FOLLOW_UP, variables: { filter: YEAR, groupBy: ['MONTH', 'DISTRICT'] } },
  { name: 'off income support 6 months after closure, one month by district', query: WITHOUT_SUPPORT, variables: { filter: { from: MONTH, to: MONTH }, groupBy: ['DISTRICT'] } },
  { name: 'off income support 6 months after closure, twelve months by month', query: WITHOUT_SUPPORT, variables: { filter: YEAR, groupBy: ['MONTH'] } },
  { name: 'recipients who went to work, one month by district', query: TO_WORK, variables: { filter: { from: MONTH, to: MONTH }, groupBy: ['DISTRICT'] } },
  { name: 'recipients who went to work, twelve months by month × district', query: TO_WORK, variables: { filter: YEAR, groupBy: ['MONTH', 'DISTRICT'] } },
];

async function median(stack: Stack, c: Case): Promise<number> {
  const times: number[] = [];
  // One warm-up run, so the first query's connection set-up and plan caching are not counted.
  for (let run = 0; run <= RUNS; run++) {
    const started = performance.now();
    const answer = await stack.query(c.query, c.variables, { as: 'cityAnalyst' });
    const elapsed = performance.now() - started;
    if (answer.errors) throw new Error(`${c.name}: ${answer.errors[0].message}`);
    if (run > 0) times.push(elapsed);
  }
  times.sort((a, b) => a - b);
  return times[Math.floor(times.length / 2)];
}

async function rowsOf(stack: Stack): Promise<string> {
  const count = async (db: Stack['subgraphs']['jobbtorg']['db'], table: string, where?: (q: any) => void) => {
    const query = db(table).count({ n: '*' });
    if (where) where(query);
    return Number((await query)[0].n);
  };
  const { jobbtorg, stadsdel } = stack.subgraphs;
  const cases = await count(jobbtorg.db, 'cases');
  const monthCases = await count(jobbtorg.db, 'cases', (q) => q.where('enrolled_on', '<=', `${MONTH}-30`).andWhere((w: any) => w.whereNull('closed_on').orWhere('closed_on', '>=', `${MONTH}-01`)));
  const decisions = await count(stadsdel.db, 'income_support_decisions');
  const monthDecisions = await count(stadsdel.db, 'income_support_decisions', (q) => q.where('month', MONTH));
  return `${cases} cases (${monthCases} enrolled in ${MONTH}), ${decisions} decisions (${monthDecisions} for ${MONTH})`;
}

async function main(): Promise<void> {
  // The stack helper reads MYSQL_URL when it is loaded, so it is loaded only after this.
  process.env.MYSQL_URL ||= 'mysql://root@127.0.0.1:3306';
  const { startStack } = await import('../test/helpers/stack');
  const results = new Map<string, number[]>();
  for (const people of SIZES) {
    const started = performance.now();
    const stack = await startStack({ dialect: 'mysql', people });
    try {
      console.log(`\n${people} people: seeded and started in ${((performance.now() - started) / 1000).toFixed(1)} s; ${await rowsOf(stack)}`);
      for (const c of CASES) {
        const ms = await median(stack, c);
        results.set(c.name, [...(results.get(c.name) ?? []), ms]);
        console.log(`  ${ms.toFixed(0).padStart(6)} ms  ${c.name}`);
      }
    } finally {
      await stack.stop();
    }
  }
  console.log(`\nmedian of ${RUNS} runs through the gateway; growth from ${SIZES[0]} to ${SIZES[1]} people:`);
  for (const [name, [small, large]] of results) {
    console.log(`  ${(large / small).toFixed(1).padStart(5)}×  ${small.toFixed(0).padStart(5)} → ${large.toFixed(0).padStart(5)} ms  ${name}`);
  }
}

main().catch((error: Error) => {
  console.error(`bench: ${error.stack ?? error.message}`);
  process.exit(1);
});
