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
  // Read through globalThis: the unit tests load this module in Node, where there may be no navigator.
  const language = (globalThis as { navigator?: { language?: string } }).navigator?.language;
  if (!language) return ['sv-SE'];
  try {
    // A language Intl has no data for would fall back to the runtime's own, not to Swedish.
    return [...Intl.DateTimeFormat.supportedLocalesOf([language]), 'sv-SE'];
  } catch {
    return ['sv-SE']; // not a language tag at all
  }
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

/** A period of calendar days; one without an end runs "until further notice". */
export function formatPeriod(from: string, to: string | null | undefined): string {
  return `${formatDate(from)}–${to ? formatDate(to) : 'tills vidare'}`;
}
