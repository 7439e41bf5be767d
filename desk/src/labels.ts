import type { InterventionKind } from './gql/graphql';

/** Jobbtorg's kinds of intervention (insats), as coaches and the follow-up name them. */
export const INTERVENTION_KINDS: Record<InterventionKind, string> = {
  ACTIVE_JOB_SEARCH: 'Aktivt jobbsökande',
  START_UP_GROUP: 'Startgrupp',
  COMMUNICATION_COURSE: 'Kommunikationskurs',
  MATCHING: 'Matchning',
  WORK_PLACEMENT: 'Praktik',
  VOCATIONAL_COURSE: 'Yrkeskurs',
};
