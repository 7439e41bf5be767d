import { PARTY_OF } from '../auth/rules';
import { Organisation } from '../auth/organisations';
import { addDays } from '../scalars/calendar';
import { parseSchedule, WeeklySlot } from '../schedule';
import { ActivityCategory, Agency, categoryOf, KindsByAgency, PlannedItem } from './activity';
import { activityStatus, ActivityStatus, lastDayOf } from './status';
import { PlanWindow, weeksOf } from './weeks';

/**
 * The shared plan between the subgraphs and the conflict rules: each subgraph hands its
 * activities over as `PlanItem`s (the GraphQL type of that name, the same in every
 * subgraph), Jobbtorg turns them into the rules' `PlannedItem`s and shows the caller only
 * the agencies it may see.
 */

/** One planned activity as an owning subgraph exposes it to the shared plan. */
export interface PlanItem {
  /** `<subgraph>:<record>:<id>`, unique across subgraphs. */
  id: string;
  agency: Agency;
  /** The agency's own kind. */
  kind: string;
  /** `categoryOf(agency, kind)`, worked out by the owning subgraph. */
  category: ActivityCategory;
  title: string;
  /** Who delivers it, by name; null when the agency runs it itself. */
  provider: string | null;
  startDate: string;
  /** Last day it runs (the day it ended, if early); null when open-ended. */
  endDate: string | null;
  hoursPerWeek: number;
  schedule: WeeklySlot[];
  status: ActivityStatus;
}

/** A consent as the shared plan reads it: for what, between whom, and whether it applies today (stadsdel judges). */
export interface SharingConsent {
  purpose: string;
  parties: string[];
  active: boolean;
}

/** A plan item as the conflict rules take it. */
export function toPlannedItem(item: PlanItem): PlannedItem {
  return { ...item, kind: item.kind as KindsByAgency[Agency] } as PlannedItem;
}

/** Purposes under which agencies may see each other's plans. */
const PLANNING_PURPOSES = new Set(['SHARED_PLANNING']);

/**
 * The agencies whose activities `organisation` may see in a person's shared plan: its own,
 * and each other agency that an active shared-planning consent of the person names together
 * with it. Nobody sees an agency's plan by asking for it.
 */
export function visibleAgencies(organisation: Organisation, consents: readonly SharingConsent[]): Set<Agency> {
  const party = PARTY_OF[organisation.kind];
  const visible = new Set<Agency>();
  if (!party) return visible;
  // Migrationsverket plans no activities of its own; every other party is an agency of the plan.
  if (isAgency(party)) visible.add(party);
  for (const consent of consents) {
    if (!consent.active || !PLANNING_PURPOSES.has(consent.purpose) || !consent.parties.includes(party)) continue;
    for (const other of consent.parties) if (isAgency(other)) visible.add(other);
  }
  return visible;
}

const AGENCY_SET = new Set<string>(['JOBBTORG', 'ARBETSFORMEDLINGEN', 'SFI', 'ETABLERING_PROVIDER', 'SOCIAL_SERVICES']);
function isAgency(party: string): party is Agency {
  return AGENCY_SET.has(party);
}

/** A record with dates, hours and a weekly schedule, as every agency's activity tables store it. */
export interface ScheduledRecord {
  start_date: string;
  end_date: string | null;
  /** The day it ended early; tables without it never end early. */
  ended_on?: string | null;
  hours_per_week: number;
  /** JSON weekly slots, as lib/schedule.ts stores them. */
  schedule: string;
}

/** A stored activity as a plan item. */
export function planItemOf(
  record: ScheduledRecord,
  item: Pick<PlanItem, 'id' | 'agency' | 'kind' | 'title' | 'provider'>,
  today: string,
): PlanItem {
  const dates = { start_date: record.start_date, end_date: record.end_date, ended_on: record.ended_on ?? null };
  return {
    ...item,
    category: categoryOf(item.agency, item.kind as never),
    startDate: record.start_date,
    endDate: lastDayOf(dates),
    hoursPerWeek: Number(record.hours_per_week),
    schedule: parseSchedule(record.schedule),
    status: activityStatus(dates, today),
  };
}

/** The Mondays of the window's weeks and the items that run in any of them, by start date then id. */
export function itemsInWindow<T extends Pick<PlanItem, 'id' | 'startDate' | 'endDate'>>(items: readonly T[], window: PlanWindow): { weeks: string[]; items: T[] } {
  const weeks = weeksOf(window);
  const first = weeks[0];
  const last = addDays(weeks[weeks.length - 1], 6);
  const inside = items.filter((i) => i.startDate <= last && (i.endDate === null || i.endDate >= first));
  return { weeks, items: inside.sort((a, b) => (a.startDate < b.startDate ? -1 : a.startDate > b.startDate ? 1 : a.id < b.id ? -1 : 1)) };
}
