/**
 * Where a planned activity stands (the schema's `PlanItemStatus`), the same for every
 * agency's: a Jobbtorg intervention, an Arbetsförmedlingen activity, an Sfi course, a
 * provider assignment.
 */
export type ActivityStatus = 'PLANNED' | 'ONGOING' | 'COMPLETED' | 'ENDED_EARLY';

/** The dates that decide it: planned start and end, and the day it actually ended (null: not ended early). */
export interface ActivityDates {
  start_date: string;
  end_date: string | null;
  ended_on: string | null;
}

/** Where an activity stands on `today`, from its planned dates and the day it actually ended. */
export function activityStatus(activity: ActivityDates, today: string): ActivityStatus {
  const { start_date: start, end_date: plannedEnd, ended_on: endedOn } = activity;
  if (endedOn !== null && (plannedEnd === null || endedOn < plannedEnd)) return 'ENDED_EARLY';
  const end = endedOn ?? plannedEnd;
  if (end !== null && end < today) return 'COMPLETED';
  if (start > today) return 'PLANNED';
  return 'ONGOING';
}

/** The last day an activity runs: the day it ended if it ended early, else its planned end. */
export function lastDayOf(activity: ActivityDates): string | null {
  return activity.ended_on ?? activity.end_date;
}
