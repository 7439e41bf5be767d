import fs from 'node:fs';
import { Supergraph } from '@apollo/federation-internals';
import { buildSchema, getNamedType, getOperationAST, GraphQLObjectType, GraphQLSchema, isObjectType, parse, validate } from 'graphql';
import { deskOperationFiles } from '../../../desk/partner-operations';
import { allowlistOf, FIELD_ALLOWLIST, PartnerKind } from '../../../gateway/field-allowlist';
import { firstDisallowedField } from '../../../gateway/field-allowlist-plugin';
import { loadRegisteredOperations, PARTNER_FOLDERS } from '../../../gateway/operations';
import { ORGANISATION_KINDS } from '../../../lib/auth/organisations';
import { fieldNotAllowed } from '../../../lib/errors';
import { SUPERGRAPH_PATH } from '../../../schema/subgraphs';

/**
 * Each partner organisation may name only the fields of its allowlist (gateway/field-allowlist.ts),
 * however the operation is written; the allowlists keep away from what no partner may read;
 * and every registered operation keeps to its agency's list.
 */

const apiSchema = Supergraph.build(fs.readFileSync(SUPERGRAPH_PATH, 'utf8')).apiSchema().toGraphQLJSSchema();
const PARTNERS = Object.keys(FIELD_ALLOWLIST) as PartnerKind[];

/** The first field of the document's operation that `kind` may not ask for, after checking the document is valid. */
function disallowed(kind: PartnerKind, query: string, options = { introspection: false }, schema: GraphQLSchema = apiSchema) {
  const document = parse(query);
  expect(validate(schema, document)).toEqual([]);
  return firstDisallowedField(schema, document, getOperationAST(document)!, FIELD_ALLOWLIST[kind], options)?.coordinate;
}

describe('the allowlists', () => {
  it('cover exactly the partner kinds held to registered operations; the city’s own organisations have none', () => {
    expect(PARTNERS.sort()).toEqual(Object.keys(PARTNER_FOLDERS).sort());
    for (const kind of ORGANISATION_KINDS) expect(allowlistOf(kind) !== undefined).toBe(kind in PARTNER_FOLDERS);
    expect(allowlistOf(undefined)).toBeUndefined();
  });

  it.each(PARTNERS)('%s names only fields the API schema has', (kind) => {
    const missing = [...FIELD_ALLOWLIST[kind]].filter((coordinate) => {
      const [type, field] = coordinate.split('.');
      const named = apiSchema.getType(type);
      return !isObjectType(named) || !named.getFields()[field];
    });
    expect(missing).toEqual([]);
  });

  /** Types no partner may reach: the districts' social-services records, Jobbtorg's cases, statistics. */
  const NEVER = [
    'IncomeSupportDecision', 'IncomeSupportDecisionConnection', 'Consent', 'SharingConsent', 'Referral', 'ReferralConnection',
    'ThreePartyMeeting', 'InfoMeeting', 'FreeInfoMeeting', 'Case', 'CaseConnection', 'JobPlan', 'Intervention', 'Jobbgaranti',
    'Closure', 'Feedback', 'FollowUpReport', 'FollowUpCell', 'IncomeSupportToWorkReport', 'IncomeSupportToWorkCell',
    'PersonPlanConflictsConnection', 'PersonConnection',
  ];

  it.each(PARTNERS)('%s holds no field of, or leading to, income support, consents, referrals, meetings, cases or statistics', (kind) => {
    const reaching = [...FIELD_ALLOWLIST[kind]].filter((coordinate) => {
      const [type, field] = coordinate.split('.');
      const definition = (apiSchema.getType(type) as GraphQLObjectType).getFields()[field];
      return NEVER.includes(type) || NEVER.includes(getNamedType(definition.type).name);
    });
    expect(reaching).toEqual([]);
    for (const field of ['incomeSupportDecisions', 'consents', 'referrals', 'threePartyMeetings', 'jobbtorgCases', 'currentJobbtorgCase', 'protectedIdentity']) {
      expect(FIELD_ALLOWLIST[kind].has(`Person.${field}`)).toBe(false);
    }
  });

  it('give each agency its own records and no other agency’s; a provider nothing but its assignments', () => {
    const own: Record<PartnerKind, string[]> = {
      AF: ['Person.jobSeekerRegistrations', 'Mutation.registerJobSeeker', 'Mutation.endPlannedActivity', 'Mutation.addProgrammePart', 'JobSeekerRegistration.programmeParts'],
      MIGRATIONSVERKET: ['Person.residencePermits', 'Person.municipalityReception', 'Mutation.recordResidencePermit'],
      SFI: ['Person.sfiEnrolments', 'Query.sfiEnrolments', 'Mutation.enrolInSfi'],
      PROVIDER: ['Person.providerAssignments', 'Query.providerAssignments', 'Mutation.changeProviderAssignment'],
    };
    for (const kind of PARTNERS) {
      for (const other of PARTNERS) {
        for (const coordinate of own[other]) expect([kind, coordinate, FIELD_ALLOWLIST[kind].has(coordinate)]).toEqual([kind, coordinate, kind === other]);
      }
    }
    // Beyond what every partner gets (identity, shared plan, reference data), a provider has its assignments only.
    const shared = [...FIELD_ALLOWLIST.PROVIDER].filter((coordinate) => PARTNERS.every((kind) => FIELD_ALLOWLIST[kind].has(coordinate)));
    const providersOwn = [...FIELD_ALLOWLIST.PROVIDER].filter((coordinate) => !shared.includes(coordinate));
    expect(providersOwn.filter((coordinate) => !/ProviderAssignment|providerAssignments|assignProvider/.test(coordinate))).toEqual([]);
  });

  it('give every partner the identity fields and the whole shared plan', () => {
    for (const kind of PARTNERS) {
      for (const coordinate of ['Person.personnummer', 'Person.givenName', 'Person.familyName', 'Person.birthDate', 'Person.sharedPlan', 'PlanItem.schedule', 'PlanConflict.message']) {
        expect([kind, FIELD_ALLOWLIST[kind].has(coordinate)]).toEqual([kind, true]);
      }
    }
  });
});

describe('firstDisallowedField', () => {
  it('finds a disallowed field asked for directly, nested under allowed ones, or under an alias', () => {
    expect(disallowed('AF', '{ person(personnummer: "199001012389") { givenName } }')).toBeUndefined();
    expect(disallowed('AF', '{ person(personnummer: "199001012389") { givenName incomeSupportDecisions { amount } } }')).toBe('Person.incomeSupportDecisions');
    expect(disallowed('AF', '{ person(personnummer: "199001012389") { jobSeekerRegistrations { plannedActivities { provider { agency { name } } } } } }')).toBeUndefined();
    // An alias renames the answer, not the field.
    expect(disallowed('AF', '{ person(personnummer: "199001012389") { jobSeekerRegistrations: consents { id } } }')).toBe('Person.consents');
    expect(disallowed('SFI', '{ who: person(personnummer: "199001012389") { givenName: familyName money: incomeSupportDecisions { amount } } }')).toBe('Person.incomeSupportDecisions');
  });

  it('follows back-references: an allowed path to a person does not open the person’s other records', () => {
    expect(disallowed('SFI', '{ sfiEnrolments { edges { node { person { givenName sharedPlan(from: "2026-01-05", to: "2026-02-01") { activities { title } } } } } } }')).toBeUndefined();
    expect(disallowed('SFI', '{ sfiEnrolments { edges { node { person { referrals { id } } } } } }')).toBe('Person.referrals');
    expect(disallowed('PROVIDER', '{ providerAssignments { edges { node { person { jobSeekerRegistrations { office } } } } } }')).toBe('Person.jobSeekerRegistrations');
    expect(disallowed('AF', '{ districts { name infoMeetings(from: "2026-01-01", to: "2026-02-01") { startsAt } } }')).toBe('District.infoMeetings');
  });

  it('reads named fragments, fragments inside fragments and inline fragments with and without a type condition', () => {
    const viaFragment = `
      query Q { person(personnummer: "199001012389") { ...Who } }
      fragment Who on Person { givenName ...Money }
      fragment Money on Person { incomeSupportDecisions { amount } }`;
    expect(disallowed('AF', viaFragment)).toBe('Person.incomeSupportDecisions');
    expect(disallowed('AF', '{ person(personnummer: "199001012389") { ... on Person { consents { id } } } }')).toBe('Person.consents');
    expect(disallowed('AF', '{ person(personnummer: "199001012389") { ... @include(if: true) { threePartyMeetings { notes } } } }')).toBe('Person.threePartyMeetings');
    // A field under @skip(if: true) is still named, and still refused.
    expect(disallowed('AF', '{ person(personnummer: "199001012389") { jobbtorgCases @skip(if: true) { id } } }')).toBe('Person.jobbtorgCases');
    const allowedFragments = `
      query Q { person(personnummer: "199001012389") { ...Who a: jobSeekerRegistrations { ...Reg } b: jobSeekerRegistrations { ...Reg } } }
      fragment Who on Person { personnummer givenName }
      fragment Reg on JobSeekerRegistration { id office plannedActivities { ... on PlannedActivity { title } } }`;
    expect(disallowed('AF', allowedFragments)).toBeUndefined();
  });

  it('names the first disallowed field in reading order, fragments read where first spread', () => {
    const query = `
      query Q { person(personnummer: "199001012389") { ...F referrals { id } } }
      fragment F on Person { givenName consents { id } }`;
    expect(disallowed('AF', query)).toBe('Person.consents');
  });

  it('judges the mutation’s own field and what it selects', () => {
    const register = (fields: string) => `mutation { registerJobSeeker(input: {
      personnummer: "199001012389", registeredOn: "2026-11-02", office: "Kista", programme: NONE, programmeExtentPercent: 0 }) { ${fields} } }`;
    expect(disallowed('AF', register('id version recordedBy'))).toBeUndefined();
    expect(disallowed('AF', register('id person { consents { purpose } }'))).toBe('Person.consents');
    expect(disallowed('SFI', register('id'))).toBe('Mutation.registerJobSeeker');
    expect(disallowed('AF', 'mutation { withdrawConsent(input: { id: "1", version: 1 }) { id } }')).toBe('Mutation.withdrawConsent');
  });

  it('always allows __typename; introspection only where it is on (development)', () => {
    expect(disallowed('PROVIDER', '{ __typename providers { __typename t: __typename name } }')).toBeUndefined();
    const introspection = '{ __schema { queryType { name fields { name } } } __type(name: "Person") { fields { name } } }';
    expect(disallowed('PROVIDER', introspection, { introspection: true })).toBeUndefined();
    expect(disallowed('PROVIDER', introspection, { introspection: false })).toBe('Query.__schema');
    expect(disallowed('PROVIDER', '{ __type(name: "Person") { name } }', { introspection: false })).toBe('Query.__type');
  });

  it('judges each operation on its own', () => {
    const document = parse(`
      query Mine { person(personnummer: "199001012389") { givenName } }
      query Theirs { person(personnummer: "199001012389") { consents { id } } }`);
    const judge = (name: string) => firstDisallowedField(apiSchema, document, getOperationAST(document, name)!, FIELD_ALLOWLIST.AF, { introspection: false })?.coordinate;
    expect(judge('Mine')).toBeUndefined();
    expect(judge('Theirs')).toBe('Person.consents');
  });

  it('reads each fragment once, however often it is spread', () => {
    // Each fragment spreads the next twice: 2^40 fields if read at every spread.
    const fragments = Array.from({ length: 40 }, (_, i) => `fragment F${i} on Person { givenName ...F${i + 1} ...F${i + 1} }`).join(' ');
    const document = parse(`query Q { person(personnummer: "199001012389") { ...F0 } } ${fragments} fragment F40 on Person { personnummer }`);
    const judge = () => firstDisallowedField(apiSchema, document, getOperationAST(document)!, FIELD_ALLOWLIST.AF, { introspection: false });
    expect(judge()).toBeUndefined();
  });

  describe('on interfaces and unions (the supergraph has none yet; this schema has both)', () => {
    const schema = buildSchema(`
      interface Record { id: ID! secret: String }
      type Permit implements Record { id: ID! secret: String kind: String }
      type Decision implements Record { id: ID! secret: String amount: Int }
      union Item = Permit | Decision
      type Query { records: [Record!]! items: [Item!]! }
    `);
    const allowed = new Set(['Query.records', 'Query.items', 'Record.id', 'Permit.id', 'Permit.kind']);
    const judge = (query: string) => {
      const document = parse(query);
      expect(validate(schema, document)).toEqual([]);
      return firstDisallowedField(schema, document, getOperationAST(document)!, allowed, { introspection: false })?.coordinate;
    };

    it('names a field by the type it is selected on: the interface, or the object an inline fragment narrows to', () => {
      expect(judge('{ records { id ... on Permit { kind } } }')).toBeUndefined();
      expect(judge('{ records { secret } }')).toBe('Record.secret');
      expect(judge('{ records { ... on Decision { amount } } }')).toBe('Decision.amount');
      expect(judge('{ records { ...D } } fragment D on Decision { id }')).toBe('Decision.id');
    });

    it('reads a union’s members the same way, __typename always allowed', () => {
      expect(judge('{ items { __typename ... on Permit { id kind } } }')).toBeUndefined();
      expect(judge('{ items { ... on Decision { id } } }')).toBe('Decision.id');
      expect(judge('{ items { ... on Record { id secret } } }')).toBe('Record.secret');
    });
  });
});

describe('the registered operations', () => {
  const EVERY_PARTNER: PartnerKind[] = ['AF', 'MIGRATIONSVERKET', 'SFI', 'PROVIDER'];
  /** Which partner kinds may run each registered operation, as the allowlists decide it. */
  const EXPECTED: Record<string, PartnerKind[]> = {
    'af/AddPlannedActivity.graphql': ['AF'],
    'af/AddProgrammePart.graphql': ['AF'],
    'af/ChangeJobSeekerRegistration.graphql': ['AF'],
    'af/JobSeekerRegistrations.graphql': ['AF'],
    'af/ProgrammeParts.graphql': ['AF'],
    'af/RegisterJobSeeker.graphql': ['AF'],
    'af/RemoveProgrammePart.graphql': ['AF'],
    // The shared plan and the person's identity: every partner's to read.
    'af/SharedPlan.graphql': ['AF', 'MIGRATIONSVERKET', 'SFI', 'PROVIDER'],
    'migrationsverket/RecordMunicipalityReception.graphql': ['MIGRATIONSVERKET'],
    'migrationsverket/RecordResidencePermit.graphql': ['MIGRATIONSVERKET'],
    'migrationsverket/ResidenceStatus.graphql': ['MIGRATIONSVERKET'],
    'provider/Assignments.graphql': ['PROVIDER'],
    'provider/ChangeProviderAssignment.graphql': ['PROVIDER'],
    'sfi/ChangeSfiEnrolment.graphql': ['SFI'],
    'sfi/EnrolInSfi.graphql': ['SFI'],
    'sfi/SchoolEnrolments.graphql': ['SFI'],
    // The conflicts that involve an agency, and its actions on them: every partner may name
    // them (Migrationsverket is never involved, so its inbox is empty and its actions NOT_FOUND).
    'af/AcceptPlanConflict.graphql': EVERY_PARTNER,
    'af/AcknowledgePlanConflict.graphql': EVERY_PARTNER,
    'af/PlanConflictInbox.graphql': EVERY_PARTNER,
    'af/WithdrawPlanConflictAcceptance.graphql': EVERY_PARTNER,
    'provider/AcceptPlanConflict.graphql': EVERY_PARTNER,
    'provider/AcknowledgePlanConflict.graphql': EVERY_PARTNER,
    'provider/PlanConflictInbox.graphql': EVERY_PARTNER,
    'provider/WithdrawPlanConflictAcceptance.graphql': EVERY_PARTNER,
    'sfi/AcceptPlanConflict.graphql': EVERY_PARTNER,
    'sfi/AcknowledgePlanConflict.graphql': EVERY_PARTNER,
    'sfi/PlanConflictInbox.graphql': EVERY_PARTNER,
    'sfi/WithdrawPlanConflictAcceptance.graphql': EVERY_PARTNER,
    // The desk's own documents a partner's user sends (desk/partner-operations.ts): the shared
    // plan, the inbox and the actions on a conflict, within what every partner may name.
    ...Object.fromEntries([...deskOperationFiles().keys()].map((file) => [file, EVERY_PARTNER])),
  };
  const operations = loadRegisteredOperations().operations;

  it('are the ones this table knows, so a new one is judged here too', () => {
    expect(operations.map((o) => o.file).sort()).toEqual(Object.keys(EXPECTED).sort());
  });

  it.each(operations.map((o) => [o.file, o] as const))('%s passes its own agency’s list, and only the lists it should', (file, operation) => {
    const document = parse(operation.text);
    const passes = PARTNERS.filter(
      (kind) => !firstDisallowedField(apiSchema, document, getOperationAST(document)!, FIELD_ALLOWLIST[kind], { introspection: false }),
    );
    for (const kind of operation.kinds) expect(passes).toContain(kind);
    expect(passes.sort()).toEqual([...EXPECTED[file]].sort());
  });
});

describe('fieldNotAllowed', () => {
  it('is FIELD_NOT_ALLOWED with HTTP 403, the field’s coordinate and where the document names it', () => {
    const document = parse('{ person(personnummer: "199001012389") {\n  incomeSupportDecisions { amount } } }');
    const field = firstDisallowedField(apiSchema, document, getOperationAST(document)!, FIELD_ALLOWLIST.AF, { introspection: false })!;
    const error = fieldNotAllowed('AF', field);
    expect(error.extensions).toEqual({ code: 'FIELD_NOT_ALLOWED', field: 'Person.incomeSupportDecisions', http: { status: 403 } });
    expect(error.message).toMatch(/^AF may not ask for Person\.incomeSupportDecisions/);
    expect(error.locations).toEqual([{ line: 2, column: 3 }]);
  });
});
