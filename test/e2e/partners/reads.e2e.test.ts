import { makePersonnummer } from '../../../lib/scalars/personnummer';
import { describeEachDialect } from '../../helpers/dialects';
import { AsCaller, districtOfficer, GraphQLResponse, Stack, startStack } from '../../helpers/stack';
import { STACK_START_TIMEOUT_MS } from '../../helpers/timeouts';

/**
 * Another agency's records show only where the person consented: the district reads
 * Arbetsförmedlingen's registration once a shared-planning consent names both, and not
 * after it is withdrawn. The consent reaches partners through the gateway (`@requires`);
 * a client cannot name it.
 */

const AF: AsCaller = { as: 'afOfficer' };
const SFI: AsCaller = { as: 'sfiTeacher' };
const DISTRICT = districtOfficer('SKH');

const READ = /* GraphQL */ `
  query Read($p: Personnummer!) { person(personnummer: $p) { givenName jobSeekerRegistrations { office } residencePermits { kind } } }
`;

describeEachDialect('reading the partner agencies’ records', (dialect) => {
  let stack: Stack;
  const p = makePersonnummer('1991-02-14', 612);

  async function ok(query: string, variables: Record<string, unknown>, as: AsCaller): Promise<any> {
    const answer: GraphQLResponse = await stack.query(query, variables, as);
    expect(answer.errors).toBeUndefined();
    return answer.data;
  }

  beforeAll(async () => {
    stack = await startStack({ dialect, people: 0 });
    await stack.subgraphs.stadsdel.db('persons').insert({
      personnummer: p, given_name: 'Ruth', family_name: 'Bekele', birth_date: '1991-02-14', district_code: 'SKH', protected_identity: false,
    });
    await ok(
      `mutation($p: Personnummer!) { registerJobSeeker(input: { personnummer: $p, registeredOn: "2026-10-01", office: "Arbetsförmedlingen Skärholmen", programme: NONE, programmeExtentPercent: 0 }) { id } }`,
      { p },
      AF,
    );
  }, STACK_START_TIMEOUT_MS);
  afterAll(() => stack?.stop());

  it('shows the district nothing of Arbetsförmedlingen’s without the person’s consent', async () => {
    const { person } = await ok(READ, { p }, DISTRICT);
    expect(person).toEqual({ givenName: 'Ruth', jobSeekerRegistrations: [], residencePermits: [] });
    const [denied] = await stack.subgraphs.partners.db('audit_log').where({ operation_name: 'Read', outcome: 'DENIED' });
    expect(denied).toMatchObject({ organisation: 'DISTRICT:SKH', record_type: 'Person' });
  });

  it('shows it once a shared-planning consent names both, and no longer once withdrawn', async () => {
    const consent = await ok(
      `mutation($p: Personnummer!) { recordConsent(input: { personnummer: $p, purpose: SHARED_PLANNING, validFrom: "2026-01-01", parties: [SOCIAL_SERVICES, ARBETSFORMEDLINGEN] }) { id version } }`,
      { p },
      DISTRICT,
    );
    expect((await ok(READ, { p }, DISTRICT)).person.jobSeekerRegistrations).toEqual([{ office: 'Arbetsförmedlingen Skärholmen' }]);
    // A reader that states another purpose is held to it: the consent is for shared planning.
    const forFollowUp = { ...DISTRICT, headers: { 'x-etk-purpose': 'FOLLOW_UP' } };
    expect((await ok(READ, { p }, forFollowUp)).person.jobSeekerRegistrations).toEqual([]);
    const forPlanning = { ...DISTRICT, headers: { 'x-etk-purpose': 'SHARED_PLANNING' } };
    expect((await ok(READ, { p }, forPlanning)).person.jobSeekerRegistrations).toHaveLength(1);
    // Migrationsverket is not named: its records stay hidden.
    expect((await ok(READ, { p }, DISTRICT)).person.residencePermits).toEqual([]);
    await ok(`mutation($id: ID!, $v: Int!) { withdrawConsent(input: { id: $id, version: $v }) { active } }`, { id: consent.recordConsent.id, v: consent.recordConsent.version }, DISTRICT);
    expect((await ok(READ, { p }, DISTRICT)).person.jobSeekerRegistrations).toEqual([]);
  });

  it('lets no client hand in the consents itself', async () => {
    const answer = await stack.query(`query($p: Personnummer!) { person(personnummer: $p) { sharingConsents { parties } } }`, { p }, DISTRICT);
    expect(answer.errors?.[0].extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');
  });

  it('lets an agency that is not named see nothing of the person', async () => {
    expect((await ok(`query($p: Personnummer!) { person(personnummer: $p) { givenName sfiEnrolments { course } } }`, { p }, SFI)).person).toBeNull();
  });
});
