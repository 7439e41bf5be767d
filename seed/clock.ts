/**
 * Days and wall-clock times for the seed, which asks for millions of them: day arithmetic
 * on whole numbers instead of Date objects (the same answers as lib/scalars/calendar.ts,
 * several times faster). Stockholm wall-clock times come from lib/scalars/calendar.ts.
 */
export { stockholmInstant } from '../lib/scalars/calendar';

/** Days since 1970-01-01 of a `YYYY-MM-DD` date (proleptic Gregorian; H. Hinnant's days_from_civil). */
function dayNumber(date: string): number {
  let y = (date.charCodeAt(0) - 48) * 1000 + (date.charCodeAt(1) - 48) * 100 + (date.charCodeAt(2) - 48) * 10 + (date.charCodeAt(3) - 48);
  const m = (date.charCodeAt(5) - 48) * 10 + (date.charCodeAt(6) - 48);
  const d = (date.charCodeAt(8) - 48) * 10 + (date.charCodeAt(9) - 48);
  if (m <= 2) y -= 1;
  const era = Math.floor(y / 400);
  const yearOfEra = y - era * 400;
  const dayOfYear = Math.floor((153 * (m > 2 ? m - 3 : m + 9) + 2) / 5) + d - 1;
  const dayOfEra = yearOfEra * 365 + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100) + dayOfYear;
  return era * 146097 + dayOfEra - 719468;
}

/** The `YYYY-MM-DD` date of a day number (H. Hinnant's civil_from_days). */
function dateOf(days: number): string {
  const z = days + 719468;
  const era = Math.floor(z / 146097);
  const dayOfEra = z - era * 146097;
  const yearOfEra = Math.floor((dayOfEra - Math.floor(dayOfEra / 1460) + Math.floor(dayOfEra / 36524) - Math.floor(dayOfEra / 146096)) / 365);
  const dayOfYear = dayOfEra - (365 * yearOfEra + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100));
  const mp = Math.floor((5 * dayOfYear + 2) / 153);
  const d = dayOfYear - Math.floor((153 * mp + 2) / 5) + 1;
  const m = mp < 10 ? mp + 3 : mp - 9;
  const y = yearOfEra + era * 400 + (m <= 2 ? 1 : 0);
  return `${y}-${m < 10 ? '0' : ''}${m}-${d < 10 ? '0' : ''}${d}`;
}

/** `date` moved by `days` (negative: earlier); calendar.addDays without a Date. */
export function addDays(date: string, days: number): string {
  return dateOf(dayNumber(date) + days);
}

/** Monday of the ISO week `date` falls in; calendar.mondayOf without a Date. */
export function mondayOf(date: string): string {
  const n = dayNumber(date);
  return dateOf(n - ((n + 3) % 7 + 7) % 7);
}

/** 0 for Monday … 6 for Sunday (1970-01-01 was a Thursday). */
function weekdayIndex(day: string): number {
  return (((dayNumber(day) + 3) % 7) + 7) % 7;
}

/** `day` itself on a weekday, else the Monday after. */
export function workingDayOnOrAfter(day: string): string {
  const weekday = weekdayIndex(day);
  return weekday < 5 ? day : addDays(day, 7 - weekday);
}

/** Whole days from `from` to `to` (negative when `to` is earlier). */
export function daysBetween(from: string, to: string): number {
  return dayNumber(to) - dayNumber(from);
}

/** The date `workingDays` weekdays after `date`; calendar.addWorkingDays without a Date. */
export function addWorkingDays(date: string, workingDays: number): string {
  let n = dayNumber(date);
  for (let left = workingDays; left > 0; ) {
    n += 1;
    if ((((n + 3) % 7) + 7) % 7 < 5) left--;
  }
  return dateOf(n);
}

