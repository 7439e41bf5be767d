import fs from 'node:fs';
import { Kind, parse, visit } from 'graphql';
import { SHARED_SCHEMA_PATH, SUBGRAPHS } from '../../../schema/subgraphs';

/** Every type, field, input field and enum value in the subgraph schemas says what it is. */
describe.each([...SUBGRAPHS.map((s) => [s.name, s.schemaPath]), ['shared', SHARED_SCHEMA_PATH]])('the %s schema', (_, schemaPath) => {
  it('describes everything it defines', () => {
    const undocumented: string[] = [];
    let owner = '';
    visit(parse(fs.readFileSync(schemaPath, 'utf8')), {
      enter(node) {
        if ('name' in node && node.name && 'fields' in node) owner = node.name.value;
        if ('name' in node && node.name && 'values' in node) owner = node.name.value;
        const described =
          node.kind === Kind.OBJECT_TYPE_DEFINITION ||
          node.kind === Kind.INPUT_OBJECT_TYPE_DEFINITION ||
          node.kind === Kind.ENUM_TYPE_DEFINITION ||
          node.kind === Kind.SCALAR_TYPE_DEFINITION ||
          node.kind === Kind.FIELD_DEFINITION ||
          node.kind === Kind.INPUT_VALUE_DEFINITION ||
          node.kind === Kind.ENUM_VALUE_DEFINITION;
        // The root Query type is a container; its fields carry the descriptions.
        if (!described || (node.kind === Kind.OBJECT_TYPE_DEFINITION && node.name.value === 'Query')) return;
        if (!node.description?.value.trim()) {
          const name = 'name' in node && node.name ? node.name.value : '?';
          undocumented.push(node.kind === Kind.OBJECT_TYPE_DEFINITION || node.kind === Kind.ENUM_TYPE_DEFINITION || node.kind === Kind.INPUT_OBJECT_TYPE_DEFINITION || node.kind === Kind.SCALAR_TYPE_DEFINITION ? name : `${owner}.${name}`);
        }
      },
    });
    expect(undocumented).toEqual([]);
  });
});
