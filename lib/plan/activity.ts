import type { WeeklySlot } from '../schedule';
import type { AfActivityKind, AfProgramme, AfProgrammeKind, ClosureReason, EstablishmentService, InterventionKind, JobbgarantiStatus } from './kinds';
import type { ActivityStatus } from './status';

/**
 * One person's plan as every agency has made it, in one shape: the input of the conflict
 * rules (./conflicts.ts) and the rows of `Person.sharedPlan`. Pure data, no I/O: whoever
 * gathers the activities from the subgraphs turns them into `PlannedItem`s (an
 * Arbetsförmedlingen programme among them: it is planned time too) and the facts that are
 * not activities (a case's jobbgaranti and closure) into a `PlanContext`.
 *
 * Dates are `YYYY-MM-DD` (lib/scalars/calendar.ts), times `HH:MM` (lib/schedule.ts).
 */

/**
 * The agencies (the schema's `PlanAgency`), in the order messages and sorted lists use:
 * the organisations that plan a person's weeks.
 */
export const AGENCIES = ['JOBBTORG', 'ARBETSFORMEDLINGEN', 'SFI', 'ETABLERING_PROVIDER', 'SOCIAL_SERVICES'] as const;

/** Full time, in hours a week, unless the reader says otherwise (`fullTimeHours`). */
export const DEFAULT_FULL_TIME_HOURS = 40;

/** Who planned an activity. */
export type Agency = (typeof AGENCIES)[number];

/** Each agency's own kinds, as its subgraph's schema names them (./kinds.ts). */
export interface KindsByAgency {
  JOBBTORG: InterventionKind;
  /** Its planned activities, and the programme a registration is in (category `PROGRAMME`). */
  ARBETSFORMEDLINGEN: AfActivityKind | AfProgrammeKind;
  /** An Sfi enrolment is one kind; its course (A–D) belongs in the title. */
  SFI: 'SFI_COURSE';
  ETABLERING_PROVIDER: EstablishmentService;
  /** The district's trepartssamtal, a one-off meeting. */
  SOCIAL_SERVICES: 'THREE_PARTY_MEETING';
}

/**
 * What an activity is for, across agencies (the schema's `PlanCategory`): two agencies planning activities of the same
 * category for the same weeks have planned the same thing twice (`DUPLICATE_KIND`).
 * A category only one agency plans (e.g. `START_UP`) can never be duplicated;
 * it is its own category so the timeline can still group by it.
 */
export type ActivityCategory =
  | 'JOB_SEARCH'
  | 'MATCHING'
  | 'WORK_PLACEMENT'
  | 'VOCATIONAL_TRAINING'
  | 'SWEDISH_FOR_IMMIGRANTS'
  | 'SWEDISH_FOR_WORK'
  | 'LANGUAGE_SUPPORT_AT_WORK'
  | 'START_UP'
  | 'WORKING_LIFE_INTRODUCTION'
  | 'CIVIC_ORIENTATION'
  | 'ASSESSMENT'
  | 'VALIDATION'
  | 'MENTORSHIP'
  | 'HEALTH'
  | 'MEETING'
  | 'PROGRAMME';

/**
 * Each agency's kinds mapped to categories. The reasons, where two kinds meet or do not:
 *
 * | agency | kind | category | why |
 * |---|---|---|---|
 * | Jobbtorg | ACTIVE_JOB_SEARCH | JOB_SEARCH | AF's JOB_SEARCH is the same activity |
 * | Jobbtorg | MATCHING | MATCHING | matching against vacancies, not the person's own search |
 * | Jobbtorg | WORK_PLACEMENT | WORK_PLACEMENT | praktik = AF's arbetspraktik |
 * | Jobbtorg | VOCATIONAL_COURSE | VOCATIONAL_TRAINING | = AF's arbetsmarknadsutbildning |
 * | Jobbtorg | COMMUNICATION_COURSE | SWEDISH_FOR_WORK | a course in Swedish for working life, given *beside* Sfi on purpose, so not SWEDISH_FOR_IMMIGRANTS |
 * | Jobbtorg | START_UP_GROUP | START_UP | introduction to Jobbtorg itself; nobody else runs it |
 * | Arbetsförmedlingen | JOB_SEARCH | JOB_SEARCH | |
 * | Arbetsförmedlingen | WORK_PLACEMENT | WORK_PLACEMENT | |
 * | Arbetsförmedlingen | LABOUR_MARKET_TRAINING | VOCATIONAL_TRAINING | |
 * | Arbetsförmedlingen | CIVIC_ORIENTATION | CIVIC_ORIENTATION | samhällsorientering, about society, not work |
 * | Arbetsförmedlingen | ASSESSMENT | ASSESSMENT | kartläggning |
 * | Arbetsförmedlingen | VALIDATION | VALIDATION | |
 * | Arbetsförmedlingen | ESTABLISHMENT_PROGRAMME, JOB_AND_DEVELOPMENT_GUARANTEE, YOUTH_JOB_GUARANTEE | PROGRAMME | the programme itself, planned time at its extent; only Arbetsförmedlingen plans one, so never a duplicate |
 * | Sfi | SFI_COURSE | SWEDISH_FOR_IMMIGRANTS | |
 * | Etablering Stockholm | WORKPLACE_LANGUAGE_SUPPORT | LANGUAGE_SUPPORT_AT_WORK | support on the job, not a course: no duplicate of the communication course |
 * | Etablering Stockholm | WORKING_LIFE_INTRODUCTION | WORKING_LIFE_INTRODUCTION | to Swedish working life, not to an agency's services |
 * | Etablering Stockholm | MENTORSHIP | MENTORSHIP | |
 * | Etablering Stockholm | HEALTH_SUPPORT | HEALTH | |
 * | Socialtjänsten | THREE_PARTY_MEETING | MEETING | |
 *
 * The `Record` types make the type check fail when a kind of ./kinds.ts lacks a row here,
 * and test/unit/plan/kinds.test.ts when a subgraph's schema adds a kind that ./kinds.ts lacks.
 */
export const CATEGORIES: { readonly [A in Agency]: Readonly<Record<KindsByAgency[A], ActivityCategory>> } = {
  JOBBTORG: {
    ACTIVE_JOB_SEARCH: 'JOB_SEARCH',
    MATCHING: 'MATCHING',
    WORK_PLACEMENT: 'WORK_PLACEMENT',
    VOCATIONAL_COURSE: 'VOCATIONAL_TRAINING',
    COMMUNICATION_COURSE: 'SWEDISH_FOR_WORK',
    START_UP_GROUP: 'START_UP',
  },
  ARBETSFORMEDLINGEN: {
    JOB_SEARCH: 'JOB_SEARCH',
    WORK_PLACEMENT: 'WORK_PLACEMENT',
    LABOUR_MARKET_TRAINING: 'VOCATIONAL_TRAINING',
    CIVIC_ORIENTATION: 'CIVIC_ORIENTATION',
    ASSESSMENT: 'ASSESSMENT',
    VALIDATION: 'VALIDATION',
    ESTABLISHMENT_PROGRAMME: 'PROGRAMME',
    JOB_AND_DEVELOPMENT_GUARANTEE: 'PROGRAMME',
    YOUTH_JOB_GUARANTEE: 'PROGRAMME',
  },
  SFI: { SFI_COURSE: 'SWEDISH_FOR_IMMIGRANTS' },
  ETABLERING_PROVIDER: {
    WORKPLACE_LANGUAGE_SUPPORT: 'LANGUAGE_SUPPORT_AT_WORK',
    WORKING_LIFE_INTRODUCTION: 'WORKING_LIFE_INTRODUCTION',
    MENTORSHIP: 'MENTORSHIP',
    HEALTH_SUPPORT: 'HEALTH',
  },
  SOCIAL_SERVICES: { THREE_PARTY_MEETING: 'MEETING' },
};

/** The category of an agency's kind (see `CATEGORIES`). */
export function categoryOf<A extends Agency>(agency: A, kind: KindsByAgency[A]): ActivityCategory {
  return (CATEGORIES[agency] as Record<string, ActivityCategory>)[kind];
}

/**
 * Categories that are studies: what a closure to work contradicts when it takes working
 * hours (`CONTRADICTING_GOALS`). Swedish for work and language support at work go with
 * work, so they are not here.
 */
export const STUDY_CATEGORIES: readonly ActivityCategory[] = ['SWEDISH_FOR_IMMIGRANTS', 'VOCATIONAL_TRAINING'];

/** Where an activity stands (./status.ts); informative for the timeline, the rules go by the dates. */
export type PlannedItemStatus = ActivityStatus;

/**
 * One planned activity of one agency. Build it from the owning subgraph's record:
 * an intervention, an AF planned activity, an Sfi enrolment, a provider assignment, a
 * three-party meeting (one day, `hoursPerWeek` its length, one slot), or an AF programme
 * (category `PROGRAMME`, its `extentPercent` given, no schedule).
 */
export type PlannedItem = { [A in Agency]: PlannedItemOf<A> }[Agency];

/** A `PlannedItem` of one agency, whose `kind` is that agency's own. */
export interface PlannedItemOf<A extends Agency> {
  /** Globally unique, `<subgraph>:<type>:<id>`, e.g. `jobbtorg:intervention:12`. */
  id: string;
  agency: A;
  /** The agency's own kind, e.g. `WORK_PLACEMENT` for Jobbtorg. */
  kind: KindsByAgency[A];
  /** `categoryOf(agency, kind)`; the rules trust it. */
  category: ActivityCategory;
  /** As the agency titles it, e.g. `Praktik på Coop`. */
  title: string;
  /** Who delivers it, by name (e.g. `Sfi Stockholm Kista`); messages name it before the agency. */
  provider?: string | null;
  /** First day it runs. */
  startDate: string;
  /**
   * Last day it runs, or null when open-ended. For an activity ended early, the day it
   * ended (`endedOn`); one ended before its start never runs and conflicts with nothing.
   */
  endDate: string | null;
  /** Planned hours a week in a week it runs throughout. */
  hoursPerWeek: number;
  /** Weekly time slots; empty when the times are not fixed (no slot can then overlap). */
  schedule: readonly WeeklySlot[];
  status: PlannedItemStatus;
  /**
   * A programme's extent in percent of full time (omfattning), 1–100: the rules count it as
   * that share of full time, not by `hoursPerWeek`. Required on a `PROGRAMME`, null on anything else.
   */
  extentPercent: number | null;
  /**
   * The id of the programme item this activity is part of: Arbetsförmedlingen's own
   * activities of the registration, and what it recorded as part of the programme (an Sfi
   * course, a provider's service). Its hours then count within the programme's, not on top.
   * Null when it is part of none.
   */
  partOf: string | null;
}

/** Whether an item is an Arbetsförmedlingen programme (which the rules count by its extent). */
export function isProgramme(item: Pick<PlannedItem, 'category'>): boolean {
  return item.category === 'PROGRAMME';
}

/** A Jobbtorg case's facts the rules read: its jobbgaranti and its closure. */
export interface JobbtorgCaseFacts {
  /** e.g. `jobbtorg:case:7`; conflicts name it in `contextIds`. */
  id: string;
  /** Day of enrolment (inskrivning); a later enrolment ends what an earlier closure says. */
  enrolledOn: string;
  jobbgaranti: {
    /** Last day on which the plan keeps the promise. */
    deadline: string;
    /** The day the job plan came; null while there is none. */
    planEstablishedOn: string | null;
    /** As Jobbtorg judges it today (its domain rule `jobbgarantiStatus`). */
    status: JobbgarantiStatus;
  };
  /** The closure (avslut), once the case is closed. */
  closure: { closedOn: string; reason: ClosureReason } | null;
}

/** What the plan's rules need to know that is not an activity. Leave a list empty when unknown. */
export interface PlanContext {
  jobbtorgCases: readonly JobbtorgCaseFacts[];
}

/** Swedish names for messages. */
export const AGENCY_NAMES: Readonly<Record<Agency, string>> = {
  JOBBTORG: 'Jobbtorg',
  ARBETSFORMEDLINGEN: 'Arbetsförmedlingen',
  SFI: 'Sfi',
  ETABLERING_PROVIDER: 'Etablering Stockholm',
  SOCIAL_SERVICES: 'socialtjänsten',
};

/** Swedish names of the categories, as a message says "båda är …". */
export const CATEGORY_NAMES: Readonly<Record<ActivityCategory, string>> = {
  JOB_SEARCH: 'jobbsökande',
  MATCHING: 'matchning',
  WORK_PLACEMENT: 'praktik',
  VOCATIONAL_TRAINING: 'yrkesutbildning',
  SWEDISH_FOR_IMMIGRANTS: 'sfi',
  SWEDISH_FOR_WORK: 'svenska för arbetslivet',
  LANGUAGE_SUPPORT_AT_WORK: 'språkstöd på arbetsplatsen',
  START_UP: 'uppstartsgrupp',
  WORKING_LIFE_INTRODUCTION: 'arbetslivsintroduktion',
  CIVIC_ORIENTATION: 'samhällsorientering',
  ASSESSMENT: 'kartläggning',
  VALIDATION: 'validering',
  MENTORSHIP: 'mentorskap',
  HEALTH: 'hälsostöd',
  MEETING: 'möte',
  PROGRAMME: 'arbetsmarknadspolitiskt program',
};

/** Swedish names of Arbetsförmedlingen's programmes. */
export const PROGRAMME_NAMES: Readonly<Record<AfProgramme, string>> = {
  ESTABLISHMENT_PROGRAMME: 'Etableringsprogrammet',
  JOB_AND_DEVELOPMENT_GUARANTEE: 'Jobb- och utvecklingsgarantin',
  YOUTH_JOB_GUARANTEE: 'Jobbgarantin för ungdomar',
  NONE: 'inget program',
};

/** How a message names an activity: its title, then who delivers it or else the agency. */
export function labelOf(item: PlannedItem): string {
  return `${item.title} (${item.provider ?? AGENCY_NAMES[item.agency]})`;
}
