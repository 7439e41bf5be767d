import { badInput, conflict } from '../../../lib/errors';
import { StoredPlannedActivity } from '../models';

/**
 * The rules Arbetsförmedlingen's planned activity keeps besides its timing (./schedule.ts),
 * as plain functions: it starts after registration, and when it may be ended.
 */

/** A planned activity cannot start before the person was registered as a job seeker. */
export function checkStartAfterRegistration(startDate: string, registeredOn: string): void {
  if (startDate < registeredOn) {
    throw badInput('input.startDate', `is before the job seeker was registered on ${registeredOn}`);
  }
}

/** An activity that was ended early is history: it cannot change or end again. */
export function checkNotEnded(activity: Pick<StoredPlannedActivity, 'ended_on'>): void {
  if (activity.ended_on !== null) throw conflict('input.id', `was ended on ${activity.ended_on}; it cannot change`);
}

/** An activity ends on a day it runs: not before its start, not after its planned end. */
export function checkEndedOn(activity: Pick<StoredPlannedActivity, 'start_date' | 'end_date'>, endedOn: string): void {
  if (endedOn < activity.start_date) {
    throw badInput('input.endedOn', `is before the activity starts on ${activity.start_date}`);
  }
  if (activity.end_date !== null && endedOn > activity.end_date) {
    throw badInput('input.endedOn', `is after the planned end ${activity.end_date}; change the end date to extend it`);
  }
}
