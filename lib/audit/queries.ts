import { GraphQLError } from 'graphql';
import { Knex } from 'knex';
import { Scope } from '../auth/rules';
import { requireScope } from '../auth/scopes';
import { badInput } from '../errors';
import { Caller } from '../identity';
import { fromDbDateTime, parseDateTime, toDbDateTime } from '../scalars/calendar';
import { parsePersonnummer } from '../scalars/personnummer';
import { AUDIT_TABLE, AuditAction, AuditEntry, AuditRow } from './log';
import { AuditRecorder } from './recorder';

/**
 * The auditors' questions of the audit log (loggkontroll): "who read this person" and "what
 * did this user read". Each subgraph keeps its own log, so each answers from its own log for
 * its own list, and the gateway gathers the three. The question (person or user, period,
 * how many) is the entity's key, so every subgraph answers exactly the question asked, and
 * each checks the caller's scope itself: none relies on another having checked.
 */

/** The scope that lets a caller read the audit log. */
export const AUDIT_SCOPE = 'audit:read' satisfies Scope;

/** Most entries a list holds; the caller narrows the period to see further back. */
export const MAX_ACCESS_LOG_ENTRIES = 500;

/** Where `from` starts when not given: before any entry any log holds. */
export const BEGINNING = new Date('1970-01-01T00:00:00Z');

/** Whose log an entry is from, in the order a merged list puts entries of the same second. */
export const AUDIT_LOG_NAMES = ['STADSDEL', 'JOBBTORG', 'PARTNERS'] as const;
export type AuditLogName = (typeof AUDIT_LOG_NAMES)[number];

/** The period and size of an access-log question; instants as the API writes them, to the second. */
export interface AccessLogWindow {
  from: string;
  to: string;
  first: number;
}

/** "Who read this person": the `PersonAccessLog` key. */
export interface PersonAccessLogKey extends AccessLogWindow {
  personnummer: string;
}

/** "What did this user read": the `UserAccessLog` key. */
export interface UserAccessLogKey extends AccessLogWindow {
  organisation: string;
  user: string;
}

/** An entry as auditors read it: the stored entry, with its log, id and time as text; the person only as the log's keyed hash. */
export interface AuditEntryView extends Omit<AuditEntry, 'at' | 'action'> {
  log: AuditLogName;
  id: string;
  at: string;
  /** Null in entries written before the log recorded actions. */
  action: AuditAction | null;
}

/** The other subgraphs' lists, which the gateway brings to the merged view (`@requires`). */
export interface OtherLogs {
  jobbtorgEntries?: AuditEntryView[];
  partnersEntries?: AuditEntryView[];
}

export type PersonAccessLogModel = PersonAccessLogKey & OtherLogs;
export type UserAccessLogModel = UserAccessLogKey & OtherLogs;

interface AuditorContext {
  db: Knex;
  caller: Caller;
  audit: AuditRecorder;
}

/** What an auditor asks about: one person's log, one user's, or everyone's volume of reads (lib/audit/volume.ts). */
export type AuditSubject = { kind: 'PersonAccessLog'; personnummer: string } | { kind: 'UserAccessLog' } | { kind: 'UnusualVolumeReport' };

/** The part of a subgraph's access module that checks an auditor's scope (`requireAuditScope`). */
export interface AuditLogAccess {
  auditLog(subject: AuditSubject, field: string): void;
}

const personnummerOf = (subject: AuditSubject) => (subject.kind === 'PersonAccessLog' ? subject.personnummer : null);

/**
 * Refuses a caller without `audit:read`, and logs the refusal: an attempt to read who read
 * someone is itself a read of that person's records. Each subgraph's access module asks it.
 */
export function requireAuditScope({ caller, audit }: Pick<AuditorContext, 'caller' | 'audit'>, subject: AuditSubject, field: string): void {
  requireScope({ caller, audit }, AUDIT_SCOPE, subject.kind, field, personnummerOf(subject));
}

/** An instant as the log records it, to the second, as the API writes it. */
export const atSecond = (date: Date): string => fromDbDateTime(toDbDateTime(date));

/**
 * The period and size asked, checked: `from` defaults to the beginning, `to` to now, both
 * inclusive and kept to the second the log records; `first` is 0–500.
 */
export function accessLogWindow(
  args: { from?: Date | null; to?: Date | null; first?: number | null },
  field: string,
  now = new Date(),
): AccessLogWindow {
  const from = args.from ?? BEGINNING;
  const to = args.to ?? now;
  const first = args.first ?? 100;
  if (!Number.isInteger(first) || first < 0 || first > MAX_ACCESS_LOG_ENTRIES) {
    throw badInput(`${field}.first`, `must be from 0 to ${MAX_ACCESS_LOG_ENTRIES}`);
  }
  if (from.getTime() < BEGINNING.getTime()) throw badInput(`${field}.from`, 'must not be before 1970');
  if (to.getTime() < from.getTime()) throw badInput(`${field}.to`, 'must not be before from');
  return { from: atSecond(from), to: atSecond(to), first };
}

/** Reads a key the gateway sent; anything malformed is refused, not half read. */
export function keyPart<T>(typeName: string, read: () => T): T {
  try {
    return read();
  } catch (error) {
    if (error instanceof GraphQLError) throw error;
    throw badInput(typeName, 'is not a key of an access log');
  }
}

function windowOf(reference: Record<string, unknown>, typeName: string): AccessLogWindow {
  const { from, to, first } = reference;
  return keyPart(typeName, () => accessLogWindow({ from: parseDateTime(String(from)), to: parseDateTime(String(to)), first: Number(first) }, typeName));
}

/**
 * A `PersonAccessLog` as another subgraph (through the gateway) names it: the scope checked
 * here, by the subgraph's access module, and the key read again as a question, never
 * trusted as given.
 */
export function personAccessLogReference(reference: Record<string, unknown>, access: AuditLogAccess): PersonAccessLogModel {
  const personnummer = keyPart('PersonAccessLog', () => parsePersonnummer(String(reference.personnummer)));
  access.auditLog({ kind: 'PersonAccessLog', personnummer }, 'PersonAccessLog');
  return { ...(reference as OtherLogs), personnummer, ...windowOf(reference, 'PersonAccessLog') };
}

/** A `UserAccessLog` as another subgraph names it, checked likewise. */
export function userAccessLogReference(reference: Record<string, unknown>, access: AuditLogAccess): UserAccessLogModel {
  access.auditLog({ kind: 'UserAccessLog' }, 'UserAccessLog');
  const { organisation, user } = reference;
  if (typeof organisation !== 'string' || typeof user !== 'string') throw badInput('UserAccessLog', 'is not a key of an access log');
  return { ...(reference as OtherLogs), organisation, user, ...windowOf(reference, 'UserAccessLog') };
}

const COLUMNS = [
  'id', 'at', 'organisation', 'user', 'person_key', 'record_type', 'fields', 'operation_name', 'request_id', 'outcome',
  'action', 'purpose', 'case_reference', 'client_address',
];

type EntryRow = Omit<AuditRow, 'chain_id' | 'seq' | 'prev_hash' | 'hash' | 'hash_version'>;

function entryOf(log: AuditLogName, row: EntryRow): AuditEntryView {
  return {
    log,
    id: String(row.id),
    at: fromDbDateTime(row.at),
    organisation: row.organisation,
    user: row.user,
    personKey: row.person_key,
    recordType: row.record_type,
    fields: row.fields ? row.fields.split(',') : [],
    operationName: row.operation_name,
    requestId: row.request_id,
    outcome: row.outcome,
    action: row.action,
    purpose: row.purpose,
    caseReference: row.case_reference,
    clientAddress: row.client_address,
  };
}

/**
 * The newest `first` rows of the period among those `where` picks. The picks are the leading
 * columns of an index that ends in `at` — (person_key, at) or (organisation, user, at) — so
 * the database walks that index backwards from `to` and stops after `first` rows. The
 * asking request's own rows are left out: one fetch of a request may already have logged
 * its read before the next fetch reads, and every list should show the log as it stood
 * before the question.
 */
async function newestEntries(ctx: AuditorContext, log: AuditLogName, where: Record<string, string>, window: AccessLogWindow): Promise<AuditEntryView[]> {
  if (window.first === 0) return [];
  const rows: EntryRow[] = await ctx
    .db(AUDIT_TABLE)
    .select(COLUMNS)
    .where(where)
    .andWhereNot('request_id', ctx.caller.requestId)
    .andWhere('at', '>=', toDbDateTime(parseDateTime(window.from)))
    .andWhere('at', '<=', toDbDateTime(parseDateTime(window.to)))
    .orderBy([
      { column: 'at', order: 'desc' },
      { column: 'id', order: 'desc' },
    ])
    .limit(window.first);
  return rows.map((row) => entryOf(log, row));
}

/**
 * Who read or wrote the person's records in this subgraph, newest first, and the read noted
 * on this log: an auditor's look at someone's log is a read of that person's records too.
 */
export function personAccessEntries(ctx: AuditorContext, log: AuditLogName, key: PersonAccessLogKey, field: string): Promise<AuditEntryView[]> {
  ctx.audit.note(key.personnummer, 'PersonAccessLog', field);
  return newestEntries(ctx, log, { person_key: ctx.audit.personKey(key.personnummer) }, key);
}

/** What the user read or wrote in this subgraph, newest first, the read noted on this log. */
export function userAccessEntries(ctx: AuditorContext, log: AuditLogName, key: UserAccessLogKey, field: string): Promise<AuditEntryView[]> {
  // The entries name many people, each already by key: the auditor's read is logged as one
  // read that concerns no one person.
  ctx.audit.note(null, 'UserAccessLog', field);
  return newestEntries(ctx, log, { organisation: key.organisation, user: key.user }, key);
}

const logOrder = (log: AuditLogName) => AUDIT_LOG_NAMES.indexOf(log);

/**
 * Every log's newest entries as one list, newest first, cut to `first`: the districts' own
 * and the two the gateway brought. Each list is already its own log's newest `first`, so the
 * cut keeps exactly the newest `first` of all the logs. Entries of the same second stand in
 * log order, then newest row first. A list the gateway did not bring is an error, never
 * taken for an empty log.
 */
export function mergeNewestFirst(own: readonly AuditEntryView[], brought: OtherLogs & AccessLogWindow): AuditEntryView[] {
  const { jobbtorgEntries, partnersEntries } = brought;
  if (!jobbtorgEntries || !partnersEntries) throw new Error('the merged access log needs every subgraph\'s entries, and some were not brought');
  return [...own, ...jobbtorgEntries, ...partnersEntries]
    .sort((a, b) => (a.at !== b.at ? (a.at < b.at ? 1 : -1) : logOrder(a.log) - logOrder(b.log) || Number(b.id) - Number(a.id)))
    .slice(0, brought.first);
}
