import { badInput, conflict } from '../../../lib/errors';
import { checkSchedule, parseSchedule, scheduledHours, WeeklySlot } from '../../../lib/schedule';
import type { AddInterventionInput, ChangeInterventionInput, EndInterventionInput } from '../__generated__/resolvers-types';
import { InterventionRow } from '../models';
import { checkDayHasCome, checkDayInCase } from './case';

/**
 * The rules an intervention (insats) keeps, as plain functions: it runs within the case
 * (not before enrolment), ends no earlier than it starts, asks for no more than full time,
 * agrees with its weekly schedule, and once ended is history. Errors name the input field
 * at fault. A change is checked as a whole, so moving the start past the end is as wrong
 * as giving an end before the start; what it leaves as it was is not checked again.
 */

/** Full time: no single intervention asks for more hours a week. */
export const MAX_HOURS_PER_WEEK = 40;

/** Hours a week and the schedule's hours agree when they differ by less than this (a minute's rounding). */
const HOURS_TOLERANCE = 0.01;

const TITLE_LENGTH = 200;

/** The columns an intervention's input decides. */
export type InterventionColumns = Pick<
  InterventionRow,
  'kind' | 'title' | 'provider_id' | 'start_date' | 'end_date' | 'hours_per_week' | 'schedule'
>;

/**
 * Checks a new intervention as far as it can be without its case; returns its columns.
 * Whether it starts within the case is `checkStartInCase`, once the case is read.
 */
export function checkNewIntervention(input: AddInterventionInput): InterventionColumns {
  return checked(
    {
      kind: input.kind,
      title: checkTitle(input.title),
      provider_id: providerIdOf(input.providerId),
      start_date: input.startDate,
      end_date: input.endDate ?? null,
      hours_per_week: input.hoursPerWeek,
      schedule: input.schedule ?? [],
    },
    { startDate: true, endDate: true, hoursPerWeek: true, schedule: true },
    null,
  );
}

/** An intervention runs within its case: it starts no earlier than the enrolment. */
export function checkStartInCase(startDate: string, enrolledOn: string): void {
  if (startDate < enrolledOn) throw badInput('input.startDate', `is before the enrolment on ${enrolledOn}`);
}

/** A change as far as it can be checked without the intervention: what it sets, as columns; a field left out is undefined. */
export type InterventionChange = Partial<Unchecked>;

/**
 * Checks what a change says on its own. A field left out keeps its value; null clears
 * `endDate` (open-ended) and `providerId` (Jobbtorg runs it), and is refused elsewhere,
 * since those fields cannot be empty.
 */
export function checkInterventionChange(change: ChangeInterventionInput): InterventionChange {
  for (const field of ['kind', 'title', 'startDate', 'hoursPerWeek', 'schedule'] as const) {
    if (change[field] === null) throw badInput(`input.${field}`, 'cannot be null; leave it out to keep its value');
  }
  return {
    kind: change.kind ?? undefined,
    title: change.title != null ? checkTitle(change.title) : undefined,
    provider_id: change.providerId !== undefined ? providerIdOf(change.providerId) : undefined,
    start_date: change.startDate ?? undefined,
    end_date: change.endDate,
    hours_per_week: change.hoursPerWeek ?? undefined,
    schedule: change.schedule ?? undefined,
  };
}

/** The intervention after `change`, checked as a whole, for a case enrolled on `enrolledOn`. */
export function changedIntervention(row: InterventionRow, change: InterventionChange, enrolledOn: string): InterventionColumns {
  const given: Given = {
    startDate: change.start_date !== undefined,
    endDate: change.end_date !== undefined,
    hoursPerWeek: change.hours_per_week !== undefined,
    schedule: change.schedule !== undefined,
  };
  if (change.start_date !== undefined) checkStartInCase(change.start_date, enrolledOn);
  return checked(
    {
      kind: change.kind ?? row.kind,
      title: change.title ?? row.title,
      provider_id: change.provider_id !== undefined ? change.provider_id : row.provider_id,
      start_date: change.start_date ?? row.start_date,
      end_date: change.end_date !== undefined ? change.end_date : row.end_date,
      hours_per_week: change.hours_per_week ?? Number(row.hours_per_week),
      schedule: change.schedule ?? parseSchedule(row.schedule),
    },
    given,
    given.schedule ? null : row.schedule,
  );
}

/** An intervention that has ended is history: it cannot change or end again. */
export function checkNotEnded(row: Pick<InterventionRow, 'id' | 'ended_on'>): void {
  if (row.ended_on !== null) throw conflict('input.id', `names intervention ${row.id}, ended on ${row.ended_on}; it cannot change`);
}

/** An intervention ends on a day that has come; checked before the transaction. */
export function checkEndInput(input: Pick<EndInterventionInput, 'endedOn'>, today: string): void {
  checkDayHasCome(input.endedOn, 'input.endedOn', today);
}

/**
 * An intervention ends within the case, and no later than planned (to run longer, change
 * its end date). A day before its start cancels it.
 */
export function checkEndedOn(row: Pick<InterventionRow, 'end_date'>, endedOn: string, enrolledOn: string): void {
  checkDayInCase(endedOn, 'input.endedOn', enrolledOn);
  if (row.end_date !== null && endedOn > row.end_date) {
    throw badInput('input.endedOn', `is after the planned end ${row.end_date}; change the end date to run it longer`);
  }
}

/** Which fields the input gave: only those are checked on their own, and errors name only those. */
type Given = Record<'startDate' | 'endDate' | 'hoursPerWeek' | 'schedule', boolean>;

interface Unchecked extends Omit<InterventionColumns, 'schedule'> {
  schedule: readonly WeeklySlot[];
}

function checked(fields: Unchecked, given: Given, storedSchedule: string | null): InterventionColumns {
  const { start_date: start, end_date: end, hours_per_week: hours } = fields;
  if (end !== null && end < start) {
    throw given.endDate
      ? badInput('input.endDate', `is before the start date ${start}`)
      : badInput('input.startDate', `is after the end date ${end}`);
  }
  if (given.hoursPerWeek && !(Number.isFinite(hours) && hours > 0 && hours <= MAX_HOURS_PER_WEEK)) {
    throw badInput('input.hoursPerWeek', `must be more than 0 and at most ${MAX_HOURS_PER_WEEK} (full time)`);
  }
  const schedule = storedSchedule ?? checkSchedule(fields.schedule, 'input.schedule');
  if ((given.hoursPerWeek || given.schedule) && fields.schedule.length > 0) {
    const slotHours = scheduledHours(fields.schedule);
    if (Math.abs(slotHours - hours) >= HOURS_TOLERANCE) {
      throw given.schedule
        ? badInput('input.schedule', `adds up to ${slotHours} hours a week, not the ${hours} of hoursPerWeek`)
        : badInput('input.hoursPerWeek', `must equal the ${slotHours} hours a week the schedule adds up to`);
    }
  }
  return { ...fields, schedule };
}

function checkTitle(title: string): string {
  const trimmed = title.trim();
  if (!trimmed) throw badInput('input.title', 'must not be empty');
  if (trimmed.length > TITLE_LENGTH) throw badInput('input.title', `must be at most ${TITLE_LENGTH} characters`);
  return trimmed;
}

/** A provider's id as the column stores it; partners owns providers, so only its form is checked here. */
function providerIdOf(id: string | null | undefined): number | null {
  if (id == null) return null;
  if (!/^[1-9]\d{0,9}$/.test(id) || Number(id) > 4_294_967_295) throw badInput('input.providerId', 'is not a provider id');
  return Number(id);
}
