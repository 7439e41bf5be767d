/**
 * The rows the seed writes, typed by each subgraph's own row types (subgraphs/*\/models.ts)
 * and its values by the enums codegen makes of each schema, so the seed and the subgraph
 * that reads the table agree on one shape, and a misspelt column or value fails the type
 * check instead of a batch insert. Dates are `YYYY-MM-DD`, months `YYYY-MM`, instants
 * `YYYY-MM-DD HH:MM:SS` UTC, schedules JSON text of weekly slots.
 */
import type {
  ConsentPartyRow,
  ConsentRow,
  DecisionRow as IncomeSupportDecisionRow,
  DistrictRow,
  InfoMeetingRow,
  PersonRow,
  ReferralRow,
  ThreePartyMeetingRow
} from '../subgraphs/stadsdel/models';
// Rows as stored, with the version and recorder columns the write side added.
import type {
  StoredCase as CaseRow,
  FeedbackRow,
  StoredPlanConflictEvent as PlanConflictEventRow,
  PlanConflictRow,
  StoredIntervention as InterventionRow,
  JobPlanRow,
  UnitDistrictRow,
  UnitRow
} from '../subgraphs/jobbtorg/models';
import type {
  AgencyRow,
  ProgrammePartRow,
  StoredPlannedActivity as PlannedActivityRow,
  StoredProviderAssignment as ProviderAssignmentRow,
  ProviderRow,
  StoredReception as MunicipalityReceptionRow,
  StoredRegistration as JobSeekerRegistrationRow,
  StoredResidencePermit as ResidencePermitRow,
  StoredSfiEnrolment as SfiEnrolmentRow
} from '../subgraphs/partners/models';

export type {
  ConsentPartyRow,
  ConsentRow,
  IncomeSupportDecisionRow,
  DistrictRow,
  InfoMeetingRow,
  PersonRow,
  ReferralRow,
  ThreePartyMeetingRow,
  CaseRow,
  FeedbackRow,
  PlanConflictEventRow,
  PlanConflictRow,
  InterventionRow,
  JobPlanRow,
  UnitDistrictRow,
  UnitRow,
  AgencyRow,
  PlannedActivityRow,
  ProgrammePartRow,
  ProviderAssignmentRow,
  ProviderRow,
  MunicipalityReceptionRow,
  JobSeekerRegistrationRow,
  ResidencePermitRow,
  SfiEnrolmentRow
};

export type { ConsentPurpose, NeedReason, Party, ReferralStatus } from '../subgraphs/stadsdel/__generated__/resolvers-types';
export type { ClosureReason, InterventionKind, TargetGroup } from '../subgraphs/jobbtorg/__generated__/resolvers-types';
export type {
  AfActivityKind,
  AfProgramme,
  EstablishmentService,
  ProviderKind,
  ResidencePermitKind,
} from '../subgraphs/partners/__generated__/resolvers-types';

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
    /** The kept conflicts of the person's shared plan and their history (./conflicts.ts). */
    plan_conflicts: PlanConflictRow[];
    plan_conflict_events: PlanConflictEventRow[];
  };
  partners: {
    job_seeker_registrations: JobSeekerRegistrationRow[];
    planned_activities: PlannedActivityRow[];
    residence_permits: ResidencePermitRow[];
    municipality_receptions: MunicipalityReceptionRow[];
    sfi_enrolments: SfiEnrolmentRow[];
    provider_assignments: ProviderAssignmentRow[];
    programme_parts: ProgrammePartRow[];
  };
}

/** An empty bundle, to be filled for one person. */
export function emptyBundle(): PersonBundle {
  return {
    stadsdel: { info_meetings: [], persons: [], income_support_decisions: [], consents: [], consent_parties: [], referrals: [], three_party_meetings: [] },
    jobbtorg: { cases: [], job_plans: [], interventions: [], feedback: [], plan_conflicts: [], plan_conflict_events: [] },
    partners: {
      job_seeker_registrations: [],
      planned_activities: [],
      residence_permits: [],
      municipality_receptions: [],
      sfi_enrolments: [],
      provider_assignments: [],
      programme_parts: [],
    },
  };
}
