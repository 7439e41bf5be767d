import { Knex } from 'knex';
import { badInput } from '../errors';
import { Caller } from '../identity';
import { parseDateTime, toDbDateTime } from '../scalars/calendar';
import { AUDIT_TABLE } from './log';
import { AccessLogWindow, AUDIT_LOG_NAMES, AuditLogAccess, AuditLogName, atSecond, BEGINNING, keyPart, MAX_ACCESS_LOG_ENTRIES } from './queries';
import { AuditRecorder } from './recorder';

/**
 * The auditors' third question of the log (loggkontroll): who read unusually much. A user
 * stands out in a log when their reads in the period exceed a threshold, or a multiple of
 * their own usual — the reads they made on average in each of the `periods` periods of the
 * same length just before. Each subgraph answers from its own log; the gateway gathers the
 * three, as for the access logs.
 *
 * A read is an entry recording an allowed read of a person's records: one per person,
 * record type and request, as the log holds them. Entries written before the log recorded
 * actions count neither way (their action is unknown).
 */

/** Most periods before the asked one that make up a user's usual. */
export const MAX_USUAL_PERIODS = 52;
/** Periods that make up the usual when the auditor does not say. */
export const DEFAULT_USUAL_PERIODS = 4;

/** The question, as the `UnusualVolumeReport` key: instants as the API writes them. */
export interface UnusualVolumeKey extends AccessLogWindow {
  /** Reads in the period above which a user stands out; null when only the multiple counts. */
  threshold: number | null;
  /** How many times their usual a user's reads must exceed to stand out; null when only the threshold counts. */
  multiple: number | null;
  /** How many periods of the same length, just before, make up the usual. */
  periods: number;
}

/** One user who stood out in one log. */
export interface UnusualVolumeRowView {
  log: AuditLogName;
  organisation: string;
  user: string;
  /** Reads in the period. */
  reads: number;
  /** Reads on average in each of the periods before. */
  usual: number;
}

/** The other subgraphs' rows, which the gateway brings to the merged view (`@requires`). */
export interface OtherVolumeRows {
  jobbtorgRows?: UnusualVolumeRowView[];
  partnersRows?: UnusualVolumeRowView[];
}

export type UnusualVolumeModel = UnusualVolumeKey & OtherVolumeRows;

const SECOND = 1000;

/** How long the period is: `to` is inclusive, to the second. */
const lengthOf = (key: Pick<UnusualVolumeKey, 'from' | 'to'>) => parseDateTime(key.to).getTime() - parseDateTime(key.from).getTime() + SECOND;

/**
 * The question asked, checked: a period whose end is not before its start, a threshold of
 * at least one read, a multiple of at least 1 (below it, everyone's usual would stand out),
 * at least one of the two, 1–52 usual periods that do not reach back before 1970, and a
 * list of 0–500 rows. A bad one is BAD_USER_INPUT naming the argument.
 */
export function unusualVolumeQuestion(
  args: { from: Date; to: Date; threshold?: number | null; multiple?: number | null; periods?: number | null; first?: number | null },
  field: string,
): UnusualVolumeKey {
  const { from, to } = args;
  const threshold = args.threshold ?? null;
  const multiple = args.multiple ?? null;
  const periods = args.periods ?? DEFAULT_USUAL_PERIODS;
  const first = args.first ?? 100;
  if (from.getTime() < BEGINNING.getTime()) throw badInput(`${field}.from`, 'must not be before 1970');
  if (atSecond(to) < atSecond(from)) throw badInput(`${field}.to`, 'must not be before from');
  if (threshold !== null && (!Number.isInteger(threshold) || threshold < 1)) throw badInput(`${field}.threshold`, 'must be a whole number of reads, at least 1');
  if (multiple !== null && (!Number.isFinite(multiple) || multiple < 1)) throw badInput(`${field}.multiple`, 'must be a number of at least 1: a multiple of the usual');
  if (threshold === null && multiple === null) throw badInput(`${field}.threshold`, 'or multiple must be given: what counts as unusual');
  if (!Number.isInteger(periods) || periods < 1 || periods > MAX_USUAL_PERIODS) throw badInput(`${field}.periods`, `must be from 1 to ${MAX_USUAL_PERIODS}`);
  if (!Number.isInteger(first) || first < 0 || first > MAX_ACCESS_LOG_ENTRIES) throw badInput(`${field}.first`, `must be from 0 to ${MAX_ACCESS_LOG_ENTRIES}`);
  const key = { from: atSecond(from), to: atSecond(to), first, threshold, multiple, periods };
  if (parseDateTime(key.from).getTime() - periods * lengthOf(key) < BEGINNING.getTime()) {
    throw badInput(`${field}.periods`, 'reach back before 1970: ask for fewer, or a shorter period');
  }
  return key;
}

/** An `UnusualVolumeReport` as another subgraph (through the gateway) names it: the scope checked here, the key read again as a question. */
export function unusualVolumeReference(reference: Record<string, unknown>, access: AuditLogAccess): UnusualVolumeModel {
  access.auditLog({ kind: 'UnusualVolumeReport' }, 'UnusualVolumeReport');
  const { from, to, threshold, multiple, periods, first } = reference;
  const orNull = (value: unknown) => (value === null || value === undefined ? null : Number(value));
  const key = keyPart('UnusualVolumeReport', () =>
    unusualVolumeQuestion(
      { from: parseDateTime(String(from)), to: parseDateTime(String(to)), threshold: orNull(threshold), multiple: orNull(multiple), periods: Number(periods), first: Number(first) },
      'UnusualVolumeReport',
    ),
  );
  return { ...(reference as OtherVolumeRows), ...key };
}

interface AuditorContext {
  db: Knex;
  caller: Caller;
  audit: AuditRecorder;
}

/** Whether a user's reads stand out: above the threshold, or above the multiple of their usual (taken as at least one read, so a first read or two do not). */
export function standsOut(key: Pick<UnusualVolumeKey, 'threshold' | 'multiple'>, reads: number, usual: number): boolean {
  if (key.threshold !== null && reads > key.threshold) return true;
  return key.multiple !== null && reads > key.multiple * Math.max(usual, 1);
}

/**
 * The users of this log who stood out, most reads first, and the question noted on the log
 * as a read that concerns no one person. One pass over the period and the periods before,
 * by the index on time, counting each user's reads in each; the asking request's own
 * entries are left out, as in the access logs.
 */
export async function unusualVolumeRows(ctx: AuditorContext, log: AuditLogName, key: UnusualVolumeKey, field: string): Promise<UnusualVolumeRowView[]> {
  ctx.audit.note(null, 'UnusualVolumeReport', field);
  if (key.first === 0) return [];
  const from = parseDateTime(key.from);
  const since = toDbDateTime(new Date(from.getTime() - key.periods * lengthOf(key)));
  const start = toDbDateTime(from);
  const counted: { organisation: string; user: string; reads: number | string; earlier: number | string }[] = await ctx
    .db(AUDIT_TABLE)
    .select('organisation', 'user')
    .select(ctx.db.raw('sum(case when ?? >= ? then 1 else 0 end) as ??', ['at', start, 'reads']))
    .select(ctx.db.raw('sum(case when ?? < ? then 1 else 0 end) as ??', ['at', start, 'earlier']))
    .where({ action: 'READ', outcome: 'ALLOWED' })
    .whereNotNull('person_key')
    .andWhereNot('request_id', ctx.caller.requestId)
    .andWhere('at', '>=', since)
    .andWhere('at', '<=', toDbDateTime(parseDateTime(key.to)))
    .groupBy('organisation', 'user')
    .havingRaw('sum(case when ?? >= ? then 1 else 0 end) > 0', ['at', start]);
  return counted
    .map((row) => ({ log, organisation: row.organisation, user: row.user, reads: Number(row.reads), usual: Number(row.earlier) / key.periods }))
    .filter((row) => standsOut(key, row.reads, row.usual))
    .sort(byMostReads)
    .slice(0, key.first);
}

const logOrder = (log: AuditLogName) => AUDIT_LOG_NAMES.indexOf(log);

function byMostReads(a: UnusualVolumeRowView, b: UnusualVolumeRowView): number {
  if (a.reads !== b.reads) return b.reads - a.reads;
  if (a.log !== b.log) return logOrder(a.log) - logOrder(b.log);
  if (a.organisation !== b.organisation) return a.organisation < b.organisation ? -1 : 1;
  return a.user < b.user ? -1 : a.user > b.user ? 1 : 0;
}

/**
 * Every log's rows as one list, most reads first, cut to `first`: each list is already its
 * log's top `first`, so the cut keeps the top `first` of all. A list the gateway did not
 * bring is an error, never taken for a log where no one stood out.
 */
export function mergeMostReadsFirst(own: readonly UnusualVolumeRowView[], brought: UnusualVolumeModel): UnusualVolumeRowView[] {
  const { jobbtorgRows, partnersRows } = brought;
  if (!jobbtorgRows || !partnersRows) throw new Error("the merged unusual volume needs every subgraph's rows, and some were not brought");
  return [...own, ...jobbtorgRows, ...partnersRows].sort(byMostReads).slice(0, brought.first);
}
