import { SUBGRAPH_NAMES } from '../../../lib/config';
import { describeEachDialect } from '../../helpers/dialects';
import { Stack, startStack } from '../../helpers/stack';
import { STACK_START_TIMEOUT_MS } from '../../helpers/timeouts';

/**
 * No query may cost one SQL statement per list item: the same deep query over 40 and over
 * 100 cases must run the same number of statements in every subgraph. The cases are newly
 * arrived refugees', who have records at every agency: the gateway skips a subgraph fetch
 * when no entity on the page needs it, so pages of people without partner records would
 * differ by a fetch, not by an N+1.
 */

const CASES = /* GraphQL */ `
  query Cases($first: Int!) {
    cases(first: $first, filter: { reportingGroup: NEWLY_ARRIVED_REFUGEE }) {
      edges {
        node {
          id
          unit { name parent { name } }
          referringDistrict { name }
          referral { status infoMeeting { startsAt bookedPlaces } }
          jobbgaranti { status }
          jobPlan { interventions { title status provider { name agency { name } } } }
          closure { reason }
          feedback { message }
          person {
            givenName
            district { name }
            incomeSupportDecisions { month amount }
            consents { parties }
            residencePermits { kind }
            jobSeekerRegistrations { programme plannedActivities { title provider { name } } }
            sfiEnrolments { course school { name } }
            providerAssignments { service provider { name } }
          }
        }
      }
    }
  }
`;

describeEachDialect('SQL statements per query', (dialect) => {
  let stack: Stack;
  beforeAll(async () => {
    stack = await startStack({ dialect, people: 1200 });
  }, STACK_START_TIMEOUT_MS);
  afterAll(() => stack?.stop());

  async function statementsFor(first: number): Promise<Record<string, number>> {
    stack.resetCounts();
    // Jobbtorg as a whole: every unit's cases, and the people while their matter is open.
    const answer = await stack.query(CASES, { first }, { as: { org: 'JOBBTORG', sub: 'samordnare', scope: 'records:read' } });
    expect(answer.errors).toBeUndefined();
    expect(answer.data.cases.edges).toHaveLength(first);
    return Object.fromEntries(SUBGRAPH_NAMES.map((name) => [name, stack.subgraphs[name].statements()]));
  }

  // 40, not 10: what a reader may see of a person depends on their consents, and a page
  // must be large enough to hold people of every kind, or it would differ by a loader that
  // had nothing to load — a fetch, not an N+1.
  it('are the same for 40 cases as for 100', async () => {
    const ten = await statementsFor(40);
    const hundred = await statementsFor(100);
    console.log(`[${dialect}] SQL statements for 40 cases: ${JSON.stringify(ten)}; for 100: ${JSON.stringify(hundred)}`);
    expect(hundred).toEqual(ten);
  });
});
