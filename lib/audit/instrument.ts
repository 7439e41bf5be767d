import { defaultFieldResolver, getNamedType, GraphQLFieldResolver, GraphQLSchema, isObjectType } from 'graphql';
import { AuditRecorder } from './recorder';

/**
 * Puts every read and write of a person's records on the audit log without any resolver
 * having to remember it: each field of the listed types notes itself when it resolves, so a
 * new field is logged the day it is added.
 */

/** A type whose objects are records about one person, and how to tell which person. */
export interface PersonRecord {
  personOf: (record: any) => string | null | undefined;
}

/** The types of a subgraph that hold records about people, by GraphQL type name. */
export type RecordPolicy = Record<string, PersonRecord>;

interface AuditedContext {
  audit: AuditRecorder;
}

export function auditPersonRecords(schema: GraphQLSchema, policy: RecordPolicy): GraphQLSchema {
  for (const [typeName, record] of Object.entries(policy)) {
    const type = schema.getType(typeName);
    if (!isObjectType(type)) throw new Error(`the audit policy names ${typeName}, which is no object type of this schema`);
    for (const field of Object.values(type.getFields())) {
      const resolve: GraphQLFieldResolver<unknown, AuditedContext> = field.resolve ?? defaultFieldResolver;
      field.resolve = (parent, args, context, info) => {
        context.audit.note(record.personOf(parent) ?? null, typeName, field.name);
        return resolve(parent, args, context, info);
      };
    }
  }
  const mutation = schema.getMutationType();
  for (const field of Object.values(mutation?.getFields() ?? {})) {
    const written = getNamedType(field.type).name;
    const record = policy[written];
    if (!record) continue;
    const resolve: GraphQLFieldResolver<unknown, AuditedContext> = field.resolve ?? defaultFieldResolver;
    field.resolve = async (parent, args, context, info) => {
      const result = await resolve(parent, args, context, info);
      if (result) context.audit.note(record.personOf(result) ?? null, written, `mutation:${field.name}`);
      return result;
    };
  }
  return schema;
}
