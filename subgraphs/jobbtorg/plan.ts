import { Knex } from 'knex';
import { Page, PageArgs, paginateSorted } from '../../lib/pagination';
import { Agency, JobbtorgCaseFacts } from '../../lib/plan/activity';
import { Conflict, CONFLICT_KINDS, findConflicts } from '../../lib/plan/conflicts';
import { itemsInWindow, planItemOf, PlanItem, SharingConsent, toPlannedItem, visibleItems } from '../../lib/plan/items';
import { CONFLICT_STATES, ConflictState, PlanRecords, RecordStamp, SETTLED_STATES } from '../../lib/plan/settling';
import { PlanWindow } from '../../lib/plan/weeks';
import { jobbgarantiStatus } from './rules/case';
import { badInput, notFound } from '../../lib/errors';
import { addDays, mondayOf, todayInStockholm } from '../../lib/scalars/calendar';
import { peopleWithCasesIn } from './data';
import { Loaders } from './loaders';
import type { StoredPlanConflict } from './models';
import { foundConflictModel, keepConflicts, KEPT_AT_FULL_TIME_HOURS, keptConflictModel, PlanConflictModel } from './plan-conflicts';
import type { Access } from './access';
import type { Peers } from './peers';

/**
 * The shared plan, put together in Jobbtorg: its own interventions and cases, read here,
 * and the other agencies' items and the person's consents, which the gateway brings from
 * the partners and stadsdel subgraphs through `@requires` (or, for a coordinator's list,
 * which Jobbtorg asks them for in one batch). The reader sees the agencies their
 * organisation may see (./access.ts decides which); conflicts are found among those alone,
 * so a conflict never reveals an activity the reader cannot see.
 */

/** What the other subgraphs hand over about one person. */
export interface ExternalPlanFacts {
  partnersPlanItems: PlanItem[];
  stadsdelPlanItems: PlanItem[];
  sharingConsents: SharingConsent[];
  /** The providers the person is or was assigned to, by id. */
  assignedProviderIds: string[];
}

/** Jobbtorg's own part: interventions as plan items and the cases' facts, with their rows' versions. */
export interface OwnPlanFacts {
  items: PlanItem[];
  cases: JobbtorgCaseFacts[];
  stamps: Map<string, RecordStamp>;
}

/** A reader's plan over a window: the activities it sees and the conflicts among them. */
export interface ReadersPlan {
  from: string;
  to: string;
  weeks: string[];
  activities: PlanItem[];
  conflicts: Conflict[];
}

/** The plan as `SharedPlan` resolves it: each conflict with its id and kept state. */
export interface SharedPlanModel extends Omit<ReadersPlan, 'conflicts'> {
  conflicts: PlanConflictModel[];
}

/** The longest window one plan may span: a year, so a plan stays something to read. */
const MAX_WINDOW_DAYS = 366;

export function checkWindow(window: PlanWindow, field: string): void {
  if (window.to < window.from) throw badInput(`${field}.to`, 'must not be before from');
  if (window.to > addDays(window.from, MAX_WINDOW_DAYS)) throw badInput(`${field}.to`, `must be at most ${MAX_WINDOW_DAYS} days after from`);
}

export async function ownPlanFacts(loaders: Loaders, personnummer: string, today: string): Promise<OwnPlanFacts> {
  const cases = await loaders.casesOfPerson.load(personnummer);
  const plans = await Promise.all(cases.map((c) => loaders.planOfCase.load(c.id)));
  const interventions = (await Promise.all(plans.map((p) => (p ? loaders.interventionsOfPlan.load(p.id) : [])))).flat();
  return {
    items: interventions.map((i) =>
      planItemOf(i, { id: `jobbtorg:intervention:${i.id}`, agency: 'JOBBTORG', kind: i.kind, title: i.title, provider: null, partOf: null }, today),
    ),
    cases: cases.map((c, n) => ({
      id: `jobbtorg:case:${c.id}`,
      enrolledOn: c.enrolled_on,
      jobbgaranti: {
        deadline: c.jobbgaranti_deadline,
        planEstablishedOn: plans[n]?.established_on ?? null,
        status: jobbgarantiStatus(c.jobbgaranti_deadline, plans[n]?.established_on ?? null, today),
      },
      closure: c.closed_on && c.closure_reason ? { closedOn: c.closed_on, reason: c.closure_reason } : null,
    })),
    stamps: new Map([
      ...cases.map((c) => [`jobbtorg:case:${c.id}`, { version: c.version, changedBy: null }] as const),
      ...interventions.map((i) => [`jobbtorg:intervention:${i.id}`, { version: i.version, changedBy: null }] as const),
    ]),
  };
}

/** Every agency's records of the person, whoever reads: what a conflict is judged on (plan-conflicts.ts). */
export function planRecordsOf(own: OwnPlanFacts, external: ExternalPlanFacts): PlanRecords {
  return {
    items: [...own.items, ...external.partnersPlanItems, ...external.stadsdelPlanItems],
    context: { jobbtorgCases: own.cases },
    stamps: own.stamps,
  };
}

/** The plan over `window` of a reader who sees the `visible` agencies. */
export function sharedPlanOf(
  own: OwnPlanFacts,
  external: ExternalPlanFacts,
  visible: ReadonlySet<Agency>,
  window: PlanWindow,
  fullTimeHours: number,
): ReadersPlan {
  const everything = [...own.items, ...external.partnersPlanItems, ...external.stadsdelPlanItems];
  const { weeks, items } = itemsInWindow(visibleItems(everything, visible), window);
  const context = { jobbtorgCases: visible.has('JOBBTORG') ? own.cases : [] };
  const conflicts = findConflicts(items.map(toPlannedItem), context, window, { fullTimeHours });
  return { from: window.from, to: window.to, weeks, activities: items, conflicts };
}

/** What a plan request brings: the database, this request's loaders, its peers and access module. */
export interface PlanContextOfRequest {
  db: Knex;
  loaders: Loaders;
  peers: Peers;
  access: Access;
}

/**
 * The person's shared plan as the reader sees it, each conflict with its id and its kept
 * state: the conflicts found at the city's full time are reconciled with what Jobbtorg keeps
 * (plan-conflicts.ts) before they are shown.
 */
export async function sharedPlanWithState(
  ctx: PlanContextOfRequest,
  personnummer: string,
  external: ExternalPlanFacts,
  window: PlanWindow,
  fullTimeHours: number,
  now: Date,
): Promise<SharedPlanModel> {
  const own = await ownPlanFacts(ctx.loaders, personnummer, todayInStockholm(now));
  const visible = ctx.access.visibleAgencies(external.sharingConsents);
  const plan = sharedPlanOf(own, external, visible, window, fullTimeHours);
  const found = fullTimeHours === KEPT_AT_FULL_TIME_HOURS ? plan.conflicts : sharedPlanOf(own, external, visible, window, KEPT_AT_FULL_TIME_HOURS).conflicts;
  const kept = await keepConflicts(ctx, [{ personnummer, records: planRecordsOf(own, external), found }], now);
  const byId = new Map(kept.get(personnummer)!.map((c) => [c.id, c]));
  return { ...plan, conflicts: plan.conflicts.map((c) => foundConflictModel(personnummer, c, byId)) };
}

/** Many people's plans over one window as `reader` sees them, reconciled with what Jobbtorg keeps. */
interface ReconciledPlans {
  people: { personnummer: string; external: ExternalPlanFacts; found: Conflict[]; kept: StoredPlanConflict[] }[];
}

/**
 * The plans of `people` over `window`: Jobbtorg's own facts through the loaders (one query a
 * table), the other agencies' in one request to each peer, the conflicts each reader sees
 * found and reconciled in one batch. People whose plan the reader may not see at all (a
 * provider's, not assigned to it) are left out.
 */
async function reconciledPlans(ctx: PlanContextOfRequest, people: readonly string[], window: PlanWindow, now: Date, field: string): Promise<ReconciledPlans> {
  const today = todayInStockholm(now);
  const [own, external] = await Promise.all([Promise.all(people.map((p) => ownPlanFacts(ctx.loaders, p, today))), ctx.peers.planFacts(people, field)]);
  const plans = people
    .map((personnummer, i) => ({ personnummer, own: own[i], external: external.get(personnummer)! }))
    .filter((p) => ctx.access.seesPlanOf(p.external.assignedProviderIds))
    .map((p) => {
      const visible = ctx.access.visibleAgencies(p.external.sharingConsents);
      const { conflicts } = sharedPlanOf(p.own, p.external, visible, window, KEPT_AT_FULL_TIME_HOURS);
      return { ...p, records: planRecordsOf(p.own, p.external), found: conflicts };
    });
  const kept = await keepConflicts(ctx, plans, now);
  return { people: plans.map((p) => ({ personnummer: p.personnummer, external: p.external, found: p.found, kept: kept.get(p.personnummer)! })) };
}

/** A person on a coordinator's list, with their conflicts counted by kind and state. */
export interface PersonPlanConflictsModel {
  person: { personnummer: string };
  total: number;
  byKind: { kind: Conflict['kind']; count: number }[];
  byState: { state: ConflictState; count: number }[];
}

export interface PersonPlanConflictsPage extends Page<PersonPlanConflictsModel> {
  summary: PlanConflictSummaryModel;
}

export interface PlanConflictFilter {
  unitCode?: string | null;
  districtCode?: string | null;
  from: string;
  to: string;
  state?: readonly ConflictState[] | null;
}

/** The conflicts of a unit's or district's people together: counts, how old the open ones are, how long settling took. */
export interface PlanConflictSummaryModel {
  total: number;
  byKind: { kind: Conflict['kind']; count: number }[];
  byState: { state: ConflictState; count: number }[];
  medianOpenAgeDays: number | null;
  oldestOpenAgeDays: number | null;
  medianDaysToSettle: number | null;
}

function countsBy<K extends string>(keys: readonly K[], values: readonly K[]): { key: K; count: number }[] {
  return keys.map((key) => ({ key, count: values.filter((v) => v === key).length })).filter((c) => c.count > 0);
}

const DAY_MS = 86_400_000;

function median(values: readonly number[]): number | null {
  if (!values.length) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  const value = sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
  return Math.round(value * 10) / 10;
}

/** The summary of `conflicts` on `now`: ages in days from when each was found. */
export function summaryOf(conflicts: readonly PlanConflictModel[], now: Date): PlanConflictSummaryModel {
  const states = conflicts.flatMap((c) => (c.kept ? [c.kept.state] : []));
  const open = conflicts.flatMap((c) => (c.kept && !SETTLED_STATES.includes(c.kept.state) ? [(now.getTime() - Date.parse(c.kept.foundAt)) / DAY_MS] : []));
  const settling = conflicts.flatMap((c) => (c.kept?.settledAt ? [(Date.parse(c.kept.settledAt) - Date.parse(c.kept.foundAt)) / DAY_MS] : []));
  return {
    total: conflicts.length,
    byKind: countsBy(CONFLICT_KINDS, conflicts.map((c) => c.kind)).map(({ key, count }) => ({ kind: key, count })),
    byState: countsBy(CONFLICT_STATES, states).map(({ key, count }) => ({ state: key, count })),
    medianOpenAgeDays: median(open),
    oldestOpenAgeDays: open.length ? Math.floor(Math.max(...open)) : null,
    medianDaysToSettle: median(settling),
  };
}

function touches(weeks: readonly string[], window: PlanWindow): boolean {
  const first = mondayOf(window.from);
  return weeks.some((w) => w >= first && w <= window.to);
}

/**
 * The people with conflicts among everyone with a case at the unit or from the district in
 * the window, with counts by kind and state. Without a state filter a person is listed when
 * their plan holds conflicts now (`total`, `byKind`); `byState` and the summary count the
 * conflicts of the window that were resolved too. With one, only conflicts in those states
 * count. Whatever their number, it costs one query for the people, one each for their
 * cases, plans, interventions and kept conflicts (batched by the loaders), one request each
 * to partners and stadsdel, and one write transaction for whatever changed since the last read.
 */
export async function listPeopleWithPlanConflicts(ctx: PlanContextOfRequest, filter: PlanConflictFilter, page: PageArgs, now: Date): Promise<PersonPlanConflictsPage> {
  if (!filter.unitCode && !filter.districtCode) {
    throw badInput('peopleWithPlanConflicts.filter', 'must name a unitCode or a districtCode');
  }
  checkWindow(filter, 'peopleWithPlanConflicts.filter');
  const people = await peopleWithCasesIn(ctx.db, ctx.access.scopeCases, filter);
  const plans = await reconciledPlans(ctx, people, filter, now, 'peopleWithPlanConflicts');
  const asked = filter.state?.length ? new Set(filter.state) : null;
  const listed: PersonPlanConflictsModel[] = [];
  const counted: PlanConflictModel[] = [];
  for (const p of plans.people) {
    const kept = new Map(p.kept.map((c) => [c.id, c]));
    const found = p.found.map((c) => foundConflictModel(p.personnummer, c, kept));
    const foundIds = new Set(found.map((c) => c.id));
    const resolved = p.kept
      .filter((c) => c.state === 'RESOLVED' && !foundIds.has(c.id) && touches(c.weeks, filter) && ctx.access.seesPlanConflict(c.agencies, p.external))
      .map(keptConflictModel);
    const mine = [...found, ...resolved].filter((c) => !asked || (c.kept !== null && asked.has(c.kept.state)));
    const totalled = asked ? mine : found;
    if (!totalled.length) continue;
    const summary = summaryOf(mine, now);
    counted.push(...mine);
    listed.push({ person: { personnummer: p.personnummer }, total: totalled.length, byKind: summaryOf(totalled, now).byKind, byState: summary.byState });
  }
  return { ...paginateSorted(listed, page, (row) => row.person.personnummer, 'peopleWithPlanConflicts'), summary: summaryOf(counted, now) };
}

/** Who acts on the conflict an action names, once it is reconciled with its person's records. */
export interface ConflictToActOn {
  agency: Agency;
  /** The other agencies' records of the person, for what the action checks (a meeting). */
  external: ExternalPlanFacts;
}

/**
 * The conflict `id` names, for an action: NOT_FOUND on `input.id` unless it exists and the
 * caller's agency is involved and sees all of it (access.ts). Reconciled first, with the
 * person's records as they are, so an action is never taken on a state the records have
 * left behind (a conflict resolved meanwhile is refused as RESOLVED).
 */
export async function conflictToActOn(ctx: PlanContextOfRequest, id: string, now: Date): Promise<ConflictToActOn> {
  const stored = await ctx.loaders.keptConflict.load(id);
  if (!stored) throw notFound('input.id');
  const { personnummer } = stored;
  const [own, facts] = await Promise.all([ownPlanFacts(ctx.loaders, personnummer, todayInStockholm(now)), ctx.peers.planFacts([personnummer], 'input.id')]);
  const external = facts.get(personnummer)!;
  const agency = ctx.access.actsOnPlanConflict(stored, external);
  await keepConflicts(ctx, [{ personnummer, records: planRecordsOf(own, external), found: [] }], now);
  return { agency, external };
}

/** How far back and ahead an inbox looks for conflicts not yet kept: a quarter back, a year ahead. */
export const INBOX_WEEKS_BACK = 13;
export const INBOX_DAYS_AHEAD = 365;

export interface PlanConflictInboxFilter {
  state?: readonly ConflictState[] | null;
  kind?: readonly Conflict['kind'][] | null;
  since?: Date | null;
}

/**
 * The conflicts that involve the caller's organisation, newest change first: those of the
 * people whose plans it takes part in (access.ts `inboxPeople`), reconciled as any read
 * does, that it sees whole. Its cost does not grow with the number of people: one query for
 * the people (Jobbtorg's cases, or one request to stadsdel), then as `listPeopleWithPlanConflicts`.
 */
export async function planConflictInbox(ctx: PlanContextOfRequest, filter: PlanConflictInboxFilter | null | undefined, page: PageArgs, now: Date): Promise<Page<PlanConflictModel>> {
  const party = ctx.access.planParty();
  const today = todayInStockholm(now);
  const window = { from: addDays(mondayOf(today), -7 * INBOX_WEEKS_BACK), to: addDays(today, INBOX_DAYS_AHEAD) };
  const whose = ctx.access.inboxPeople();
  const people =
    party === null || whose === null
      ? []
      : whose === 'CASES'
        ? await peopleWithCasesIn(ctx.db, ctx.access.scopeCases, window)
        : await ctx.peers.sharedPlanPeople('planConflictInbox');
  const plans = await reconciledPlans(ctx, people, window, now, 'planConflictInbox');
  const since = filter?.since ? filter.since.toISOString() : null;
  const shown = plans.people.flatMap((p) =>
    p.kept.filter(
      (c) =>
        c.agencies.includes(party!) &&
        ctx.access.seesPlanConflict(c.agencies, p.external) &&
        (!filter?.state?.length || filter.state.includes(c.state)) &&
        (!filter?.kind?.length || filter.kind.includes(c.kind)) &&
        (since === null || c.changedAt >= since),
    ),
  );
  const newestFirst = shown.map(keptConflictModel).sort((a, b) => (inboxKey(a) < inboxKey(b) ? 1 : -1));
  return paginateSorted(newestFirst, page, inboxKey, 'planConflictInbox', { descending: true });
}

/** The inbox's order: the latest change first, then by id. */
function inboxKey(c: PlanConflictModel): string {
  return `${c.kept!.changedAt} ${c.id}`;
}
