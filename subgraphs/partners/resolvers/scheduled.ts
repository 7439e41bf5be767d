import { parseSchedule } from '../../../lib/schedule';

/** Field resolvers every scheduled record shares: Arbetsförmedlingen's, Sfi's and the providers'. */
export const scheduledFields = {
  startDate: (r: { start_date: string }) => r.start_date,
  endDate: (r: { end_date: string | null }) => r.end_date,
  hoursPerWeek: (r: { hours_per_week: number }) => Number(r.hours_per_week),
  schedule: (r: { schedule: string }) => parseSchedule(r.schedule),
};
