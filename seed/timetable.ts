import { WeeklySlot } from '../lib/schedule';

/**
 * One person's week across every agency, as the generator builds it. Activities are added
 * only where they fit, so the seed holds no conflicts except the ones it plants on purpose
 * (figures.COLLIDING_PLANS_SHARE) — the ones the shared plan exists to find.
 */

/** A weekly slot with its times as minutes after midnight, for quick comparison. */
export interface Slot {
  weekday: WeeklySlot['weekday'];
  start: number;
  end: number;
}

/** Full time in Sweden: more than this per week, across agencies, is a conflict. */
const FULL_TIME_HOURS = 40;

function minutes(time: string): number {
  const [h, m] = time.split(':').map(Number);
  return h * 60 + m;
}

/** The same times on each of `weekdays`. */
export function slots(weekdays: readonly WeeklySlot['weekday'][], startTime: string, endTime: string): Slot[] {
  return weekdays.map((weekday) => ({ weekday, start: minutes(startTime), end: minutes(endTime) }));
}

function clock(total: number): string {
  return `${String(Math.floor(total / 60)).padStart(2, '0')}:${String(total % 60).padStart(2, '0')}`;
}

/** The schedule column's JSON text. */
export function scheduleJson(schedule: readonly Slot[]): string {
  return JSON.stringify(schedule.map((s) => ({ weekday: s.weekday, startTime: clock(s.start), endTime: clock(s.end) })));
}

/** Hours a week a schedule takes. */
export function hoursOf(schedule: readonly Slot[]): number {
  return schedule.reduce((sum, s) => sum + (s.end - s.start), 0) / 60;
}

function slotsOverlap(a: readonly Slot[], b: readonly Slot[]): boolean {
  return a.some((x) => b.some((y) => x.weekday === y.weekday && x.start < y.end && y.start < x.end));
}

/** An activity as the timetable sees it; dates inclusive, `to` the last day it runs. */
export interface Booking {
  from: string;
  to: string;
  schedule: readonly Slot[];
  hours: number;
  duplicateClass: string | null;
}

export class Timetable {
  private readonly bookings: Booking[] = [];

  /**
   * Whether `candidate` can run beside everything booked: no shared weekly time, not the
   * same kind of activity twice, and no more than full time in total. Hours are summed over
   * every booking that overlaps the candidate at all, which is stricter than any one week.
   */
  fits(candidate: Booking): boolean {
    let hours = candidate.hours;
    for (const b of this.bookings) {
      if (b.from > candidate.to || candidate.from > b.to) continue;
      if (slotsOverlap(b.schedule, candidate.schedule)) return false;
      if (b.duplicateClass !== null && b.duplicateClass === candidate.duplicateClass) return false;
      hours += b.hours;
    }
    return hours <= FULL_TIME_HOURS;
  }

  /** Books an activity whether it fits or not (planted conflicts use this directly). */
  add(booking: Booking): void {
    this.bookings.push(booking);
  }

  /** The first schedule in `schedules` that fits from `from` to `to`, booked; null if none does. */
  bookFirstFitting(
    from: string,
    to: string,
    schedules: readonly (readonly Slot[])[],
    unscheduledHours: number,
    duplicateClass: string | null,
  ): { schedule: readonly Slot[]; hours: number } | null {
    for (const schedule of schedules) {
      const hours = schedule.length ? hoursOf(schedule) : unscheduledHours;
      const booking = { from, to, schedule, hours, duplicateClass };
      if (this.fits(booking)) {
        this.add(booking);
        return { schedule, hours };
      }
    }
    return null;
  }
}
