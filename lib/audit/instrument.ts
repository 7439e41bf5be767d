import { defaultFieldResolver, getNamedType, GraphQLError, GraphQLFieldResolver, GraphQLSchema, isObjectType } from 'graphql';
import { AuditAction } from './log';
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

/** Whether a mutation makes a record or changes one; a function where its input says which (a `replaces`, a `version`). */
export type WriteAction = Extract<AuditAction, 'CREATE' | 'UPDATE'> | ((args: Record<string, any>) => Extract<AuditAction, 'CREATE' | 'UPDATE'>);

/** Each mutation of a subgraph's schema, by name, and the action the log records it as. */
export type WriteActions = Readonly<Record<string, WriteAction>>;

/** The person a mutation names in its input, if it does (`personnummer`, or `input.personnummer`). */
export function personNamedBy(args: Record<string, any>): string | null {
  const named = args.personnummer ?? args.input?.personnummer;
  return typeof named === 'string' ? named : null;
}

/**
 * Runs each mutation as its action (`AuditRecorder.acting`), so what it writes and any
 * refusal on the way — a missing scope, a record the caller may not change — is logged as
 * CREATE or UPDATE. A mutation FORBIDDEN without noting why (a record only another agency
 * keeps, a unit the caller does not enrol at) is logged here, under the person its input
 * names: every refusal is on the log. Every mutation must be named: a new one cannot be
 * logged as a read by being forgotten. Applied outermost, around the scope checks, so
 * their refusals are logged as the write too.
 */
export function auditWriteActions(schema: GraphQLSchema, actions: WriteActions): GraphQLSchema {
  const mutations = schema.getMutationType()?.getFields() ?? {};
  for (const name of Object.keys(actions)) {
    if (!mutations[name]) throw new Error(`the write actions name Mutation.${name}, which this schema has not`);
  }
  for (const field of Object.values(mutations)) {
    const action = actions[field.name];
    if (!action) throw new Error(`the write actions do not say whether Mutation.${field.name} creates or updates`);
    const resolve: GraphQLFieldResolver<unknown, AuditedContext> = field.resolve ?? defaultFieldResolver;
    field.resolve = async (parent, args, context, info) => {
      const { audit } = context;
      const denied = audit.deniedSoFar;
      const acting = typeof action === 'function' ? action(args) : action;
      try {
        return await audit.acting(acting, () => resolve(parent, args, context, info));
      } catch (error) {
        const refused = error instanceof GraphQLError && error.extensions.code === 'FORBIDDEN';
        if (refused && audit.deniedSoFar === denied) audit.note(personNamedBy(args), 'Mutation', field.name, 'DENIED', acting);
        throw error;
      }
    };
  }
  return schema;
}
