import fs from 'node:fs';
import {
  DocumentNode,
  FieldDefinitionNode,
  FragmentDefinitionNode,
  Kind,
  ObjectTypeDefinitionNode,
  ObjectTypeExtensionNode,
  OperationDefinitionNode,
  parse,
  SelectionSetNode,
} from 'graphql';
import { schemaPathsOf } from '../../../schema/subgraphs';
import { questionText } from '../../../subgraphs/jobbtorg/peers';

/**
 * For a coordinator's list Jobbtorg asks partners and stadsdel itself for what
 * `Person.sharedPlan` `@requires` (subgraphs/jobbtorg/peers/<peer>/<Peer>PlanFacts.graphql); the gateway
 * brings the same fields for one person's plan. The rules read both the same way, so the two
 * selections must not drift apart: each question asks its subgraph for exactly the fields of
 * the `@requires` selection that subgraph owns, down to the last sub-field.
 */

type Peer = 'partners' | 'stadsdel';
const PEERS: Peer[] = ['partners', 'stadsdel'];
const PLAN_FACTS: Record<Peer, string> = { partners: 'PartnersPlanFacts', stadsdel: 'StadsdelPlanFacts' };

/** The fields of a selection by response key, fragments and inline fragments read in place. */
function fieldsOf(sets: readonly SelectionSetNode[], fragments: ReadonlyMap<string, FragmentDefinitionNode>): Map<string, SelectionSetNode[]> {
  const fields = new Map<string, SelectionSetNode[]>();
  const read = (set: SelectionSetNode): void => {
    for (const selection of set.selections) {
      if (selection.kind === Kind.INLINE_FRAGMENT) read(selection.selectionSet);
      else if (selection.kind === Kind.FRAGMENT_SPREAD) read(fragments.get(selection.name.value)!.selectionSet);
      else {
        const key = (selection.alias ?? selection.name).value;
        fields.set(key, [...(fields.get(key) ?? []), ...(selection.selectionSet ? [selection.selectionSet] : [])]);
      }
    }
  };
  sets.forEach(read);
  return fields;
}

/**
 * Each top-level field of a selection written one way: sub-fields sorted, repeated fields
 * merged, whitespace and fragments gone, e.g. `schedule { endTime startTime weekday }`.
 */
function byField(set: SelectionSetNode, fragments: ReadonlyMap<string, FragmentDefinitionNode> = new Map()): Map<string, string> {
  const written = (sets: readonly SelectionSetNode[]): Map<string, string> =>
    new Map(
      [...fieldsOf(sets, fragments)].map(([key, below]) => [
        key,
        below.length ? `${key} { ${[...written(below).values()].sort().join(' ')} }` : key,
      ]),
    );
  return written([set]);
}

function personType(document: DocumentNode): ObjectTypeDefinitionNode | ObjectTypeExtensionNode {
  const person = document.definitions.find(
    (d): d is ObjectTypeDefinitionNode | ObjectTypeExtensionNode =>
      (d.kind === Kind.OBJECT_TYPE_DEFINITION || d.kind === Kind.OBJECT_TYPE_EXTENSION) && d.name.value === 'Person',
  );
  if (!person) throw new Error('the SDL has no Person');
  return person;
}

const isFederation = (name: string) => (directive: { name: { value: string } }) => [name, `federation__${name}`].includes(directive.name.value);

/** What `Person.sharedPlan` requires, by top-level field, as jobbtorg's SDL writes it. */
function requiredBySharedPlan(sdl: string): Map<string, string> {
  const sharedPlan = personType(parse(sdl)).fields?.find((f) => f.name.value === 'sharedPlan');
  const requires = sharedPlan?.directives?.find(isFederation('requires'));
  const fields = requires?.arguments?.find((a) => a.name.value === 'fields')?.value;
  if (fields?.kind !== Kind.STRING) throw new Error('Person.sharedPlan has no @requires(fields: "…")');
  return byField((parse(`{ ${fields.value} }`).definitions[0] as OperationDefinitionNode).selectionSet);
}

/** The Person fields `peer` resolves itself (not `@external`), by its SDL. */
function ownedBy(peer: Peer): Set<string> {
  const fields: readonly FieldDefinitionNode[] = personType(parse(fs.readFileSync(schemaPathsOf(peer)[0], 'utf8'))).fields ?? [];
  return new Set(fields.filter((f) => !f.directives?.some(isFederation('external'))).map((f) => f.name.value));
}

/** What a plan-facts question asks of each Person, by top-level field; the key it is matched by, and `__typename`, left out. */
function askedOf(text: string): Map<string, string> {
  const document = parse(text);
  const fragments = new Map(
    document.definitions.filter((d): d is FragmentDefinitionNode => d.kind === Kind.FRAGMENT_DEFINITION).map((d) => [d.name.value, d]),
  );
  const operation = document.definitions.find((d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION)!;
  const [entities] = fieldsOf([operation.selectionSet], fragments).get('_entities') ?? [];
  const asked = byField(entities, fragments);
  asked.delete('personnummer');
  asked.delete('__typename');
  return asked;
}

function requiredFrom(peer: Peer, required: Map<string, string>): Map<string, string> {
  const owned = ownedBy(peer);
  return new Map([...required].filter(([field]) => owned.has(field)));
}

const sorted = (fields: Map<string, string>) => [...fields.values()].sort();

describe('what Jobbtorg asks for a plan, and what Person.sharedPlan @requires', () => {
  const required = requiredBySharedPlan(fs.readFileSync(schemaPathsOf('jobbtorg')[0], 'utf8'));

  it.each(PEERS)('asks %s for exactly the @requires fields it owns', (peer) => {
    expect(sorted(askedOf(questionText(peer, PLAN_FACTS[peer])))).toEqual(sorted(requiredFrom(peer, required)));
  });

  it('leaves no @requires field to a subgraph it does not ask', () => {
    const asked = new Set(PEERS.flatMap((peer) => [...requiredFrom(peer, required).keys()]));
    expect([...required.keys()].filter((field) => !asked.has(field))).toEqual([]);
  });

  it('reads a selection the same however it is written', () => {
    const fragment = 'fragment Slot on WeeklySlot { startTime weekday }';
    const asked = askedOf(`query Q { _entities { ... on Person { personnummer items { status schedule { ...Slot endTime } id } } } } ${fragment}`);
    expect(sorted(asked)).toEqual(sorted(byField((parse('{ items { id schedule { endTime startTime weekday } status } }').definitions[0] as OperationDefinitionNode).selectionSet)));
  });
});
