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
  /** An Arbetsförmedlingen programme's extent in percent of full time; null on anything else. */
  extentPercent: number | null;
  /** The id of the programme item it is part of (`partners:programme:<registration id>`); null when none. */
  partOf: string | null;
  /** The version of the record behind it: 1 when recorded, one more for each change. */
  version: number;
  /** The user who changed the record last, or who recorded it while unchanged; null when no one the system knows. */
  changedBy: string | null;
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

/**
 * What a reader who sees the `visible` agencies sees of `items`: those agencies' items, and
 * of each the programme it is part of only where the reader sees that programme too, so an
 * Sfi course never tells of an Arbetsförmedlingen programme the reader may not know of.
 */
export function visibleItems(items: readonly PlanItem[], visible: ReadonlySet<Agency>): PlanItem[] {
  const seen = items.filter((i) => visible.has(i.agency));
  const ids = new Set(seen.map((i) => i.id));
  return seen.map((i) => (i.partOf === null || ids.has(i.partOf) ? i : { ...i, partOf: null }));
}

const AGENCY_SET = new Set<string>(['JOBBTORG', 'ARBETSFORMEDLINGEN', 'SFI', 'ETABLERING_PROVIDER', 'SOCIAL_SERVICES']);
function isAgency(party: string): party is Agency {
  return AGENCY_SET.has(party);
}

/** A record with dates, hours and a weekly schedule, as every agency's activity tables store it. */
export interface ScheduledRecord extends WrittenRecord {
  start_date: string;
  end_date: string | null;
  /** The day it ended early; tables without it never end early. */
  ended_on?: string | null;
  hours_per_week: number;
  /** JSON weekly slots, as lib/schedule.ts stores them. */
  schedule: string;
}

/** Who wrote a record and how often: the columns every agency's changeable records keep. */
export interface WrittenRecord {
  version: number;
  /** The user who changed it last; null while unchanged (or, where a table keeps no recorder, never known). */
  changed_by: string | null;
  /** The user who recorded it; tables without it name the writer in `changed_by` from the first write. */
  recorded_by?: string | null;
}

/** The plan item's `version` and `changedBy` of a stored record. */
export function writtenBy(record: WrittenRecord): Pick<PlanItem, 'version' | 'changedBy'> {
  return { version: Number(record.version), changedBy: record.changed_by ?? record.recorded_by ?? null };
}

/** A stored activity as a plan item. */
export function planItemOf(
  record: ScheduledRecord,
  item: Pick<PlanItem, 'id' | 'agency' | 'kind' | 'title' | 'provider' | 'partOf'>,
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
    extentPercent: null,
    ...writtenBy(record),
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
