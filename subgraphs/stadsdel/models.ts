import { Page } from '../../lib/pagination';
import type {
  ConsentPurpose,
  DecisionOutcome,
  InfoMeetingAudience,
  NeedReason,
  ReferralReason,
  ReferralStatus,
} from './__generated__/resolvers-types';

/** Rows as the stadsdel database returns them; codegen maps the GraphQL types onto these. */

export interface DistrictRow {
  code: string;
  name: string;
  info_meeting_quota_per_week: number;
}

export interface PersonRow {
  personnummer: string;
  given_name: string;
  family_name: string;
  birth_date: string;
  district_code: string;
  /** 0/1 from both SQLite and MySQL. */
  protected_identity: number | boolean;
}

export interface DecisionRow {
  id: number;
  personnummer: string;
  district_code: string;
  month: string;
  outcome: DecisionOutcome;
  amount: number;
  need_reason: NeedReason;
  decided_at: string;
  decided_by: string;
  version: number;
  replaces_id: number | null;
  replaced_by_id: number | null;
}

export interface InfoMeetingRow {
  id: number;
  district_code: string;
  audience: InfoMeetingAudience;
  week_start: string;
  starts_at: string;
}

export interface ReferralRow {
  id: number;
  personnummer: string;
  district_code: string;
  reason: ReferralReason;
  info_meeting_id: number;
  consent_id: number | null;
  status: ReferralStatus;
  referred_at: string;
  referred_by: string;
  /** The Jobbtorg case the referral led to, once Jobbtorg has enrolled the person. */
  jobbtorg_case_id: number | null;
  /** The day Jobbtorg closed that case; its access to the person's records ends then. */
  jobbtorg_closed_on: string | null;
}

export interface ThreePartyMeetingRow {
  id: number;
  personnummer: string;
  district_code: string;
  district_officer: string;
  jobbtorg_coach: string;
  third_party: string;
  starts_at: string;
  notes: string | null;
}

export interface ConsentRow {
  id: number;
  personnummer: string;
  purpose: ConsentPurpose;
  valid_from: string;
  valid_to: string | null;
  withdrawn_at: string | null;
  recorded_at: string;
  recorded_by: string;
  version: number;
  withdrawn_by: string | null;
}

export interface ConsentPartyRow {
  consent_id: number;
  party: string;
}

/** The next free place at a district's info meetings, as `nextFreeInfoMeeting` computes it. */
export interface FreeInfoMeetingModel {
  districtCode: string;
  audience: InfoMeetingAudience;
  startsAt: string;
  placesLeftInWeek: number;
}

export type PersonPage = Page<PersonRow>;
export type DecisionPage = Page<DecisionRow>;
export type ReferralPage = Page<ReferralRow>;
