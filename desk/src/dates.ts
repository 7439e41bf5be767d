/**
 * Calendar days and months as the API writes them, counted by the API's own calendar module,
 * so "this week" and "today" in the desk are the city's (Stockholm's) as they are in the API.
 */
export { addDays, addMonths, mondayOf, todayInStockholm as today } from '../../lib/scalars/calendar';

const dateTime = new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Stockholm', dateStyle: 'medium', timeStyle: 'short' });

export function formatDateTime(iso: string): string {
  return dateTime.format(new Date(iso));
}
