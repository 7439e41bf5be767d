import { OrganisationKind } from '../lib/auth/organisations';

/**
 * The fields each partner organisation may ask for, as schema coordinates (`Type.field`,
 * root fields as `Query.person`, `Mutation.registerJobSeeker`). This is data, reviewed like
 * the access matrix it comes from (docs/access-matrix.md, *Fields a partner organisation
 * may ask for*); `field-allowlist-plugin.ts` enforces it at the gateway.
 *
 * An agency gets its own records and the mutations that write them, the person's identity,
 * the shared plan (where the subgraph shows it only what the person's consent covers) and
 * the public reference data its records point at. Nothing else: no income-support
 * decisions, consents, referrals, three-party meetings, Jobbtorg's cases, statistics or audit
 * log. Its own records include who of its own staff recorded and changed them (`recordedBy`,
 * `changedBy`: the verified user, which a write answers with). A field added to the schema
 * is refused to every partner until it is added here, which is the point of an allowlist.
 * The subgraphs still decide which rows a field returns; this decides only which fields a
 * partner may name.
 */

/** The organisation kinds held to an allowlist. The city's own (DISTRICT, JOBBTORG, CITY) are not. */
export type PartnerKind = Extract<OrganisationKind, 'AF' | 'MIGRATIONSVERKET' | 'SFI' | 'PROVIDER'>;

/** `fieldsOf('Person', 'givenName familyName')` is `['Person.givenName', 'Person.familyName']`. */
function fieldsOf(type: string, names: string): string[] {
  return names.split(/\s+/).filter(Boolean).map((name) => `${type}.${name}`);
}

/** Who the person is: what every agency needs to know it has the right person. */
const IDENTITY = [...fieldsOf('Query', 'person'), ...fieldsOf('Person', 'personnummer givenName familyName birthDate')];

/** The shared plan, which the jobbtorg subgraph narrows to the agencies the person's consent names. */
const SHARED_PLAN = [
  ...fieldsOf('Person', 'sharedPlan'),
  ...fieldsOf('SharedPlan', 'from to weeks activities conflicts'),
  ...fieldsOf('PlanItem', 'id agency kind category title provider startDate endDate hoursPerWeek schedule status extentPercent partOf version changedBy'),
  ...fieldsOf(
    'PlanConflict',
    'id kind activityIds contextIds agencies otherAgencies person weeks message state version foundAt stateChangedAt settledAt note expectedSettledOn acceptedBy acceptanceReason resolvedBy history',
  ),
  ...fieldsOf('PlanConflictEvent', 'version event state at agency organisation user note expectedSettledOn reason change'),
  ...fieldsOf('PlanConflictChange', 'recordId agency version changedBy'),
];

/**
 * The conflicts that involve the agency, without asking (the jobbtorg subgraph shows only
 * those it sees whole), and the actions an involved agency takes on them. Not the
 * three-party meeting a conflict was agreed at: meetings are social services' records.
 */
const PLAN_CONFLICTS = [
  ...fieldsOf('Query', 'planConflictInbox'),
  ...fieldsOf('PlanConflictConnection', 'edges pageInfo totalCount'),
  ...fieldsOf('PlanConflictEdge', 'cursor node'),
  ...fieldsOf('Mutation', 'acknowledgePlanConflict acceptPlanConflict withdrawPlanConflictAcceptance'),
];

/** Public reference data: districts, Jobbtorg units, agencies and providers (no info meetings, no quotas). */
const REFERENCE_DATA = [
  ...fieldsOf('Query', 'districts district jobbtorgUnits jobbtorgUnit agencies providers provider'),
  ...fieldsOf('District', 'code name'),
  ...fieldsOf('JobbtorgUnit', 'code name parent branches districts youthOnly'),
  ...fieldsOf('Agency', 'code name providers'),
  ...fieldsOf('Provider', 'id name kind agency organisationNumber'),
];

/** What several records share: weekly times and a Relay page's cursor. */
const COMMON = [...fieldsOf('WeeklySlot', 'weekday startTime endTime'), ...fieldsOf('PageInfo', 'hasNextPage endCursor')];

const EVERY_PARTNER = [...IDENTITY, ...SHARED_PLAN, ...PLAN_CONFLICTS, ...REFERENCE_DATA, ...COMMON];

/** The allowlist of each partner kind, by kind. */
export const FIELD_ALLOWLIST: Readonly<Record<PartnerKind, ReadonlySet<string>>> = Object.freeze({
  // Arbetsförmedlingen: registrations as a job seeker, the activities planned under them and
  // what it recorded as part of a programme (which names the other agency's record only).
  AF: new Set([
    ...EVERY_PARTNER,
    ...fieldsOf('Person', 'jobSeekerRegistrations'),
    ...fieldsOf(
      'JobSeekerRegistration',
      'id version registeredOn office programme programmeFrom programmeTo programmeExtentPercent plannedActivities programmeParts person recordedBy changedBy',
    ),
    ...fieldsOf('ProgrammePart', 'kind recordId planItemId recordedBy'),
    ...fieldsOf('PlannedActivity', 'id version kind title provider startDate endDate endedOn hoursPerWeek schedule recordedBy changedBy'),
    ...fieldsOf(
      'Mutation',
      'registerJobSeeker changeJobSeekerRegistration addPlannedActivity changePlannedActivity endPlannedActivity addProgrammePart removeProgrammePart',
    ),
  ]),
  // Migrationsverket: residence permits and the municipality reception, and what follows from it (newly arrived).
  MIGRATIONSVERKET: new Set([
    ...EVERY_PARTNER,
    ...fieldsOf('Person', 'residencePermits municipalityReception municipalityReceptionDate newlyArrived'),
    ...fieldsOf('ResidencePermit', 'id kind grantedOn validUntil person recordedBy'),
    ...fieldsOf('MunicipalityReception', 'receivedOn version person recordedBy changedBy'),
    ...fieldsOf('Mutation', 'recordResidencePermit recordMunicipalityReception'),
  ]),
  // An Sfi school: its enrolments, one by one and as the school's list.
  SFI: new Set([
    ...EVERY_PARTNER,
    ...fieldsOf('Person', 'sfiEnrolments'),
    ...fieldsOf('SfiEnrolment', 'id version person school course studyPath startDate endDate hoursPerWeek schedule recordedBy changedBy'),
    ...fieldsOf('Query', 'sfiEnrolments'),
    ...fieldsOf('SfiEnrolmentConnection', 'edges pageInfo totalCount'),
    ...fieldsOf('SfiEnrolmentEdge', 'cursor node'),
    ...fieldsOf('Mutation', 'enrolInSfi changeSfiEnrolment'),
  ]),
  // An Etablering Stockholm provider, the least: its assignments, and the plan items of the people assigned to it.
  PROVIDER: new Set([
    ...EVERY_PARTNER,
    ...fieldsOf('Person', 'providerAssignments'),
    ...fieldsOf('ProviderAssignment', 'id version person provider service startDate endDate hoursPerWeek schedule recordedBy changedBy'),
    ...fieldsOf('Query', 'providerAssignments'),
    ...fieldsOf('ProviderAssignmentConnection', 'edges pageInfo totalCount'),
    ...fieldsOf('ProviderAssignmentEdge', 'cursor node'),
    ...fieldsOf('Mutation', 'assignProvider changeProviderAssignment'),
  ]),
});

/** The allowlist `kind` is held to, or undefined for the city's own organisations, which are not. */
export function allowlistOf(kind: OrganisationKind | undefined): ReadonlySet<string> | undefined {
  return kind && kind in FIELD_ALLOWLIST ? FIELD_ALLOWLIST[kind as PartnerKind] : undefined;
}
