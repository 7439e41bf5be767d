import { GraphQLSchema } from 'graphql';
import { Knex } from 'knex';
import { Organisation } from '../../../lib/auth/organisations';
import { createContext } from '../../../subgraphs/stadsdel/context';
import { migrations } from '../../../subgraphs/stadsdel/migrations';
import { resolvers } from '../../../subgraphs/stadsdel/resolvers';
import { openDatabase } from '../../helpers/database';
import { org } from '../../helpers/organisations';
import { runOperation, subgraphSchema, testScope, UNIT_TEST_CALLER } from '../../helpers/subgraph';
import { STACK_START_TIMEOUT_MS } from '../../helpers/timeouts';

/**
 * The notices of what became of a referral are Jobbtorg's to send: stadsdel's access module
 * refuses anyone else before the data module is asked, and lets Jobbtorg through to it.
 */

const NOTICES: [string, string][] = [
  ['recordReferralEnrolment', 'mutation { recordReferralEnrolment(referralId: "404", caseId: "1") { id } }'],
  ['recordReferralClosure', 'mutation { recordReferralClosure(referralId: "404", closedOn: "2026-03-02") { id } }'],
  ['undoReferralEnrolment', 'mutation { undoReferralEnrolment(referralId: "404", caseId: "1") { id } }'],
  ['undoReferralClosure', 'mutation { undoReferralClosure(referralId: "404", closedOn: "2026-03-02") { id } }'],
];

describe('a referral notice to stadsdel', () => {
  let schema: GraphQLSchema;
  let db: Knex;
  let close: () => Promise<void>;
  beforeAll(async () => {
    schema = subgraphSchema('stadsdel', resolvers);
    ({ db, close } = await openDatabase('sqlite', migrations));
  }, STACK_START_TIMEOUT_MS);
  afterAll(() => close());

  const codeOf = async (organisation: Organisation, source: string) => {
    const result = await runOperation(schema, createContext(testScope(db, { ...UNIT_TEST_CALLER, organisation })), source);
    return result.errors?.[0]?.extensions?.code;
  };

  it.each(NOTICES)('%s is FORBIDDEN to anyone but Jobbtorg', async (_, source) => {
    for (const other of [org('DISTRICT', 'SKH'), org('AF'), org('CITY', 'TEST')]) expect(await codeOf(other, source)).toBe('FORBIDDEN');
  });

  it.each(NOTICES)('%s from Jobbtorg reaches the data module, which knows no such referral', async (_, source) => {
    expect(await codeOf(org('JOBBTORG', 'KISTA'), source)).toBe('NOT_FOUND');
  });
});
