import { Knex } from 'knex';
import { Page, PageArgs, paginateSorted } from '../../lib/pagination';
import { Agency, DEFAULT_FULL_TIME_HOURS, JobbtorgCaseFacts } from '../../lib/plan/activity';
import { Conflict, CONFLICT_KINDS, findConflicts } from '../../lib/plan/conflicts';
import { itemsInWindow, planItemOf, PlanItem, SharingConsent, toPlannedItem, visibleItems } from '../../lib/plan/items';
import { PlanWindow } from '../../lib/plan/weeks';
import { jobbgarantiStatus } from './rules/case';
import { badInput } from '../../lib/errors';
import { addDays } from '../../lib/scalars/calendar';
import { peopleWithCasesIn } from './data';
import { Loaders } from './loaders';
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

/** Jobbtorg's own part: interventions as plan items and the cases' facts. */
export interface OwnPlanFacts {
  items: PlanItem[];
  cases: JobbtorgCaseFacts[];
}

export interface SharedPlanModel {
  from: string;
  to: string;
  weeks: string[];
  activities: PlanItem[];
  conflicts: Conflict[];
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
  };
}

/** The plan over `window` of a reader who sees the `visible` agencies. */
export function sharedPlanOf(
  own: OwnPlanFacts,
  external: ExternalPlanFacts,
  visible: ReadonlySet<Agency>,
  window: PlanWindow,
  fullTimeHours: number,
): SharedPlanModel {
  const everything = [...own.items, ...external.partnersPlanItems, ...external.stadsdelPlanItems];
  const { weeks, items } = itemsInWindow(visibleItems(everything, visible), window);
  const context = { jobbtorgCases: visible.has('JOBBTORG') ? own.cases : [] };
  const conflicts = findConflicts(items.map(toPlannedItem), context, window, { fullTimeHours });
  return { from: window.from, to: window.to, weeks, activities: items, conflicts };
}

/** A person on a coordinator's list, with their conflicts counted by kind. */
export interface PersonPlanConflictsModel {
  person: { personnummer: string };
  total: number;
  byKind: { kind: Conflict['kind']; count: number }[];
}

export type PersonPlanConflictsPage = Page<PersonPlanConflictsModel>;

export interface PlanConflictFilter {
  unitCode?: string | null;
  districtCode?: string | null;
  from: string;
  to: string;
}

/**
 * The people with conflicts among everyone with a case at the unit or from the district in
 * the window. Whatever their number, it costs one query for the people, one each for their
 * cases, plans and interventions (batched by the loaders), and one request each to
 * partners and stadsdel for the other agencies' items and the consents.
 */
export async function listPeopleWithPlanConflicts(
  ctx: { db: Knex; loaders: Loaders; peers: Peers; access: Access },
  filter: PlanConflictFilter,
  page: PageArgs,
  today: string,
): Promise<Page<PersonPlanConflictsModel>> {
  if (!filter.unitCode && !filter.districtCode) {
    throw badInput('peopleWithPlanConflicts.filter', 'must name a unitCode or a districtCode');
  }
  checkWindow(filter, 'peopleWithPlanConflicts.filter');
  const people = await peopleWithCasesIn(ctx.db, ctx.access.scopeCases, filter);
  const [own, external] = await Promise.all([
    Promise.all(people.map((p) => ownPlanFacts(ctx.loaders, p, today))),
    ctx.peers.planFacts(people),
  ]);
  const withConflicts: PersonPlanConflictsModel[] = [];
  people.forEach((personnummer, i) => {
    const facts = external.get(personnummer)!;
    const { conflicts } = sharedPlanOf(own[i], facts, ctx.access.visibleAgencies(facts.sharingConsents), filter, DEFAULT_FULL_TIME_HOURS);
    if (!conflicts.length) return;
    const counts = new Map<Conflict['kind'], number>();
    for (const c of conflicts) counts.set(c.kind, (counts.get(c.kind) ?? 0) + 1);
    withConflicts.push({
      person: { personnummer },
      total: conflicts.length,
      byKind: CONFLICT_KINDS.filter((k) => counts.has(k)).map((kind) => ({ kind, count: counts.get(kind)! })),
    });
  });
  return paginateSorted(withConflicts, page, (row) => row.person.personnummer, 'peopleWithPlanConflicts');
}
