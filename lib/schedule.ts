/** A recurring weekly time slot, as the API shows it and the schedule columns store it (JSON). */
export interface WeeklySlot {
  weekday: 'MONDAY' | 'TUESDAY' | 'WEDNESDAY' | 'THURSDAY' | 'FRIDAY' | 'SATURDAY' | 'SUNDAY';
  startTime: string;
  endTime: string;
}

/** Reads a schedule column; every subgraph stores weekly slots the same way. */
export function parseSchedule(json: string | null): WeeklySlot[] {
  if (!json) return [];
  return JSON.parse(json) as WeeklySlot[];
}
