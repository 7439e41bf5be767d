import type { ConsentFact } from '../../lib/auth/rules';
import { Page } from '../../lib/pagination';
import type {
  AfActivityKind,
  AfProgramme,
  AgencyCode,
  EstablishmentService,
  ProviderKind,
  ResidencePermitKind,
  SfiCourse,
} from './__generated__/resolvers-types';

/**
 * Rows of the partners database. The `…Row` types are what a writer gives (the seed writes
 * them as they are); the `Stored…` types add the columns the database fills by default
 * (migration 003: version, who recorded and changed it) and are what a read returns, so
 * codegen maps the GraphQL types onto those.
 */

export interface AgencyRow {
  code: AgencyCode;
  name: string;
}

export interface ProviderRow {
  id: number;
  name: string;
  kind: ProviderKind;
  agency_code: AgencyRow['code'];
  organisation_number: string;
}

/** A person is known here by personnummer alone; the base record lives in stadsdel. */
export interface PersonRef {
  personnummer: string;
  /** The person's consents, as the gateway brings them from stadsdel (`@requires`); absent when not asked for. */
  sharingConsents?: ConsentFact[];
}

export interface RegistrationRow {
  id: number;
  personnummer: string;
  registered_on: string;
  office: string;
  programme: AfProgramme;
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
  kind: AfActivityKind;
  title: string;
  provider_id: number | null;
}

export interface ResidencePermitRow {
  id: number;
  personnummer: string;
  kind: ResidencePermitKind;
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
  course: SfiCourse;
  study_path: number;
}

export interface ProviderAssignmentRow extends ScheduledRow {
  personnummer: string;
  provider_id: number;
  service: EstablishmentService;
}

/**
 * A record of another agency that Arbetsförmedlingen recorded as part of a registration's
 * programme: exactly one of the two record columns is set (migration 005).
 */
export interface ProgrammePartRow {
  id: number;
  registration_id: number;
  sfi_enrolment_id: number | null;
  provider_assignment_id: number | null;
  recorded_by: string | null;
}

/** Who recorded a record: the verified caller's user id; null for rows from before the write side. */
export interface Recorded {
  recorded_by: string | null;
}

/** A record that can be changed: the version a change must state, and who changed it last. */
export interface Versioned extends Recorded {
  /** 1 when recorded, one more for each change. */
  version: number;
  changed_by: string | null;
}

export type StoredRegistration = RegistrationRow & Versioned;
export type StoredPlannedActivity = PlannedActivityRow &
  Versioned & {
    /** The day Arbetsförmedlingen ended the activity early (avbruten); null while it runs as planned. */
    ended_on: string | null;
  };
export type StoredResidencePermit = ResidencePermitRow & Recorded;
export type StoredReception = ReceptionRow & Versioned;
export type StoredSfiEnrolment = SfiEnrolmentRow & Versioned;
export type StoredProviderAssignment = ProviderAssignmentRow & Versioned;

export type SfiEnrolmentPage = Page<StoredSfiEnrolment>;
export type ProviderAssignmentPage = Page<StoredProviderAssignment>;
