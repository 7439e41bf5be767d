import { addDays, mondayOf, parseDate } from '../scalars/calendar';

/**
 * Weeks as the plan's rules count them: ISO weeks, Monday to Sunday, each named by its
 * Monday (`YYYY-MM-DD`). Day ranges are inclusive and may be open-ended.
 */

/** Inclusive days from `from` to `to`; `to` null runs on without end. */
export interface DayRange {
  from: string;
  to: string | null;
}

/** The days a `findConflicts` call looks at. */
export interface PlanWindow {
  /** First day, `YYYY-MM-DD`. */
  from: string;
  /** Last day, on or after `from`. */
  to: string;
}

/**
 * The Mondays of every week with at least one day in `window`, earliest first. The rules
 * judge whole weeks, so a window that starts on a Wednesday still takes in that week's
 * Monday and Tuesday: `sharedPlan` should list activities over the same whole weeks.
 * @throws RangeError when a date is not one or `to` comes before `from`.
 */
export function weeksOf(window: PlanWindow): string[] {
  const from = parseDate(window.from);
  const to = parseDate(window.to);
  if (to < from) throw new RangeError(`window.to (${to}) comes before window.from (${from})`);
  const weeks: string[] = [];
  for (let monday = mondayOf(from); monday <= to; monday = addDays(monday, 7)) weeks.push(monday);
  return weeks;
}

/** The days two ranges share, or null when they share none. */
export function intersect(a: DayRange, b: DayRange): DayRange | null {
  const from = a.from > b.from ? a.from : b.from;
  const to = a.to === null ? b.to : b.to === null ? a.to : a.to < b.to ? a.to : b.to;
  return to !== null && to < from ? null : { from, to };
}

/** Monday 0 … Sunday 6. */
export function weekdayIndex(date: string): number {
  return (new Date(date + 'T00:00:00Z').getUTCDay() + 6) % 7;
}

/**
 * The days of the week starting `monday` that `range` covers, as weekday indexes
 * `[first, last]` (0 Monday … 6 Sunday), or null when it covers none.
 */
export function daysInWeek(range: DayRange, monday: string): [number, number] | null {
  const days = intersect(range, { from: monday, to: addDays(monday, 6) });
  return days ? [weekdayIndex(days.from), weekdayIndex(days.to!)] : null;
}

/** The Mondays of `weeks` whose week shares a day with `range`. */
export function weeksTouching(weeks: readonly string[], range: DayRange): string[] {
  return weeks.filter((monday) => daysInWeek(range, monday) !== null);
}

/** ISO year and week number of the week starting `monday`. */
export function isoWeek(monday: string): { year: number; week: number } {
  // The week's Thursday decides its year; week 1 is the week with 4 January in it.
  const year = Number(addDays(monday, 3).slice(0, 4));
  const firstMonday = mondayOf(`${year}-01-04`);
  return { year, week: 1 + Math.round((Date.parse(monday) - Date.parse(firstMonday)) / (7 * 86_400_000)) };
}

/** `a`, `a och b`, `a, b och c`. */
export function joinSwedish(parts: readonly string[]): string {
  return parts.length <= 1 ? (parts[0] ?? '') : `${parts.slice(0, -1).join(', ')} och ${parts[parts.length - 1]}`;
}

/**
 * Weeks in Swedish, consecutive ones as a span: `vecka 48–52`, `vecka 3, 5–7 och 9`; with the
 * year after each year's weeks when they span more than one: `vecka 50–52 2025 och 1–2 2026`.
 * `mondays` must be ascending.
 */
export function describeWeeks(mondays: readonly string[]): string {
  const byYear = new Map<number, string[]>();
  let runStart: string | null = null;
  mondays.forEach((monday, i) => {
    runStart ??= monday;
    const next = mondays[i + 1];
    // A run ends at a gap, and at the turn of an ISO year so each year lists its own weeks.
    if (next === addDays(monday, 7) && isoWeek(next).year === isoWeek(monday).year) return;
    const first = isoWeek(runStart);
    const last = isoWeek(monday);
    const runs = byYear.get(first.year) ?? [];
    runs.push(first.week === last.week ? `${first.week}` : `${first.week}–${last.week}`);
    byYear.set(first.year, runs);
    runStart = null;
  });
  const years = [...byYear.entries()];
  if (years.length === 1) return `vecka ${joinSwedish(years[0][1])}`;
  return `vecka ${joinSwedish(years.map(([year, runs]) => `${joinSwedish(runs)} ${year}`))}`;
}
