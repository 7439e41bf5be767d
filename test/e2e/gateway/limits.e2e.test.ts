import { SUBGRAPH_NAMES } from '../../../lib/config';
import { DEFAULT_LIMITS } from '../../../gateway/limits';
import { describeEachDialect } from '../../helpers/dialects';
import { GraphQLResponse, postGraphQL, Stack, startStack } from '../../helpers/stack';
import { STACK_START_TIMEOUT_MS } from '../../helpers/timeouts';

/**
 * Every limit of gateway/limits.ts through the real gateway: an operation at the limit is
 * answered, one just over it is refused with its own code and HTTP 400, and no subgraph ran
 * a single SQL statement for the refused one. The operations are built from
 * DEFAULT_LIMITS, so the tests follow the defaults.
 */

const { maxDepth, maxAliases, maxDirectives, maxTokens, maxRecursion, maxCost, defaultListSize, maxSelections, maxFieldRepeats } = DEFAULT_LIMITS;

/** `n` levels of fields; `cases → edges → node → person → …` keeps every field apart from Case.person and Person.jobbtorgCases, which occur twice. */
function queryOfDepth(n: 12 | 13): string {
  const tail = n === 12 ? 'name' : 'providers { name }';
  return `{ cases(first: 1) { edges { node { person { jobbtorgCases { person { jobbtorgCases {
    jobPlan { interventions { provider { agency { ${tail} } } } } } } } } } } } }`;
}

function queryWithAliases(n: number): string {
  return `{ ${Array.from({ length: n }, (_, i) => `d${i}: districts { code }`).join(' ')} }`;
}

function queryWithDirectives(n: number): string {
  // Aliases of `__typename`, fewer than the alias limit, so only the directives grow.
  return `{ districts { code ${Array.from({ length: n }, (_, i) => `t${i}: __typename @include(if: true)`).join(' ')} } }`;
}

/** `{ t0: __typename t1: __typename … }`: `n` aliases of the one field no resolver answers. */
function queryWithTypenameAliases(n: number): string {
  return `{ ${Array.from({ length: n }, (_, i) => `t${i}: __typename`).join(' ')} }`;
}

/**
 * `query Tokens { districts { code } }` and enough `query Pi { __typename }` (5 tokens, or
 * 6 with `__typename` twice) beside it for exactly `n` tokens: every other limit judges only
 * the operation that runs, or each small operation alone.
 */
function documentOfTokens(n: number): { query: string; operationName: string } {
  const padding = n - 8; // `query Tokens { districts { code } }`
  const sixes = padding % 5;
  const fives = (padding - 6 * sixes) / 5;
  const pads = Array.from({ length: fives + sixes }, (_, i) => `query P${i} { __typename${i < sixes ? ' __typename' : ''} }`);
  return { query: ['query Tokens { districts { code } }', ...pads].join('\n'), operationName: 'Tokens' };
}

/** `{ districts { code code … } }`: `code` `n` times under one parent. */
function queryWithRepeats(n: number): string {
  return `{ districts { ${'code '.repeat(n)}} }`;
}

/** `districts` and F10: F0's two fields, each fragment after it spreading the one before twice, 2^11 = 2 048; 2 049 fields in 100-odd tokens. */
function queryOfFanOut(): string {
  const fragments = Array.from({ length: 10 }, (_, i) => `fragment F${i + 1} on District { ...F${i} ...F${i} }`);
  return `{ districts { ...F10 } } fragment F0 on District { code name } ${fragments.join(' ')}`;
}

/** `Case.person` `n` times on one path (and `Person.jobbtorgCases` `n - 1` times). */
function queryWithRecursion(n: number): string {
  let inner = 'person { personnummer }';
  for (let i = 1; i < n; i++) inner = `person { jobbtorgCases { ${inner} } }`;
  return `{ cases(first: 1) { edges { node { ${inner} } } } }`;
}

/**
 * Lists three deep under a page of cases: each case costs
 * 1 (edges) + 1 (node) + 1 (person) + L × (1 + 1 (jobPlan) + L × (1 + L × 3)) with L the
 * default list size; the page multiplies it by `$first`, and `cases` itself costs 1.
 */
const COSTLY = /* GraphQL */ `
  query Costly($first: Int!) {
    cases(first: $first) { edges { node { person { jobbtorgCases { jobPlan { interventions { schedule { weekday startTime } } } } } } } }
  }
`;
const L = defaultListSize;
const perCase = 3 + L * (2 + L * (1 + L * 3));
const costOf = (first: number) => 1 + first * perCase;
const largestFirst = Math.floor((maxCost - 1) / perCase);

describeEachDialect('query limits at the gateway', (dialect) => {
  let stack: Stack;
  beforeAll(async () => {
    stack = await startStack({ dialect, people: 30 });
  }, STACK_START_TIMEOUT_MS);
  afterAll(() => stack?.stop());

  function statements(): Record<string, number> {
    return Object.fromEntries(SUBGRAPH_NAMES.map((name) => [name, stack.subgraphs[name].statements()]));
  }
  const none = Object.fromEntries(SUBGRAPH_NAMES.map((name) => [name, 0]));

  /** A document, with the operation to run when it holds several. */
  type Document = string | { query: string; operationName: string };
  async function ask(document: Document, variables?: Record<string, unknown>): Promise<GraphQLResponse> {
    if (typeof document === 'string') return stack.query(document, variables);
    const headers = { authorization: `Bearer ${await stack.token()}` };
    return postGraphQL(stack.gatewayUrl, document.query, variables, headers, document.operationName);
  }

  async function expectAnswered(query: Document, variables?: Record<string, unknown>): Promise<void> {
    const answer = await ask(query, variables);
    expect(answer.errors).toBeUndefined();
    expect(answer.status).toBe(200);
  }

  async function expectRefused(code: string, query: Document, variables?: Record<string, unknown>): Promise<GraphQLResponse> {
    stack.resetCounts();
    const answer = await ask(query, variables);
    expect(answer.status).toBe(400);
    expect(answer.data).toBeUndefined();
    expect(answer.errors).toHaveLength(1);
    expect(answer.errors![0].extensions?.code).toBe(code);
    expect(statements()).toEqual(none);
    return answer;
  }

  it(`answers depth ${maxDepth} and refuses ${maxDepth + 1} as QUERY_TOO_DEEP`, async () => {
    expect(maxDepth).toBe(12); // queryOfDepth is written for the default
    await expectAnswered(queryOfDepth(12));
    const refused = await expectRefused('QUERY_TOO_DEEP', queryOfDepth(13));
    expect(refused.errors![0].message).toBe('Query depth limit of 12 exceeded, found 13.');
    expect(refused.errors![0].extensions).toMatchObject({ limit: 12, found: 13 });
  });

  it(`answers ${maxAliases} aliases and refuses ${maxAliases + 1} as TOO_MANY_ALIASES`, async () => {
    await expectAnswered(queryWithAliases(maxAliases));
    await expectRefused('TOO_MANY_ALIASES', queryWithAliases(maxAliases + 1));
  });

  it(`answers ${maxDirectives} directives and refuses ${maxDirectives + 1} as TOO_MANY_DIRECTIVES`, async () => {
    await expectAnswered(queryWithDirectives(maxDirectives));
    await expectRefused('TOO_MANY_DIRECTIVES', queryWithDirectives(maxDirectives + 1));
  });

  it(`answers cost up to ${maxCost}, counting $first and unpaginated lists, and refuses more as QUERY_TOO_COSTLY`, async () => {
    expect(costOf(largestFirst)).toBeLessThanOrEqual(maxCost);
    await expectAnswered(COSTLY, { first: largestFirst });
    const refused = await expectRefused('QUERY_TOO_COSTLY', COSTLY, { first: largestFirst + 1 });
    expect(refused.errors![0].extensions).toMatchObject({ limit: maxCost, found: costOf(largestFirst + 1) });
  });

  // The document-only checks are remembered per document (gateway/operation-memo.ts).
  it('judges a document it has seen before as it did the first time, and its variables anew', async () => {
    await expectRefused('QUERY_TOO_DEEP', queryOfDepth(13));
    await expectRefused('QUERY_TOO_DEEP', queryOfDepth(13));
    await expectAnswered(COSTLY, { first: 1 });
    await expectRefused('QUERY_TOO_COSTLY', COSTLY, { first: largestFirst + 1 });
    const PERSON = 'query($p: Personnummer!) { person(personnummer: $p) { givenName } }';
    await expectAnswered(PERSON, { p: '199511085558' });
    const bad = await ask(PERSON, { p: '19951108555' });
    expect(bad.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'person.personnummer' });
  });

  it(`answers ${maxTokens} tokens and refuses ${maxTokens + 1} before parsing the rest`, async () => {
    await expectAnswered(documentOfTokens(maxTokens));
    const refused = await expectRefused('GRAPHQL_PARSE_FAILED', documentOfTokens(maxTokens + 1));
    // graphql-js 16 words it "more that"; either spelling passes.
    expect(refused.errors![0].message).toMatch(new RegExp(`Document contains more tha[nt] ${maxTokens} tokens`));
  });

  it(`answers a field ${maxRecursion} times on one path and refuses ${maxRecursion + 1} as QUERY_TOO_RECURSIVE`, async () => {
    await expectAnswered(queryWithRecursion(maxRecursion));
    const refused = await expectRefused('QUERY_TOO_RECURSIVE', queryWithRecursion(maxRecursion + 1));
    expect(refused.errors![0].message).toMatch(/^Case\.person is nested in itself/);
  });

  it(`counts aliases of __typename: answers ${maxAliases} and refuses ${maxAliases + 1} as TOO_MANY_ALIASES`, async () => {
    await expectAnswered(queryWithTypenameAliases(maxAliases));
    await expectRefused('TOO_MANY_ALIASES', queryWithTypenameAliases(maxAliases + 1));
  });

  it(`answers a field ${maxFieldRepeats} times under one parent and refuses ${maxFieldRepeats + 1} as FIELD_REPEATED`, async () => {
    await expectAnswered(queryWithRepeats(maxFieldRepeats));
    const refused = await expectRefused('FIELD_REPEATED', queryWithRepeats(maxFieldRepeats + 1));
    expect(refused.errors![0].extensions).toMatchObject({ limit: maxFieldRepeats, found: maxFieldRepeats + 1 });
    // Hundreds, which merge into one field and stay under the token limit, are refused the same.
    await expectRefused('FIELD_REPEATED', queryWithRepeats(300));
  });

  it(`refuses fragments that expand to more than ${maxSelections} fields as TOO_MANY_SELECTIONS`, async () => {
    const refused = await expectRefused('TOO_MANY_SELECTIONS', queryOfFanOut());
    expect(refused.errors![0].extensions).toMatchObject({ limit: maxSelections, found: 2049 });
  });

  it('refuses a body over 2 MB with 413 and a JSON error, before authentication or any subgraph', async () => {
    const limit = 2 * 1024 * 1024;
    const post = async (bytes: number, authorization?: string) => {
      const head = '{"query":"{ __typename }","variables":{"pad":"';
      const tail = '"}}';
      const body = head + 'x'.repeat(bytes - head.length - tail.length) + tail;
      expect(Buffer.byteLength(body)).toBe(bytes);
      const response = await fetch(stack.gatewayUrl, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...(authorization ? { authorization } : {}) },
        body,
      });
      return { status: response.status, type: response.headers.get('content-type'), body: await response.json() };
    };

    const within = await post(limit, `Bearer ${await stack.token()}`);
    expect(within).toMatchObject({ status: 200, body: { data: { __typename: 'Query' } } });

    stack.resetCounts();
    const over = await post(limit + 1);
    expect(over.status).toBe(413);
    expect(over.type).toMatch(/^application\/json/);
    expect(over.body).toEqual({
      errors: [{ message: 'the request body is larger than 2mb', extensions: { code: 'PAYLOAD_TOO_LARGE' } }],
    });
    expect(statements()).toEqual(none);
  });

  it('refuses a body that is not JSON with 400 and a JSON error that does not echo it', async () => {
    const response = await fetch(stack.gatewayUrl, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"query": 198001011234-' });
    expect(response.status).toBe(400);
    const body = await response.json();
    expect(body).toEqual({ errors: [{ message: 'the request body could not be read as JSON', extensions: { code: 'BAD_REQUEST' } }] });
  });
});

describeEachDialect('query limits in production', (dialect) => {
  let stack: Stack;
  beforeAll(async () => {
    stack = await startStack({ dialect, people: 0, environment: 'production' });
  }, STACK_START_TIMEOUT_MS);
  afterAll(() => stack?.stop());

  it('say which limit, and nothing about the schema or the server', async () => {
    const refused = [
      await stack.query(queryOfDepth(13)),
      await stack.query(queryWithAliases(maxAliases + 1)),
      await stack.query(queryWithDirectives(maxDirectives + 1)),
      await stack.query(COSTLY, { first: largestFirst + 1 }),
      await stack.query(documentOfTokens(maxTokens + 1).query),
      await stack.query(queryWithRecursion(maxRecursion + 1)),
      await stack.query(queryWithTypenameAliases(maxAliases + 1)),
      await stack.query(queryWithRepeats(maxFieldRepeats + 1)),
      await stack.query(queryOfFanOut()),
    ];
    const codes = refused.map((answer) => answer.errors?.[0].extensions?.code);
    expect(codes).toEqual([
      'QUERY_TOO_DEEP',
      'TOO_MANY_ALIASES',
      'TOO_MANY_DIRECTIVES',
      'QUERY_TOO_COSTLY',
      'GRAPHQL_PARSE_FAILED',
      'QUERY_TOO_RECURSIVE',
      'TOO_MANY_ALIASES',
      'FIELD_REPEATED',
      'TOO_MANY_SELECTIONS',
    ]);
    for (const answer of refused) {
      const [error] = answer.errors!;
      expect(error.message).not.toMatch(/did you mean/i);
      expect(error.extensions).not.toHaveProperty('stacktrace');
    }
  });
});
