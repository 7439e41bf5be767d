/**
 * The kinds the shared plan reads in the agencies' own records. Each is the schema enum of
 * the same name in the subgraph that owns it; lib/ imports no subgraph, so they are
 * declared here, and test/unit/plan/kinds.test.ts fails the type check when one differs from
 * the generated enum (a subgraph adds a kind, the plan must say what it is for).
 */

/** Jobbtorg's `InterventionKind`. */
export type InterventionKind =
  | 'ACTIVE_JOB_SEARCH'
  | 'START_UP_GROUP'
  | 'COMMUNICATION_COURSE'
  | 'MATCHING'
  | 'WORK_PLACEMENT'
  | 'VOCATIONAL_COURSE';

/** Arbetsförmedlingen's `AfActivityKind` (partners). */
export type AfActivityKind = 'JOB_SEARCH' | 'LABOUR_MARKET_TRAINING' | 'WORK_PLACEMENT' | 'CIVIC_ORIENTATION' | 'VALIDATION' | 'ASSESSMENT';

/** Etablering Stockholm's `EstablishmentService` (partners). */
export type EstablishmentService = 'MENTORSHIP' | 'WORKING_LIFE_INTRODUCTION' | 'HEALTH_SUPPORT' | 'WORKPLACE_LANGUAGE_SUPPORT';

/** Arbetsförmedlingen's `AfProgramme` (partners); `NONE` is a job seeker in no programme. */
export type AfProgramme = 'ESTABLISHMENT_PROGRAMME' | 'JOB_AND_DEVELOPMENT_GUARANTEE' | 'YOUTH_JOB_GUARANTEE' | 'NONE';

/** The programmes a person takes part in: each is an item of the shared plan; `NONE` is none. */
export type AfProgrammeKind = Exclude<AfProgramme, 'NONE'>;

/** Jobbtorg's `ClosureReason`. */
export type ClosureReason = 'WORK' | 'STUDIES' | 'AF_PROGRAMME' | 'OTHER' | 'UNKNOWN';

/** Jobbtorg's `JobbgarantiStatus`. */
export type JobbgarantiStatus = 'PENDING' | 'KEPT' | 'BREACHED';
