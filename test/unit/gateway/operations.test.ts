import fs from 'node:fs';
import { Supergraph } from '@apollo/federation-internals';
import { getOperationAST, Kind, parse, validate } from 'graphql';
import { checkLimits, DEFAULT_LIMITS } from '../../../gateway/limits';
import { admitOperation, loadRegisteredOperations, operationId, PARTNER_FOLDERS, registeredQueryCache } from '../../../gateway/operations';
import { SUPERGRAPH_PATH } from '../../../schema/subgraphs';

/** The registered operations are sound against the graph clients see, and only they admit a partner. */

// The API schema: the supergraph as a client sees it, without @inaccessible fields.
const apiSchema = Supergraph.build(fs.readFileSync(SUPERGRAPH_PATH, 'utf8')).apiSchema().toGraphQLJSSchema();
const registry = loadRegisteredOperations();
const operations = [...registry.values()];

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

  it('are identified by the sha256 of their text', () => {
    for (const operation of operations) expect(operation.id).toBe(operationId(operation.text));
  });
});

describe('admitOperation', () => {
  const [afOperation] = operations.filter((o) => o.kinds.includes('AF'));
  const [sfiOperation] = operations.filter((o) => o.kinds.includes('SFI'));
  const refusal = (organisation: string, request: unknown) => {
    try {
      admitOperation(registry, organisation, request);
      return undefined;
    } catch (error) {
      return (error as { extensions: { code: string } }).extensions.code;
    }
  };
  const hashOnly = (id: string) => ({ extensions: { persistedQuery: { version: 1, sha256Hash: id } } });

  it('admits a partner’s own registered operation by exact text or by id', () => {
    expect(refusal('AF', { query: afOperation.text })).toBeUndefined();
    expect(refusal('AF', hashOnly(afOperation.id))).toBeUndefined();
    // GET carries extensions as JSON text
    expect(refusal('AF', { extensions: JSON.stringify(hashOnly(afOperation.id).extensions) })).toBeUndefined();
  });

  it('refuses a partner anything else: other text, another agency’s operation, an unknown id, nothing, a batch', () => {
    expect(refusal('AF', { query: `${afOperation.text} ` })).toBe('OPERATION_NOT_REGISTERED');
    expect(refusal('AF', { query: '{ districts { name } }' })).toBe('OPERATION_NOT_REGISTERED');
    expect(refusal('AF', { query: sfiOperation.text })).toBe('OPERATION_NOT_REGISTERED');
    expect(refusal('SFI:1', hashOnly(afOperation.id))).toBe('OPERATION_NOT_REGISTERED');
    expect(refusal('PROVIDER:7', hashOnly('0'.repeat(64)))).toBe('OPERATION_NOT_REGISTERED');
    expect(refusal('MIGRATIONSVERKET', {})).toBe('OPERATION_NOT_REGISTERED');
    expect(refusal('AF', [{ query: afOperation.text }])).toBe('OPERATION_NOT_REGISTERED');
  });

  it('lets the city’s own organisations run anything', () => {
    for (const organisation of ['DISTRICT:SKH', 'JOBBTORG', 'JOBBTORG:KISTA', 'CITY:ANALYS']) {
      expect(refusal(organisation, { query: '{ districts { name } }' })).toBeUndefined();
    }
  });
});

describe('registeredQueryCache', () => {
  it('always holds the registered operations, and remembers others up to its capacity', async () => {
    const cache = registeredQueryCache(registry, 2);
    const [operation] = operations;
    expect(await cache.get(`apq:${operation.id}`)).toBe(operation.text);
    await cache.set('apq:a', 'A');
    await cache.set('apq:b', 'B');
    await cache.set('apq:c', 'C');
    expect(await cache.get('apq:a')).toBeUndefined();
    expect(await cache.get('apq:c')).toBe('C');
    expect(await cache.get(`apq:${operation.id}`)).toBe(operation.text);
  });
});
