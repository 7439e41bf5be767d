import { addDays, daysBetween } from './clock';
import { Random } from './random';
import { PersonBundle } from './rows';
import { Timetable } from './timetable';

/**
 * What the parts of the generator share while they build one person: the random stream,
 * the run-wide id counters, the bundle being filled and the person's timetable.
 */

export type IdTable =
  | 'income_support_decisions'
  | 'info_meetings'
  | 'consents'
  | 'referrals'
  | 'three_party_meetings'
  | 'cases'
  | 'job_plans'
  | 'interventions'
  | 'feedback'
  | 'plan_conflict_events'
  | 'job_seeker_registrations'
  | 'planned_activities'
  | 'residence_permits'
  | 'sfi_enrolments'
  | 'provider_assignments'
  | 'programme_parts';

/** Sequential ids per table across the whole run: the same world gives the same ids. */
export class Ids {
  private readonly counters = new Map<IdTable, number>();

  next(table: IdTable): number {
    const id = (this.counters.get(table) ?? 0) + 1;
    this.counters.set(table, id);
    return id;
  }
}

export interface PersonContext {
  random: Random;
  ids: Ids;
  bundle: PersonBundle;
  timetable: Timetable;
  /** First day of the history. */
  from: string;
  /** Last day of the history: everything after it is planned, not done. */
  until: string;
}

/** A day in [from, to], uniformly; `from` when the range is empty. */
export function dayBetween(random: Random, from: string, to: string): string {
  return addDays(from, random.int(0, Math.max(0, daysBetween(from, to))));
}

/** `HH:MM` uniformly in working hours, on the quarter hour. */
export function workingTime(random: Random, firstHour = 8, lastHour = 16): string {
  return `${String(random.int(firstHour, lastHour - 1)).padStart(2, '0')}:${String(random.int(0, 3) * 15).padStart(2, '0')}`;
}

/** The earlier of two dates, either of which may be null (null means "none"). */
export function earlier(a: string, b: string | null): string {
  return b !== null && b < a ? b : a;
}
