/**
 * Calendar values as the API and the databases carry them: dates as `YYYY-MM-DD`,
 * months as `YYYY-MM`, instants in the database as `YYYY-MM-DD HH:MM:SS` (UTC) —
 * the one text form that sorts correctly and reads back identically from SQLite
 * and from MySQL's DATETIME with `dateStrings`.
 */

export class CalendarError extends Error {}

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const MONTH = /^(\d{4})-(\d{2})$/;

export function parseDate(value: string): string {
  const m = DATE.exec(value);
  if (!m) throw new CalendarError('must be a date YYYY-MM-DD');
  const date = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  if (date.getUTCMonth() !== Number(m[2]) - 1 || date.getUTCDate() !== Number(m[3])) {
    throw new CalendarError('is not a day in the calendar');
  }
  return value;
}

export function parseMonth(value: string): string {
  const m = MONTH.exec(value);
  if (!m || Number(m[2]) < 1 || Number(m[2]) > 12) throw new CalendarError('must be a month YYYY-MM');
  return value;
}

/** Parses an ISO 8601 instant that names its offset (`Z` or `+01:00`). */
export function parseDateTime(value: string): Date {
  if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2})$/.test(value)) {
    throw new CalendarError('must be an ISO 8601 date-time with a time zone, e.g. 2026-03-01T09:30:00Z');
  }
  const date = new Date(value);
  if (Number.isNaN(date.getTime())) throw new CalendarError('is not an instant in the calendar');
  return date;
}

/** `YYYY-MM-DD HH:MM:SS`, UTC, the database form of an instant. */
export function toDbDateTime(date: Date): string {
  return date.toISOString().slice(0, 19).replace('T', ' ');
}

/** The API form of a database instant. Accepts the database form or ISO. */
export function fromDbDateTime(value: string | Date): string {
  if (value instanceof Date) return value.toISOString().slice(0, 19) + 'Z';
  return value.slice(0, 19).replace(' ', 'T') + 'Z';
}

/**
 * Stockholm's calendar day and wall-clock time, formatted by formatters made once:
 * `toLocaleDateString` with options builds a new formatter on every call (about 40 µs),
 * which a list of people asking for "today" once each paid per person.
 */
const STOCKHOLM_DAY = new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Stockholm' });
const STOCKHOLM_TIME = new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Stockholm', hour: '2-digit', minute: '2-digit' });

/** The last minute `todayInStockholm` was asked about, and its answer. */
let lastDay = { minute: NaN, day: '' };

/**
 * Today's date, `YYYY-MM-DD`, in Stockholm. Remembered for the minute asked about: a day in
 * Stockholm begins on a whole minute (its offsets are whole hours), and a list of 50 people
 * asks for every person's consents, which would otherwise format the date 50 times.
 */
export function todayInStockholm(now: Date = new Date()): string {
  const minute = Math.floor(now.getTime() / 60_000);
  if (minute !== lastDay.minute) lastDay = { minute, day: STOCKHOLM_DAY.format(now) };
  return lastDay.day;
}

export function addDays(date: string, days: number): string {
  const d = new Date(date + 'T00:00:00Z');
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

/** The date `workingDays` weekdays after `date` (weekends skipped; public holidays are not modelled). */
export function addWorkingDays(date: string, workingDays: number): string {
  let current = date;
  let left = workingDays;
  while (left > 0) {
    current = addDays(current, 1);
    const weekday = new Date(current + 'T00:00:00Z').getUTCDay();
    if (weekday !== 0 && weekday !== 6) left--;
  }
  return current;
}

export function addMonths(month: string, months: number): string {
  const [y, m] = month.split('-').map(Number);
  const index = y * 12 + (m - 1) + months;
  return `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, '0')}`;
}

/** Whole years between a birth date and a day (age on that day). */
export function ageOn(birthDate: string, day: string): number {
  const [by, bm, bd] = birthDate.split('-').map(Number);
  const [y, m, d] = day.split('-').map(Number);
  return y - by - (m < bm || (m === bm && d < bd) ? 1 : 0);
}

/** Monday of the ISO week that `date` falls in. */
export function mondayOf(date: string): string {
  const weekday = new Date(date + 'T00:00:00Z').getUTCDay();
  return addDays(date, -((weekday + 6) % 7));
}

/* Stockholm wall-clock time, from the EU summer-time rule (computed, not asked of Intl, because the seed asks for millions). */

const summerTimeByYear = new Map<number, { starts: string; ends: string }>();

function lastSunday(year: number, month: number): string {
  const last = new Date(Date.UTC(year, month, 0));
  last.setUTCDate(last.getUTCDate() - last.getUTCDay());
  return last.toISOString().slice(0, 10);
}

function summerTime(year: number): { starts: string; ends: string } {
  let bounds = summerTimeByYear.get(year);
  if (!bounds) {
    bounds = { starts: lastSunday(year, 3), ends: lastSunday(year, 10) };
    summerTimeByYear.set(year, bounds);
  }
  return bounds;
}

/**
 * The database form (`YYYY-MM-DD HH:MM:SS`, UTC) of a Stockholm wall-clock time `HH:MM` on
 * `day`. Only day times (from 02:00) are asked for, so the UTC time falls on the same day
 * and the night hours of the switch itself need no care.
 */
export function stockholmInstant(day: string, time: string): string {
  const { starts, ends } = summerTime(Number(day.slice(0, 4)));
  const offsetHours = day >= starts && day < ends ? 2 : 1;
  const colon = time.indexOf(':');
  const hours = Number(time.slice(0, colon)) - offsetHours;
  if (hours < 0) throw new RangeError(`stockholmInstant: ${time} is before the day starts in UTC`);
  return `${day} ${hours < 10 ? '0' : ''}${hours}:${time.slice(colon + 1, colon + 3)}:00`;
}

/** The Stockholm wall-clock day and time (`HH:MM`) of an instant. */
export function stockholmWallClock(instant: Date): { day: string; time: string } {
  const day = todayInStockholm(instant);
  const time = STOCKHOLM_TIME.format(instant);
  return { day, time };
}
