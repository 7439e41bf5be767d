import { todayInStockholm } from '../../../lib/scalars/calendar';
import { parseSchedule } from '../../../lib/schedule';
import type { InterventionResolvers } from '../__generated__/resolvers-types';
import { activityStatus } from '../../../lib/plan/status';

export const Intervention: InterventionResolvers = {
  provider: (i) => (i.provider_id === null ? null : { id: i.provider_id }),
  startDate: (i) => i.start_date,
  endDate: (i) => i.end_date,
  endedOn: (i) => i.ended_on,
  hoursPerWeek: (i) => Number(i.hours_per_week),
  schedule: (i) => parseSchedule(i.schedule),
  status: (i) => activityStatus(i, todayInStockholm()),
};
