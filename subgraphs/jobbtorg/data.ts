import { Knex } from 'knex';
import { forUpdate } from '../../lib/db';
import { badInput, conflict, notFound } from '../../lib/errors';
import { idempotentRow, isUniqueViolation, WriteRequest } from '../../lib/idempotency';
import { ListScope, paginate, PageArgs, SortKey } from '../../lib/pagination';
import { formatOrganisation } from '../../lib/auth/organisations';
import type { Agency } from '../../lib/plan/activity';
import { fingerprintOf } from '../../lib/plan/settling';
import { fromDbDateTime, toDbDateTime, todayInStockholm } from '../../lib/scalars/calendar';
import type {
  AcceptPlanConflictInput,
  AcknowledgePlanConflictInput,
  AddInterventionInput,
  CaseFilter,
  CasesWithoutPlanFilter,
  ChangeInterventionInput,
  CloseCaseInput,
  EndInterventionInput,
  EnrolInJobbtorgInput,
  EstablishJobPlanInput,
  GiveFeedbackInput,
  JobbgarantiBreachFilter,
  WithdrawPlanConflictAcceptanceInput,
} from './__generated__/resolvers-types';
import { checkClosure, checkClosureInput, checkOpen, checkVersion } from './rules/case';
import { checkEnrolment, checkEnrolmentInput } from './rules/enrolment';
import { checkFeedbackMessage } from './rules/feedback';
import {
  changedIntervention,
  checkEndedOn,
  checkEndInput,
  checkInterventionChange,
  checkNewIntervention,
  checkNotEnded,
  checkStartInCase,
} from './rules/intervention';
import { checkJobPlan, checkJobPlanInput } from './rules/job-plan';
import {
  checkAcceptable,
  checkAcceptanceInput,
  checkAcknowledgeable,
  checkAcknowledgementInput,
  checkWithdrawable,
  checkWithdrawalInput,
  historyStep,
  withAcceptance,
  withoutAcceptance,
} from './rules/plan-conflict';
import {
  CasePage,
  EnrolmentFacts,
  FeedbackRow,
  JobPlanRow,
  PlanConflictEventRow,
  PlanConflictRow,
  StoredCase,
  StoredPlanConflict,
  StoredIntervention,
  UnitDistrictRow,
  UnitRow,
} from './models';

/**
 * Every query the jobbtorg subgraph runs. The `…By…` functions take a batch of keys and
 * back the DataLoaders; the list functions back the root connections; the writes below
 * back the mutations, each one transaction.
 */

export function allUnits(db: Knex): Promise<UnitRow[]> {
  return db('units').orderBy('sort_order');
}

export function unitsByParent(db: Knex, parentCodes: string[]): Promise<UnitRow[]> {
  return db('units').whereIn('parent_code', parentCodes).orderBy('sort_order');
}

export function districtsByUnit(db: Knex, unitCodes: string[]): Promise<UnitDistrictRow[]> {
  return db('unit_districts').whereIn('unit_code', unitCodes).orderBy('district_code');
}

export function casesById(db: Knex, ids: string[]): Promise<StoredCase[]> {
  return db('cases').whereIn('id', ids);
}

/** Newest enrolment first, as a person's history reads. */
export function casesByPersonnummer(db: Knex, personnummer: string[]): Promise<StoredCase[]> {
  return db('cases').whereIn('personnummer', personnummer).orderBy([
    { column: 'enrolled_on', order: 'desc' },
    { column: 'id', order: 'desc' },
  ]);
}

export function casesByReferral(db: Knex, referralIds: string[]): Promise<StoredCase[]> {
  return db('cases').whereIn('referral_id', referralIds);
}

export function plansByCase(db: Knex, caseIds: string[]): Promise<JobPlanRow[]> {
  return db('job_plans').whereIn('case_id', caseIds);
}

export function interventionsByPlan(db: Knex, planIds: string[]): Promise<StoredIntervention[]> {
  return db('interventions').whereIn('plan_id', planIds).orderBy([{ column: 'start_date' }, { column: 'id' }]);
}

/** The case each intervention belongs to, through its plan. */
export function caseIdsByIntervention(db: Knex, ids: string[]): Promise<{ id: number; case_id: number }[]> {
  return db('interventions').join('job_plans', 'job_plans.id', 'interventions.plan_id').whereIn('interventions.id', ids).select('interventions.id', 'job_plans.case_id');
}

export function feedbackByCase(db: Knex, caseIds: string[]): Promise<FeedbackRow[]> {
  return db('feedback').whereIn('case_id', caseIds).orderBy([{ column: 'sent_at' }, { column: 'id' }]);
}

export function feedbackByReferral(db: Knex, referralIds: string[]): Promise<FeedbackRow[]> {
  return db('feedback').whereIn('referral_id', referralIds).orderBy([{ column: 'sent_at' }, { column: 'id' }]);
}

export function listCases(db: Knex, scope: ListScope, filter: CaseFilter | null | undefined, page: PageArgs): Promise<CasePage> {
  const query = scope(db('cases').select('cases.*'));
  if (filter?.unitCode) query.where('unit_code', filter.unitCode);
  if (filter?.districtCode) query.where('district_code', filter.districtCode);
  if (filter?.status) query.where('status', filter.status);
  if (filter?.targetGroup) query.where('target_group', filter.targetGroup);
  if (filter?.reportingGroup) query.where('reporting_group', filter.reportingGroup);
  if (filter?.enrolledFrom) query.where('enrolled_on', '>=', filter.enrolledFrom);
  if (filter?.enrolledTo) query.where('enrolled_on', '<=', filter.enrolledTo);
  return paginate(
    query,
    page,
    [
      { column: 'enrolled_on', descending: true, valueOf: (c: StoredCase) => c.enrolled_on },
      { column: 'id', descending: true, valueOf: (c: StoredCase) => c.id },
    ],
    'cases',
  );
}

/** Earliest enrolment first: the order a worklist or a period's report reads in. */
const OLDEST_FIRST: SortKey<StoredCase>[] = [
  { column: 'cases.enrolled_on', valueOf: (c) => c.enrolled_on },
  { column: 'cases.id', valueOf: (c) => c.id },
];

function whereUnitAndDistrict(query: Knex.QueryBuilder, filter: { unitCode?: string | null; districtCode?: string | null } | null | undefined): void {
  if (filter?.unitCode) query.where('cases.unit_code', filter.unitCode);
  if (filter?.districtCode) query.where('cases.district_code', filter.districtCode);
}

/**
 * Cases enrolled in [from, to] whose jobbgaranti was broken on `today`: the plan came after
 * the deadline, or none came and the deadline has passed (as `jobbgarantiStatus` decides).
 */
export async function listJobbgarantiBreaches(db: Knex, scope: ListScope, filter: JobbgarantiBreachFilter, page: PageArgs, today: string): Promise<CasePage> {
  if (filter.to < filter.from) throw badInput('jobbgarantiBreaches.filter.to', `is before filter.from (${filter.from})`);
  const query = db('cases')
    .select('cases.*')
    .leftJoin('job_plans', 'job_plans.case_id', 'cases.id')
    .whereBetween('cases.enrolled_on', [filter.from, filter.to])
    .where(function breached() {
      this.whereRaw('job_plans.established_on > cases.jobbgaranti_deadline').orWhere(function none() {
        this.whereNull('job_plans.id').where('cases.jobbgaranti_deadline', '<', today);
      });
    });
  whereUnitAndDistrict(query, filter);
  return paginate(scope(query), page, OLDEST_FIRST, 'jobbgarantiBreaches');
}

/**
 * The people with a case at the unit or from the district that is open at some time in
 * [from, to]: enrolled by `to` and not closed before `from`. Sorted, each once.
 */
export async function peopleWithCasesIn(
  db: Knex,
  scope: ListScope,
  filter: { unitCode?: string | null; districtCode?: string | null; from: string; to: string },
): Promise<string[]> {
  const query = db('cases')
    .distinct('cases.personnummer')
    .where('cases.enrolled_on', '<=', filter.to)
    .where((open) => open.whereNull('cases.closed_on').orWhere('cases.closed_on', '>=', filter.from))
    .orderBy('cases.personnummer');
  whereUnitAndDistrict(query, filter);
  return (await scope(query)).map((row: { personnummer: string }) => row.personnummer);
}

/** Open cases with no plan yet, oldest enrolment first. */
export function listCasesWithoutPlan(db: Knex, scope: ListScope, filter: CasesWithoutPlanFilter | null | undefined, page: PageArgs): Promise<CasePage> {
  const query = db('cases')
    .select('cases.*')
    .where('cases.status', 'OPEN')
    .whereNotExists((plan) => plan.select('job_plans.id').from('job_plans').whereRaw('job_plans.case_id = cases.id'));
  whereUnitAndDistrict(query, filter);
  return paginate(scope(query), page, OLDEST_FIRST, 'casesWithoutPlan');
}

export interface EnrolOptions {
  /** What the subgraphs that own the referral and the person say about them (see peers.ts). */
  facts: EnrolmentFacts;
  /**
   * Runs inside the transaction once the case is written, e.g. to tell stadsdel the
   * referral is enrolled; if it throws, the case is not written either.
   */
  afterInsert?: (row: StoredCase, trx: Knex.Transaction) => Promise<void>;
}

/** Ids are whole numbers; anything else names no record (and MySQL would read `12abc` as 12). */
function idFrom(value: string | number, field: string): number {
  if (!/^[1-9]\d{0,9}$/.test(String(value))) throw notFound(field);
  return Number(value);
}

function caseById(db: Knex, id: string | number): Promise<StoredCase> {
  return db('cases').where({ id }).first();
}

function interventionById(db: Knex, id: string | number): Promise<StoredIntervention> {
  return db('interventions').where({ id }).first();
}

function feedbackById(db: Knex, id: string | number): Promise<FeedbackRow> {
  return db('feedback').where({ id }).first();
}

/** The case, locked until the transaction ends, so checks on it hold until the write. */
async function lockCase(trx: Knex.Transaction, id: string | number, field: string): Promise<StoredCase> {
  const found: StoredCase | undefined = await forUpdate(trx('cases').where({ id: idFrom(id, field) }), trx).first();
  if (!found) throw notFound(field);
  return found;
}

/**
 * An intervention that may change, with its case, both locked: the case first, as closing
 * a case locks it before its interventions, so two writers never wait on each other in
 * opposite order. The case must be open, the intervention not ended, and the change based
 * on its current version.
 */
async function lockChangeableIntervention(
  trx: Knex.Transaction,
  input: { id: string; version: number },
): Promise<{ found: StoredCase; row: StoredIntervention }> {
  const located: { case_id: number } | undefined = await trx('interventions')
    .join('job_plans', 'job_plans.id', 'interventions.plan_id')
    .where('interventions.id', idFrom(input.id, 'input.id'))
    .first('job_plans.case_id');
  if (!located) throw notFound('input.id');
  const found = await lockCase(trx, located.case_id, 'input.id');
  const row: StoredIntervention = await forUpdate(trx('interventions').where({ id: Number(input.id) }), trx).first();
  checkOpen(found, 'input.id');
  checkNotEnded(row);
  checkVersion(row.version, input.version, 'intervention');
  return { found, row };
}

/**
 * Enrols a referred person and opens their case. The facts about the referral and the
 * person come from the subgraphs that own them (see peers.ts); the rules are in
 * rules/enrolment.ts. A referral has at most one case even when two enrol it at once: the
 * unique index on the referral turns the second into a CONFLICT.
 */
export async function enrol(db: Knex, request: WriteRequest<EnrolInJobbtorgInput>, now: Date, options: EnrolOptions): Promise<StoredCase> {
  const { input, caller } = request;
  const { facts } = options;
  const coach = checkEnrolmentInput(input, caller, todayInStockholm(now));
  return idempotentRow(db, 'cases', request, now, async (trx) => {
    const unit: UnitRow | undefined = await trx('units').where({ code: input.unitCode }).first();
    const unitDistricts: UnitDistrictRow[] = await trx('unit_districts').where({ unit_code: input.unitCode });
    const columns = checkEnrolment(input, facts, {
      unit,
      unitDistricts: unitDistricts.map((d) => d.district_code),
      caseOfReferral: await trx('cases').where({ referral_id: facts.referralId }).first(),
      openCase: await trx('cases').where({ personnummer: facts.personnummer, status: 'OPEN' }).first(),
    });
    let id: number;
    try {
      [id] = await trx('cases').insert({
        personnummer: facts.personnummer,
        referral_id: facts.referralId,
        district_code: facts.districtCode,
        unit_code: unit!.code,
        coach,
        ...columns,
        enrolled_on: input.enrolledOn,
        status: 'OPEN',
      });
    } catch (error) {
      if (isUniqueViolation(error)) throw conflict('input.referralId', 'was enrolled by someone else at the same moment');
      throw error;
    }
    const row = await caseById(trx, id);
    await options.afterInsert?.(row, trx);
    return row;
  });
}

/** Establishes a case's job plan; the case's version moves on, as its jobbgaranti now reads differently. */
export async function establishJobPlan(db: Knex, request: WriteRequest<EstablishJobPlanInput>, now: Date): Promise<StoredCase> {
  const { input } = request;
  checkJobPlanInput(input, todayInStockholm(now));
  return idempotentRow(db, 'cases', request, now, async (trx) => {
    const found = await lockCase(trx, input.caseId, 'input.caseId');
    const plan: JobPlanRow | undefined = await trx('job_plans').where({ case_id: found.id }).first();
    checkJobPlan(found, plan, input);
    await trx('job_plans').insert({ case_id: found.id, established_on: input.establishedOn, goal: input.goal });
    await trx('cases').where({ id: found.id }).update({ version: found.version + 1 });
    return caseById(trx, found.id);
  });
}

/** Adds an intervention to the plan of an open case. */
export async function addIntervention(db: Knex, request: WriteRequest<AddInterventionInput>, now: Date): Promise<StoredIntervention> {
  const { input, caller } = request;
  const columns = checkNewIntervention(input);
  return idempotentRow(db, 'interventions', request, now, async (trx) => {
    const found = await lockCase(trx, input.caseId, 'input.caseId');
    checkOpen(found, 'input.caseId');
    const plan: JobPlanRow | undefined = await trx('job_plans').where({ case_id: found.id }).first();
    if (!plan) throw conflict('input.caseId', `names case ${found.id}, which has no job plan yet; establish one first`);
    checkStartInCase(columns.start_date, found.enrolled_on);
    const [id] = await trx('interventions').insert({ plan_id: plan.id, ...columns, ended_on: null, changed_by: caller.user });
    return interventionById(trx, id);
  });
}

/** Changes an intervention that has not ended, from the version the writer read. */
export async function changeIntervention(db: Knex, request: WriteRequest<ChangeInterventionInput>, now: Date): Promise<StoredIntervention> {
  const { input, caller } = request;
  const change = checkInterventionChange(input);
  return idempotentRow(db, 'interventions', request, now, async (trx) => {
    const { found, row } = await lockChangeableIntervention(trx, input);
    const columns = changedIntervention(row, change, found.enrolled_on);
    await trx('interventions').where({ id: row.id }).update({ ...columns, version: row.version + 1, changed_by: caller.user });
    return interventionById(trx, row.id);
  });
}

/** Ends an intervention early, from the version the writer read. */
export async function endIntervention(db: Knex, request: WriteRequest<EndInterventionInput>, now: Date): Promise<StoredIntervention> {
  const { input, caller } = request;
  checkEndInput(input, todayInStockholm(now));
  return idempotentRow(db, 'interventions', request, now, async (trx) => {
    const { found, row } = await lockChangeableIntervention(trx, input);
    checkEndedOn(row, input.endedOn, found.enrolled_on);
    await trx('interventions').where({ id: row.id }).update({ ended_on: input.endedOn, version: row.version + 1, changed_by: caller.user });
    return interventionById(trx, row.id);
  });
}

export interface CloseOptions {
  /**
   * Runs inside the transaction once the case is closed, e.g. to tell stadsdel, whose
   * records Jobbtorg may read only while the case is open; if it throws, nothing is closed.
   */
  afterClose?: (row: StoredCase, trx: Knex.Transaction) => Promise<void>;
}

/**
 * Closes a case, and ends on the same day every intervention of its plan that was still to
 * run past it: those not ended already and not planned to end by then. One transaction, so
 * a case is never closed with interventions running on.
 */
export async function closeCase(db: Knex, request: WriteRequest<CloseCaseInput>, now: Date, options: CloseOptions = {}): Promise<StoredCase> {
  const { input, caller } = request;
  const note = checkClosureInput(input, todayInStockholm(now));
  return idempotentRow(db, 'cases', request, now, async (trx) => {
    const found = await lockCase(trx, input.id, 'input.id');
    checkClosure(found, input);
    await trx('cases').where({ id: found.id }).update({
      status: 'CLOSED',
      closed_on: input.closedOn,
      closure_reason: input.reason,
      closure_note: note,
      version: found.version + 1,
    });
    await trx('interventions')
      .whereIn('plan_id', trx('job_plans').select('id').where({ case_id: found.id }))
      .whereNull('ended_on')
      .where((running) => running.whereNull('end_date').orWhere('end_date', '>', input.closedOn))
      .update({ ended_on: input.closedOn, version: trx.raw('?? + 1', ['version']), changed_by: caller.user });
    const closed = await caseById(trx, found.id);
    await options.afterClose?.(closed, trx);
    return closed;
  });
}

/** Sends feedback on a case to the district that referred it, as the caller, now. */
export async function giveFeedback(db: Knex, request: WriteRequest<GiveFeedbackInput>, now: Date): Promise<FeedbackRow> {
  const { input, caller } = request;
  const message = checkFeedbackMessage(input.message);
  return idempotentRow(db, 'feedback', request, now, async (trx) => {
    const found: StoredCase | undefined = await trx('cases').where({ id: idFrom(input.caseId, 'input.caseId') }).first();
    if (!found) throw notFound('input.caseId');
    const [id] = await trx('feedback').insert({
      case_id: found.id,
      referral_id: found.referral_id,
      sent_at: toDbDateTime(now),
      sent_by: caller.user,
      message,
    });
    return feedbackById(trx, id);
  });
}

/** A stored conflict with its JSON read: parsed here, once, where it comes out of the database. */
export function storedPlanConflictOf(row: PlanConflictRow): StoredPlanConflict {
  return {
    id: row.id,
    personnummer: row.personnummer,
    kind: row.kind,
    detail: row.detail,
    activityIds: JSON.parse(row.activity_ids),
    contextIds: JSON.parse(row.context_ids),
    agencies: JSON.parse(row.agencies),
    weeks: JSON.parse(row.weeks),
    message: row.message,
    state: row.state,
    version: Number(row.version),
    foundAt: fromDbDateTime(row.found_at),
    changedAt: fromDbDateTime(row.changed_at),
    settledAt: row.settled_at === null ? null : fromDbDateTime(row.settled_at),
    records: JSON.parse(row.records),
    note: row.note,
    expectedSettledOn: row.expected_settled_on,
    acceptances: JSON.parse(row.acceptances),
    acceptedFingerprint: row.accepted_fingerprint,
    threePartyMeetingId: row.three_party_meeting_id,
    resolvedBy:
      row.resolved_by_record === null
        ? null
        : { recordId: row.resolved_by_record, version: row.resolved_by_version === null ? null : Number(row.resolved_by_version), changedBy: row.resolved_by_user },
  };
}

/** The row a conflict is stored as (the seed writes its history the same way). */
export function planConflictRowOf(c: StoredPlanConflict): PlanConflictRow {
  return {
    id: c.id,
    personnummer: c.personnummer,
    kind: c.kind,
    detail: c.detail,
    activity_ids: JSON.stringify(c.activityIds),
    context_ids: JSON.stringify(c.contextIds),
    agencies: JSON.stringify(c.agencies),
    weeks: JSON.stringify(c.weeks),
    message: c.message,
    state: c.state,
    version: c.version,
    found_at: toDbDateTime(new Date(c.foundAt)),
    changed_at: toDbDateTime(new Date(c.changedAt)),
    settled_at: c.settledAt === null ? null : toDbDateTime(new Date(c.settledAt)),
    records: JSON.stringify(c.records),
    note: c.note,
    expected_settled_on: c.expectedSettledOn,
    acceptances: JSON.stringify(c.acceptances),
    accepted_fingerprint: c.acceptedFingerprint,
    three_party_meeting_id: c.threePartyMeetingId,
    resolved_by_record: c.resolvedBy?.recordId ?? null,
    resolved_by_version: c.resolvedBy?.version ?? null,
    resolved_by_user: c.resolvedBy?.changedBy ?? null,
  };
}

/** The kept conflicts of many people, in one statement. */
export async function planConflictsByPerson(db: Knex, personnummer: string[]): Promise<StoredPlanConflict[]> {
  if (!personnummer.length) return [];
  const rows: PlanConflictRow[] = await db('plan_conflicts').whereIn('personnummer', personnummer).orderBy('id');
  return rows.map(storedPlanConflictOf);
}

export async function planConflictsById(db: Knex, ids: string[]): Promise<StoredPlanConflict[]> {
  const rows: PlanConflictRow[] = await db('plan_conflicts').whereIn('id', ids);
  return rows.map(storedPlanConflictOf);
}

/** The history of many conflicts, each earliest first. */
export function planConflictEventsByConflict(db: Knex, ids: string[]): Promise<PlanConflictEventRow[]> {
  return db('plan_conflict_events').whereIn('conflict_id', ids).orderBy([{ column: 'conflict_id' }, { column: 'version' }]);
}

/** A change a reconciliation found: the conflict as it is now, the version it was read at (null: new), and its event. */
export interface PlanConflictWrite {
  conflict: StoredPlanConflict;
  readAt: number | null;
  event: PlanConflictEventRow | null;
}

/** Conflicts per upsert: 23 columns, under every database's limit on bound parameters. */
const CONFLICTS_PER_STATEMENT = 400;

/**
 * Writes what a reconciliation found, in one transaction and a fixed number of statements
 * whatever their number: the rows are locked, a change whose conflict moved on since it was
 * read (another reader or an action got there first) is dropped, as that writer judged the
 * same records; the rest are upserted and their events added, each event once
 * (`(conflict_id, version)` is unique). Returns the conflicts written.
 */
export async function writePlanConflictChanges(db: Knex, writes: readonly PlanConflictWrite[]): Promise<StoredPlanConflict[]> {
  if (!writes.length) return [];
  return db.transaction(async (trx) => {
    const ids = writes.map((w) => w.conflict.id);
    const current: { id: string; version: number }[] = await forUpdate(trx('plan_conflicts').whereIn('id', ids).select('id', 'version'), trx);
    const versions = new Map(current.map((r) => [r.id, Number(r.version)]));
    const applicable = writes.filter((w) => (versions.get(w.conflict.id) ?? null) === w.readAt);
    for (let i = 0; i < applicable.length; i += CONFLICTS_PER_STATEMENT) {
      const rows = applicable.slice(i, i + CONFLICTS_PER_STATEMENT).map((w) => planConflictRowOf(w.conflict));
      await trx('plan_conflicts').insert(rows).onConflict('id').merge();
    }
    const events = applicable.flatMap((w) => (w.event ? [w.event] : []));
    for (let i = 0; i < events.length; i += CONFLICTS_PER_STATEMENT) {
      await trx('plan_conflict_events').insert(events.slice(i, i + CONFLICTS_PER_STATEMENT)).onConflict(['conflict_id', 'version']).ignore();
    }
    return applicable.map((w) => w.conflict);
  });
}

/** What an action on a conflict needs besides its input: who acts for which agency, and the meeting it names, checked. */
export interface PlanConflictAction<Input> {
  request: WriteRequest<Input>;
  agency: Agency;
  now: Date;
}

/**
 * One action on a conflict, in one transaction: the conflict locked and checked against the
 * version the caller read, `change` applied (it throws to refuse), the state's version moved
 * on and the step added to the history.
 */
function actOnPlanConflict<Input extends { id: string; version: number }>(
  db: Knex,
  { request, agency, now }: PlanConflictAction<Input>,
  change: (kept: StoredPlanConflict) => { conflict: StoredPlanConflict; event: { event: PlanConflictEventRow['event']; says?: Partial<PlanConflictEventRow> } },
): Promise<PlanConflictRow> {
  const { input, caller } = request;
  return idempotentRow(db, 'plan_conflicts', request, now, async (trx) => {
    const row: PlanConflictRow | undefined = await forUpdate(trx('plan_conflicts').where({ id: input.id }), trx).first();
    if (!row) throw notFound('input.id');
    const kept = storedPlanConflictOf(row);
    checkVersion(kept.version, input.version, 'conflict');
    const { conflict: changed, event } = change(kept);
    const at = now.toISOString();
    const next = { ...changed, version: kept.version + 1, changedAt: at };
    await trx('plan_conflicts').where({ id: kept.id }).update(planConflictRowOf(next));
    await trx('plan_conflict_events').insert(
      historyStep(next, event.event, now, { agency, organisation: formatOrganisation(caller.organisation), user: caller.user, ...event.says }),
    );
    return trx('plan_conflicts').where({ id: kept.id }).first();
  });
}

/** The caller's agency says it is working on the conflict. */
export function acknowledgePlanConflict(db: Knex, action: PlanConflictAction<AcknowledgePlanConflictInput>): Promise<PlanConflictRow> {
  const { note, expectedSettledOn } = checkAcknowledgementInput(action.request.input, todayInStockholm(action.now));
  return actOnPlanConflict(db, action, (kept) => {
    checkAcknowledgeable(kept);
    return {
      conflict: { ...kept, state: 'ACKNOWLEDGED', note, expectedSettledOn },
      event: { event: 'ACKNOWLEDGED', says: { note, expected_settled_on: expectedSettledOn } },
    };
  });
}

/** The caller's agency agrees to keep the conflict; at a three-party meeting (`meetingId`, checked by the caller) for all. */
export function acceptPlanConflict(db: Knex, action: PlanConflictAction<AcceptPlanConflictInput>, meetingId: string | null): Promise<PlanConflictRow> {
  const { reason } = checkAcceptanceInput(action.request.input);
  const { caller } = action.request;
  return actOnPlanConflict(db, action, (kept) => {
    checkAcceptable(kept, action.agency);
    const acceptance = {
      agency: action.agency,
      organisation: formatOrganisation(caller.organisation),
      user: caller.user,
      at: action.now.toISOString(),
      reason,
      fingerprint: fingerprintOf(kept.records),
    };
    return {
      conflict: { ...withAcceptance(kept, acceptance, meetingId), note: null, expectedSettledOn: null },
      event: { event: 'ACCEPTED', says: { reason, three_party_meeting_id: meetingId } },
    };
  });
}

/** The caller's agency takes its acceptance back. */
export function withdrawPlanConflictAcceptance(db: Knex, action: PlanConflictAction<WithdrawPlanConflictAcceptanceInput>): Promise<PlanConflictRow> {
  const { reason } = checkWithdrawalInput(action.request.input);
  return actOnPlanConflict(db, action, (kept) => {
    checkWithdrawable(kept, action.agency);
    return { conflict: withoutAcceptance(kept, action.agency), event: { event: 'ACCEPTANCE_WITHDRAWN', says: { reason } } };
  });
}
