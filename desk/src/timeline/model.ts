import { stateName } from '../conflicts/fields';
import { addDays, formatPeriod } from '../dates';
import { graphql } from '../gql';
import type { PlanAgency, SharedPlanFieldsFragment } from '../gql/graphql';
import { AGENCY_NAMES, AGENCY_ORDER, CONFLICT_NAMES, hoursPerWeek, WEEKDAY_NAMES } from './labels';

/**
 * The shared plan as the timeline draws it: a lane per agency whose activities the reader
 * was given (the API leaves out every agency the reader may not see, so no lane is drawn
 * for one), a bar per activity, and each conflict marked on the weeks it affects in the
 * lanes of the agencies it involves.
 */

export const SharedPlanFields = graphql(`
  fragment SharedPlanFields on SharedPlan {
    from
    to
    weeks
    activities {
      id
      agency
      kind
      category
      title
      provider
      startDate
      endDate
      hoursPerWeek
      schedule {
        weekday
        startTime
        endTime
      }
      status
    }
    conflicts {
      ...PlanConflictFields
      activityIds
      contextIds
    }
  }
`);

export type Plan = SharedPlanFieldsFragment;
export type Activity = Plan['activities'][number];
export type Conflict = Plan['conflicts'][number];

export interface Lane {
  agency: PlanAgency;
  name: string;
}

export interface Bar {
  activity: Activity;
  lane: PlanAgency;
  /** First day, and the day after the last one drawn (an open-ended activity runs to the window's end). */
  start: string;
  end: string;
  openEnded: boolean;
  label: string;
  /** Hours and time slots, for the hover or tap. */
  details: string;
  inConflict: boolean;
}

/** A conflict as the timeline marks it: on its weeks, in the lanes it involves, with its state. */
export interface ConflictMarker {
  conflict: Conflict;
  name: string;
  /** Where it stands, in words. */
  state: string;
  /** Lanes drawn for the agencies it involves. */
  lanes: PlanAgency[];
}

export interface TimelineModel {
  lanes: Lane[];
  bars: Bar[];
  markers: ConflictMarker[];
  /** The window's first Monday, and the Monday after its last week. */
  start: string;
  end: string;
  weeks: string[];
}

export function weekEnd(monday: string): string {
  return addDays(monday, 7);
}

export function slotsText(activity: Activity): string {
  if (activity.schedule.length === 0) return 'inga fasta tider';
  return activity.schedule.map((s) => `${WEEKDAY_NAMES[s.weekday]} ${s.startTime}–${s.endTime}`).join(', ');
}

export function timelineModel(plan: Plan): TimelineModel {
  const start = plan.weeks[0] ?? plan.from;
  const end = weekEnd(plan.weeks[plan.weeks.length - 1] ?? plan.to);
  // Conflicts are found among what the reader sees, so their agencies are the reader's to see too.
  const seen = new Set<PlanAgency>([...plan.activities.map((a) => a.agency), ...plan.conflicts.flatMap((c) => c.agencies)]);
  const lanes = AGENCY_ORDER.filter((agency) => seen.has(agency)).map((agency) => ({ agency, name: AGENCY_NAMES[agency] }));
  const conflicted = new Set(plan.conflicts.flatMap((c) => c.activityIds));
  const bars = plan.activities.map((activity): Bar => {
    const openEnded = activity.endDate === null || activity.endDate === undefined;
    const last = openEnded ? end : addDays(activity.endDate!, 1);
    const provider = activity.provider ? ` (${activity.provider})` : '';
    return {
      activity,
      lane: activity.agency,
      start: activity.startDate < start ? start : activity.startDate,
      end: last > end ? end : last,
      openEnded,
      label: `${activity.title} · ${hoursPerWeek(activity.hoursPerWeek)}`,
      details: `${activity.title}${provider}: ${hoursPerWeek(activity.hoursPerWeek)}, ${slotsText(activity)}. ${formatPeriod(activity.startDate, activity.endDate)}.`,
      inConflict: conflicted.has(activity.id),
    };
  });
  const markers = plan.conflicts.map((conflict) => ({
    conflict,
    name: CONFLICT_NAMES[conflict.kind],
    state: stateName(conflict.state),
    lanes: [...new Set(conflict.agencies)].filter((agency) => seen.has(agency)),
  }));
  return { lanes, bars, markers, start, end, weeks: plan.weeks };
}
