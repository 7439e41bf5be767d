import { Page } from '../../lib/pagination';
import type { Agency } from '../../lib/plan/activity';
import type { Acceptance, ConflictState, SeenRecord } from '../../lib/plan/settling';
import type {
  CaseStatus,
  ClosureReason,
  InterventionKind,
  PlanConflictEventKind,
  PlanConflictKind,
  PlanGoal,
  ReportingGroup,
  TargetGroup,
} from './__generated__/resolvers-types';
import type { ExternalPlanFacts } from './plan';

/**
 * Rows of the jobbtorg database. The `…Row` types are what a writer gives (the seed writes
 * them as they are); `StoredCase` and `StoredIntervention` add the version the database
 * fills by default (migration 003), an intervention also its last writer (006), and are
 * what a read returns, so codegen maps the GraphQL types onto those.
 */

export interface UnitRow {
  code: string;
  name: string;
  parent_code: string | null;
  youth_only: number | boolean;
  sort_order: number;
}

export interface UnitDistrictRow {
  unit_code: string;
  district_code: string;
}

export interface CaseRow {
  id: number;
  personnummer: string;
  referral_id: number;
  district_code: string;
  unit_code: string;
  coach: string;
  target_group: TargetGroup;
  reporting_group: ReportingGroup;
  enrolled_on: string;
  jobbgaranti_deadline: string;
  status: CaseStatus;
  closed_on: string | null;
  closure_reason: ClosureReason | null;
  closure_note: string | null;
}

export interface JobPlanRow {
  id: number;
  case_id: number;
  established_on: string;
  goal: PlanGoal;
}

export interface InterventionRow {
  id: number;
  plan_id: number;
  kind: InterventionKind;
  title: string;
  provider_id: number | null;
  start_date: string;
  end_date: string | null;
  ended_on: string | null;
  hours_per_week: number;
  /** JSON text: [{ weekday, startTime, endTime }]. */
  schedule: string;
}

export interface FeedbackRow {
  id: number;
  case_id: number;
  referral_id: number;
  sent_at: string;
  sent_by: string;
  message: string;
}

/** Entities owned by other subgraphs, known here only by their keys. */
export interface PersonRef extends Partial<ExternalPlanFacts> {
  personnummer: string;
}
export interface ReferralRef {
  id: string | number;
}
export interface DistrictRef {
  code: string;
}
export interface ProviderRef {
  id: string | number;
}
export interface ThreePartyMeetingRef {
  id: string;
}

/** 1 when written, one more for each change; a change must state the version it was based on. */
export interface Versioned {
  version: number;
}

export type StoredCase = CaseRow & Versioned;
export type StoredIntervention = InterventionRow &
  Versioned & {
    /** The user who added, changed or ended it last (migration 006); null for rows from before. */
    changed_by: string | null;
  };

export type CasePage = Page<StoredCase>;

/**
 * What enrolment needs to know that other subgraphs own: the referral, its person, reason
 * and district (stadsdel), and whether the person is newly arrived or studies Sfi on the
 * day of enrolment (partners). Jobbtorg asks for these through the graph, never their tables.
 * `referralStatus` and `reason` take stadsdel's `ReferralStatus` and `ReferralReason`, which
 * jobbtorg's schema does not hold; test/unit/schema/codegen-enums.test.ts holds them to stadsdel's.
 */
export interface EnrolmentFacts {
  referralId: string;
  referralStatus: 'BOOKED' | 'ENROLLED' | 'NO_SHOW' | 'WITHDRAWN';
  /** The day the district made the referral, in Stockholm: no one is enrolled before it. */
  referredOn: string;
  personnummer: string;
  birthDate: string;
  districtCode: string;
  reason: 'UNEMPLOYMENT' | 'OTHER_REASONS' | 'NEWLY_ARRIVED_REFUGEE';
  newlyArrived: boolean;
  studiesSfi: boolean;
}

/**
 * A conflict of the shared plan as Jobbtorg keeps it (migration 007, plan-conflicts.ts),
 * its JSON columns parsed where data.ts reads it: what it is, where it stands, the records
 * as last seen, the acknowledgement, the acceptances and what resolved it.
 */
export interface StoredPlanConflict {
  id: string;
  personnummer: string;
  kind: PlanConflictKind;
  detail: string | null;
  activityIds: string[];
  contextIds: string[];
  agencies: Agency[];
  weeks: string[];
  message: string;
  state: ConflictState;
  version: number;
  foundAt: string;
  changedAt: string;
  settledAt: string | null;
  records: SeenRecord[];
  note: string | null;
  expectedSettledOn: string | null;
  acceptances: StoredAcceptance[];
  acceptedFingerprint: string | null;
  threePartyMeetingId: string | null;
  resolvedBy: { recordId: string; version: number | null; changedBy: string | null } | null;
}

/** One agency's acceptance of a conflict, for the records as they were when it accepted (`fingerprint`). */
export interface StoredAcceptance extends Acceptance {
  organisation: string;
  user: string;
  at: string;
  reason: string;
}

/** One step of a conflict's history (`plan_conflict_events`), as written; the database numbers it. */
export interface PlanConflictEventRow {
  conflict_id: string;
  version: number;
  event: PlanConflictEventKind;
  state: ConflictState;
  at: string;
  agency: Agency | null;
  organisation: string | null;
  user: string | null;
  note: string | null;
  expected_settled_on: string | null;
  reason: string | null;
  three_party_meeting_id: string | null;
  record_id: string | null;
  record_version: number | null;
}

/** A step of a conflict's history as stored, with its number (the seed gives it explicitly). */
export interface StoredPlanConflictEvent extends PlanConflictEventRow {
  id: number;
}

/** A `plan_conflicts` row as stored: lists and records as JSON text (see `StoredPlanConflict`). */
export interface PlanConflictRow {
  id: string;
  personnummer: string;
  kind: PlanConflictKind;
  detail: string | null;
  activity_ids: string;
  context_ids: string;
  agencies: string;
  weeks: string;
  message: string;
  state: ConflictState;
  version: number;
  found_at: string;
  changed_at: string;
  settled_at: string | null;
  records: string;
  note: string | null;
  expected_settled_on: string | null;
  acceptances: string;
  accepted_fingerprint: string | null;
  three_party_meeting_id: string | null;
  resolved_by_record: string | null;
  resolved_by_version: number | null;
  resolved_by_user: string | null;
}
