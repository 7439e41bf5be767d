import { AfActivityKind, EstablishmentService, InterventionKind, ProviderKind } from './rows';
import { Slot, slots } from './timetable';
import { Origin } from './names';

/**
 * What the agencies plan, as their records would name it: Swedish titles, usual durations
 * and the weekly schedules a coach or officer picks between. Each entry lists several
 * schedules so that a plan can be fitted around what other agencies already planned.
 */

export interface ActivityTemplate<K extends string> {
  kind: K;
  titles: readonly string[];
  /** Provider kinds that deliver it; null when the agency itself does. */
  providers: readonly ProviderKind[] | null;
  weeks: readonly [number, number];
  /** Candidate weekly schedules; an empty one means no fixed times. */
  schedules: readonly (readonly Slot[])[];
  /** Hours a week when there are no fixed times. */
  unscheduledHours: number;
  /**
   * What counts as the same activity planned by two agencies (matching kinds share a
   * class); null when nothing else duplicates it.
   */
  duplicateClass: string | null;
}

const MON_WED = ['MONDAY', 'WEDNESDAY'] as const;
const TUE_THU = ['TUESDAY', 'THURSDAY'] as const;
const MON_THU = ['MONDAY', 'TUESDAY', 'WEDNESDAY', 'THURSDAY'] as const;
const MON_FRI = ['MONDAY', 'TUESDAY', 'WEDNESDAY', 'THURSDAY', 'FRIDAY'] as const;

/** Jobbtorg's interventions (insatser), in the order a plan usually takes them. */
export const INTERVENTIONS: Record<InterventionKind, ActivityTemplate<InterventionKind>> = {
  START_UP_GROUP: {
    kind: 'START_UP_GROUP',
    titles: ['Uppstartsgrupp', 'Uppstartsgrupp: introduktion till Jobbtorg', 'Uppstartsgrupp med kartläggning'],
    providers: null,
    weeks: [2, 4],
    schedules: [slots(MON_WED, '09:00', '12:00'), slots(MON_WED, '13:00', '16:00'), slots(TUE_THU, '09:00', '12:00'), slots(TUE_THU, '13:00', '16:00')],
    unscheduledHours: 0,
    duplicateClass: null,
  },
  ACTIVE_JOB_SEARCH: {
    kind: 'ACTIVE_JOB_SEARCH',
    titles: ['Aktivt jobbsökande', 'Jobbsökarverkstad', 'CV- och intervjuträning', 'Aktivt jobbsökande med coach'],
    providers: null,
    weeks: [6, 16],
    schedules: [slots(TUE_THU, '13:00', '16:00'), slots(TUE_THU, '09:00', '12:00'), slots(MON_WED, '13:00', '16:00'), slots(MON_WED, '09:00', '12:00')],
    unscheduledHours: 0,
    duplicateClass: 'JOB_SEARCH',
  },
  MATCHING: {
    kind: 'MATCHING',
    titles: ['Matchning mot lediga jobb', 'Matchning mot rekryteringsträffar', 'Matchning mot jobb inom vård och omsorg', 'Matchning mot extratjänster i staden'],
    providers: null,
    weeks: [8, 20],
    schedules: [[]],
    unscheduledHours: 4,
    duplicateClass: null,
  },
  COMMUNICATION_COURSE: {
    kind: 'COMMUNICATION_COURSE',
    titles: ['Kommunikationskurs med Sfi', 'Kommunikation på arbetsplatsen', 'Svenska i arbetslivet', 'Yrkessvenska'],
    providers: ['SFI_SCHOOL', 'COURSE_PROVIDER'],
    weeks: [6, 10],
    schedules: [slots(['FRIDAY'], '09:00', '13:00'), slots(['FRIDAY'], '13:00', '17:00'), slots(TUE_THU, '13:00', '16:00')],
    unscheduledHours: 0,
    duplicateClass: null,
  },
  VOCATIONAL_COURSE: {
    kind: 'VOCATIONAL_COURSE',
    titles: ['Truckkort A+B', 'Lokalvårdsutbildning', 'Hygienkurs för livsmedelshantering', 'Introduktion till vård och omsorg', 'Kassa- och butiksutbildning', 'Lager och logistik, grundkurs'],
    providers: ['COURSE_PROVIDER'],
    weeks: [2, 6],
    schedules: [slots(MON_FRI, '08:00', '16:00'), slots(MON_THU, '13:00', '17:00'), slots(MON_THU, '08:00', '12:00')],
    unscheduledHours: 0,
    duplicateClass: 'TRAINING',
  },
  WORK_PLACEMENT: {
    kind: 'WORK_PLACEMENT',
    titles: [
      'Praktik på ICA Kvantum',
      'Praktik på Coop',
      'Praktik på äldreboende',
      'Praktik på förskola',
      'Praktik i lager',
      'Praktik på restaurang',
      'Praktik inom lokalvård',
      'Praktik i second hand-butik',
    ],
    providers: null,
    weeks: [8, 12],
    schedules: [slots(MON_FRI, '08:00', '16:00'), slots(MON_FRI, '08:00', '12:00'), slots(MON_THU, '13:00', '17:00'), slots(MON_FRI, '13:00', '17:00')],
    unscheduledHours: 0,
    duplicateClass: 'PLACEMENT',
  },
};

/** The language civic orientation (samhällsorientering) is given in, by origin. */
export const CIVIC_ORIENTATION_LANGUAGE: Partial<Record<Origin, string>> = {
  syrian: 'arabiska',
  iraqi: 'arabiska',
  somali: 'somaliska',
  eritrean: 'tigrinja',
  afghan: 'dari',
  iranian: 'persiska',
  kurdish: 'sorani',
  ethiopian: 'amhariska',
};

/** Arbetsförmedlingen's planned activities (planerade aktiviteter). */
export const AF_ACTIVITIES: Record<AfActivityKind, ActivityTemplate<AfActivityKind>> = {
  ASSESSMENT: {
    kind: 'ASSESSMENT',
    titles: ['Kartläggning av utbildning och yrkeserfarenhet'],
    providers: null,
    weeks: [4, 8],
    schedules: [[]],
    unscheduledHours: 4,
    duplicateClass: null,
  },
  CIVIC_ORIENTATION: {
    kind: 'CIVIC_ORIENTATION',
    // The language is appended per person.
    titles: ['Samhällsorientering på'],
    providers: null,
    weeks: [10, 14],
    schedules: [slots(['FRIDAY'], '09:00', '12:00'), slots(['FRIDAY'], '13:00', '16:00'), slots(['WEDNESDAY'], '13:00', '16:00')],
    unscheduledHours: 0,
    duplicateClass: null,
  },
  VALIDATION: {
    kind: 'VALIDATION',
    titles: ['Validering av yrkeskunskaper', 'Validering inom bygg och anläggning', 'Validering inom vård och omsorg'],
    providers: ['COMPLEMENTARY_ACTOR'],
    weeks: [4, 8],
    schedules: [slots(['FRIDAY'], '13:00', '16:00'), slots(['WEDNESDAY'], '09:00', '12:00')],
    unscheduledHours: 0,
    duplicateClass: null,
  },
  WORK_PLACEMENT: {
    kind: 'WORK_PLACEMENT',
    titles: ['Arbetspraktik via Arbetsförmedlingen', 'Arbetspraktik inom handel', 'Arbetspraktik inom vård och omsorg'],
    providers: null,
    weeks: [8, 12],
    schedules: [slots(MON_THU, '13:00', '17:00'), slots(MON_FRI, '08:00', '12:00')],
    unscheduledHours: 0,
    duplicateClass: 'PLACEMENT',
  },
  LABOUR_MARKET_TRAINING: {
    kind: 'LABOUR_MARKET_TRAINING',
    titles: ['Arbetsmarknadsutbildning: lager och truck', 'Arbetsmarknadsutbildning: barnskötare', 'Arbetsmarknadsutbildning: lokalvård', 'Arbetsmarknadsutbildning: bussförare'],
    providers: ['COURSE_PROVIDER'],
    weeks: [12, 20],
    schedules: [slots(MON_FRI, '08:00', '16:00'), slots(MON_THU, '13:00', '17:00')],
    unscheduledHours: 0,
    duplicateClass: 'TRAINING',
  },
  JOB_SEARCH: {
    kind: 'JOB_SEARCH',
    titles: ['Jobbsökaraktiviteter med kompletterande aktör', 'Stöd och matchning', 'Jobbsökaraktiviteter'],
    providers: ['COMPLEMENTARY_ACTOR'],
    weeks: [8, 20],
    schedules: [[]],
    unscheduledHours: 5,
    duplicateClass: 'JOB_SEARCH',
  },
};

/** Sfi's usual timetables: mornings, afternoons, or two evenings for those who work. */
export const SFI_SCHEDULES: readonly (readonly Slot[])[] = [
  slots(MON_THU, '09:00', '12:00'),
  slots(MON_THU, '13:00', '16:00'),
  slots(MON_WED, '17:30', '20:30'),
];

/** Etablering Stockholm's services and their usual weekly times. */
export const PROVIDER_SERVICES: Record<EstablishmentService, { schedules: readonly (readonly Slot[])[]; unscheduledHours: number }> = {
  MENTORSHIP: { schedules: [slots(['FRIDAY'], '13:00', '15:00'), []], unscheduledHours: 2 },
  WORKING_LIFE_INTRODUCTION: { schedules: [slots(['FRIDAY'], '09:00', '12:00'), slots(['WEDNESDAY'], '13:00', '16:00')], unscheduledHours: 0 },
  HEALTH_SUPPORT: { schedules: [[]], unscheduledHours: 2 },
  WORKPLACE_LANGUAGE_SUPPORT: { schedules: [slots(['FRIDAY'], '13:00', '15:00'), slots(['TUESDAY'], '16:00', '18:00')], unscheduledHours: 0 },
};

/** Arbetsförmedlingen's offices in the city, by the districts they are nearest to. */
export const AF_OFFICES: Record<string, string> = {
  RK: 'Arbetsförmedlingen Stockholm Kista',
  ST: 'Arbetsförmedlingen Stockholm Kista',
  HV: 'Arbetsförmedlingen Stockholm Vällingby',
  BR: 'Arbetsförmedlingen Stockholm Vällingby',
  KU: 'Arbetsförmedlingen Stockholm City',
  NM: 'Arbetsförmedlingen Stockholm City',
  OM: 'Arbetsförmedlingen Stockholm City',
  SO: 'Arbetsförmedlingen Stockholm City',
  EAV: 'Arbetsförmedlingen Stockholm Globen',
  SKN: 'Arbetsförmedlingen Stockholm Globen',
  FA: 'Arbetsförmedlingen Stockholm Farsta',
  AV: 'Arbetsförmedlingen Stockholm Liljeholmen',
  HL: 'Arbetsförmedlingen Stockholm Liljeholmen',
  SKH: 'Arbetsförmedlingen Stockholm Skärholmen',
};
