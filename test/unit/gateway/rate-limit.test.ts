import fs from 'node:fs';
import { Supergraph } from '@apollo/federation-internals';
import { getOperationAST, parse, validate } from 'graphql';
import { pointsOf } from '../../../gateway/rate-limit';
import { SUPERGRAPH_PATH } from '../../../schema/subgraphs';

const schema = Supergraph.build(fs.readFileSync(SUPERGRAPH_PATH, 'utf8')).apiSchema().toGraphQLJSSchema();

function points(query: string): number {
  const document = parse(query);
  expect(validate(schema, document)).toEqual([]);
  return pointsOf(schema, document, getOperationAST(document)!);
}

describe('pointsOf', () => {
  it('counts root fields, each alias one, through fragments; nested fields cost nothing', () => {
    expect(points('{ districts { code name } }')).toBe(1);
    expect(points('{ a: districts { code } b: districts { code } jobbtorgUnits { code } }')).toBe(3);
    expect(points('{ ...R ... on Query { c: districts { code } } } fragment R on Query { a: districts { code } b: __typename }')).toBe(3);
    expect(points('{ __typename }')).toBe(1);
  });
});
