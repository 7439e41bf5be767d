import { addDays, parseDate } from '../scalars/calendar';
import { minutesOf, WeeklySlot, WEEKDAYS } from '../schedule';
import {
  ActivityCategory,
  Agency,
  AGENCIES,
  AGENCY_NAMES,
  CATEGORY_NAMES,
  DEFAULT_FULL_TIME_HOURS,
  isProgramme,
  JobbtorgCaseFacts,
  labelOf,
  PlanContext,
  PlannedItem,
  STUDY_CATEGORIES,
} from './activity';
import { DayRange, daysInWeek, describeWeeks, intersect, joinSwedish, PlanWindow, weeksOf, weeksTouching } from './weeks';

/**
 * The conflict rules of the shared plan: given every agency's planned activities for one
 * person, the facts around them and a window, which conflicts the plan holds. Pure, no I/O,
 * deterministic: the same plan gives the same conflicts in the same order, whatever order
 * the activities come in.
 *
 * Conflicts are judged per ISO week (Monday–Sunday), over the whole weeks the window
 * touches (./weeks.ts `weeksOf`); every conflict names the weeks it affects by their
 * Mondays, and only weeks in the window.
 */

/** The kinds (the schema's `PlanConflictKind`), in the order conflicts of the same first week are listed. */
export const CONFLICT_KINDS = ['SLOT_OVERLAP', 'OVER_FULL_TIME', 'DUPLICATE_KIND', 'CONTRADICTING_GOALS', 'JOBBGARANTI_BREACHED'] as const;

export type ConflictKind = (typeof CONFLICT_KINDS)[number];

/** What every conflict says. Lists are sorted and hold no repeats. */
interface ConflictBase<K extends ConflictKind> {
  kind: K;
  /** The activities involved (`PlannedItem.id`); empty for a conflict of the context alone. */
  activityIds: string[];
  /** The context facts involved (`JobbtorgCaseFacts.id`). */
  contextIds: string[];
  /** Every agency whose activity or fact is involved, in `AGENCIES` order. */
  agencies: Agency[];
  /** Mondays (`YYYY-MM-DD`) of the weeks it affects, ascending, never empty, all in the window. */
  weeks: string[];
  /** For the person and the officers, in Swedish. */
  message: string;
}

/** Two activities take the same time on the same day, in weeks both run. Touching (one ends 12:00, one starts 12:00) is no overlap. */
export interface SlotOverlap extends ConflictBase<'SLOT_OVERLAP'> {
  /** The times the two share, by weekday and start. */
  slots: WeeklySlot[];
}

/**
 * More than full time in a week, all agencies together: one conflict per run of consecutive
 * weeks in which the same activities take time. It names them, a programme among them.
 */
export interface OverFullTime extends ConflictBase<'OVER_FULL_TIME'> {
  /** The hours planned in each of `weeks`, to two decimals. */
  hoursByWeek: { week: string; hours: number }[];
  fullTimeHours: number;
}

/** Two agencies plan the same category of activity for the same weeks. */
export interface DuplicateKind extends ConflictBase<'DUPLICATE_KIND'> {
  category: ActivityCategory;
}

/**
 * One agency's plan works against another's goal:
 * - `FULL_TIME_PROGRAMME_AND_FULL_TIME_ACTIVITY`: a full-time Arbetsförmedlingen programme
 *   beside a full-time activity of another agency (e.g. a full-time Jobbtorg placement) that
 *   is not recorded as part of it: two agencies each plan the person's whole week. The hours
 *   are also `OVER_FULL_TIME`; this says the plans' goals collide, which the hours do not;
 * - `STUDIES_AFTER_CLOSURE_TO_WORK`: studies in working hours (or at unknown times) after
 *   Jobbtorg closed a case because the person got work, until they enrol again.
 */
export interface ContradictingGoals extends ConflictBase<'CONTRADICTING_GOALS'> {
  reason: 'FULL_TIME_PROGRAMME_AND_FULL_TIME_ACTIVITY' | 'STUDIES_AFTER_CLOSURE_TO_WORK';
}

/** A case's jobbgaranti was broken; its weeks run from the day after the deadline until the plan came (or the case closed). */
export interface JobbgarantiBreached extends ConflictBase<'JOBBGARANTI_BREACHED'> {
  deadline: string;
  planEstablishedOn: string | null;
}

export type Conflict = SlotOverlap | OverFullTime | DuplicateKind | ContradictingGoals | JobbgarantiBreached;

export interface FindConflictsOptions {
  /** Hours a week that are full time; more than this in a week, in total, is `OVER_FULL_TIME`. Default 40. */
  fullTimeHours?: number;
}

/** Working hours, Monday–Friday, for "studies in working hours": 08:00–17:00. */
const WORKING_HOURS = { start: 8 * 60, end: 17 * 60, lastWeekday: 4 };

/** Floating-point slack, so 20.1 + 19.9 hours is not more than 40. */
const EPSILON = 1e-9;

/**
 * The conflicts of one person's plan over the weeks `window` touches.
 *
 * - `SLOT_OVERLAP`, per pair of activities: a weekly slot of one overlaps one of the other on
 *   the same weekday, on a day both run. Touching slots and empty schedules never overlap.
 * - `OVER_FULL_TIME`, per run of consecutive weeks with the same activities taking time
 *   (one that starts or ends begins another run): the activities' hours in a week add up
 *   to more than `fullTimeHours` (exactly full time is fine). An activity counts its
 *   `hoursPerWeek` in a week it runs throughout; in its first or last week only the share it
 *   runs: the share of its slots' time that falls on its days, or with no schedule the share
 *   of Monday–Friday it runs (one that starts on a Saturday adds nothing that week). An
 *   Arbetsförmedlingen programme is planned time: in a week it counts as the larger of its
 *   extent (`extentPercent` of `fullTimeHours`, by the same shares) and the hours its parts
 *   (the items whose `partOf` names it) take on its days; everything else, and a part on
 *   days the programme does not run, comes on top.
 * - `DUPLICATE_KIND`, per pair: the same category from two different agencies, running on a
 *   common day. The same agency twice is its own business, not a duplicate.
 * - `CONTRADICTING_GOALS`: see `ContradictingGoals`. Full time means `extentPercent` ≥ 100 for a
 *   programme and `hoursPerWeek` ≥ `fullTimeHours` for an activity.
 * - `JOBBGARANTI_BREACHED`: a case whose jobbgaranti `status` is `BREACHED`, while the breach
 *   lasts within the window (see `JobbgarantiBreached`).
 *
 * @param items every agency's activities; ids must be unique. Order does not matter.
 * @param context facts that are not activities; order does not matter.
 * @param window the days asked about; conflicts are judged over the whole weeks it touches.
 * @returns conflicts sorted by first week, then kind (`CONFLICT_KINDS`), then ids.
 * @throws RangeError on a repeated id, a programme without an extent of 1–100 % or a window
 *   that ends before it starts; CalendarError on a date that is not `YYYY-MM-DD`.
 */
export function findConflicts(
  items: readonly PlannedItem[],
  context: PlanContext,
  window: PlanWindow,
  options: FindConflictsOptions = {},
): Conflict[] {
  const fullTimeHours = options.fullTimeHours ?? DEFAULT_FULL_TIME_HOURS;
  if (!(fullTimeHours > 0)) throw new RangeError(`fullTimeHours must be more than 0, got ${fullTimeHours}`);
  const weeks = weeksOf(window);
  const span: DayRange = { from: weeks[0], to: addDays(weeks[weeks.length - 1], 6) };
  const plan = prepare(items, span, fullTimeHours);
  const cases = [...context.jobbtorgCases].sort(byId);
  const programmes = plan.filter((p) => isProgramme(p.item));
  return [
    ...pairwise(plan, (a, b) => slotOverlap(a, b, weeks)),
    ...overFullTime(plan, weeks, fullTimeHours),
    ...pairwise(plan, (a, b) => duplicateKind(a, b, weeks)),
    ...programmes.flatMap((p) => plan.map((x) => fullTimeBesideProgramme(p, x, weeks, fullTimeHours))),
    ...cases.flatMap((c) => plan.map((x) => studiesAfterWork(c, cases, x, weeks))),
    ...cases.map((c) => jobbgarantiBreached(c, weeks, span)),
  ]
    .filter((c): c is Conflict => c !== null)
    .sort(conflictOrder);
}

/** An activity with the days it runs within the window's weeks and its slots in minutes. */
interface Prepared {
  item: PlannedItem;
  runs: DayRange;
  slots: { weekday: number; start: number; end: number }[];
  /** Minutes a week its slots add up to. */
  scheduledMinutes: number;
  /** Hours it counts for in a week it runs throughout: its `hoursPerWeek`; a programme's, its extent of full time. */
  weeklyHours: number;
}

function prepare(items: readonly PlannedItem[], span: DayRange, fullTimeHours: number): Prepared[] {
  const seen = new Set<string>();
  const plan: Prepared[] = [];
  for (const item of [...items].sort(byId)) {
    if (seen.has(item.id)) throw new RangeError(`activity id ${item.id} is given twice`);
    seen.add(item.id);
    const extent = item.extentPercent;
    if (isProgramme(item) && !(extent !== null && extent >= 1 && extent <= 100)) {
      throw new RangeError(`programme ${item.id} needs an extentPercent of 1–100, got ${extent}`);
    }
    const runs = intersect({ from: parseDate(item.startDate), to: item.endDate === null ? null : parseDate(item.endDate) }, span);
    if (!runs) continue;
    // Subgraphs check schedules on the way in; a slot that is still no time span is left out, not guessed at.
    const slots = item.schedule
      .map((s) => ({ weekday: WEEKDAYS.indexOf(s.weekday), start: minutesOf(s.startTime) ?? -1, end: minutesOf(s.endTime) ?? -1 }))
      .filter((s) => s.weekday >= 0 && s.start >= 0 && s.end > s.start);
    plan.push({
      item,
      runs,
      slots,
      scheduledMinutes: slots.reduce((sum, s) => sum + s.end - s.start, 0),
      weeklyHours: isProgramme(item) ? (extent! / 100) * fullTimeHours : item.hoursPerWeek,
    });
  }
  return plan;
}

function pairwise(plan: readonly Prepared[], rule: (a: Prepared, b: Prepared) => Conflict | null): (Conflict | null)[] {
  return plan.flatMap((a, i) => plan.slice(i + 1).map((b) => rule(a, b)));
}

function slotOverlap(a: Prepared, b: Prepared, weeks: readonly string[]): SlotOverlap | null {
  const both = intersect(a.runs, b.runs);
  if (!both || a.slots.length === 0 || b.slots.length === 0) return null;
  const shared = new Map<string, { weekday: number; start: number; end: number }>();
  const affected: string[] = [];
  for (const monday of weeksTouching(weeks, both)) {
    const [first, last] = daysInWeek(both, monday)!;
    let clash = false;
    for (const x of a.slots) {
      for (const y of b.slots) {
        const start = Math.max(x.start, y.start);
        const end = Math.min(x.end, y.end);
        if (x.weekday !== y.weekday || x.weekday < first || x.weekday > last || start >= end) continue;
        shared.set(`${x.weekday}:${start}:${end}`, { weekday: x.weekday, start, end });
        clash = true;
      }
    }
    if (clash) affected.push(monday);
  }
  if (affected.length === 0) return null;
  const slots = [...shared.values()].sort((x, y) => x.weekday - y.weekday || x.start - y.start || x.end - y.end);
  return {
    kind: 'SLOT_OVERLAP',
    ...involving([a.item, b.item], []),
    weeks: affected,
    slots: slots.map((s) => ({ weekday: WEEKDAYS[s.weekday], startTime: clock(s.start), endTime: clock(s.end) })),
    message: `${labelOf(a.item)} och ${labelOf(b.item)} överlappar ${describeSlots(slots)} ${describeWeeks(affected)}.`,
  };
}

/**
 * Hours `p` takes in the week starting `monday` (see `findConflicts` on partial weeks), on the
 * days of `runs` only: by default every day it runs.
 */
function hoursInWeek(p: Prepared, monday: string, runs: DayRange | null = p.runs): number {
  const days = runs && daysInWeek(runs, monday);
  if (!days) return 0;
  const [first, last] = days;
  if (first === 0 && last === 6) return p.weeklyHours;
  if (p.scheduledMinutes > 0) {
    const minutes = p.slots.filter((s) => s.weekday >= first && s.weekday <= last).reduce((sum, s) => sum + s.end - s.start, 0);
    return (p.weeklyHours * minutes) / p.scheduledMinutes;
  }
  const workingDays = Math.max(0, Math.min(last, WORKING_HOURS.lastWeekday) - first + 1);
  return (p.weeklyHours * workingDays) / (WORKING_HOURS.lastWeekday + 1);
}

/**
 * The hours planned in the week starting `monday`, all agencies together, and the activities
 * that take some of them. A programme counts the larger of its extent and what its parts
 * take on its days; a part's hours on other days, and everything else, come on top.
 */
function weekLoad(plan: readonly Prepared[], monday: string): { hours: number; items: PlannedItem[] } {
  const programmes = new Map(plan.filter((p) => isProgramme(p.item)).map((p) => [p.item.id, { programme: p, withinIt: 0 }]));
  const items: PlannedItem[] = [];
  let hours = 0;
  for (const x of plan) {
    if (isProgramme(x.item)) continue;
    const own = hoursInWeek(x, monday);
    if (own <= 0) continue;
    items.push(x.item);
    const part = x.item.partOf === null ? undefined : programmes.get(x.item.partOf);
    const withinIt = part ? hoursInWeek(x, monday, intersect(x.runs, part.programme.runs)) : 0;
    if (part) part.withinIt += withinIt;
    hours += own - withinIt;
  }
  for (const { programme, withinIt } of programmes.values()) {
    const counted = Math.max(hoursInWeek(programme, monday), withinIt);
    if (counted <= 0) continue;
    items.push(programme.item);
    hours += counted;
  }
  return { hours, items };
}

function overFullTime(plan: readonly Prepared[], weeks: readonly string[], fullTimeHours: number): OverFullTime[] {
  const conflicts: OverFullTime[] = [];
  let run: { weeks: { week: string; hours: number }[]; items: PlannedItem[]; key: string } | null = null;
  for (const week of weeks) {
    const { hours, items } = weekLoad(plan, week);
    const key = items.map((item) => item.id).sort().join(',');
    // A run is the weeks one set of activities is over full time together. The set a week
    // holds does not depend on the window read, so neither does the conflict's id; a run that
    // merged changing sets would name different activities as the window cut it differently.
    if (run && (hours <= fullTimeHours + EPSILON || key !== run.key)) {
      conflicts.push(overFullTimeConflict(run.weeks, run.items, fullTimeHours));
      run = null;
    }
    if (hours <= fullTimeHours + EPSILON) continue;
    run ??= { weeks: [], items: [...items], key };
    run.weeks.push({ week, hours: Math.round(hours * 100) / 100 });
  }
  if (run) conflicts.push(overFullTimeConflict(run.weeks, run.items, fullTimeHours));
  return conflicts;
}

function overFullTimeConflict(hoursByWeek: { week: string; hours: number }[], items: PlannedItem[], fullTimeHours: number): OverFullTime {
  const most = Math.max(...hoursByWeek.map((w) => w.hours));
  const varies = hoursByWeek.some((w) => w.hours !== most);
  const weeks = hoursByWeek.map((w) => w.week);
  // Programmes first, as the rest is counted against them; then by id.
  const sorted = [...items].sort((a, b) => Number(isProgramme(b)) - Number(isProgramme(a)) || byId(a, b));
  const programmes = new Map(sorted.filter(isProgramme).map((p) => [p.id, p]));
  return {
    kind: 'OVER_FULL_TIME',
    ...involving(sorted, []),
    weeks,
    hoursByWeek,
    fullTimeHours,
    message:
      `Sammanlagt ${varies ? 'upp till ' : ''}${decimal(most)} timmar i veckan, mer än heltid (${decimal(fullTimeHours)} timmar), ` +
      `${describeWeeks(weeks)}: ${joinSwedish(sorted.map((item) => loadLabelOf(item, programmes)))}.`,
  };
}

/**
 * How a message about a week's hours names an activity: a programme with its extent
 * (`Etableringsprogrammet på heltid (Arbetsförmedlingen)`), a part of a named programme as
 * within it (`Sfi kurs B (Sfi Stockholm Kista) inom Etableringsprogrammet`).
 */
function loadLabelOf(item: PlannedItem, programmes: ReadonlyMap<string, PlannedItem>): string {
  if (isProgramme(item)) {
    const extent = item.extentPercent === 100 ? 'heltid' : `${item.extentPercent} %`;
    return `${item.title} på ${extent} (${item.provider ?? AGENCY_NAMES[item.agency]})`;
  }
  const programme = item.partOf === null ? undefined : programmes.get(item.partOf);
  return programme ? `${labelOf(item)} inom ${programme.title}` : labelOf(item);
}

function duplicateKind(a: Prepared, b: Prepared, weeks: readonly string[]): DuplicateKind | null {
  if (a.item.category !== b.item.category || a.item.agency === b.item.agency) return null;
  const both = intersect(a.runs, b.runs);
  if (!both) return null;
  const affected = weeksTouching(weeks, both);
  const agencies = sortAgencies([a.item.agency, b.item.agency]).map((x) => AGENCY_NAMES[x]);
  return {
    kind: 'DUPLICATE_KIND',
    ...involving([a.item, b.item], []),
    weeks: affected,
    category: a.item.category,
    message:
      `${labelOf(a.item)} och ${labelOf(b.item)} är båda ${CATEGORY_NAMES[a.item.category]}, ` +
      `planerade av både ${agencies[0]} och ${agencies[1]} ${describeWeeks(affected)}.`,
  };
}

/** A full-time programme `p` beside another agency's full-time activity `x` that is not part of it. */
function fullTimeBesideProgramme(p: Prepared, x: Prepared, weeks: readonly string[], fullTimeHours: number): ContradictingGoals | null {
  if (p.item.extentPercent! < 100 || x.item.agency === p.item.agency || x.item.partOf === p.item.id || x.item.hoursPerWeek < fullTimeHours) return null;
  return contradiction('FULL_TIME_PROGRAMME_AND_FULL_TIME_ACTIVITY', x, involving([x.item, p.item], []), p.runs, weeks, (when) =>
    `${labelOf(p.item)} är på heltid, men ${labelOf(x.item)} planeras också på heltid ${when}.`,
  );
}

/**
 * After a closure to work, until the person enrols at Jobbtorg again, studies that take
 * working hours contradict it. Evening and weekend studies (Sfi runs evening classes for
 * those who work) do not; studies at unknown times might, so they count.
 */
function studiesAfterWork(c: JobbtorgCaseFacts, cases: readonly JobbtorgCaseFacts[], x: Prepared, weeks: readonly string[]): ContradictingGoals | null {
  if (c.closure?.reason !== 'WORK' || !STUDY_CATEGORIES.includes(x.item.category) || !takesWorkingHours(x)) return null;
  const closedOn = c.closure.closedOn;
  const reenrolled = cases
    .map((other) => other.enrolledOn)
    .filter((day) => day > closedOn)
    .sort()[0];
  const working: DayRange = { from: addDays(closedOn, 1), to: reenrolled === undefined ? null : addDays(reenrolled, -1) };
  return contradiction('STUDIES_AFTER_CLOSURE_TO_WORK', x, involving([x.item], [c.id], ['JOBBTORG']), working, weeks, (when) =>
    `Jobbtorg avslutade ärendet ${closedOn} till arbete, men ${labelOf(x.item)} planeras på arbetstid därefter ${when}.`,
  );
}

/** `x` against another agency's plan or fact that holds over `period`: a conflict, naming `involved`, for the weeks they share. */
function contradiction(
  reason: ContradictingGoals['reason'],
  x: Prepared,
  involved: Pick<Conflict, 'activityIds' | 'contextIds' | 'agencies'>,
  period: DayRange,
  weeks: readonly string[],
  say: (when: string) => string,
): ContradictingGoals | null {
  const both = intersect(period, x.runs);
  if (!both) return null;
  const affected = weeksTouching(weeks, both);
  return { kind: 'CONTRADICTING_GOALS', reason, ...involved, weeks: affected, message: say(describeWeeks(affected)) };
}

function takesWorkingHours(x: Prepared): boolean {
  if (x.slots.length === 0) return true;
  return x.slots.some((s) => s.weekday <= WORKING_HOURS.lastWeekday && s.start < WORKING_HOURS.end && s.end > WORKING_HOURS.start);
}

function jobbgarantiBreached(c: JobbtorgCaseFacts, weeks: readonly string[], span: DayRange): JobbgarantiBreached | null {
  const { deadline, planEstablishedOn, status } = c.jobbgaranti;
  if (status !== 'BREACHED') return null;
  const breach = intersect({ from: addDays(deadline, 1), to: planEstablishedOn ?? c.closure?.closedOn ?? null }, span);
  if (!breach) return null;
  const affected = weeksTouching(weeks, breach);
  const outcome =
    planEstablishedOn !== null
      ? `men kom ${planEstablishedOn}`
      : c.closure
        ? `men kom aldrig (ärendet avslutades ${c.closure.closedOn})`
        : 'men finns inte än';
  return {
    kind: 'JOBBGARANTI_BREACHED',
    ...involving([], [c.id], ['JOBBTORG']),
    weeks: affected,
    deadline,
    planEstablishedOn,
    message: `Jobbgarantin bröts: jobbplanen skulle ha funnits senast ${deadline}, ${outcome}.`,
  };
}

/** The ids and agencies a conflict names. */
function involving(items: readonly PlannedItem[], contextIds: string[], contextAgencies: Agency[] = []): Pick<Conflict, 'activityIds' | 'contextIds' | 'agencies'> {
  return {
    activityIds: items.map((i) => i.id).sort(),
    contextIds: [...contextIds].sort(),
    agencies: sortAgencies([...items.map((i) => i.agency), ...contextAgencies]),
  };
}

function sortAgencies(agencies: readonly Agency[]): Agency[] {
  return AGENCIES.filter((a) => agencies.includes(a));
}

function conflictOrder(a: Conflict, b: Conflict): number {
  return (
    compare(a.weeks[0], b.weeks[0]) ||
    CONFLICT_KINDS.indexOf(a.kind) - CONFLICT_KINDS.indexOf(b.kind) ||
    compare(a.activityIds.join('\n'), b.activityIds.join('\n')) ||
    compare(a.contextIds.join('\n'), b.contextIds.join('\n')) ||
    compare(a.message, b.message)
  );
}

function byId(a: { id: string }, b: { id: string }): number {
  return compare(a.id, b.id);
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

const WEEKDAY_PLURALS = ['måndagar', 'tisdagar', 'onsdagar', 'torsdagar', 'fredagar', 'lördagar', 'söndagar'];

/** `måndagar och onsdagar 09:00–12:00, fredagar 13:00–15:00`: weekdays grouped by time. */
function describeSlots(slots: readonly { weekday: number; start: number; end: number }[]): string {
  const byTime = new Map<string, number[]>();
  for (const s of slots) {
    const time = `${clock(s.start)}–${clock(s.end)}`;
    byTime.set(time, [...(byTime.get(time) ?? []), s.weekday]);
  }
  return [...byTime.entries()].map(([time, days]) => `${joinSwedish(days.map((d) => WEEKDAY_PLURALS[d]))} ${time}`).join(', ');
}

function clock(minutes: number): string {
  return `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;
}

/** `40`, `40,5`: Swedish decimals, at most two. */
function decimal(value: number): string {
  return String(Math.round(value * 100) / 100).replace('.', ',');
}
