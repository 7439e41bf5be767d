import { badInput } from '../../../lib/errors';
import { checkSchedule, parseSchedule, scheduledHours, WeeklySlot } from '../../../lib/schedule';

/**
 * The timing every scheduled record keeps — Arbetsförmedlingen's planned activities, Sfi
 * enrolments and provider assignments — as plain functions: dates in order, and hours a
 * week that a week can hold and that agree with the weekly schedule. Errors name the input
 * field at fault.
 */

/** The most hours a week can hold. */
export const HOURS_IN_A_WEEK = 168;

/** Hours a week and the schedule's hours agree when they differ by less than this (a minute's rounding). */
const HOURS_TOLERANCE = 0.01;

/** When a record runs and for how long, as a mutation's input gives it. */
export interface Timing {
  startDate: string;
  endDate: string | null;
  hoursPerWeek: number;
  schedule: readonly WeeklySlot[];
}

/**
 * A change to a record's timing. A field left out keeps its value; `endDate: null` makes
 * the record open-ended, and null elsewhere keeps the value (those fields cannot be empty).
 */
export interface TimingChange {
  startDate?: string | null;
  endDate?: string | null;
  hoursPerWeek?: number | null;
  schedule?: readonly WeeklySlot[] | null;
}

/** The columns a checked timing is stored in. */
export interface TimingColumns {
  start_date: string;
  end_date: string | null;
  hours_per_week: number;
  schedule: string;
}

type Given = Record<keyof Timing, boolean>;

/** Checks a new record's timing; returns it as the columns store it. */
export function checkTiming(timing: Timing): TimingColumns {
  return checked(timing, { startDate: true, endDate: true, hoursPerWeek: true, schedule: true }, null);
}

/**
 * The timing of `row` after `change`, checked as a whole: moving the start past the end
 * is as wrong as giving an end before the start. An error names a field the change gave.
 */
export function changedTiming(row: TimingColumns, change: TimingChange): TimingColumns {
  const given: Given = {
    startDate: change.startDate != null,
    endDate: change.endDate !== undefined,
    hoursPerWeek: change.hoursPerWeek != null,
    schedule: change.schedule != null,
  };
  const timing: Timing = {
    startDate: change.startDate ?? row.start_date,
    endDate: change.endDate !== undefined ? change.endDate : row.end_date,
    hoursPerWeek: change.hoursPerWeek ?? Number(row.hours_per_week),
    schedule: change.schedule ?? parseSchedule(row.schedule),
  };
  return checked(timing, given, given.schedule ? null : row.schedule);
}

/** @param storedSchedule the schedule column of a record whose schedule does not change; kept as it is. */
function checked(timing: Timing, given: Given, storedSchedule: string | null): TimingColumns {
  const { startDate, endDate, hoursPerWeek } = timing;
  if (endDate !== null && endDate < startDate) {
    throw given.endDate
      ? badInput('input.endDate', `is before the start date ${startDate}`)
      : badInput('input.startDate', `is after the end date ${endDate}`);
  }
  if (given.hoursPerWeek && !(Number.isFinite(hoursPerWeek) && hoursPerWeek > 0 && hoursPerWeek <= HOURS_IN_A_WEEK)) {
    throw badInput('input.hoursPerWeek', `must be more than 0 and at most ${HOURS_IN_A_WEEK}, the hours of a week`);
  }
  const schedule = storedSchedule ?? checkSchedule(timing.schedule, 'input.schedule');
  if ((given.hoursPerWeek || given.schedule) && timing.schedule.length > 0) {
    const slotHours = scheduledHours(timing.schedule);
    if (Math.abs(slotHours - hoursPerWeek) >= HOURS_TOLERANCE) {
      throw given.hoursPerWeek
        ? badInput('input.hoursPerWeek', `must equal the ${slotHours} hours a week that input.schedule adds up to`)
        : badInput('input.schedule', `adds up to ${slotHours} hours a week, not the ${hoursPerWeek} recorded; give hoursPerWeek as well`);
    }
  }
  return { start_date: startDate, end_date: endDate, hours_per_week: hoursPerWeek, schedule };
}
