import { InterventionRow } from './models';

export type InterventionStatus = 'PLANNED' | 'ONGOING' | 'COMPLETED' | 'ENDED_EARLY';

/** Where an intervention stands on `today`, from its planned dates and the day it actually ended. */
export function interventionStatus(
  intervention: Pick<InterventionRow, 'start_date' | 'end_date' | 'ended_on'>,
  today: string,
): InterventionStatus {
  const { start_date: start, end_date: plannedEnd, ended_on: endedOn } = intervention;
  if (endedOn !== null && (plannedEnd === null || endedOn < plannedEnd)) return 'ENDED_EARLY';
  const end = endedOn ?? plannedEnd;
  if (end !== null && end < today) return 'COMPLETED';
  if (start > today) return 'PLANNED';
  return 'ONGOING';
}
