import { AUDIT_TABLE } from '../../../lib/audit/log';
import { TokenClaims } from '../../../lib/auth/development';
import { PERSONAS } from '../../../lib/auth/personas';
import { addDays, mondayOf, todayInStockholm } from '../../../lib/scalars/calendar';
import { makePersonnummer } from '../../../lib/scalars/personnummer';
import { describeEachDialect } from '../../helpers/dialects';
import { AsCaller, districtOfficer, Stack, startStack } from '../../helpers/stack';
import { STACK_START_TIMEOUT_MS } from '../../helpers/timeouts';

/**
 * The access matrix (docs/access-matrix.md) as a table of roles × operations, through the
 * gateway: one person in Skärholmen with a shared-planning consent naming social services,
 * Jobbtorg, Arbetsförmedlingen, Sfi and Migrationsverket (not the provider), referred and
 * enrolled at Jobbtorg Vårberg, registered with Arbetsförmedlingen and studying Sfi. Each
 * role either gets the data, or gets what it would get if there were none — null, an empty
 * list or an error — never a hint that it exists.
 *
 * Each role also asks with a token of no scope, which reads and writes nothing (FORBIDDEN,
 * DENIED on the log), and with a read-only one (its scopes but `records:write`), which reads
 * as the role does and writes nothing.
 */

const TODAY = todayInStockholm();
const NEXT_MONDAY = addDays(mondayOf(TODAY), 7);
const p = makePersonnummer('1987-05-19', 915);

const ROLES: Record<string, AsCaller> = {
  'district (home)': districtOfficer('SKH'),
  'district (other)': districtOfficer('RK'),
  'Jobbtorg Vårberg': { as: 'jobbtorgCoach' },
  'Jobbtorg Kista': { as: { org: 'JOBBTORG:KISTA', sub: 'coach.kista', scope: 'records:read records:write' } },
  Arbetsförmedlingen: { as: 'afOfficer' },
  Migrationsverket: { as: 'migrationsverketOfficer' },
  'Sfi school': { as: 'sfiTeacher' },
  provider: { as: 'providerCoach' },
  analyst: { as: 'cityAnalyst' },
  auditor: { as: 'auditor' },
};

/** The partner organisations, whose fields the gateway's allowlist limits (docs/access-matrix.md). */
const PARTNER_ROLES = new Set(['Arbetsförmedlingen', 'Migrationsverket', 'Sfi school', 'provider']);

/** The operations that change records: a read-only token is refused them. */
const WRITES = new Set(['record a decision', 'register a job seeker']);

const claimsOf = ({ as }: AsCaller): TokenClaims => (typeof as === 'string' ? PERSONAS[as] : as!);

/** A role's token with other scopes, under a user of its own so the test finds its audit entries. */
function withScopes(role: string, user: string, scopes: (held: string[]) => string[]): AsCaller {
  const claims = claimsOf(ROLES[role]);
  return { as: { org: claims.org, sub: user, scope: scopes((claims.scope ?? '').split(' ').filter(Boolean)).join(' ') } };
}

const VARIANTS = {
  'no scope': () => [],
  'read-only': (held: string[]) => held.filter((s) => s !== 'records:write'),
} satisfies Record<string, (held: string[]) => string[]>;

/** Each operation, and how to tell from its answer whether the data came. */
const OPERATIONS: Record<string, { query: string; got: (data: any) => boolean }> = {
  'who the person is': { query: `query($p: Personnummer!) { person(personnummer: $p) { givenName } }`, got: (d) => !!d?.person?.givenName },
  'income-support decisions': {
    query: `query($p: Personnummer!) { person(personnummer: $p) { incomeSupportDecisions { month } } }`,
    got: (d) => d?.person?.incomeSupportDecisions?.length > 0,
  },
  consents: { query: `query($p: Personnummer!) { person(personnummer: $p) { consents { id } } }`, got: (d) => d?.person?.consents?.length > 0 },
  'Jobbtorg case': { query: `query($p: Personnummer!) { person(personnummer: $p) { jobbtorgCases { id } } }`, got: (d) => d?.person?.jobbtorgCases?.length > 0 },
  'AF registration': {
    query: `query($p: Personnummer!) { person(personnummer: $p) { jobSeekerRegistrations { id } } }`,
    got: (d) => d?.person?.jobSeekerRegistrations?.length > 0,
  },
  'shared plan': {
    query: `query($p: Personnummer!, $from: Date!, $to: Date!) { person(personnummer: $p) { sharedPlan(from: $from, to: $to) { activities { id } } } }`,
    got: (d) => d?.person?.sharedPlan?.activities?.length > 0,
  },
  'follow-up figures': {
    query: `{ followUp(filter: { from: "2026-01", to: "2026-01" }) { total { enrolled { value } } } }`,
    got: (d) => d?.followUp?.total != null,
  },
  'audit log': {
    query: `query($p: Personnummer!) { personAccessLog(personnummer: $p) { entries { at } } }`,
    got: (d) => d?.personAccessLog?.entries?.length > 0,
  },
  'record a decision': {
    query: `mutation($p: Personnummer!, $m: Month!) { recordIncomeSupportDecision(input: { personnummer: $p, month: $m, outcome: GRANTED, amount: 100, needReason: UNEMPLOYMENT }) { id } }`,
    got: (d) => !!d?.recordIncomeSupportDecision?.id,
  },
  'register a job seeker': {
    query: `mutation($p: Personnummer!) { registerJobSeeker(input: { personnummer: $p, registeredOn: "2026-11-02", office: "Arbetsförmedlingen Kista", programme: NONE, programmeExtentPercent: 0 }) { id } }`,
    got: (d) => !!d?.registerJobSeeker?.id,
  },
};

/** Which roles get each operation; every other role is refused. */
const ALLOWED: Record<string, string[]> = {
  'who the person is': ['district (home)', 'Jobbtorg Vårberg', 'Arbetsförmedlingen', 'Migrationsverket', 'Sfi school'],
  'income-support decisions': ['district (home)', 'Jobbtorg Vårberg'],
  consents: ['district (home)'],
  'Jobbtorg case': ['district (home)', 'Jobbtorg Vårberg'],
  'AF registration': ['district (home)', 'Jobbtorg Vårberg', 'Arbetsförmedlingen'],
  'shared plan': ['district (home)', 'Jobbtorg Vårberg', 'Arbetsförmedlingen', 'Migrationsverket', 'Sfi school'],
  'follow-up figures': ['analyst'],
  'audit log': ['auditor'],
  'record a decision': ['district (home)'],
  'register a job seeker': ['Arbetsförmedlingen'],
};

describeEachDialect('roles × operations', (dialect) => {
  let stack: Stack;
  let month = 0;

  async function ok(query: string, variables: Record<string, unknown>, as: AsCaller): Promise<any> {
    const answer = await stack.query(query, variables, as);
    expect(answer.errors).toBeUndefined();
    return answer.data;
  }

  beforeAll(async () => {
    stack = await startStack({ dialect, people: 0 });
    await stack.subgraphs.stadsdel.db('persons').insert({
      personnummer: p, given_name: 'Meron', family_name: 'Tesfay', birth_date: '1987-05-19', district_code: 'SKH', protected_identity: false,
    });
    const home = ROLES['district (home)'];
    await ok(`mutation($p: Personnummer!) { recordIncomeSupportDecision(input: { personnummer: $p, month: "2026-10", outcome: GRANTED, amount: 9000, needReason: UNEMPLOYMENT }) { id } }`, { p }, home);
    await ok(
      `mutation($p: Personnummer!) { recordConsent(input: { personnummer: $p, purpose: SHARED_PLANNING, validFrom: "2026-01-01", parties: [SOCIAL_SERVICES, JOBBTORG, ARBETSFORMEDLINGEN, SFI, MIGRATIONSVERKET] }) { id } }`,
      { p },
      home,
    );
    const { referToJobbtorg } = await ok(`mutation($p: Personnummer!) { referToJobbtorg(input: { personnummer: $p, reason: UNEMPLOYMENT }) { id } }`, { p }, home);
    await ok(
      `mutation($r: ID!, $on: Date!) { enrolInJobbtorg(input: { referralId: $r, unitCode: "VARBERG", enrolledOn: $on }) { id } }`,
      { r: referToJobbtorg.id, on: TODAY },
      ROLES['Jobbtorg Vårberg'],
    );
    const { registerJobSeeker } = await ok(
      `mutation($p: Personnummer!) { registerJobSeeker(input: { personnummer: $p, registeredOn: "2026-10-01", office: "Arbetsförmedlingen Skärholmen", programme: NONE, programmeExtentPercent: 0 }) { id } }`,
      { p },
      ROLES.Arbetsförmedlingen,
    );
    await ok(
      `mutation($r: ID!, $from: Date!) { addPlannedActivity(input: { registrationId: $r, kind: JOB_SEARCH, title: "Jobbsök", startDate: $from, hoursPerWeek: 4, schedule: [] }) { id } }`,
      { r: registerJobSeeker.id, from: NEXT_MONDAY },
      ROLES.Arbetsförmedlingen,
    );
  }, STACK_START_TIMEOUT_MS);
  afterAll(() => stack?.stop());

  const cells = Object.keys(OPERATIONS).flatMap((operation) =>
    Object.keys(ROLES).map((role) => [operation, role, ALLOWED[operation].includes(role)] as const),
  );

  it.each(cells)('%s, asked by %s: allowed %s', async (operation, role, allowed) => {
    // Writes each take a month of their own, so one role's success never blocks another's.
    const variables = { p, from: NEXT_MONDAY, to: addDays(NEXT_MONDAY, 27), m: `2027-${String((month++ % 12) + 1).padStart(2, '0')}` };
    const answer = await stack.query(OPERATIONS[operation].query, variables, ROLES[role]);
    expect(OPERATIONS[operation].got(answer.data)).toBe(allowed);
    if (!allowed && answer.errors) {
      // A refusal, when it is an error, is one of these — never an internal failure.
      expect(['FORBIDDEN', 'NOT_FOUND', 'FIELD_NOT_ALLOWED']).toContain(answer.errors[0].extensions?.code);
    }
  });

  const scopedCells = Object.keys(OPERATIONS).flatMap((operation) =>
    Object.keys(ROLES).flatMap((role) =>
      (Object.keys(VARIANTS) as (keyof typeof VARIANTS)[]).map(
        (variant) => [operation, role, variant, variant === 'read-only' && !WRITES.has(operation) && ALLOWED[operation].includes(role)] as const,
      ),
    ),
  );

  it.each(scopedCells)('%s, asked by %s with %s: allowed %s', async (operation, role, variant, allowed) => {
    const user = `scoped.${scopedCells.findIndex(([o, r, v]) => o === operation && r === role && v === variant)}`;
    const variables = { p, from: NEXT_MONDAY, to: addDays(NEXT_MONDAY, 27), m: `2028-${String((month++ % 12) + 1).padStart(2, '0')}` };
    const answer = await stack.query(OPERATIONS[operation].query, variables, withScopes(role, user, VARIANTS[variant]));
    expect(OPERATIONS[operation].got(answer.data)).toBe(allowed);
    if (variant === 'no scope' || WRITES.has(operation)) {
      // A partner organisation's field allowlist refuses it some fields at the gateway whatever its scopes, before any subgraph.
      if (PARTNER_ROLES.has(role) && answer.errors?.[0]?.extensions?.code === 'FIELD_NOT_ALLOWED') return;
      // Otherwise refused for want of a scope: FORBIDDEN naming it, and on the log as DENIED.
      expect(answer.errors?.[0]).toMatchObject({ message: expect.stringMatching(/needs the scope /), extensions: { code: 'FORBIDDEN' } });
      const logs = await Promise.all(Object.values(stack.subgraphs).map((s) => s.db(AUDIT_TABLE).where({ user, outcome: 'DENIED' })));
      expect(logs.flat().length).toBeGreaterThan(0);
    }
  });
});
