import fs from 'node:fs';
import path from 'node:path';
import { buildSchema, getOperationAST, GraphQLError, Kind, OperationDefinitionNode, parse, validate } from 'graphql';
import { costReadsVariables, operationCost } from '../../../gateway/cost';
import { checkLimits, DEFAULT_LIMITS, deepestRecursion, QueryLimits, resolveLimits } from '../../../gateway/limits';
import { SUPERGRAPH_PATH } from '../../../schema/subgraphs';

/** The cost model and the recursion count on the real supergraph, without a server. */

const schema = buildSchema(fs.readFileSync(SUPERGRAPH_PATH, 'utf8'));

function operationOf(query: string) {
  const document = parse(query);
  expect(validate(schema, document)).toEqual([]);
  return { document, operation: getOperationAST(document)! };
}

function cost(query: string, variables: Record<string, unknown> = {}, defaultListSize = 10): number {
  const { document, operation } = operationOf(query);
  return operationCost(schema, document, operation, variables, { defaultListSize });
}

function refusal(query: string, variables: Record<string, unknown> = {}, limits: Partial<QueryLimits> = {}): GraphQLError | undefined {
  const { document, operation } = operationOf(query);
  try {
    checkLimits(schema, document, operation, variables, resolveLimits(limits));
    return undefined;
  } catch (error) {
    return error as GraphQLError;
  }
}

describe('costReadsVariables', () => {
  it('is true only when a `first` is a variable, in the operation or a fragment', () => {
    expect(costReadsVariables(parse('query ($p: Personnummer!) { person(personnummer: $p) { givenName } }'))).toBe(false);
    expect(costReadsVariables(parse('{ persons(first: 3) { edges { node { givenName } } } }'))).toBe(false);
    expect(costReadsVariables(parse('query ($n: Int) { persons(first: $n) { edges { node { givenName } } } }'))).toBe(true);
    expect(costReadsVariables(parse('query ($n: Int) { ...P } fragment P on Query { persons(first: $n) { totalCount } }'))).toBe(true);
  });
});

describe('operationCost', () => {
  it('counts each field once, and a composite field as one more than what it selects', () => {
    // person 1 + givenName 1 + district (1 + name 1)
    expect(cost('{ person(personnummer: "198001011234") { givenName district { name } } }')).toBe(4);
  });

  it("multiplies a connection's edges by its literal `first`", () => {
    // persons 1 + 3 × edges (1 + node (1 + givenName 1)); pageInfo and totalCount are not multiplied
    expect(cost('{ persons(first: 3) { totalCount pageInfo { hasNextPage } edges { node { givenName } } } }')).toBe(1 + 1 + 2 + 3 * 3);
  });

  it('reads `first` from the variables, then the variable default, then the schema default (20)', () => {
    const page = (first: string) => `query ($n: Int${first}) { persons(first: $n) { edges { node { givenName } } } }`;
    expect(cost(page(''), { n: 50 })).toBe(1 + 50 * 3);
    expect(cost(page(' = 7'))).toBe(1 + 7 * 3);
    expect(cost('{ persons { edges { node { givenName } } } }')).toBe(1 + 20 * 3);
  });

  it('counts a page of 0, or a `first` that is not a number, as at least one item', () => {
    expect(cost('{ persons(first: 0) { edges { node { givenName } } } }')).toBe(1 + 1 * 3);
    expect(cost('query ($n: Int) { persons(first: $n) { edges { node { givenName } } } }', { n: 'many' })).toBe(1 + 20 * 3);
  });

  it('assumes the default size for a list with no `first`, and multiplies nested lists', () => {
    // person 1 + jobbtorgCases L × (1 + jobPlan (1 + interventions L × (1 + title 1)))
    const query = '{ person(personnummer: "198001011234") { jobbtorgCases { jobPlan { interventions { title } } } } }';
    expect(cost(query, {}, 10)).toBe(1 + 10 * (1 + 1 + 10 * 2));
    expect(cost(query, {}, 3)).toBe(1 + 3 * (1 + 1 + 3 * 2));
  });

  it('counts a list of scalars or enums as one value, and meta fields as nothing', () => {
    expect(cost('{ person(personnummer: "198001011234") { __typename consents { parties } } }', {}, 10)).toBe(1 + 10 * 2);
    expect(cost('{ __typename __schema { types { name fields { name } } } }')).toBe(0);
  });

  it('counts fragments and inline fragments as if written in place', () => {
    const inline = cost('{ persons(first: 5) { edges { node { givenName district { name } } } } }');
    const spread = cost(`{ persons(first: 5) { edges { node { ...P } } } }
      fragment P on Person { givenName ... on Person { district { ...D } } }
      fragment D on District { name }`);
    expect(spread).toBe(inline);
  });

  it('counts a fragment that is spread exponentially often in linear time', () => {
    // F0 spreads F1 twice (under two aliases), F1 spreads F2 twice… 2^40 `name`s in all.
    // Counted by walking them, that would not end before the test's timeout; no clock needed.
    const levels = 40;
    const fragments = Array.from({ length: levels }, (_, i) =>
      i === levels - 1 ? `fragment F${i} on District { name }` : `fragment F${i} on District { ...F${i + 1} ...F${i + 1} }`,
    );
    const total = cost(`{ district(code: "1") { ...F0 } } ${fragments.join('\n')}`);
    expect(total).toBe(1 + 2 ** (levels - 1));
  });
});

describe('deepestRecursion', () => {
  it('counts a field along one path, not across siblings', () => {
    const siblings = operationOf(`{ a: person(personnummer: "198001011234") { givenName } b: person(personnummer: "198001011235") { givenName } }`);
    expect(deepestRecursion(schema, siblings.document, siblings.operation)).toEqual({ field: 'Query.person', count: 1 });

    const nested = operationOf(`{ cases(first: 1) { edges { node {
      person { jobbtorgCases { person { jobbtorgCases { person { givenName } } } } }
      unit { name }
    } } } }`);
    expect(deepestRecursion(schema, nested.document, nested.operation)).toEqual({ field: 'Case.person', count: 3 });
  });

  it('sees recursion that fragments hide', () => {
    const { document, operation } = operationOf(`{ cases(first: 1) { edges { node { ...C } } } }
      fragment C on Case { person { jobbtorgCases { ...D } } }
      fragment D on Case { person { givenName } }`);
    expect(deepestRecursion(schema, document, operation)).toEqual({ field: 'Case.person', count: 2 });
  });
});

describe('checkLimits', () => {
  it('answers each limit with its own code, the limit and what was found', () => {
    const deep = '{ person(personnummer: "198001011234") { jobbtorgCases { jobPlan { interventions { title } } } } }';
    expect(refusal(deep, {}, { maxDepth: 4 })?.extensions).toMatchObject({ code: 'QUERY_TOO_DEEP', limit: 4, found: 5 });
    expect(refusal(deep, {}, { maxDepth: 5 })).toBeUndefined();

    const aliases = '{ a: districts { code } b: districts { code } t: __typename }';
    // An alias of __typename is an alias like any other (issue 14).
    expect(refusal(aliases, {}, { maxAliases: 2 })?.extensions).toMatchObject({ code: 'TOO_MANY_ALIASES', limit: 2, found: 3 });
    expect(refusal(aliases, {}, { maxAliases: 3 })).toBeUndefined();

    const directives = '{ districts { code @include(if: true) name @skip(if: false) } }';
    expect(refusal(directives, {}, { maxDirectives: 1 })?.extensions).toMatchObject({ code: 'TOO_MANY_DIRECTIVES', found: 2 });

    const page = 'query ($n: Int) { persons(first: $n) { edges { node { givenName } } } }';
    // 1 + 33 × 3 = 100
    expect(refusal(page, { n: 33 }, { maxCost: 99 })?.extensions).toMatchObject({ code: 'QUERY_TOO_COSTLY', limit: 99, found: 100 });
    expect(refusal(page, { n: 33 }, { maxCost: 99 })?.message).toMatch(/^Query cost limit of 99 exceeded, found 100/);
    expect(refusal(page, { n: 33 }, { maxCost: 100 })).toBeUndefined();

    // 3 fields, and F's 2 at each of its 3 spreads: 9.
    const spread = '{ districts { ...F ... on District { ...F } } jobbtorgUnits { ...U } } fragment F on District { code name } fragment U on JobbtorgUnit { districts { ...F } }';
    expect(refusal(spread, {}, { maxSelections: 8 })?.extensions).toMatchObject({ code: 'TOO_MANY_SELECTIONS', limit: 8, found: 9 });
    expect(refusal(spread, {}, { maxSelections: 9, maxFieldRepeats: 2 })).toBeUndefined();

    const repeated = '{ districts { code ...F ... on District { code } } } fragment F on District { code name }';
    expect(refusal(repeated, {}, { maxFieldRepeats: 2 })?.extensions).toMatchObject({ code: 'FIELD_REPEATED', limit: 2, found: 3 });
    expect(refusal(repeated, {}, { maxFieldRepeats: 2 })?.message).toBe('District.code is selected 3 times under one parent, at most 2 allowed.');
    expect(refusal(repeated, {}, { maxFieldRepeats: 3 })).toBeUndefined();

    const recursive = '{ person(personnummer: "198001011234") { jobbtorgCases { person { jobbtorgCases { id } } } } }';
    expect(refusal(recursive, {}, { maxRecursion: 1 })?.extensions).toMatchObject({ code: 'QUERY_TOO_RECURSIVE', limit: 1, found: 2 });
    expect(refusal(recursive, {}, { maxRecursion: 2 })).toBeUndefined();
  });

  it('does not count a fragment as a level of depth', () => {
    const query = `{ person(personnummer: "198001011234") { ...P } }
      fragment P on Person { jobbtorgCases { ... on Case { id } } }`;
    expect(refusal(query, {}, { maxDepth: 3 })).toBeUndefined();
    expect(refusal(query, {}, { maxDepth: 2 })?.extensions).toMatchObject({ code: 'QUERY_TOO_DEEP', found: 3 });
  });

  it('refuses limits that are not positive integers', () => {
    expect(() => resolveLimits({ maxCost: 0 })).toThrow('query limit maxCost must be a positive integer');
    expect(() => resolveLimits({ maxDepth: 2.5 })).toThrow('maxDepth');
    expect(resolveLimits()).toEqual(DEFAULT_LIMITS);
  });

  it('lets every query in README.md through at the defaults, with full pages', () => {
    const readme = fs.readFileSync(path.join(__dirname, '..', '..', '..', 'README.md'), 'utf8');
    const blocks = [...readme.matchAll(/```graphql\n([\s\S]*?)```/g)].map((m) => m[1]);
    expect(blocks.length).toBeGreaterThan(0);
    for (const block of blocks) {
      const document = parse(block, { maxTokens: DEFAULT_LIMITS.maxTokens });
      const operations = document.definitions.filter((d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION);
      for (const operation of operations) {
        expect(() => checkLimits(schema, document, operation, { first: 100 }, DEFAULT_LIMITS)).not.toThrow();
      }
    }
  });
});
