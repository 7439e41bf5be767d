import { badInput } from './errors';

/** A recurring weekly time slot, as the API shows it and the schedule columns store it (JSON). */
export interface WeeklySlot {
  weekday: 'MONDAY' | 'TUESDAY' | 'WEDNESDAY' | 'THURSDAY' | 'FRIDAY' | 'SATURDAY' | 'SUNDAY';
  startTime: string;
  endTime: string;
}

export const WEEKDAYS: readonly WeeklySlot['weekday'][] = [
  'MONDAY',
  'TUESDAY',
  'WEDNESDAY',
  'THURSDAY',
  'FRIDAY',
  'SATURDAY',
  'SUNDAY',
];

/** Reads a schedule column; every subgraph stores weekly slots the same way. */
export function parseSchedule(json: string | null): WeeklySlot[] {
  if (!json) return [];
  return JSON.parse(json) as WeeklySlot[];
}

/** Minutes after midnight of an `HH:MM` time, or null when it is not one. */
export function minutesOf(time: string): number | null {
  const match = /^([01]\d|2[0-3]):([0-5]\d)$/.exec(time);
  return match ? Number(match[1]) * 60 + Number(match[2]) : null;
}

/**
 * Checks a schedule from a mutation's input and returns it as the column stores it: in
 * weekday and time order. Each slot must be a real time span (end after start) and no two
 * may overlap, since one activity cannot be in two places at once. `field` names the input
 * list, e.g. `input.schedule`; an error names the slot at fault (`input.schedule[2].endTime`).
 */
export function checkSchedule(slots: readonly WeeklySlot[], field: string): string {
  slots.forEach((slot, i) => {
    for (const end of ['startTime', 'endTime'] as const) {
      if (minutesOf(slot[end]) === null) throw badInput(`${field}[${i}].${end}`, 'must be a time of day as HH:MM');
    }
    if (minutesOf(slot.endTime)! <= minutesOf(slot.startTime)!) {
      throw badInput(`${field}[${i}].endTime`, 'must be after the start time');
    }
  });
  const ordered = slots
    .map((slot, index) => ({ slot, index }))
    .sort((a, b) => slotOrder(a.slot, b.slot) || a.index - b.index);
  for (let i = 1; i < ordered.length; i++) {
    const [before, after] = [ordered[i - 1], ordered[i]];
    if (before.slot.weekday === after.slot.weekday && minutesOf(after.slot.startTime)! < minutesOf(before.slot.endTime)!) {
      throw badInput(`${field}[${after.index}]`, `overlaps ${field}[${before.index}] on ${after.slot.weekday}`);
    }
  }
  return JSON.stringify(
    ordered.map(({ slot }) => ({ weekday: slot.weekday, startTime: slot.startTime, endTime: slot.endTime })),
  );
}

/** Hours a week the slots add up to. */
export function scheduledHours(slots: readonly WeeklySlot[]): number {
  return slots.reduce((sum, s) => sum + (minutesOf(s.endTime)! - minutesOf(s.startTime)!) / 60, 0);
}

function slotOrder(a: WeeklySlot, b: WeeklySlot): number {
  return WEEKDAYS.indexOf(a.weekday) - WEEKDAYS.indexOf(b.weekday) || minutesOf(a.startTime)! - minutesOf(b.startTime)!;
}
