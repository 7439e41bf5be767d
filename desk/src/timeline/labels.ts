import type { PlanAgency, PlanConflictKind, Weekday } from '../gql/graphql';

/** The agencies, conflicts and weekdays of the shared plan, as a Swedish reader names them. */

export const AGENCY_NAMES: Record<PlanAgency, string> = {
  JOBBTORG: 'Jobbtorg',
  ARBETSFORMEDLINGEN: 'Arbetsförmedlingen',
  SFI: 'Sfi',
  ETABLERING_PROVIDER: 'Etablering Stockholm (utförare)',
  SOCIAL_SERVICES: 'Socialtjänsten',
};

/** The lanes' order, top to bottom: the chain from the district to its partners. */
export const AGENCY_ORDER: PlanAgency[] = ['SOCIAL_SERVICES', 'JOBBTORG', 'ARBETSFORMEDLINGEN', 'SFI', 'ETABLERING_PROVIDER'];

export const CONFLICT_NAMES: Record<PlanConflictKind, string> = {
  SLOT_OVERLAP: 'Krockande tider',
  OVER_FULL_TIME: 'Mer än heltid',
  DUPLICATE_KIND: 'Dubbelplanerat',
  CONTRADICTING_GOALS: 'Motstridiga mål',
  JOBBGARANTI_BREACHED: 'Jobbgarantin bruten',
};

export const WEEKDAY_NAMES: Record<Weekday, string> = {
  MONDAY: 'måndagar',
  TUESDAY: 'tisdagar',
  WEDNESDAY: 'onsdagar',
  THURSDAY: 'torsdagar',
  FRIDAY: 'fredagar',
  SATURDAY: 'lördagar',
  SUNDAY: 'söndagar',
};

const hours = new Intl.NumberFormat('sv-SE', { maximumFractionDigits: 1 });

export function hoursPerWeek(value: number): string {
  return `${hours.format(value)} tim/vecka`;
}
