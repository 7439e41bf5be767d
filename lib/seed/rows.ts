/**
 * The rows the seed writes, one interface per table, keyed exactly by the columns of the
 * subgraphs' migrations (subgraphs/*\/migrations/001_initial.ts), so a misspelt column fails
 * the type check instead of a batch insert. Dates are `YYYY-MM-DD`, months `YYYY-MM`,
 * instants `YYYY-MM-DD HH:MM:SS` UTC, schedules JSON text of weekly slots.
 */

// stadsdel

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
  protected_identity: boolean;
}

export interface IncomeSupportDecisionRow {
  id: number;
  personnummer: string;
  district_code: string;
  month: string;
  outcome: 'GRANTED' | 'PARTLY_GRANTED' | 'REFUSED';
  amount: number;
  need_reason: 'UNEMPLOYMENT' | 'OTHER_REASONS';
  decided_at: string;
  decided_by: string;
  /** 002_decision_versions: a change writes a new version that replaces the current one. */
  version: number;
  replaces_id: number | null;
  replaced_by_id: number | null;
}

export interface InfoMeetingRow {
  id: number;
  district_code: string;
  audience: 'ADULTS' | 'YOUTH';
  week_start: string;
  starts_at: string;
}

export type ConsentPurpose = 'REFERRAL' | 'SHARED_PLANNING' | 'FOLLOW_UP';
export type Party = 'SOCIAL_SERVICES' | 'JOBBTORG' | 'ARBETSFORMEDLINGEN' | 'MIGRATIONSVERKET' | 'SFI' | 'ETABLERING_PROVIDER';

export interface ConsentRow {
  id: number;
  personnummer: string;
  purpose: ConsentPurpose;
  valid_from: string;
  valid_to: string | null;
  withdrawn_at: string | null;
  recorded_at: string;
  recorded_by: string;
  /** 003_consent_versions: a withdrawal names its officer and moves the version on. */
  version: number;
  withdrawn_by: string | null;
}

export interface ConsentPartyRow {
  consent_id: number;
  party: Party;
}

export type ReferralStatus = 'BOOKED' | 'ENROLLED' | 'NO_SHOW' | 'WITHDRAWN';

export interface ReferralRow {
  id: number;
  personnummer: string;
  district_code: string;
  reason: 'UNEMPLOYMENT' | 'OTHER_REASONS' | 'NEWLY_ARRIVED_REFUGEE';
  info_meeting_id: number;
  consent_id: number | null;
  status: ReferralStatus;
  referred_at: string;
  referred_by: string;
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

// jobbtorg

export interface UnitRow {
  code: string;
  name: string;
  parent_code: string | null;
  youth_only: boolean;
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

export type InterventionKind =
  | 'ACTIVE_JOB_SEARCH'
  | 'START_UP_GROUP'
  | 'COMMUNICATION_COURSE'
  | 'MATCHING'
  | 'WORK_PLACEMENT'
  | 'VOCATIONAL_COURSE';

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

// partners

export interface AgencyRow {
  code: string;
  name: string;
}

export interface ProviderRow {
  id: number;
  name: string;
  kind: string;
  agency_code: string;
  organisation_number: string;
}

export type AfProgramme = 'ESTABLISHMENT_PROGRAMME' | 'JOB_AND_DEVELOPMENT_GUARANTEE' | 'YOUTH_JOB_GUARANTEE' | 'NONE';

export interface JobSeekerRegistrationRow {
  id: number;
  personnummer: string;
  registered_on: string;
  office: string;
  programme: AfProgramme;
  programme_from: string | null;
  programme_to: string | null;
  programme_extent_percent: number;
}

export type AfActivityKind = 'JOB_SEARCH' | 'LABOUR_MARKET_TRAINING' | 'WORK_PLACEMENT' | 'CIVIC_ORIENTATION' | 'VALIDATION' | 'ASSESSMENT';

export interface PlannedActivityRow {
  id: number;
  registration_id: number;
  kind: AfActivityKind;
  title: string;
  provider_id: number | null;
  start_date: string;
  end_date: string | null;
  hours_per_week: number;
  schedule: string;
}

export type ResidencePermitKind = 'PERMANENT' | 'TEMPORARY_REFUGEE' | 'TEMPORARY_SUBSIDIARY_PROTECTION' | 'FAMILY_TIES' | 'WORK';

export interface ResidencePermitRow {
  id: number;
  personnummer: string;
  kind: ResidencePermitKind;
  granted_on: string;
  valid_until: string | null;
}

export interface MunicipalityReceptionRow {
  personnummer: string;
  received_on: string;
}

export interface SfiEnrolmentRow {
  id: number;
  personnummer: string;
  school_id: number;
  course: 'A' | 'B' | 'C' | 'D';
  study_path: number;
  start_date: string;
  end_date: string | null;
  hours_per_week: number;
  schedule: string;
}

export type EstablishmentService = 'MENTORSHIP' | 'WORKING_LIFE_INTRODUCTION' | 'HEALTH_SUPPORT' | 'WORKPLACE_LANGUAGE_SUPPORT';

export interface ProviderAssignmentRow {
  id: number;
  personnummer: string;
  provider_id: number;
  service: EstablishmentService;
  start_date: string;
  end_date: string | null;
  hours_per_week: number;
  schedule: string;
}

/**
 * Everything one person brings to the three databases, grouped by the subgraph that owns
 * each table. `stadsdel.info_meetings` holds the meetings this person's referral was the
 * first to book, so inserting bundles in order puts every meeting before its referrals.
 */
export interface PersonBundle {
  stadsdel: {
    info_meetings: InfoMeetingRow[];
    persons: PersonRow[];
    income_support_decisions: IncomeSupportDecisionRow[];
    consents: ConsentRow[];
    consent_parties: ConsentPartyRow[];
    referrals: ReferralRow[];
    three_party_meetings: ThreePartyMeetingRow[];
  };
  jobbtorg: {
    cases: CaseRow[];
    job_plans: JobPlanRow[];
    interventions: InterventionRow[];
    feedback: FeedbackRow[];
  };
  partners: {
    job_seeker_registrations: JobSeekerRegistrationRow[];
    planned_activities: PlannedActivityRow[];
    residence_permits: ResidencePermitRow[];
    municipality_receptions: MunicipalityReceptionRow[];
    sfi_enrolments: SfiEnrolmentRow[];
    provider_assignments: ProviderAssignmentRow[];
  };
}

/** An empty bundle, to be filled for one person. */
export function emptyBundle(): PersonBundle {
  return {
    stadsdel: { info_meetings: [], persons: [], income_support_decisions: [], consents: [], consent_parties: [], referrals: [], three_party_meetings: [] },
    jobbtorg: { cases: [], job_plans: [], interventions: [], feedback: [] },
    partners: {
      job_seeker_registrations: [],
      planned_activities: [],
      residence_permits: [],
      municipality_receptions: [],
      sfi_enrolments: [],
      provider_assignments: [],
    },
  };
}
