import { parseSchedule } from '../../../lib/schedule';

/**
 * Field resolvers that several types share, spread into their type files: pieces of a
 * resolver map, not a type of their own.
 */

/** Every record the write side keeps: who recorded it and who changed it last. */
export const recordedFields = {
  recordedBy: (r: { recorded_by: string | null }) => r.recorded_by,
};

export const versionedFields = {
  ...recordedFields,
  changedBy: (r: { changed_by: string | null }) => r.changed_by,
};

/** Every scheduled record: Arbetsförmedlingen's, Sfi's and the providers'. */
export const scheduledFields = {
  startDate: (r: { start_date: string }) => r.start_date,
  endDate: (r: { end_date: string | null }) => r.end_date,
  hoursPerWeek: (r: { hours_per_week: number }) => Number(r.hours_per_week),
  schedule: (r: { schedule: string }) => parseSchedule(r.schedule),
};
