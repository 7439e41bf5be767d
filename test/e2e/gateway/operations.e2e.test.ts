import { createHash } from 'node:crypto';
import { parse } from 'graphql';
import { loadRegisteredOperations, typedDocumentOf } from '../../../gateway/operations';
import { luhnCheckDigit } from '../../../lib/scalars/personnummer';
import { describeEachDialect } from '../../helpers/dialects';
import { Stack, startStack } from '../../helpers/stack';
import { STACK_START_TIMEOUT_MS } from '../../helpers/timeouts';

/**
 * In production a partner organisation runs only its registered operations
 * (operations/partners/<agency>/), by their text (however laid out) or by the id standard clients compute; the city's own organisations
 * run anything. A refusal is OPERATION_NOT_REGISTERED, and no subgraph is called.
 */

const operations = loadRegisteredOperations().operations;
const residenceStatus = operations.find((o) => o.file === 'migrationsverket/ResidenceStatus.graphql')!;
const sfiEnrolments = operations.find((o) => o.file === 'sfi/SchoolEnrolments.graphql')!;
const MIGRATIONSVERKET = { as: { org: 'MIGRATIONSVERKET', sub: 'handlaggare.mv', scope: 'records:read records:write' } };
const PERSONNUMMER = `19900101238${luhnCheckDigit('900101238')}`;

async function post(stack: Stack, body: unknown, token: string) {
  const response = await fetch(stack.gatewayUrl, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify(body),
  });
  return { status: response.status, ...((await response.json()) as { data?: any; errors?: any[] }) };
}

function totalStatements(stack: Stack): number {
  return Object.values(stack.subgraphs).reduce((sum, s) => sum + s.statements(), 0);
}

describeEachDialect('registered operations in production', (dialect) => {
  let stack: Stack;
  beforeAll(async () => {
    stack = await startStack({ dialect, people: 0, environment: 'production' });
  }, STACK_START_TIMEOUT_MS);
  afterAll(() => stack?.stop());

  const expectNotRegistered = (answer: { status: number; errors?: any[] }) => {
    expect(answer.status).toBe(403);
    expect(answer.errors?.[0].extensions.code).toBe('OPERATION_NOT_REGISTERED');
    expect(answer.errors?.[0].message).toMatch(/operations\/partners\/migrationsverket/);
  };

  it('runs a partner’s registered operation sent as its exact text', async () => {
    stack.resetCounts();
    const answer = await stack.query(residenceStatus.text, { personnummer: PERSONNUMMER }, MIGRATIONSVERKET);
    expect(answer.errors?.map((e) => e.extensions?.code) ?? []).not.toContain('OPERATION_NOT_REGISTERED');
    expect(answer.status).toBe(200);
    expect(totalStatements(stack)).toBeGreaterThan(0);
  });

  it('runs it by its sha256 alone, as an Apollo persisted query, by POST and by GET', async () => {
    const token = await stack.token(MIGRATIONSVERKET.as);
    const extensions = { persistedQuery: { version: 1, sha256Hash: residenceStatus.id } };
    const byPost = await post(stack, { extensions, variables: { personnummer: PERSONNUMMER } }, token);
    expect(byPost.status).toBe(200);
    expect(byPost.errors?.map((e) => e.extensions?.code) ?? []).not.toContain('PERSISTED_QUERY_NOT_FOUND');

    const url = new URL(stack.gatewayUrl);
    url.searchParams.set('extensions', JSON.stringify(extensions));
    url.searchParams.set('variables', JSON.stringify({ personnummer: PERSONNUMMER }));
    const byGet = await fetch(url, { headers: { authorization: `Bearer ${token}`, 'apollo-require-preflight': 'true' } });
    expect(byGet.status).toBe(200);
  });

  it('refuses a partner any other text, another agency’s operation or an unknown id, before any subgraph is called', async () => {
    const token = await stack.token(MIGRATIONSVERKET.as);
    stack.resetCounts();
    expectNotRegistered(await post(stack, { query: '{ districts { name } }' }, token));
    // The registered document with one more field is another document.
    expectNotRegistered(await post(stack, { query: residenceStatus.text.replace(/\}\s*$/, ' __typename }'), variables: { personnummer: PERSONNUMMER } }, token));
    expectNotRegistered(await post(stack, { query: sfiEnrolments.text, variables: { schoolId: '1' } }, token));
    expectNotRegistered(await post(stack, { extensions: { persistedQuery: { version: 1, sha256Hash: sfiEnrolments.id } } }, token));
    expectNotRegistered(await post(stack, { extensions: { persistedQuery: { version: 1, sha256Hash: 'f'.repeat(64) } } }, token));
    expect(totalStatements(stack)).toBe(0);
  });

  it('runs it as a standard client sends it: by the hash of the printed document with __typename, then that document', async () => {
    // What Apollo Client's persisted-queries link and urql's do: hash print(addTypename(doc)),
    // send the hash alone, and on PERSISTED_QUERY_NOT_FOUND send the document with it.
    const token = await stack.token(MIGRATIONSVERKET.as);
    const sent = typedDocumentOf(parse(residenceStatus.text));
    const extensions = { persistedQuery: { version: 1, sha256Hash: createHash('sha256').update(sent).digest('hex') } };
    const hashOnly = await post(stack, { extensions, variables: { personnummer: PERSONNUMMER } }, token);
    expect(hashOnly.status).toBe(200);
    expect(hashOnly.errors ?? []).toEqual([]);
    const withDocument = await post(stack, { query: sent, extensions, variables: { personnummer: PERSONNUMMER } }, token);
    expect(withDocument.status).toBe(200);
    expect(withDocument.errors ?? []).toEqual([]);
    // The file's text laid out otherwise, as a hand-written client might send it, is the same document.
    const relaidOut = residenceStatus.text.replace(/^#.*$/gm, '').replace(/\s+/g, ' ');
    expect((await post(stack, { query: relaidOut, variables: { personnummer: PERSONNUMMER } }, token)).status).toBe(200);
  });

  it('refuses introspection and malformed documents from a partner the same way, unparsed', async () => {
    const token = await stack.token(MIGRATIONSVERKET.as);
    expectNotRegistered(await post(stack, { query: '{ __schema { types { name } } }' }, token));
    expectNotRegistered(await post(stack, { query: '{ person(' }, token));
  });

  it('lets the city’s own organisations run any operation', async () => {
    const answer = await stack.query(`{ districts { name } }`);
    expect(answer.data.districts).toHaveLength(14);
  });
});

describe('registered operations in development', () => {
  let stack: Stack;
  beforeAll(async () => {
    stack = await startStack({ dialect: 'sqlite', people: 0 });
  }, STACK_START_TIMEOUT_MS);
  afterAll(() => stack?.stop());

  it('are not enforced, so Sandbox works for every organisation', async () => {
    const answer = await stack.query(`{ districts { name } }`, undefined, MIGRATIONSVERKET);
    expect(answer.errors?.map((e) => e.extensions?.code) ?? []).not.toContain('OPERATION_NOT_REGISTERED');
  });
});
