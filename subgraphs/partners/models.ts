import { Page } from '../../lib/pagination';

/** Rows as the partners database returns them; codegen maps the GraphQL types onto these. */

export interface AgencyRow {
  code: 'ARBETSFORMEDLINGEN' | 'MIGRATIONSVERKET' | 'SFI' | 'ETABLERING_STOCKHOLM';
  name: string;
}

export interface ProviderRow {
  id: number;
  name: string;
  kind: 'SFI_SCHOOL' | 'ESTABLISHMENT_SERVICE' | 'COURSE_PROVIDER' | 'COMPLEMENTARY_ACTOR';
  agency_code: AgencyRow['code'];
  organisation_number: string;
}

/** A person is known here by personnummer alone; the base record lives in stadsdel. */
export interface PersonRef {
  personnummer: string;
}

export interface RegistrationRow {
  id: number;
  personnummer: string;
  registered_on: string;
  office: string;
  programme: 'ESTABLISHMENT_PROGRAMME' | 'JOB_AND_DEVELOPMENT_GUARANTEE' | 'YOUTH_JOB_GUARANTEE' | 'NONE';
  programme_from: string | null;
  programme_to: string | null;
  programme_extent_percent: number;
}

/** Columns every scheduled activity shares, whichever agency planned it. */
interface ScheduledRow {
  id: number;
  start_date: string;
  end_date: string | null;
  hours_per_week: number;
  /** JSON text: [{ weekday, startTime, endTime }]. */
  schedule: string;
}

export interface PlannedActivityRow extends ScheduledRow {
  registration_id: number;
  kind: 'JOB_SEARCH' | 'LABOUR_MARKET_TRAINING' | 'WORK_PLACEMENT' | 'CIVIC_ORIENTATION' | 'VALIDATION' | 'ASSESSMENT';
  title: string;
  provider_id: number | null;
}

export interface ResidencePermitRow {
  id: number;
  personnummer: string;
  kind: 'PERMANENT' | 'TEMPORARY_REFUGEE' | 'TEMPORARY_SUBSIDIARY_PROTECTION' | 'FAMILY_TIES' | 'WORK';
  granted_on: string;
  valid_until: string | null;
}

export interface ReceptionRow {
  personnummer: string;
  received_on: string;
}

export interface SfiEnrolmentRow extends ScheduledRow {
  personnummer: string;
  school_id: number;
  course: 'A' | 'B' | 'C' | 'D';
  study_path: number;
}

export interface ProviderAssignmentRow extends ScheduledRow {
  personnummer: string;
  provider_id: number;
  service: 'MENTORSHIP' | 'WORKING_LIFE_INTRODUCTION' | 'HEALTH_SUPPORT' | 'WORKPLACE_LANGUAGE_SUPPORT';
}

export type SfiEnrolmentPage = Page<SfiEnrolmentRow>;
export type ProviderAssignmentPage = Page<ProviderAssignmentRow>;
