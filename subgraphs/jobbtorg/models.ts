import { Page } from '../../lib/pagination';

/** Rows as the jobbtorg database returns them; codegen maps the GraphQL types onto these. */

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
  target_group: 'UNEMPLOYED' | 'RESURS' | 'SFI_STUDENT' | 'REFUGEE' | 'YOUTH';
  reporting_group: 'NEWLY_ARRIVED_REFUGEE' | 'YOUTH_16_24' | 'OTHER_OVER_24';
  enrolled_on: string;
  jobbgaranti_deadline: string;
  status: 'OPEN' | 'CLOSED';
  closed_on: string | null;
  closure_reason: 'WORK' | 'STUDIES' | 'AF_PROGRAMME' | 'OTHER' | 'UNKNOWN' | null;
  closure_note: string | null;
}

export interface JobPlanRow {
  id: number;
  case_id: number;
  established_on: string;
  goal: 'WORK' | 'STUDIES' | 'SELF_SUPPORT';
}

export interface InterventionRow {
  id: number;
  plan_id: number;
  kind: 'ACTIVE_JOB_SEARCH' | 'START_UP_GROUP' | 'COMMUNICATION_COURSE' | 'MATCHING' | 'WORK_PLACEMENT' | 'VOCATIONAL_COURSE';
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
export interface PersonRef {
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

export type CasePage = Page<CaseRow>;
