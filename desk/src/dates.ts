/**
 * Calendar days and months as the API writes them, counted by the API's own calendar module,
 * so "this week" and "today" in the desk are the city's (Stockholm's) as they are in the API.
 */
export { addDays, addMonths, mondayOf, todayInStockholm as today } from '../../lib/scalars/calendar';

/**
 * Days and instants are shown as the browser's language writes them (`navigator.language`),
 * Swedish where the browser names none or one that Intl does not know; instants in the
 * city's time zone, whatever the browser's.
 */
function readersLocales(): string[] {
  const language = typeof navigator === 'undefined' ? undefined : navigator.language;
  return language ? [language, 'sv-SE'] : ['sv-SE'];
}

const dateTime = new Intl.DateTimeFormat(readersLocales(), { timeZone: 'Europe/Stockholm', dateStyle: 'medium', timeStyle: 'short' });
// A calendar day (`2026-12-04`) is read as midnight UTC and written in UTC, so no time zone moves it.
const date = new Intl.DateTimeFormat(readersLocales(), { timeZone: 'UTC', dateStyle: 'medium' });

export function formatDateTime(iso: string): string {
  return dateTime.format(new Date(iso));
}

export function formatDate(day: string): string {
  return date.format(new Date(`${day}T00:00:00Z`));
}
