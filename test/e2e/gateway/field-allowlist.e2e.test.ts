import { getOperationAST, parse } from 'graphql';
import { loadRegisteredOperations, PARTNER_FOLDERS } from '../../../gateway/operations';
import { PersonaName } from '../../../lib/auth/personas';
import { makePersonnummer } from '../../../lib/scalars/personnummer';
import { describeEachDialect } from '../../helpers/dialects';
import { AsCaller, districtOfficer, GraphQLResponse, Stack, startStack } from '../../helpers/stack';
import { STACK_START_TIMEOUT_MS } from '../../helpers/timeouts';

/**
 * A partner organisation's request naming a field outside its allowlist
 * (gateway/field-allowlist.ts) is refused at the gateway with 403 FIELD_NOT_ALLOWED, however
 * the query is written, and no subgraph runs a statement for it; its registered operations
 * run. The city's own organisations are not held to it. Development, where a partner may
 * send any document (production admits only registered operations, which the unit test
 * holds to the lists).
 */

const AF: AsCaller = { as: 'afOfficer' };
const PERSONA_OF: Record<string, PersonaName> = { AF: 'afOfficer', MIGRATIONSVERKET: 'migrationsverketOfficer', SFI: 'sfiTeacher', PROVIDER: 'providerCoach' };
/** Someone only Arbetsförmedlingen writes about here; partners does not ask stadsdel whether they exist. */
const REGISTERED = makePersonnummer('1991-05-17', 321);

describeEachDialect('the partner field allowlist at the gateway', (dialect) => {
  let stack: Stack;
  /** A seeded resident of Skärholmen, the district officer's district. */
  let personnummer: string;

  beforeAll(async () => {
    stack = await startStack({ dialect, people: 30 });
    const { data } = await stack.query(`{ persons(first: 1) { edges { node { personnummer } } } }`, {}, districtOfficer('SKH'));
    personnummer = data.persons.edges[0].node.personnummer;
  }, STACK_START_TIMEOUT_MS);
  afterAll(() => stack?.stop());

  const statements = () => Object.values(stack.subgraphs).reduce((sum, subgraph) => sum + subgraph.statements(), 0);

  async function expectRefused(query: string, field: string, caller: AsCaller = AF, variables: Record<string, unknown> = { p: personnummer }): Promise<void> {
    stack.resetCounts();
    const answer = await stack.query(query, variables, caller);
    expect(answer.status).toBe(403);
    expect(answer.data ?? null).toBeNull();
    expect(answer.errors).toHaveLength(1);
    expect(answer.errors![0].extensions).toMatchObject({ code: 'FIELD_NOT_ALLOWED', field });
    expect(answer.errors![0].message).toContain(field);
    expect(statements()).toBe(0);
  }

  const codes = (answer: GraphQLResponse) => answer.errors?.map((e) => e.extensions?.code) ?? [];

  it('refuses Arbetsförmedlingen income-support decisions asked for directly, through a fragment, an alias or an inline fragment', async () => {
    await expectRefused(`query Q($p: Personnummer!) { person(personnummer: $p) { incomeSupportDecisions { amount } } }`, 'Person.incomeSupportDecisions');
    await expectRefused(
      `query Q($p: Personnummer!) { person(personnummer: $p) { givenName ...Money } }
       fragment Money on Person { incomeSupportDecisions { amount needReason } }`,
      'Person.incomeSupportDecisions',
    );
    await expectRefused(`query Q($p: Personnummer!) { person(personnummer: $p) { jobSeekerRegistrations: incomeSupportDecisions { amount } } }`, 'Person.incomeSupportDecisions');
    await expectRefused(`query Q($p: Personnummer!) { person(personnummer: $p) { ... on Person { threePartyMeetings { notes } } } }`, 'Person.threePartyMeetings');
  });

  it('refuses what lies behind an allowed field, and a whole mutation for one field of its answer, writing nothing', async () => {
    await expectRefused(`query Q($p: Personnummer!) { person(personnummer: $p) { jobSeekerRegistrations { person { consents { purpose } } } } }`, 'Person.consents');
    await expectRefused(`{ providerAssignments { edges { node { person { referrals { reason } } } } } }`, 'Person.referrals', { as: 'providerCoach' }, {});
    const registrations = async () => Number((await stack.subgraphs.partners.db('job_seeker_registrations').count({ n: '*' }))[0].n);
    const before = await registrations();
    await expectRefused(
      `mutation R($p: Personnummer!) { registerJobSeeker(input: { personnummer: $p, registeredOn: "2026-11-02", office: "Kista",
         programme: NONE, programmeExtentPercent: 0 }) { id person { jobbtorgCases { coach } } } }`,
      'Person.jobbtorgCases',
    );
    expect(await registrations()).toBe(before);
    await expectRefused(`{ followUp(filter: { from: "2026-01", to: "2026-01" }, groupBy: []) { total { enrolled { value } } } }`, 'Query.followUp', { as: 'sfiTeacher' }, {});
  });

  it('answers Arbetsförmedlingen’s own fields: a registration it writes and reads back', async () => {
    const registered = await stack.query(
      `mutation R($p: Personnummer!) { registerJobSeeker(input: { personnummer: $p, registeredOn: "2026-11-02", office: "Kista",
         programme: NONE, programmeExtentPercent: 0 }) { id office recordedBy __typename } }`,
      { p: REGISTERED },
      AF,
    );
    expect(registered.errors).toBeUndefined();
    expect(registered.data.registerJobSeeker).toMatchObject({ office: 'Kista', recordedBy: 'af.handlaggare', __typename: 'JobSeekerRegistration' });
  });

  it.each(Object.keys(PARTNER_FOLDERS))('lets %s run its registered operations', async (kind) => {
    const variables = { personnummer, from: '2026-11-02', to: '2026-11-29', schoolId: '1', providerId: '5' };
    for (const operation of loadRegisteredOperations().operations.filter((o) => o.kinds.includes(kind as never))) {
      const answer = await stack.query(operation.text, variables, { as: PERSONA_OF[kind] });
      expect([operation.file, codes(answer)]).not.toEqual([operation.file, expect.arrayContaining(['FIELD_NOT_ALLOWED'])]);
      // The queries run through; the mutations lack their input here, which is another refusal.
      if (getOperationAST(parse(operation.text))?.operation === 'query') expect([operation.file, answer.status, codes(answer)]).toEqual([operation.file, 200, []]);
    }
  });

  it('lets a partner introspect the schema in development, as everyone may there', async () => {
    const answer = await stack.query(`{ __schema { queryType { name } } __type(name: "Person") { name } }`, {}, AF);
    expect(answer.errors).toBeUndefined();
    expect(answer.data).toEqual({ __schema: { queryType: { name: 'Query' } }, __type: { name: 'Person' } });
  });

  it('does not hold the city’s own organisations to it', async () => {
    const query = `query Q($p: Personnummer!) { person(personnummer: $p) { givenName ...Money consents { purpose } } }
                   fragment Money on Person { incomeSupportDecisions { amount } }`;
    for (const caller of [districtOfficer('SKH'), { as: 'jobbtorgCoach' } as AsCaller]) {
      const answer = await stack.query(query, { p: personnummer }, caller);
      expect(codes(answer)).toEqual([]);
      expect(answer.status).toBe(200);
    }
    const officers = await stack.query(`query Q($p: Personnummer!) { person(personnummer: $p) { incomeSupportDecisions { amount } } }`, { p: personnummer }, districtOfficer('SKH'));
    expect(officers.data.person.incomeSupportDecisions).toEqual(expect.any(Array));
  });
});
