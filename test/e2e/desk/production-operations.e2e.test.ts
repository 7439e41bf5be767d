import { cacheExchange, Client, fetchExchange, type AnyVariables, type TypedDocumentNode } from '@urql/core';
import { PersonaName } from '../../../lib/auth/personas';
import { makePersonnummer } from '../../../lib/scalars/personnummer';
import {
  CoachWorklistsDocument,
  DeskAcceptPlanConflictDocument,
  DeskAcknowledgePlanConflictDocument,
  DeskConflictInboxDocument,
  DeskPersonPlanDocument,
  DeskWithdrawPlanConflictAcceptanceDocument,
  PersonCaseDocument,
  PersonConsentsDocument,
} from '../../../desk/src/gql/graphql';
import { describeEachDialect } from '../../helpers/dialects';
import { Stack, startStack } from '../../helpers/stack';
import { STACK_START_TIMEOUT_MS } from '../../helpers/timeouts';
import { NEXT_MONDAY, TODAY, WINDOW } from './fixture';

/**
 * The desk in production: a partner agency's user may send only registered operations, so
 * the desk's documents that partners send are registered (desk/partner-operations.ts). Each
 * is sent here as the desk sends it — by urql, which adds `__typename` — to a gateway in
 * production, and must pass the registry and the agency's field allowlist; a desk document
 * that is not a partner's is refused, and the city's own users may send any.
 */

const SOMEONE = makePersonnummer('1986-09-03', 771);
const NO_CONFLICT = 'c_0000000000000000';
const REFUSED_CODES = ['OPERATION_NOT_REGISTERED', 'FIELD_NOT_ALLOWED'];

describeEachDialect('the desk’s documents under APP_ENV=production', (dialect) => {
  let stack: Stack;
  beforeAll(async () => {
    stack = await startStack({ dialect, people: 40, environment: 'production' });
  }, STACK_START_TIMEOUT_MS);
  afterAll(async () => {
    await stack?.stop();
  });

  /** Sends `document` with urql as the desk does, as `persona`; the error codes of the answer. */
  async function codesOf<V extends AnyVariables>(persona: PersonaName, document: TypedDocumentNode<unknown, V>, variables: V): Promise<string[]> {
    const token = await stack.token(persona);
    const client = new Client({ url: stack.gatewayUrl, exchanges: [cacheExchange, fetchExchange], preferGetMethod: false, fetchOptions: { headers: { authorization: `Bearer ${token}` } } });
    const isMutation = document.definitions.some((d) => d.kind === 'OperationDefinition' && d.operation === 'mutation');
    const result = await (isMutation ? client.mutation(document, variables) : client.query(document, variables, { requestPolicy: 'network-only' })).toPromise();
    return result.error?.graphQLErrors.map((e) => String(e.extensions?.code)) ?? [];
  }

  const plan = { personnummer: SOMEONE, from: WINDOW.from, to: WINDOW.to };
  const inbox = { filter: { state: ['OPEN' as const, 'ACKNOWLEDGED' as const] }, first: 50 };

  it.each<PersonaName>(['afOfficer', 'sfiTeacher', 'providerCoach', 'migrationsverketOfficer'])('lets %s read a person’s shared plan as the desk asks', async (persona) => {
    expect(await codesOf(persona, DeskPersonPlanDocument, plan)).toEqual([]);
  });

  it.each<PersonaName>(['afOfficer', 'sfiTeacher', 'providerCoach'])('lets %s read its conflict inbox and act on a conflict as the desk does', async (persona) => {
    expect(await codesOf(persona, DeskConflictInboxDocument, inbox)).toEqual([]);
    // A conflict that does not exist: the action passes the gateway and the subgraph answers NOT_FOUND.
    const acknowledge = await codesOf(persona, DeskAcknowledgePlanConflictDocument, { input: { id: NO_CONFLICT, version: 1, note: 'Vi tar det.', expectedSettledOn: NEXT_MONDAY }, idempotencyKey: `${persona}-ack` });
    expect(acknowledge).toEqual(['NOT_FOUND']);
    const accept = await codesOf(persona, DeskAcceptPlanConflictDocument, { input: { id: NO_CONFLICT, version: 1, reason: 'Medvetet.' }, idempotencyKey: `${persona}-accept` });
    expect(accept).toEqual(['NOT_FOUND']);
    const withdraw = await codesOf(persona, DeskWithdrawPlanConflictAcceptanceDocument, { input: { id: NO_CONFLICT, version: 1, reason: null }, idempotencyKey: `${persona}-withdraw` });
    expect(withdraw).toEqual(['NOT_FOUND']);
  });

  it('refuses a partner a desk document that is not registered for it, as any unregistered operation', async () => {
    expect(await codesOf('sfiTeacher', PersonConsentsDocument, { personnummer: SOMEONE })).toEqual(['OPERATION_NOT_REGISTERED']);
    expect(await codesOf('migrationsverketOfficer', DeskConflictInboxDocument, inbox)).toEqual(['OPERATION_NOT_REGISTERED']);
  });

  it('lets the city’s own users send any of the desk’s documents', async () => {
    expect(await codesOf('jobbtorgCoach', CoachWorklistsDocument, { unitCode: 'VARBERG', from: TODAY, to: TODAY })).toEqual([]);
    expect(await codesOf('jobbtorgCoach', PersonCaseDocument, { personnummer: SOMEONE })).toEqual([]);
    expect(await codesOf('districtOfficer', DeskConflictInboxDocument, inbox)).toEqual([]);
    expect((await codesOf('districtOfficer', PersonConsentsDocument, { personnummer: SOMEONE })).filter((code) => REFUSED_CODES.includes(code))).toEqual([]);
  });
});
