import fs from 'node:fs';
import { Supergraph } from '@apollo/federation-internals';
import { getOperationAST, Kind, parse, print, validate } from 'graphql';
import { checkLimits, DEFAULT_LIMITS } from '../../../gateway/limits';
import {
  admitOperation,
  loadRegisteredOperations,
  manifestPath,
  operationId,
  PARTNER_FOLDERS,
  persistedQueryManifest,
  registeredQueryCache,
  typedDocumentOf,
} from '../../../gateway/operations';
import { OrganisationKind } from '../../../lib/auth/organisations';
import { Organisation } from '../../../lib/auth/organisations';
import { SUPERGRAPH_PATH } from '../../../schema/subgraphs';
import { org } from '../../helpers/organisations';

/** The registered operations are sound against the graph clients see, and only they admit a partner. */

// The API schema: the supergraph as a client sees it, without @inaccessible fields.
const apiSchema = Supergraph.build(fs.readFileSync(SUPERGRAPH_PATH, 'utf8')).apiSchema().toGraphQLJSSchema();
const registry = loadRegisteredOperations();
const operations = registry.operations;

describe('the registered operations', () => {
  it('give every partner kind some operations', () => {
    for (const kind of Object.keys(PARTNER_FOLDERS)) {
      expect(operations.filter((o) => o.kinds.includes(kind as never)).length).toBeGreaterThanOrEqual(2);
    }
  });

  it.each(operations.map((o) => [o.file, o] as const))('%s is one named operation, valid against the API schema and within the limits', (file, operation) => {
    const document = parse(operation.text);
    expect(validate(apiSchema, document)).toEqual([]);
    const definitions = document.definitions.filter((d) => d.kind === Kind.OPERATION_DEFINITION);
    expect(definitions).toHaveLength(1);
    const ast = getOperationAST(document)!;
    // The file is named after its operation, so a log's operation name leads to the file.
    expect(`${ast.name?.value}.graphql`).toBe(file.split('/').pop());
    expect(() => checkLimits(apiSchema, document, ast, {}, DEFAULT_LIMITS)).not.toThrow();
  });

  it('are identified as standard clients hash them: the printed document with __typename below the root, not the file’s bytes', () => {
    for (const operation of operations) {
      expect(operation.body).toBe(typedDocumentOf(parse(operation.text)));
      expect(operation.id).toBe(operationId(operation.body));
      expect(operation.id).not.toBe(operationId(operation.text));
      // A client that adds no __typename sends the plain printed document; it names the same operation.
      expect(registry.find(operationId(print(parse(operation.text))))?.operation.kinds).toBe(operation.kinds);
    }
  });

  it.each(Object.keys(PARTNER_FOLDERS) as OrganisationKind[])('publish %s’s operations in Apollo’s persisted query manifest format, committed beside them', (kind) => {
    const committed = JSON.parse(fs.readFileSync(manifestPath(kind), 'utf8'));
    expect(committed).toEqual(persistedQueryManifest(registry, kind));
    expect(committed.format).toBe('apollo-persisted-query-manifest');
    expect(committed.operations.map((o: { name: string }) => o.name).sort()).toEqual(
      operations.filter((o) => o.kind === kind).map((o) => o.name).sort(),
    );
  });
});

describe('typedDocumentOf', () => {
  it('adds __typename as Apollo Client does: below the root, not where a __-field is selected already', () => {
    const typed = typedDocumentOf(parse('query Q { a { b c { d __typename } } x { __type(name: "T") { name } } } fragment F on T { e }'));
    expect(typed).toBe(
      print(parse('query Q { a { b c { d __typename } __typename } x { __type(name: "T") { name __typename } } } fragment F on T { e __typename }')),
    );
  });
});

describe('admitOperation', () => {
  const [afOperation] = operations.filter((o) => o.kinds.includes('AF') && !o.kinds.includes('SFI'));
  const [sfiOperation] = operations.filter((o) => o.kinds.includes('SFI') && !o.kinds.includes('AF'));
  const refusal = (organisation: Organisation, request: unknown) => {
    try {
      admitOperation(registry, organisation, request);
      return undefined;
    } catch (error) {
      return (error as { extensions: { code: string } }).extensions.code;
    }
  };
  const hashOnly = (id: string) => ({ extensions: { persistedQuery: { version: 1, sha256Hash: id } } });

  it('admits a partner’s own registered operation by its text, however laid out or commented, or by id', () => {
    expect(refusal(org('AF'), { query: afOperation.text })).toBeUndefined();
    expect(refusal(org('AF'), { query: `# sent by a client\n${afOperation.text.replace(/^#.*$/gm, '').replace(/\s+/g, ' ')} ` })).toBeUndefined();
    expect(refusal(org('AF'), { query: afOperation.body })).toBeUndefined();
    expect(refusal(org('AF'), hashOnly(afOperation.id))).toBeUndefined();
    // GET carries extensions as JSON text
    expect(refusal(org('AF'), { extensions: JSON.stringify(hashOnly(afOperation.id).extensions) })).toBeUndefined();
  });

  it('refuses a partner anything else: other text, another agency’s operation, an unknown id, nothing, a batch', () => {
    expect(refusal(org('AF'), { query: afOperation.text.replace(/\}\s*$/, ' __typename }') })).toBe('OPERATION_NOT_REGISTERED');
    expect(refusal(org('AF'), { query: `${afOperation.text} {` })).toBe('OPERATION_NOT_REGISTERED');
    expect(refusal(org('AF'), { query: `query Big { ${'__typename '.repeat(3000)} }` })).toBe('OPERATION_NOT_REGISTERED');
    expect(refusal(org('AF'), { query: '{ districts { name } }' })).toBe('OPERATION_NOT_REGISTERED');
    expect(refusal(org('AF'), { query: sfiOperation.text })).toBe('OPERATION_NOT_REGISTERED');
    expect(refusal(org('SFI', '1'), hashOnly(afOperation.id))).toBe('OPERATION_NOT_REGISTERED');
    expect(refusal(org('PROVIDER', '7'), hashOnly('0'.repeat(64)))).toBe('OPERATION_NOT_REGISTERED');
    expect(refusal(org('MIGRATIONSVERKET'), {})).toBe('OPERATION_NOT_REGISTERED');
    expect(refusal(org('AF'), [{ query: afOperation.text }])).toBe('OPERATION_NOT_REGISTERED');
  });

  it('lets the city’s own organisations run anything', () => {
    for (const organisation of [org('DISTRICT', 'SKH'), org('JOBBTORG'), org('JOBBTORG', 'KISTA'), org('CITY', 'ANALYS')]) {
      expect(refusal(organisation, { query: '{ districts { name } }' })).toBeUndefined();
    }
  });
});

describe('registeredQueryCache', () => {
  it('always holds the registered operations, and remembers others up to its capacity', async () => {
    const cache = registeredQueryCache(registry, 2);
    const [operation] = operations;
    expect(await cache.get(`apq:${operation.id}`)).toBe(operation.body);
    await cache.set('apq:a', 'A');
    await cache.set('apq:b', 'B');
    await cache.set('apq:c', 'C');
    expect(await cache.get('apq:a')).toBeUndefined();
    expect(await cache.get('apq:c')).toBe('C');
    expect(await cache.get(`apq:${operation.id}`)).toBe(operation.body);
  });
});
