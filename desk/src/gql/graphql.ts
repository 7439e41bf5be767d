/* eslint-disable */
/** Internal type. DO NOT USE DIRECTLY. */
type Exact<T extends { [key: string]: unknown }> = { [K in keyof T]: T[K] };
/** Internal type. DO NOT USE DIRECTLY. */
export type Incremental<T> = T | { [P in keyof T]?: P extends ' $fragmentName' | '__typename' ? T[P] : never };
import type { TypedDocumentNode as DocumentNode } from '@graphql-typed-document-node/core';
/** An acceptance of a conflict, as last read. */
export type AcceptPlanConflictInput = {
  /** The conflict (`PlanConflict.id`). */
  id: string;
  /** Its version when read; an acceptance based on an older version is refused. */
  version: number;
  /** Why the conflict is kept (not empty, at most 2,000 characters). */
  reason: string;
  /**
   * The three-party meeting (trepartssamtal, `ThreePartyMeeting.id`) of the person where the
   * involved agencies agreed, which accepts the conflict for all of them. It must have taken place.
   */
  threePartyMeetingId?: string | null | undefined;
};

/** An acknowledgement of a conflict, as last read. */
export type AcknowledgePlanConflictInput = {
  /** The conflict (`PlanConflict.id`). */
  id: string;
  /** Its version when read; an acknowledgement based on an older version is refused. */
  version: number;
  /** What the agency is doing about it (at most 2,000 characters). */
  note?: string | null | undefined;
  /** The day the agency expects to have it settled: today or later. */
  expectedSettledOn?: string | null | undefined;
};

/** An intervention to add to a case's job plan. */
export type AddInterventionInput = {
  /** The case whose job plan gets the intervention; it must be open and have a plan. */
  caseId: string;
  /** Kind of intervention. */
  kind: InterventionKind;
  /** Title, e.g. Truckkort A+B. */
  title: string;
  /** The provider (utförare); leave out when Jobbtorg runs it itself. */
  providerId?: string | null | undefined;
  /** First day; not before enrolment. */
  startDate: string;
  /** Last planned day, not before the first; leave out for open-ended. */
  endDate?: string | null | undefined;
  /** Planned hours a week, more than 0 and at most 40 (full time). */
  hoursPerWeek: number;
  /** Weekly time slots, if known; when given, they must add up to `hoursPerWeek`. */
  schedule?: Array<WeeklySlotInput> | null | undefined;
};

/** What the shared records may be used for (ändamål). */
export type ConsentPurpose =
  /** Referral to Jobbtorg and feedback to the district (remiss och återkoppling). */
  | 'REFERRAL'
  /** One shared plan (gemensam planering) across the named agencies. */
  | 'SHARED_PLANNING'
  /** Follow-up of outcomes (uppföljning). */
  | 'FOLLOW_UP';

/** Kind of intervention (insats) at or through Jobbtorg. */
export type InterventionKind =
  /** Aktivt jobbsökande at Jobbtorg. */
  | 'ACTIVE_JOB_SEARCH'
  /** Uppstartsgrupp: the weekly start-up group. */
  | 'START_UP_GROUP'
  /** Kommunikationskurs with an external provider, often together with Sfi. */
  | 'COMMUNICATION_COURSE'
  /** Matchning: matching against vacancies. */
  | 'MATCHING'
  /** Praktik: work placement. */
  | 'WORK_PLACEMENT'
  /** Kort yrkesutbildning: short vocational course, e.g. forklift licence (truckkort). */
  | 'VOCATIONAL_COURSE';

/** Where the jobbgaranti of a case stands. */
export type JobbgarantiStatus =
  /** Väntar: no plan yet, and the deadline has not passed. */
  | 'PENDING'
  /** Hållen: the plan came on or before the deadline. */
  | 'KEPT'
  /** Bruten: the plan came late, or there is none and the deadline has passed. */
  | 'BREACHED';

/** An organisation (aktör) of the etableringskedja that a consent can name. */
export type Party =
  /** Socialtjänsten: the district's social services. */
  | 'SOCIAL_SERVICES'
  /** Jobbtorg Stockholm. */
  | 'JOBBTORG'
  /** Arbetsförmedlingen: the Public Employment Service. */
  | 'ARBETSFORMEDLINGEN'
  /** Migrationsverket: the Migration Agency. */
  | 'MIGRATIONSVERKET'
  /** Sfi: Swedish for immigrants (svenska för invandrare) schools. */
  | 'SFI'
  /** A provider (utförare) of Etablering Stockholm services. */
  | 'ETABLERING_PROVIDER';

/** Who plans an activity in a person's shared plan. */
export type PlanAgency =
  /** Jobbtorg Stockholm. */
  | 'JOBBTORG'
  /** Arbetsförmedlingen. */
  | 'ARBETSFORMEDLINGEN'
  /** Sfi, svenska för invandrare. */
  | 'SFI'
  /** An Etablering Stockholm provider. */
  | 'ETABLERING_PROVIDER'
  /** The district's social services (socialtjänsten). */
  | 'SOCIAL_SERVICES';

/** What an activity is for, across agencies: the same category from two agencies in the same weeks is planned twice. */
export type PlanCategory =
  /** Jobbsökande. */
  | 'JOB_SEARCH'
  /** Matchning mot lediga jobb. */
  | 'MATCHING'
  /** Praktik. */
  | 'WORK_PLACEMENT'
  /** Yrkesutbildning. */
  | 'VOCATIONAL_TRAINING'
  /** Sfi. */
  | 'SWEDISH_FOR_IMMIGRANTS'
  /** Svenska för arbetslivet (kommunikationskurs). */
  | 'SWEDISH_FOR_WORK'
  /** Språkstöd på arbetsplatsen. */
  | 'LANGUAGE_SUPPORT_AT_WORK'
  /** Jobbtorg's start-up group. */
  | 'START_UP'
  /** Introduktion till arbetslivet. */
  | 'WORKING_LIFE_INTRODUCTION'
  /** Samhällsorientering. */
  | 'CIVIC_ORIENTATION'
  /** Kartläggning. */
  | 'ASSESSMENT'
  /** Validering. */
  | 'VALIDATION'
  /** Mentorskap. */
  | 'MENTORSHIP'
  /** Hälsostöd. */
  | 'HEALTH'
  /** A meeting, e.g. a three-party meeting. */
  | 'MEETING'
  /** An Arbetsförmedlingen programme (arbetsmarknadspolitiskt program), planned time at its extent of full time. */
  | 'PROGRAMME';

/** What happened to a conflict. */
export type PlanConflictEventKind =
  /** Jobbtorg found it in a plan for the first time. */
  | 'FOUND'
  /** An involved agency said it is working on it. */
  | 'ACKNOWLEDGED'
  /** An involved agency accepted it (the state is ACCEPTED once all have, or a three-party meeting records it). */
  | 'ACCEPTED'
  /** An involved agency took its acceptance back. */
  | 'ACCEPTANCE_WITHDRAWN'
  /** Found again after it was resolved, or one of its records changed after it was accepted. */
  | 'REOPENED'
  /** No longer found, because one of its records changed. */
  | 'RESOLVED';

/** Filter for `planConflictInbox`. All given conditions must hold. */
export type PlanConflictInboxFilter = {
  /** Only conflicts in these states. */
  state?: Array<PlanConflictState> | null | undefined;
  /** Only conflicts of these kinds. */
  kind?: Array<PlanConflictKind> | null | undefined;
  /** Only conflicts found or changed at or after this instant. */
  since?: string | null | undefined;
};

/** Kind of conflict in a shared plan. */
export type PlanConflictKind =
  /** Two activities' time slots overlap in the same week. */
  | 'SLOT_OVERLAP'
  /** More than full time planned in a week: one conflict per run of weeks in which the same activities take time. */
  | 'OVER_FULL_TIME'
  /** Two agencies planned the same kind of activity for the same period. */
  | 'DUPLICATE_KIND'
  /** A plan contradicts another's goal, e.g. studies planned after a closure to work. */
  | 'CONTRADICTING_GOALS'
  /** A jobbgaranti was not kept: no realistic plan within five days of enrolment. */
  | 'JOBBGARANTI_BREACHED';

/** Where a conflict stands. */
export type PlanConflictState =
  /** Found, and nobody has said they are working on it. */
  | 'OPEN'
  /** An involved agency is working on it. */
  | 'ACKNOWLEDGED'
  /** The involved agencies agree to keep it (each of them, or at a three-party meeting). */
  | 'ACCEPTED'
  /** No longer found: one of its records changed. */
  | 'RESOLVED';

/** What the job plan aims at (planens mål). */
export type PlanGoal =
  /** Arbete: employment. */
  | 'WORK'
  /** Studier: studies that lead to work. */
  | 'STUDIES'
  /** Egen försörjning: self-support in other ways, e.g. an Arbetsförmedlingen programme. */
  | 'SELF_SUPPORT';

/** Where a planned activity stands today. */
export type PlanItemStatus =
  /** Starts later. */
  | 'PLANNED'
  /** Under way. */
  | 'ONGOING'
  /** Ran to its planned end. */
  | 'COMPLETED'
  /** Ended before its planned end. */
  | 'ENDED_EARLY';

/**
 * Reporting group (redovisningsgrupp) of a case, derived from its target group and the
 * aspirant's age: the groups the city's follow-up reports by.
 */
export type ReportingGroup =
  /** Nyanlända flyktingar. */
  | 'NEWLY_ARRIVED_REFUGEE'
  /** Ungdomar 16–24 år. */
  | 'YOUTH_16_24'
  /** Övriga över 24 år. */
  | 'OTHER_OVER_24';

/** Target group (målgrupp) of a case: decides which Jobbtorg track the aspirant follows. */
export type TargetGroup =
  /** Arbetslös: income support because of unemployment. */
  | 'UNEMPLOYED'
  /** Jobbtorg Resurs: income support for other reasons than unemployment. */
  | 'RESURS'
  /** Sfi-studerande: studies Swedish for immigrants while on income support. */
  | 'SFI_STUDENT'
  /** Flykting: newly arrived refugee (nyanländ). */
  | 'REFUGEE'
  /** Ungdom 16–24 år. */
  | 'YOUTH';

/** Day of the week (veckodag). */
export type Weekday =
  /** Måndag. */
  | 'MONDAY'
  /** Tisdag. */
  | 'TUESDAY'
  /** Onsdag. */
  | 'WEDNESDAY'
  /** Torsdag. */
  | 'THURSDAY'
  /** Fredag. */
  | 'FRIDAY'
  /** Lördag. */
  | 'SATURDAY'
  /** Söndag. */
  | 'SUNDAY';

/** A recurring weekly time slot to record, local Swedish time. */
export type WeeklySlotInput = {
  /** Day of the week. */
  weekday: Weekday;
  /** Start time, `HH:MM`. */
  startTime: string;
  /** End time, `HH:MM`, after the start. */
  endTime: string;
};

/** A consent to withdraw, as the writer last read it. */
export type WithdrawConsentInput = {
  /** Identifier of the consent. */
  id: string;
  /** Its version when read; a withdrawal based on an older version is refused. */
  version: number;
};

/** A withdrawal of an acceptance, as last read. */
export type WithdrawPlanConflictAcceptanceInput = {
  /** The conflict (`PlanConflict.id`). */
  id: string;
  /** Its version when read; a withdrawal based on an older version is refused. */
  version: number;
  /** Why the agency no longer agrees (at most 2,000 characters). */
  reason?: string | null | undefined;
};

export type DeskAcknowledgePlanConflictMutationVariables = Exact<{
  input: AcknowledgePlanConflictInput;
  idempotencyKey?: string | null | undefined;
}>;


export type DeskAcknowledgePlanConflictMutation = { acknowledgePlanConflict: { id: string, kind: PlanConflictKind, state: PlanConflictState | null, version: number | null, agencies: Array<PlanAgency>, otherAgencies: Array<PlanAgency>, weeks: Array<string>, message: string, note: string | null, expectedSettledOn: string | null, acceptedBy: Array<PlanAgency>, acceptanceReason: string | null, stateChangedAt: string | null, history: Array<{ version: number, event: PlanConflictEventKind, state: PlanConflictState, at: string, agency: PlanAgency | null, organisation: string | null, user: string | null, note: string | null, expectedSettledOn: string | null, reason: string | null }> } };

export type DeskAcceptPlanConflictMutationVariables = Exact<{
  input: AcceptPlanConflictInput;
  idempotencyKey?: string | null | undefined;
}>;


export type DeskAcceptPlanConflictMutation = { acceptPlanConflict: { id: string, kind: PlanConflictKind, state: PlanConflictState | null, version: number | null, agencies: Array<PlanAgency>, otherAgencies: Array<PlanAgency>, weeks: Array<string>, message: string, note: string | null, expectedSettledOn: string | null, acceptedBy: Array<PlanAgency>, acceptanceReason: string | null, stateChangedAt: string | null, history: Array<{ version: number, event: PlanConflictEventKind, state: PlanConflictState, at: string, agency: PlanAgency | null, organisation: string | null, user: string | null, note: string | null, expectedSettledOn: string | null, reason: string | null }> } };

export type DeskWithdrawPlanConflictAcceptanceMutationVariables = Exact<{
  input: WithdrawPlanConflictAcceptanceInput;
  idempotencyKey?: string | null | undefined;
}>;


export type DeskWithdrawPlanConflictAcceptanceMutation = { withdrawPlanConflictAcceptance: { id: string, kind: PlanConflictKind, state: PlanConflictState | null, version: number | null, agencies: Array<PlanAgency>, otherAgencies: Array<PlanAgency>, weeks: Array<string>, message: string, note: string | null, expectedSettledOn: string | null, acceptedBy: Array<PlanAgency>, acceptanceReason: string | null, stateChangedAt: string | null, history: Array<{ version: number, event: PlanConflictEventKind, state: PlanConflictState, at: string, agency: PlanAgency | null, organisation: string | null, user: string | null, note: string | null, expectedSettledOn: string | null, reason: string | null }> } };

export type DeskConflictInboxQueryVariables = Exact<{
  filter?: PlanConflictInboxFilter | null | undefined;
  first?: number | null | undefined;
}>;


export type DeskConflictInboxQuery = { planConflictInbox: { totalCount: number, edges: Array<{ node: { id: string, kind: PlanConflictKind, state: PlanConflictState | null, version: number | null, agencies: Array<PlanAgency>, otherAgencies: Array<PlanAgency>, weeks: Array<string>, message: string, note: string | null, expectedSettledOn: string | null, acceptedBy: Array<PlanAgency>, acceptanceReason: string | null, stateChangedAt: string | null, person: { personnummer: string, givenName: string | null, familyName: string | null }, history: Array<{ version: number, event: PlanConflictEventKind, state: PlanConflictState, at: string, agency: PlanAgency | null, organisation: string | null, user: string | null, note: string | null, expectedSettledOn: string | null, reason: string | null }> } }> } };

export type PlanConflictFieldsFragment = { id: string, kind: PlanConflictKind, state: PlanConflictState | null, version: number | null, agencies: Array<PlanAgency>, otherAgencies: Array<PlanAgency>, weeks: Array<string>, message: string, note: string | null, expectedSettledOn: string | null, acceptedBy: Array<PlanAgency>, acceptanceReason: string | null, stateChangedAt: string | null, history: Array<{ version: number, event: PlanConflictEventKind, state: PlanConflictState, at: string, agency: PlanAgency | null, organisation: string | null, user: string | null, note: string | null, expectedSettledOn: string | null, reason: string | null }> };

export type FollowUpDistrictsQueryVariables = Exact<{
  from: string;
  to: string;
}>;


export type FollowUpDistrictsQuery = { followUp: { id: string, suppressionThreshold: number, cells: Array<{ id: string, districtCode: string | null, district: { name: string } | null, jobbgarantiKept: { count: number | null, of: number | null, value: number | null, suppressed: boolean }, daysToFirstPlan: { value: number | null, of: number | null, suppressed: boolean }, closedToWorkOrStudiesWithinThreeMonths: { count: number | null, of: number | null, value: number | null, suppressed: boolean }, interventionsByKind: Array<{ kind: InterventionKind, people: { count: number | null, of: number | null, value: number | null, suppressed: boolean } }> }> } };

export type IncomeSupportToWorkQueryVariables = Exact<{
  from: string;
  to: string;
}>;


export type IncomeSupportToWorkQuery = { incomeSupportToWork: { id: string, cells: Array<{ month: string | null, recipients: { value: number | null, suppressed: boolean }, wentToWork: { count: number | null, of: number | null, value: number | null, suppressed: boolean }, backOnIncomeSupportWithinSixMonths: { count: number | null, of: number | null, value: number | null, suppressed: boolean } }> } };

export type FollowUpMonthlyQueryVariables = Exact<{
  from: string;
  to: string;
}>;


export type FollowUpMonthlyQuery = { followUp: { id: string, suppressionThreshold: number, cells: Array<{ id: string, month: string | null, reportingGroup: ReportingGroup | null, enrolled: { value: number | null, suppressed: boolean }, newlyEnrolled: { value: number | null, suppressed: boolean }, closed: { value: number | null, suppressed: boolean } }> } };

export type SharedPlanFieldsFragment = { from: string, to: string, weeks: Array<string>, activities: Array<{ id: string, agency: PlanAgency, kind: string, category: PlanCategory, title: string, provider: string | null, startDate: string, endDate: string | null, hoursPerWeek: number, status: PlanItemStatus, schedule: Array<{ weekday: Weekday, startTime: string, endTime: string }> }>, conflicts: Array<{ activityIds: Array<string>, contextIds: Array<string>, id: string, kind: PlanConflictKind, state: PlanConflictState | null, version: number | null, agencies: Array<PlanAgency>, otherAgencies: Array<PlanAgency>, weeks: Array<string>, message: string, note: string | null, expectedSettledOn: string | null, acceptedBy: Array<PlanAgency>, acceptanceReason: string | null, stateChangedAt: string | null, history: Array<{ version: number, event: PlanConflictEventKind, state: PlanConflictState, at: string, agency: PlanAgency | null, organisation: string | null, user: string | null, note: string | null, expectedSettledOn: string | null, reason: string | null }> }> };

export type PersonCaseQueryVariables = Exact<{
  personnummer: string;
}>;


export type PersonCaseQuery = { person: { personnummer: string, currentJobbtorgCase: { id: string, version: number, enrolledOn: string, targetGroup: TargetGroup, unit: { name: string }, jobbgaranti: { deadline: string, status: JobbgarantiStatus }, jobPlan: { goal: PlanGoal, establishedOn: string } | null } | null } | null };

export type AddInterventionMutationVariables = Exact<{
  input: AddInterventionInput;
  idempotencyKey?: string | null | undefined;
}>;


export type AddInterventionMutation = { addIntervention: { id: string, version: number, title: string } };

export type PersonConsentsQueryVariables = Exact<{
  personnummer: string;
}>;


export type PersonConsentsQuery = { person: { personnummer: string, consents: Array<{ id: string, version: number, purpose: ConsentPurpose, parties: Array<Party>, validFrom: string, validTo: string | null, active: boolean }> } | null };

export type WithdrawConsentMutationVariables = Exact<{
  input: WithdrawConsentInput;
}>;


export type WithdrawConsentMutation = { withdrawConsent: { id: string, version: number, active: boolean } };

export type DistrictMeetingsQueryVariables = Exact<{
  districtCode: string;
}>;


export type DistrictMeetingsQuery = { district: { code: string, name: string, infoMeetingQuotaPerWeek: number } | null, adults: { startsAt: string, placesLeftInWeek: number } | null, youth: { startsAt: string, placesLeftInWeek: number } | null };

export type DeskPersonPlanQueryVariables = Exact<{
  personnummer: string;
  from: string;
  to: string;
}>;


export type DeskPersonPlanQuery = { person: { personnummer: string, givenName: string | null, familyName: string | null, birthDate: string | null, sharedPlan: { from: string, to: string, weeks: Array<string>, activities: Array<{ id: string, agency: PlanAgency, kind: string, category: PlanCategory, title: string, provider: string | null, startDate: string, endDate: string | null, hoursPerWeek: number, status: PlanItemStatus, schedule: Array<{ weekday: Weekday, startTime: string, endTime: string }> }>, conflicts: Array<{ activityIds: Array<string>, contextIds: Array<string>, id: string, kind: PlanConflictKind, state: PlanConflictState | null, version: number | null, agencies: Array<PlanAgency>, otherAgencies: Array<PlanAgency>, weeks: Array<string>, message: string, note: string | null, expectedSettledOn: string | null, acceptedBy: Array<PlanAgency>, acceptanceReason: string | null, stateChangedAt: string | null, history: Array<{ version: number, event: PlanConflictEventKind, state: PlanConflictState, at: string, agency: PlanAgency | null, organisation: string | null, user: string | null, note: string | null, expectedSettledOn: string | null, reason: string | null }> }> } | null } | null };

export type CoachWorklistsQueryVariables = Exact<{
  unitCode: string;
  from: string;
  to: string;
}>;


export type CoachWorklistsQuery = { casesWithoutPlan: { totalCount: number, edges: Array<{ node: { id: string, enrolledOn: string, person: { personnummer: string, givenName: string | null, familyName: string | null } | null, jobbgaranti: { deadline: string, status: JobbgarantiStatus } } }> }, jobbgarantiBreaches: { totalCount: number, edges: Array<{ node: { id: string, enrolledOn: string, person: { personnummer: string, givenName: string | null, familyName: string | null } | null, jobbgaranti: { deadline: string, planEstablishedOn: string | null } } }> }, referrals: { totalCount: number, edges: Array<{ node: { id: string, referredAt: string, person: { personnummer: string, givenName: string | null, familyName: string | null }, district: { name: string }, infoMeeting: { startsAt: string } } }> } };

export const PlanConflictFieldsFragmentDoc = {"kind":"Document","definitions":[{"kind":"FragmentDefinition","name":{"kind":"Name","value":"PlanConflictFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"PlanConflict"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"state"}},{"kind":"Field","name":{"kind":"Name","value":"version"}},{"kind":"Field","name":{"kind":"Name","value":"agencies"}},{"kind":"Field","name":{"kind":"Name","value":"otherAgencies"}},{"kind":"Field","name":{"kind":"Name","value":"weeks"}},{"kind":"Field","name":{"kind":"Name","value":"message"}},{"kind":"Field","name":{"kind":"Name","value":"note"}},{"kind":"Field","name":{"kind":"Name","value":"expectedSettledOn"}},{"kind":"Field","name":{"kind":"Name","value":"acceptedBy"}},{"kind":"Field","name":{"kind":"Name","value":"acceptanceReason"}},{"kind":"Field","name":{"kind":"Name","value":"stateChangedAt"}},{"kind":"Field","name":{"kind":"Name","value":"history"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"version"}},{"kind":"Field","name":{"kind":"Name","value":"event"}},{"kind":"Field","name":{"kind":"Name","value":"state"}},{"kind":"Field","name":{"kind":"Name","value":"at"}},{"kind":"Field","name":{"kind":"Name","value":"agency"}},{"kind":"Field","name":{"kind":"Name","value":"organisation"}},{"kind":"Field","name":{"kind":"Name","value":"user"}},{"kind":"Field","name":{"kind":"Name","value":"note"}},{"kind":"Field","name":{"kind":"Name","value":"expectedSettledOn"}},{"kind":"Field","name":{"kind":"Name","value":"reason"}}]}}]}}]} as unknown as DocumentNode<PlanConflictFieldsFragment, unknown>;
export const SharedPlanFieldsFragmentDoc = {"kind":"Document","definitions":[{"kind":"FragmentDefinition","name":{"kind":"Name","value":"SharedPlanFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"SharedPlan"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"from"}},{"kind":"Field","name":{"kind":"Name","value":"to"}},{"kind":"Field","name":{"kind":"Name","value":"weeks"}},{"kind":"Field","name":{"kind":"Name","value":"activities"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"agency"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"category"}},{"kind":"Field","name":{"kind":"Name","value":"title"}},{"kind":"Field","name":{"kind":"Name","value":"provider"}},{"kind":"Field","name":{"kind":"Name","value":"startDate"}},{"kind":"Field","name":{"kind":"Name","value":"endDate"}},{"kind":"Field","name":{"kind":"Name","value":"hoursPerWeek"}},{"kind":"Field","name":{"kind":"Name","value":"schedule"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"weekday"}},{"kind":"Field","name":{"kind":"Name","value":"startTime"}},{"kind":"Field","name":{"kind":"Name","value":"endTime"}}]}},{"kind":"Field","name":{"kind":"Name","value":"status"}}]}},{"kind":"Field","name":{"kind":"Name","value":"conflicts"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"PlanConflictFields"}},{"kind":"Field","name":{"kind":"Name","value":"activityIds"}},{"kind":"Field","name":{"kind":"Name","value":"contextIds"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"PlanConflictFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"PlanConflict"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"state"}},{"kind":"Field","name":{"kind":"Name","value":"version"}},{"kind":"Field","name":{"kind":"Name","value":"agencies"}},{"kind":"Field","name":{"kind":"Name","value":"otherAgencies"}},{"kind":"Field","name":{"kind":"Name","value":"weeks"}},{"kind":"Field","name":{"kind":"Name","value":"message"}},{"kind":"Field","name":{"kind":"Name","value":"note"}},{"kind":"Field","name":{"kind":"Name","value":"expectedSettledOn"}},{"kind":"Field","name":{"kind":"Name","value":"acceptedBy"}},{"kind":"Field","name":{"kind":"Name","value":"acceptanceReason"}},{"kind":"Field","name":{"kind":"Name","value":"stateChangedAt"}},{"kind":"Field","name":{"kind":"Name","value":"history"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"version"}},{"kind":"Field","name":{"kind":"Name","value":"event"}},{"kind":"Field","name":{"kind":"Name","value":"state"}},{"kind":"Field","name":{"kind":"Name","value":"at"}},{"kind":"Field","name":{"kind":"Name","value":"agency"}},{"kind":"Field","name":{"kind":"Name","value":"organisation"}},{"kind":"Field","name":{"kind":"Name","value":"user"}},{"kind":"Field","name":{"kind":"Name","value":"note"}},{"kind":"Field","name":{"kind":"Name","value":"expectedSettledOn"}},{"kind":"Field","name":{"kind":"Name","value":"reason"}}]}}]}}]} as unknown as DocumentNode<SharedPlanFieldsFragment, unknown>;
export const DeskAcknowledgePlanConflictDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"DeskAcknowledgePlanConflict"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"AcknowledgePlanConflictInput"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"idempotencyKey"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"acknowledgePlanConflict"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}},{"kind":"Argument","name":{"kind":"Name","value":"idempotencyKey"},"value":{"kind":"Variable","name":{"kind":"Name","value":"idempotencyKey"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"PlanConflictFields"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"PlanConflictFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"PlanConflict"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"state"}},{"kind":"Field","name":{"kind":"Name","value":"version"}},{"kind":"Field","name":{"kind":"Name","value":"agencies"}},{"kind":"Field","name":{"kind":"Name","value":"otherAgencies"}},{"kind":"Field","name":{"kind":"Name","value":"weeks"}},{"kind":"Field","name":{"kind":"Name","value":"message"}},{"kind":"Field","name":{"kind":"Name","value":"note"}},{"kind":"Field","name":{"kind":"Name","value":"expectedSettledOn"}},{"kind":"Field","name":{"kind":"Name","value":"acceptedBy"}},{"kind":"Field","name":{"kind":"Name","value":"acceptanceReason"}},{"kind":"Field","name":{"kind":"Name","value":"stateChangedAt"}},{"kind":"Field","name":{"kind":"Name","value":"history"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"version"}},{"kind":"Field","name":{"kind":"Name","value":"event"}},{"kind":"Field","name":{"kind":"Name","value":"state"}},{"kind":"Field","name":{"kind":"Name","value":"at"}},{"kind":"Field","name":{"kind":"Name","value":"agency"}},{"kind":"Field","name":{"kind":"Name","value":"organisation"}},{"kind":"Field","name":{"kind":"Name","value":"user"}},{"kind":"Field","name":{"kind":"Name","value":"note"}},{"kind":"Field","name":{"kind":"Name","value":"expectedSettledOn"}},{"kind":"Field","name":{"kind":"Name","value":"reason"}}]}}]}}]} as unknown as DocumentNode<DeskAcknowledgePlanConflictMutation, DeskAcknowledgePlanConflictMutationVariables>;
export const DeskAcceptPlanConflictDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"DeskAcceptPlanConflict"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"AcceptPlanConflictInput"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"idempotencyKey"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"acceptPlanConflict"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}},{"kind":"Argument","name":{"kind":"Name","value":"idempotencyKey"},"value":{"kind":"Variable","name":{"kind":"Name","value":"idempotencyKey"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"PlanConflictFields"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"PlanConflictFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"PlanConflict"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"state"}},{"kind":"Field","name":{"kind":"Name","value":"version"}},{"kind":"Field","name":{"kind":"Name","value":"agencies"}},{"kind":"Field","name":{"kind":"Name","value":"otherAgencies"}},{"kind":"Field","name":{"kind":"Name","value":"weeks"}},{"kind":"Field","name":{"kind":"Name","value":"message"}},{"kind":"Field","name":{"kind":"Name","value":"note"}},{"kind":"Field","name":{"kind":"Name","value":"expectedSettledOn"}},{"kind":"Field","name":{"kind":"Name","value":"acceptedBy"}},{"kind":"Field","name":{"kind":"Name","value":"acceptanceReason"}},{"kind":"Field","name":{"kind":"Name","value":"stateChangedAt"}},{"kind":"Field","name":{"kind":"Name","value":"history"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"version"}},{"kind":"Field","name":{"kind":"Name","value":"event"}},{"kind":"Field","name":{"kind":"Name","value":"state"}},{"kind":"Field","name":{"kind":"Name","value":"at"}},{"kind":"Field","name":{"kind":"Name","value":"agency"}},{"kind":"Field","name":{"kind":"Name","value":"organisation"}},{"kind":"Field","name":{"kind":"Name","value":"user"}},{"kind":"Field","name":{"kind":"Name","value":"note"}},{"kind":"Field","name":{"kind":"Name","value":"expectedSettledOn"}},{"kind":"Field","name":{"kind":"Name","value":"reason"}}]}}]}}]} as unknown as DocumentNode<DeskAcceptPlanConflictMutation, DeskAcceptPlanConflictMutationVariables>;
export const DeskWithdrawPlanConflictAcceptanceDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"DeskWithdrawPlanConflictAcceptance"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"WithdrawPlanConflictAcceptanceInput"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"idempotencyKey"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"withdrawPlanConflictAcceptance"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}},{"kind":"Argument","name":{"kind":"Name","value":"idempotencyKey"},"value":{"kind":"Variable","name":{"kind":"Name","value":"idempotencyKey"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"PlanConflictFields"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"PlanConflictFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"PlanConflict"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"state"}},{"kind":"Field","name":{"kind":"Name","value":"version"}},{"kind":"Field","name":{"kind":"Name","value":"agencies"}},{"kind":"Field","name":{"kind":"Name","value":"otherAgencies"}},{"kind":"Field","name":{"kind":"Name","value":"weeks"}},{"kind":"Field","name":{"kind":"Name","value":"message"}},{"kind":"Field","name":{"kind":"Name","value":"note"}},{"kind":"Field","name":{"kind":"Name","value":"expectedSettledOn"}},{"kind":"Field","name":{"kind":"Name","value":"acceptedBy"}},{"kind":"Field","name":{"kind":"Name","value":"acceptanceReason"}},{"kind":"Field","name":{"kind":"Name","value":"stateChangedAt"}},{"kind":"Field","name":{"kind":"Name","value":"history"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"version"}},{"kind":"Field","name":{"kind":"Name","value":"event"}},{"kind":"Field","name":{"kind":"Name","value":"state"}},{"kind":"Field","name":{"kind":"Name","value":"at"}},{"kind":"Field","name":{"kind":"Name","value":"agency"}},{"kind":"Field","name":{"kind":"Name","value":"organisation"}},{"kind":"Field","name":{"kind":"Name","value":"user"}},{"kind":"Field","name":{"kind":"Name","value":"note"}},{"kind":"Field","name":{"kind":"Name","value":"expectedSettledOn"}},{"kind":"Field","name":{"kind":"Name","value":"reason"}}]}}]}}]} as unknown as DocumentNode<DeskWithdrawPlanConflictAcceptanceMutation, DeskWithdrawPlanConflictAcceptanceMutationVariables>;
export const DeskConflictInboxDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"DeskConflictInbox"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"filter"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"PlanConflictInboxFilter"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"first"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}},"defaultValue":{"kind":"IntValue","value":"50"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"planConflictInbox"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"filter"},"value":{"kind":"Variable","name":{"kind":"Name","value":"filter"}}},{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"Variable","name":{"kind":"Name","value":"first"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalCount"}},{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"PlanConflictFields"}},{"kind":"Field","name":{"kind":"Name","value":"person"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"personnummer"}},{"kind":"Field","name":{"kind":"Name","value":"givenName"}},{"kind":"Field","name":{"kind":"Name","value":"familyName"}}]}}]}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"PlanConflictFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"PlanConflict"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"state"}},{"kind":"Field","name":{"kind":"Name","value":"version"}},{"kind":"Field","name":{"kind":"Name","value":"agencies"}},{"kind":"Field","name":{"kind":"Name","value":"otherAgencies"}},{"kind":"Field","name":{"kind":"Name","value":"weeks"}},{"kind":"Field","name":{"kind":"Name","value":"message"}},{"kind":"Field","name":{"kind":"Name","value":"note"}},{"kind":"Field","name":{"kind":"Name","value":"expectedSettledOn"}},{"kind":"Field","name":{"kind":"Name","value":"acceptedBy"}},{"kind":"Field","name":{"kind":"Name","value":"acceptanceReason"}},{"kind":"Field","name":{"kind":"Name","value":"stateChangedAt"}},{"kind":"Field","name":{"kind":"Name","value":"history"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"version"}},{"kind":"Field","name":{"kind":"Name","value":"event"}},{"kind":"Field","name":{"kind":"Name","value":"state"}},{"kind":"Field","name":{"kind":"Name","value":"at"}},{"kind":"Field","name":{"kind":"Name","value":"agency"}},{"kind":"Field","name":{"kind":"Name","value":"organisation"}},{"kind":"Field","name":{"kind":"Name","value":"user"}},{"kind":"Field","name":{"kind":"Name","value":"note"}},{"kind":"Field","name":{"kind":"Name","value":"expectedSettledOn"}},{"kind":"Field","name":{"kind":"Name","value":"reason"}}]}}]}}]} as unknown as DocumentNode<DeskConflictInboxQuery, DeskConflictInboxQueryVariables>;
export const FollowUpDistrictsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"FollowUpDistricts"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"from"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"Month"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"to"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"Month"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"followUp"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"filter"},"value":{"kind":"ObjectValue","fields":[{"kind":"ObjectField","name":{"kind":"Name","value":"from"},"value":{"kind":"Variable","name":{"kind":"Name","value":"from"}}},{"kind":"ObjectField","name":{"kind":"Name","value":"to"},"value":{"kind":"Variable","name":{"kind":"Name","value":"to"}}}]}},{"kind":"Argument","name":{"kind":"Name","value":"groupBy"},"value":{"kind":"ListValue","values":[{"kind":"EnumValue","value":"DISTRICT"}]}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"suppressionThreshold"}},{"kind":"Field","name":{"kind":"Name","value":"cells"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"districtCode"}},{"kind":"Field","name":{"kind":"Name","value":"district"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"jobbgarantiKept"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"count"}},{"kind":"Field","name":{"kind":"Name","value":"of"}},{"kind":"Field","name":{"kind":"Name","value":"value"}},{"kind":"Field","name":{"kind":"Name","value":"suppressed"}}]}},{"kind":"Field","name":{"kind":"Name","value":"daysToFirstPlan"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"value"}},{"kind":"Field","name":{"kind":"Name","value":"of"}},{"kind":"Field","name":{"kind":"Name","value":"suppressed"}}]}},{"kind":"Field","name":{"kind":"Name","value":"closedToWorkOrStudiesWithinThreeMonths"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"count"}},{"kind":"Field","name":{"kind":"Name","value":"of"}},{"kind":"Field","name":{"kind":"Name","value":"value"}},{"kind":"Field","name":{"kind":"Name","value":"suppressed"}}]}},{"kind":"Field","name":{"kind":"Name","value":"interventionsByKind"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"people"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"count"}},{"kind":"Field","name":{"kind":"Name","value":"of"}},{"kind":"Field","name":{"kind":"Name","value":"value"}},{"kind":"Field","name":{"kind":"Name","value":"suppressed"}}]}}]}}]}}]}}]}}]} as unknown as DocumentNode<FollowUpDistrictsQuery, FollowUpDistrictsQueryVariables>;
export const IncomeSupportToWorkDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"IncomeSupportToWork"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"from"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"Month"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"to"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"Month"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"incomeSupportToWork"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"filter"},"value":{"kind":"ObjectValue","fields":[{"kind":"ObjectField","name":{"kind":"Name","value":"from"},"value":{"kind":"Variable","name":{"kind":"Name","value":"from"}}},{"kind":"ObjectField","name":{"kind":"Name","value":"to"},"value":{"kind":"Variable","name":{"kind":"Name","value":"to"}}}]}},{"kind":"Argument","name":{"kind":"Name","value":"groupBy"},"value":{"kind":"ListValue","values":[{"kind":"EnumValue","value":"MONTH"}]}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"cells"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"month"}},{"kind":"Field","name":{"kind":"Name","value":"recipients"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"value"}},{"kind":"Field","name":{"kind":"Name","value":"suppressed"}}]}},{"kind":"Field","name":{"kind":"Name","value":"wentToWork"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"count"}},{"kind":"Field","name":{"kind":"Name","value":"of"}},{"kind":"Field","name":{"kind":"Name","value":"value"}},{"kind":"Field","name":{"kind":"Name","value":"suppressed"}}]}},{"kind":"Field","name":{"kind":"Name","value":"backOnIncomeSupportWithinSixMonths"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"count"}},{"kind":"Field","name":{"kind":"Name","value":"of"}},{"kind":"Field","name":{"kind":"Name","value":"value"}},{"kind":"Field","name":{"kind":"Name","value":"suppressed"}}]}}]}}]}}]}}]} as unknown as DocumentNode<IncomeSupportToWorkQuery, IncomeSupportToWorkQueryVariables>;
export const FollowUpMonthlyDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"FollowUpMonthly"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"from"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"Month"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"to"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"Month"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"followUp"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"filter"},"value":{"kind":"ObjectValue","fields":[{"kind":"ObjectField","name":{"kind":"Name","value":"from"},"value":{"kind":"Variable","name":{"kind":"Name","value":"from"}}},{"kind":"ObjectField","name":{"kind":"Name","value":"to"},"value":{"kind":"Variable","name":{"kind":"Name","value":"to"}}}]}},{"kind":"Argument","name":{"kind":"Name","value":"groupBy"},"value":{"kind":"ListValue","values":[{"kind":"EnumValue","value":"MONTH"},{"kind":"EnumValue","value":"REPORTING_GROUP"}]}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"suppressionThreshold"}},{"kind":"Field","name":{"kind":"Name","value":"cells"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"month"}},{"kind":"Field","name":{"kind":"Name","value":"reportingGroup"}},{"kind":"Field","name":{"kind":"Name","value":"enrolled"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"value"}},{"kind":"Field","name":{"kind":"Name","value":"suppressed"}}]}},{"kind":"Field","name":{"kind":"Name","value":"newlyEnrolled"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"value"}},{"kind":"Field","name":{"kind":"Name","value":"suppressed"}}]}},{"kind":"Field","name":{"kind":"Name","value":"closed"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"value"}},{"kind":"Field","name":{"kind":"Name","value":"suppressed"}}]}}]}}]}}]}}]} as unknown as DocumentNode<FollowUpMonthlyQuery, FollowUpMonthlyQueryVariables>;
export const PersonCaseDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"PersonCase"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"personnummer"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"Personnummer"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"person"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"personnummer"},"value":{"kind":"Variable","name":{"kind":"Name","value":"personnummer"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"personnummer"}},{"kind":"Field","name":{"kind":"Name","value":"currentJobbtorgCase"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"version"}},{"kind":"Field","name":{"kind":"Name","value":"unit"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"enrolledOn"}},{"kind":"Field","name":{"kind":"Name","value":"targetGroup"}},{"kind":"Field","name":{"kind":"Name","value":"jobbgaranti"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"deadline"}},{"kind":"Field","name":{"kind":"Name","value":"status"}}]}},{"kind":"Field","name":{"kind":"Name","value":"jobPlan"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"goal"}},{"kind":"Field","name":{"kind":"Name","value":"establishedOn"}}]}}]}}]}}]}}]} as unknown as DocumentNode<PersonCaseQuery, PersonCaseQueryVariables>;
export const AddInterventionDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"AddIntervention"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"AddInterventionInput"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"idempotencyKey"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"addIntervention"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}},{"kind":"Argument","name":{"kind":"Name","value":"idempotencyKey"},"value":{"kind":"Variable","name":{"kind":"Name","value":"idempotencyKey"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"version"}},{"kind":"Field","name":{"kind":"Name","value":"title"}}]}}]}}]} as unknown as DocumentNode<AddInterventionMutation, AddInterventionMutationVariables>;
export const PersonConsentsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"PersonConsents"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"personnummer"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"Personnummer"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"person"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"personnummer"},"value":{"kind":"Variable","name":{"kind":"Name","value":"personnummer"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"personnummer"}},{"kind":"Field","name":{"kind":"Name","value":"consents"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"version"}},{"kind":"Field","name":{"kind":"Name","value":"purpose"}},{"kind":"Field","name":{"kind":"Name","value":"parties"}},{"kind":"Field","name":{"kind":"Name","value":"validFrom"}},{"kind":"Field","name":{"kind":"Name","value":"validTo"}},{"kind":"Field","name":{"kind":"Name","value":"active"}}]}}]}}]}}]} as unknown as DocumentNode<PersonConsentsQuery, PersonConsentsQueryVariables>;
export const WithdrawConsentDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"WithdrawConsent"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"WithdrawConsentInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"withdrawConsent"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"version"}},{"kind":"Field","name":{"kind":"Name","value":"active"}}]}}]}}]} as unknown as DocumentNode<WithdrawConsentMutation, WithdrawConsentMutationVariables>;
export const DistrictMeetingsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"DistrictMeetings"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"districtCode"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"district"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"code"},"value":{"kind":"Variable","name":{"kind":"Name","value":"districtCode"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"infoMeetingQuotaPerWeek"}}]}},{"kind":"Field","alias":{"kind":"Name","value":"adults"},"name":{"kind":"Name","value":"nextFreeInfoMeeting"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"districtCode"},"value":{"kind":"Variable","name":{"kind":"Name","value":"districtCode"}}},{"kind":"Argument","name":{"kind":"Name","value":"audience"},"value":{"kind":"EnumValue","value":"ADULTS"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"startsAt"}},{"kind":"Field","name":{"kind":"Name","value":"placesLeftInWeek"}}]}},{"kind":"Field","alias":{"kind":"Name","value":"youth"},"name":{"kind":"Name","value":"nextFreeInfoMeeting"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"districtCode"},"value":{"kind":"Variable","name":{"kind":"Name","value":"districtCode"}}},{"kind":"Argument","name":{"kind":"Name","value":"audience"},"value":{"kind":"EnumValue","value":"YOUTH"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"startsAt"}},{"kind":"Field","name":{"kind":"Name","value":"placesLeftInWeek"}}]}}]}}]} as unknown as DocumentNode<DistrictMeetingsQuery, DistrictMeetingsQueryVariables>;
export const DeskPersonPlanDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"DeskPersonPlan"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"personnummer"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"Personnummer"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"from"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"Date"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"to"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"Date"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"person"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"personnummer"},"value":{"kind":"Variable","name":{"kind":"Name","value":"personnummer"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"personnummer"}},{"kind":"Field","name":{"kind":"Name","value":"givenName"}},{"kind":"Field","name":{"kind":"Name","value":"familyName"}},{"kind":"Field","name":{"kind":"Name","value":"birthDate"}},{"kind":"Field","name":{"kind":"Name","value":"sharedPlan"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"from"},"value":{"kind":"Variable","name":{"kind":"Name","value":"from"}}},{"kind":"Argument","name":{"kind":"Name","value":"to"},"value":{"kind":"Variable","name":{"kind":"Name","value":"to"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"SharedPlanFields"}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"PlanConflictFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"PlanConflict"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"state"}},{"kind":"Field","name":{"kind":"Name","value":"version"}},{"kind":"Field","name":{"kind":"Name","value":"agencies"}},{"kind":"Field","name":{"kind":"Name","value":"otherAgencies"}},{"kind":"Field","name":{"kind":"Name","value":"weeks"}},{"kind":"Field","name":{"kind":"Name","value":"message"}},{"kind":"Field","name":{"kind":"Name","value":"note"}},{"kind":"Field","name":{"kind":"Name","value":"expectedSettledOn"}},{"kind":"Field","name":{"kind":"Name","value":"acceptedBy"}},{"kind":"Field","name":{"kind":"Name","value":"acceptanceReason"}},{"kind":"Field","name":{"kind":"Name","value":"stateChangedAt"}},{"kind":"Field","name":{"kind":"Name","value":"history"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"version"}},{"kind":"Field","name":{"kind":"Name","value":"event"}},{"kind":"Field","name":{"kind":"Name","value":"state"}},{"kind":"Field","name":{"kind":"Name","value":"at"}},{"kind":"Field","name":{"kind":"Name","value":"agency"}},{"kind":"Field","name":{"kind":"Name","value":"organisation"}},{"kind":"Field","name":{"kind":"Name","value":"user"}},{"kind":"Field","name":{"kind":"Name","value":"note"}},{"kind":"Field","name":{"kind":"Name","value":"expectedSettledOn"}},{"kind":"Field","name":{"kind":"Name","value":"reason"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"SharedPlanFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"SharedPlan"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"from"}},{"kind":"Field","name":{"kind":"Name","value":"to"}},{"kind":"Field","name":{"kind":"Name","value":"weeks"}},{"kind":"Field","name":{"kind":"Name","value":"activities"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"agency"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"category"}},{"kind":"Field","name":{"kind":"Name","value":"title"}},{"kind":"Field","name":{"kind":"Name","value":"provider"}},{"kind":"Field","name":{"kind":"Name","value":"startDate"}},{"kind":"Field","name":{"kind":"Name","value":"endDate"}},{"kind":"Field","name":{"kind":"Name","value":"hoursPerWeek"}},{"kind":"Field","name":{"kind":"Name","value":"schedule"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"weekday"}},{"kind":"Field","name":{"kind":"Name","value":"startTime"}},{"kind":"Field","name":{"kind":"Name","value":"endTime"}}]}},{"kind":"Field","name":{"kind":"Name","value":"status"}}]}},{"kind":"Field","name":{"kind":"Name","value":"conflicts"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"PlanConflictFields"}},{"kind":"Field","name":{"kind":"Name","value":"activityIds"}},{"kind":"Field","name":{"kind":"Name","value":"contextIds"}}]}}]}}]} as unknown as DocumentNode<DeskPersonPlanQuery, DeskPersonPlanQueryVariables>;
export const CoachWorklistsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"CoachWorklists"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"unitCode"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"from"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"Date"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"to"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"Date"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"casesWithoutPlan"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"filter"},"value":{"kind":"ObjectValue","fields":[{"kind":"ObjectField","name":{"kind":"Name","value":"unitCode"},"value":{"kind":"Variable","name":{"kind":"Name","value":"unitCode"}}}]}},{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"50"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalCount"}},{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"enrolledOn"}},{"kind":"Field","name":{"kind":"Name","value":"person"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"personnummer"}},{"kind":"Field","name":{"kind":"Name","value":"givenName"}},{"kind":"Field","name":{"kind":"Name","value":"familyName"}}]}},{"kind":"Field","name":{"kind":"Name","value":"jobbgaranti"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"deadline"}},{"kind":"Field","name":{"kind":"Name","value":"status"}}]}}]}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"jobbgarantiBreaches"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"filter"},"value":{"kind":"ObjectValue","fields":[{"kind":"ObjectField","name":{"kind":"Name","value":"unitCode"},"value":{"kind":"Variable","name":{"kind":"Name","value":"unitCode"}}},{"kind":"ObjectField","name":{"kind":"Name","value":"from"},"value":{"kind":"Variable","name":{"kind":"Name","value":"from"}}},{"kind":"ObjectField","name":{"kind":"Name","value":"to"},"value":{"kind":"Variable","name":{"kind":"Name","value":"to"}}}]}},{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"50"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalCount"}},{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"enrolledOn"}},{"kind":"Field","name":{"kind":"Name","value":"person"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"personnummer"}},{"kind":"Field","name":{"kind":"Name","value":"givenName"}},{"kind":"Field","name":{"kind":"Name","value":"familyName"}}]}},{"kind":"Field","name":{"kind":"Name","value":"jobbgaranti"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"deadline"}},{"kind":"Field","name":{"kind":"Name","value":"planEstablishedOn"}}]}}]}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"referrals"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"filter"},"value":{"kind":"ObjectValue","fields":[{"kind":"ObjectField","name":{"kind":"Name","value":"status"},"value":{"kind":"EnumValue","value":"BOOKED"}}]}},{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"50"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalCount"}},{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"referredAt"}},{"kind":"Field","name":{"kind":"Name","value":"person"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"personnummer"}},{"kind":"Field","name":{"kind":"Name","value":"givenName"}},{"kind":"Field","name":{"kind":"Name","value":"familyName"}}]}},{"kind":"Field","name":{"kind":"Name","value":"district"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"infoMeeting"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"startsAt"}}]}}]}}]}}]}}]}}]} as unknown as DocumentNode<CoachWorklistsQuery, CoachWorklistsQueryVariables>;