import { defaultFieldResolver, GraphQLField, GraphQLFieldResolver, GraphQLSchema, isObjectType } from 'graphql';
import { personNamedBy, RecordPolicy } from '../audit/instrument';
import { AuditAction } from '../audit/log';
import { AuditRecorder } from '../audit/recorder';
import { forbidden } from '../errors';
import { Caller } from '../identity';
import { hasScope, Scope } from './rules';

/**
 * Holds every read of a person's records to `records:read` and every mutation to
 * `records:write`, without any resolver having to remember it: a subgraph's root queries
 * (but those its access module names as about no person), the fields of its record types
 * (however they are reached, `_entities` included) and all its mutations ask the access
 * module first, so a new field is guarded the day it is added.
 */

/** The part of a subgraph's access module that checks the records scopes (`requireScope`). */
export interface RecordScopeAccess {
  records(scope: Extract<Scope, 'records:read' | 'records:write'>, typeName: string, field: string, personnummer: string | null): void;
}

/** What a subgraph tells `enforceRecordScopes` beyond its record types. */
export interface ScopePolicy {
  /** Root queries that read no one's records, each with why: reference data, or a scope their resolver checks itself. */
  queriesAboutNoOne: Readonly<Record<string, string>>;
}

interface ScopedContext {
  access: RecordScopeAccess;
}

/** Federation's own root fields: `_entities` is guarded type by type, `_service` is the schema. */
const FEDERATION_QUERIES = new Set(['_entities', '_service']);

/**
 * Refuses a caller without `scope`, and logs the refusal as DENIED — under the person when
 * there is one, with no person key when there is none (a statistics question, a list), as
 * `action` (else the write under way, or READ). The refusal is FORBIDDEN on the field, naming the scope.
 */
export function requireScope(
  { caller, audit }: { caller: Caller; audit: AuditRecorder },
  scope: Scope,
  typeName: string,
  field: string,
  personnummer: string | null = null,
  action?: AuditAction,
): void {
  if (hasScope(caller, scope)) return;
  audit.note(personnummer, typeName, field, 'DENIED', action);
  throw forbidden(`needs the scope ${scope}`, `${typeName}.${field}`);
}


function guard(
  field: GraphQLField<unknown, ScopedContext>,
  check: (parent: unknown, args: Record<string, any>, access: RecordScopeAccess) => void,
): void {
  const resolve: GraphQLFieldResolver<unknown, ScopedContext> = field.resolve ?? defaultFieldResolver;
  field.resolve = (parent, args, context, info) => {
    check(parent, args, context.access);
    return resolve(parent, args, context, info);
  };
}

export function enforceRecordScopes(schema: GraphQLSchema, records: RecordPolicy, policy: ScopePolicy): GraphQLSchema {
  const queries = schema.getQueryType()?.getFields() ?? {};
  for (const name of Object.keys(policy.queriesAboutNoOne)) {
    if (!queries[name]) throw new Error(`the scope policy names Query.${name}, which this schema has not`);
  }
  for (const field of Object.values(queries)) {
    if (FEDERATION_QUERIES.has(field.name) || field.name in policy.queriesAboutNoOne) continue;
    guard(field, (_, args, access) => access.records('records:read', 'Query', field.name, personNamedBy(args)));
  }
  for (const [typeName, record] of Object.entries(records)) {
    const type = schema.getType(typeName);
    if (!isObjectType(type)) throw new Error(`the record policy names ${typeName}, which is no object type of this schema`);
    for (const field of Object.values(type.getFields())) {
      guard(field, (parent, _, access) => access.records('records:read', typeName, field.name, record.personOf(parent) ?? null));
    }
  }
  for (const field of Object.values(schema.getMutationType()?.getFields() ?? {})) {
    guard(field, (_, args, access) => access.records('records:write', 'Mutation', field.name, personNamedBy(args)));
  }
  return schema;
}
