import { Knex } from 'knex';
import { Page } from '../../lib/pagination';
import { Conflict } from '../../lib/plan/conflicts';
import { conflictId, identityOf } from '../../lib/plan/identity';
import { PlanRecords, judgeOnOwnRecords, recordsOf, SeenRecord, transitionOf, Transition } from '../../lib/plan/settling';
import { fromDbDateTime, toDbDateTime } from '../../lib/scalars/calendar';
import * as data from './data';
import { historyStep } from './rules/plan-conflict';
import type { Loaders } from './loaders';
import type { PlanConflictEventRow, StoredPlanConflict } from './models';

/**
 * The state of the shared plan's conflicts, kept by Jobbtorg, which owns the shared plan.
 *
 * **One truth, whoever reads.** Each time Jobbtorg works out a person's conflicts — their
 * `sharedPlan`, a coordinator's `peopleWithPlanConflicts`, an organisation's
 * `planConflictInbox`, an action on one of their conflicts — it reconciles what it keeps
 * for that person with their records as they are, all agencies' (not only those the
 * reader sees), at the city's full time (40 hours):
 *
 * 1. Every kept conflict of the person is judged again on exactly its own records, over the
 *    days they run (lib/plan/settling.ts `judgeOnOwnRecords`), and moves by one rule
 *    (`transitionOf`): gone → RESOLVED, naming the first of its records whose version or
 *    content differs from when it was last seen, that record's new version and who changed
 *    it (the plan items' `version` and `changedBy`; a record whose subgraph hands over no
 *    stamp is named without them); a RESOLVED one there again → OPEN (REOPENED); an ACCEPTED
 *    one whose records changed since the acceptance → OPEN (REOPENED), the acceptances lapse;
 *    one still there whose records changed is only seen anew (no new version, no event).
 * 2. Every conflict the reader found that is not kept yet is kept as OPEN, with a FOUND event.
 *
 * The reader decides only which conflicts are *found* (its window, the agencies it sees);
 * what becomes of a conflict once found depends on its records alone, so every reader who
 * may see it reads the same state. A reader who sees fewer agencies may find a smaller
 * `OVER_FULL_TIME` (its records alone exceed full time): that is another conflict, with its
 * own id, as true as the larger one. A conflict that lies wholly in the past stays in the
 * state it had: nothing settled it, and the follow-up should count it so.
 *
 * **Cost.** The kept conflicts of a batch of people are read in one statement (the
 * loader); the judging is pure; whatever changed is written in one transaction of a fixed
 * number of statements (data.ts `writePlanConflictChanges`). A read that changes nothing
 * writes nothing.
 */

/** The city's full time: the state is kept for the conflicts found at it. */
export const KEPT_AT_FULL_TIME_HOURS = 40;

/** One person's plan as a reconciliation takes it: all their records, and the conflicts a reader just found. */
export interface PlanToReconcile {
  personnummer: string;
  records: PlanRecords;
  /** Found at `KEPT_AT_FULL_TIME_HOURS`. */
  found: readonly Conflict[];
}

/** The instant a change is kept at: whole seconds, as the database stores it. */
function instant(now: Date): string {
  return fromDbDateTime(toDbDateTime(now));
}

/** The step a transition or a first finding adds to the history: by whoever changed the record, if anyone. */
function event(conflict: StoredPlanConflict, kind: PlanConflictEventRow['event'], at: Date, change: SeenRecord | null = null): PlanConflictEventRow {
  return historyStep(conflict, kind, at, {
    agency: change?.agency ?? null,
    user: change?.changedBy ?? null,
    record_id: change?.id ?? null,
    record_version: change?.version ?? null,
  });
}

/** A conflict found for the first time, as it is kept: OPEN, its weeks and message as judged on its own records. */
export function newlyFound(personnummer: string, found: Conflict, judged: Conflict, records: SeenRecord[], at: string): StoredPlanConflict {
  const identity = identityOf(found);
  return {
    id: conflictId(identity),
    personnummer,
    kind: found.kind,
    detail: identity.detail,
    activityIds: [...found.activityIds],
    contextIds: [...found.contextIds],
    agencies: [...found.agencies],
    weeks: judged.weeks,
    message: judged.message,
    state: 'OPEN',
    version: 1,
    foundAt: at,
    changedAt: at,
    settledAt: null,
    records,
    note: null,
    expectedSettledOn: null,
    acceptances: [],
    acceptedFingerprint: null,
    threePartyMeetingId: null,
    resolvedBy: null,
  };
}

/** The kept conflict after `transition`; what was agreed or noted lapses when it resolves or reopens. */
export function afterTransition(kept: StoredPlanConflict, transition: Transition, judged: Conflict | null, now: SeenRecord[] | null, at: string): StoredPlanConflict {
  const seen = { records: now ?? kept.records, ...(judged ? { weeks: judged.weeks, message: judged.message } : {}) };
  if (transition.kind === 'SEEN_ANEW') return { ...kept, ...seen };
  const lapsed = { note: null, expectedSettledOn: null, acceptances: [], acceptedFingerprint: null, threePartyMeetingId: null };
  const change = transition.change;
  const moved = { ...kept, ...seen, ...lapsed, version: kept.version + 1, changedAt: at };
  if (transition.kind === 'RESOLVED') {
    return { ...moved, state: 'RESOLVED', settledAt: at, resolvedBy: change && { recordId: change.id, version: change.version, changedBy: change.changedBy } };
  }
  return { ...moved, state: 'OPEN', settledAt: null, resolvedBy: null };
}

/** What reconciling one person's kept conflicts with their records changes (pure; see the module's doc). */
export function reconciliationOf(plan: PlanToReconcile, kept: readonly StoredPlanConflict[], now: Date): data.PlanConflictWrite[] {
  const at = instant(now);
  const found = new Map(plan.found.map((c) => [conflictId(c), c]));
  const writes: data.PlanConflictWrite[] = [];
  for (const k of kept) {
    const judged = judgeOnOwnRecords(k, plan.records, KEPT_AT_FULL_TIME_HOURS);
    const records = recordsOf(k, plan.records);
    const transition = transitionOf(k, judged !== null || found.has(k.id), records);
    if (!transition) continue;
    const conflict = afterTransition(k, transition, judged, records, at);
    const change = transition.kind === 'SEEN_ANEW' ? null : event(conflict, transition.kind, now, transition.change);
    writes.push({ conflict, readAt: k.version, event: change });
  }
  const keptIds = new Set(kept.map((k) => k.id));
  for (const [id, f] of found) {
    if (keptIds.has(id)) continue;
    const records = recordsOf(identityOf(f), plan.records);
    if (!records) continue;
    const conflict = newlyFound(plan.personnummer, f, judgeOnOwnRecords(identityOf(f), plan.records, KEPT_AT_FULL_TIME_HOURS) ?? f, records, at);
    writes.push({ conflict, readAt: null, event: event(conflict, 'FOUND', now) });
  }
  return writes;
}

/**
 * Reconciles the kept conflicts of `plans`' people with their records and returns each
 * person's kept conflicts as they now stand. One read for the batch (the loader), one
 * write transaction for whatever changed; a change another writer made first is read back.
 */
export async function keepConflicts(
  ctx: { db: Knex; loaders: Loaders },
  plans: readonly PlanToReconcile[],
  now: Date,
): Promise<Map<string, StoredPlanConflict[]>> {
  const kept = await ctx.loaders.keptConflictsOfPerson.loadMany(plans.map((p) => p.personnummer));
  const byPerson = new Map<string, StoredPlanConflict[]>();
  const writes: data.PlanConflictWrite[] = [];
  plans.forEach((plan, i) => {
    const mine = kept[i];
    if (mine instanceof Error) throw mine;
    byPerson.set(plan.personnummer, mine);
    writes.push(...reconciliationOf(plan, mine, now));
  });
  if (!writes.length) return byPerson;
  const written = new Map((await data.writePlanConflictChanges(ctx.db, writes)).map((c) => [c.id, c]));
  const missed = writes.filter((w) => !written.has(w.conflict.id)).map((w) => w.conflict.id);
  for (const c of missed.length ? await data.planConflictsById(ctx.db, missed) : []) written.set(c.id, c);
  for (const [personnummer, mine] of byPerson) {
    const ids = new Set(mine.map((c) => c.id));
    const added = [...written.values()].filter((c) => c.personnummer === personnummer && !ids.has(c.id));
    byPerson.set(personnummer, [...mine.map((c) => written.get(c.id) ?? c), ...added]);
  }
  for (const plan of plans) ctx.loaders.keptConflictsOfPerson.clear(plan.personnummer).prime(plan.personnummer, byPerson.get(plan.personnummer)!);
  return byPerson;
}

/** A conflict as the schema's `PlanConflict` resolves it: what it is, whose, and how it is kept (null: not kept). */
export interface PlanConflictModel {
  id: string;
  personnummer: string;
  kind: Conflict['kind'];
  activityIds: readonly string[];
  contextIds: readonly string[];
  agencies: Conflict['agencies'];
  weeks: readonly string[];
  message: string;
  kept: StoredPlanConflict | null;
}

/** A conflict a reader found in a plan, with its kept state if the city's full time finds it too. */
export function foundConflictModel(personnummer: string, conflict: Conflict, kept: ReadonlyMap<string, StoredPlanConflict>): PlanConflictModel {
  const id = conflictId(conflict);
  const { kind, activityIds, contextIds, agencies, weeks, message } = conflict;
  return { id, personnummer, kind, activityIds, contextIds, agencies, weeks, message, kept: kept.get(id) ?? null };
}

/** A kept conflict, as the inbox and the actions show it: its weeks and message as last found. */
export function keptConflictModel(kept: StoredPlanConflict): PlanConflictModel {
  const { id, personnummer, kind, activityIds, contextIds, agencies, weeks, message } = kept;
  return { id, personnummer, kind, activityIds, contextIds, agencies, weeks, message, kept };
}

export type PlanConflictPage = Page<PlanConflictModel>;
