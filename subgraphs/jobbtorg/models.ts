import { Page } from '../../lib/pagination';
import type { CaseStatus, ClosureReason, InterventionKind, PlanGoal, ReportingGroup, TargetGroup } from './__generated__/resolvers-types';
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
