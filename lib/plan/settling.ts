import { createHash } from 'node:crypto';
import { addDays } from '../scalars/calendar';
import type { Agency, PlanContext } from './activity';
import { Conflict, findConflicts } from './conflicts';
import { conflictId, ConflictIdentity } from './identity';
import { PlanItem, toPlannedItem } from './items';
import { PlanWindow } from './weeks';

/**
 * The pure rules of settling a conflict: what it is judged on, when it is still there, and
 * how its state moves when its records change. Jobbtorg keeps the state
 * (subgraphs/jobbtorg/plan-conflicts.ts); the seed writes its history with the same rules.
 *
 * A conflict is a statement about the records it names, and about nothing else: it is
 * judged again on exactly those records, all of them, whoever reads and whatever window
 * was read, over the days those records run. So its state is one truth: every reader who
 * may see it sees the same state, and a reader who sees fewer agencies cannot make it
 * resolved by not seeing a record.
 */

/** Where a conflict stands (the schema's `PlanConflictState`). */
export const CONFLICT_STATES = ['OPEN', 'ACKNOWLEDGED', 'ACCEPTED', 'RESOLVED'] as const;
export type ConflictState = (typeof CONFLICT_STATES)[number];

/** States in which a conflict is settled: agreed on, or gone. */
export const SETTLED_STATES: readonly ConflictState[] = ['ACCEPTED', 'RESOLVED'];

/** Who last changed a record and to which version, where its subgraph says (plan items' `version`, `changedBy`). */
export interface RecordStamp {
  version: number | null;
  changedBy: string | null;
}

/** Every agency's records of one person's plan, as the rules read them, whoever the reader is. */
export interface PlanRecords {
  items: readonly PlanItem[];
  context: PlanContext;
  /**
   * Stamps the reader knows from its own rows, by record id: a case's version, and an item's
   * where the item carries none of its own (`stampOf` is read first).
   */
  stamps: ReadonlyMap<string, RecordStamp>;
}

/** One record of a conflict as it was last seen: its stamp, and a hash of what the rules read of it. */
export interface SeenRecord {
  id: string;
  agency: Agency;
  version: number | null;
  changedBy: string | null;
  hash: string;
}

/** An item's stamp, read where the owning subgraph hands one over (`PlanItem.version`, `changedBy`). */
export function stampOf(item: PlanItem): RecordStamp {
  const stamped = item as PlanItem & Partial<RecordStamp>;
  return { version: stamped.version ?? null, changedBy: stamped.changedBy ?? null };
}

function hash(value: unknown): string {
  return createHash('sha256').update(JSON.stringify(value)).digest('hex').slice(0, 32);
}

/**
 * What the rules read of an item, hashed: not its title, provider or status (a status
 * follows the calendar, not a change), nor its stamp. Fields an item may carry beyond these
 * (a programme's extent, a `partOf` link) count too, so a change to them is a change.
 */
function itemHash(item: PlanItem): string {
  const { id: _id, title: _title, provider: _provider, status: _status, version: _version, changedBy: _changedBy, ...judged } =
    item as PlanItem & Partial<RecordStamp>;
  return hash(Object.fromEntries(Object.entries(judged).sort(([a], [b]) => (a < b ? -1 : 1))));
}

/** A fact of the plan's context (a case, a programme): every one has an id. */
interface ContextFact {
  id: string;
}

/** The agency each list of the context belongs to, by the list's name in `PlanContext`. */
const CONTEXT_AGENCIES: Readonly<Record<string, Agency>> = { jobbtorgCases: 'JOBBTORG', afProgrammes: 'ARBETSFORMEDLINGEN' };

/** The context's lists of facts, by name. */
function contextLists(context: PlanContext): [string, readonly ContextFact[]][] {
  return Object.entries(context) as [string, readonly ContextFact[]][];
}

/** A fact's content without what follows the calendar rather than a change (a jobbgaranti's `status`). */
function factHash(fact: ContextFact): string {
  return hash(JSON.parse(JSON.stringify(fact, (key, value) => (key === 'status' ? undefined : value))));
}

/** The records a conflict names, in its order (activities, then facts), or null where one no longer exists. */
export function recordsOf(identity: ConflictIdentity, records: PlanRecords): SeenRecord[] | null {
  const seen: SeenRecord[] = [];
  for (const id of identity.activityIds) {
    const item = records.items.find((i) => i.id === id);
    if (!item) return null;
    const own = stampOf(item);
    const stamp = own.version === null ? (records.stamps.get(id) ?? own) : own;
    seen.push({ id, agency: item.agency, ...stamp, hash: itemHash(item) });
  }
  for (const id of identity.contextIds) {
    const stamp = records.stamps.get(id) ?? { version: null, changedBy: null };
    const list = contextLists(records.context).find(([, facts]) => facts.some((f) => f.id === id));
    if (!list) return null;
    seen.push({ id, agency: CONTEXT_AGENCIES[list[0]], ...stamp, hash: factHash(list[1].find((f) => f.id === id)!) });
  }
  return seen;
}

/** One string for the records' stamps and content: equal exactly when none of them changed. */
export function fingerprintOf(seen: readonly SeenRecord[]): string {
  return hash(seen.map((r) => [r.id, r.version, r.hash]));
}

/** Days an open-ended record is judged for beyond the last day its records name. */
const OPEN_ENDED_DAYS = 364;

const DAY = /^\d{4}-\d{2}-\d{2}$/;

/** Every day a fact names (a case's enrolment, deadline, plan and closure; a programme's dates), at any depth. */
function daysOf(fact: unknown): string[] {
  if (typeof fact === 'string') return DAY.test(fact) ? [fact] : [];
  if (fact && typeof fact === 'object') return Object.values(fact).flatMap(daysOf);
  return [];
}

/**
 * The days a conflict's records run: from the first day any of them names to the last, or,
 * when one may run on — an item without an end, any fact (a case stays open, a programme
 * may) — to a year after the last day named: the rules repeat week after week, so a year
 * shows whatever an open end can hold.
 */
function spanOf(items: readonly PlanItem[], facts: readonly ContextFact[]): PlanWindow {
  const days = [...items.flatMap((i) => (i.endDate === null ? [i.startDate] : [i.startDate, i.endDate])), ...facts.flatMap(daysOf)].sort();
  const openEnded = facts.length > 0 || items.some((i) => i.endDate === null);
  const last = days[days.length - 1];
  return { from: days[0], to: openEnded ? addDays(last, OPEN_ENDED_DAYS) : last };
}

/**
 * The conflict judged on exactly its own records over the days they run, at `fullTimeHours`:
 * the conflict as it stands now, or null when it is no longer there (or one of its records
 * no longer exists). A closure to work holds until the person enrols again, so a conflict
 * naming a case is judged with every case of the person.
 */
export function judgeOnOwnRecords(identity: ConflictIdentity, records: PlanRecords, fullTimeHours: number): Conflict | null {
  const items = records.items.filter((i) => identity.activityIds.includes(i.id));
  const lists = contextLists(records.context).map(([name, facts]) => {
    const named = facts.filter((f) => identity.contextIds.includes(f.id));
    return [name, named, name === 'jobbtorgCases' && named.length ? facts : named] as const;
  });
  const namedFacts = lists.reduce((n, [, named]) => n + named.length, 0);
  if (items.length !== identity.activityIds.length || namedFacts !== identity.contextIds.length) return null;
  const context = Object.fromEntries(lists.map(([name, , judged]) => [name, judged])) as unknown as PlanContext;
  const id = conflictId(identity);
  const span = spanOf(items, lists.flatMap(([, , judged]) => judged));
  return findConflicts(items.map(toPlannedItem), context, span, { fullTimeHours }).find((c) => conflictId(c) === id) ?? null;
}

/** A conflict as it is kept: its state, its records as last seen, and what was agreed. */
export interface KeptConflict {
  state: ConflictState;
  /** The records as last seen while the conflict was there. */
  records: readonly SeenRecord[];
  /** `fingerprintOf` its records when the agencies accepted it; null unless accepted. */
  acceptedFingerprint: string | null;
}

/** How a kept conflict moves when it is judged again. */
export type Transition =
  /** Gone: `change` is the record whose change did it (null when none can be told). */
  | { kind: 'RESOLVED'; change: SeenRecord | null }
  /** There again after it was resolved, or changed since the agencies accepted it. */
  | { kind: 'REOPENED'; change: SeenRecord | null }
  /** Still there in the same state, but its records changed: they are seen anew. */
  | { kind: 'SEEN_ANEW' };

/**
 * The first record (in the conflict's order) that is not as it was seen: another version,
 * other content, or gone. Null when all are as they were.
 */
export function changedRecord(before: readonly SeenRecord[], now: readonly SeenRecord[] | null): SeenRecord | null {
  for (const old of before) {
    const current = now?.find((r) => r.id === old.id);
    if (!current) return { ...old, version: null, changedBy: null };
    if (current.version !== old.version || current.hash !== old.hash) return current;
  }
  return null;
}

/**
 * The rule, the same whoever reads:
 * - an OPEN, ACKNOWLEDGED or ACCEPTED conflict no longer there is RESOLVED, by the record
 *   that changed since it was last seen;
 * - a RESOLVED conflict there again is OPEN (REOPENED), its history kept;
 * - an ACCEPTED conflict whose records changed since the acceptance is OPEN (REOPENED): what
 *   was agreed was another plan;
 * - otherwise the state stays; when its records changed but it is still there, they are seen anew.
 * @param now the records as they are now, null when one of them no longer exists.
 */
export function transitionOf(kept: KeptConflict, there: boolean, now: readonly SeenRecord[] | null): Transition | null {
  const change = changedRecord(kept.records, now);
  if (!there) return kept.state === 'RESOLVED' ? null : { kind: 'RESOLVED', change };
  if (kept.state === 'RESOLVED') return { kind: 'REOPENED', change };
  if (kept.state === 'ACCEPTED' && kept.acceptedFingerprint !== fingerprintOf(now!)) return { kind: 'REOPENED', change };
  return change ? { kind: 'SEEN_ANEW' } : null;
}

/** An agency's acceptance of a conflict, standing while the records are as they were when it accepted. */
export interface Acceptance {
  agency: Agency;
  fingerprint: string;
}

/** The involved agencies whose acceptance stands for the records as they are (`fingerprint`). */
export function standingAcceptances<A extends Acceptance>(acceptances: readonly A[], fingerprint: string): A[] {
  return acceptances.filter((a) => a.fingerprint === fingerprint);
}

/** Whether every involved agency has accepted the records as they are. */
export function acceptedByAll(agencies: readonly Agency[], acceptances: readonly Acceptance[], fingerprint: string): boolean {
  const standing = new Set(standingAcceptances(acceptances, fingerprint).map((a) => a.agency));
  return agencies.every((a) => standing.has(a));
}

/** The conflicts found, each once, by id. */
export function byId(conflicts: readonly Conflict[]): Map<string, Conflict> {
  return new Map(conflicts.map((c) => [conflictId(c), c]));
}
