import { badInput } from '../errors';
import { addDays, addMonths } from '../scalars/calendar';

/**
 * The period a follow-up report covers: whole calendar months, `from`–`to`, both included.
 * Every figure is counted over this period (or over each of its months, when the report is
 * split by month), so the rules for months live here once.
 */

/** The longest period one report may cover: three years of months. */
export const MAX_PERIOD_MONTHS = 36;

export interface Period {
  from: string;
  to: string;
}

/** First day of a month, `YYYY-MM-01`. */
export function firstDay(month: string): string {
  return `${month}-01`;
}

/** Last day of a month. */
export function lastDay(month: string): string {
  return addDays(firstDay(addMonths(month, 1)), -1);
}

/** Every month from `from` to `to`, both included. */
export function monthsOf({ from, to }: Period): string[] {
  const months: string[] = [];
  for (let month = from; month <= to; month = addMonths(month, 1)) months.push(month);
  return months;
}

/**
 * The same day `months` calendar months earlier or later, clamped to the end of a shorter
 * month (2025-08-31 less six months is 2025-02-28), as a contract's anniversary is counted.
 */
export function addMonthsToDate(date: string, months: number): string {
  const month = addMonths(date.slice(0, 7), months);
  const day = date.slice(8, 10);
  const last = lastDay(month);
  const candidate = `${month}-${day}`;
  return candidate > last ? last : candidate;
}

/** Checks a period given as `filter.from`/`filter.to`; a bad one is BAD_USER_INPUT naming the field. */
export function checkPeriod(period: Period, field: string): Period {
  if (period.to < period.from) throw badInput(`${field}.to`, 'must not come before from');
  if (monthsOf(period).length > MAX_PERIOD_MONTHS) throw badInput(`${field}.to`, `must be at most ${MAX_PERIOD_MONTHS} months after from`);
  return period;
}
