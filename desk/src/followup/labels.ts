import type { ReportingGroup } from '../gql/graphql';

export const REPORTING_GROUPS: Record<ReportingGroup, string> = {
  NEWLY_ARRIVED_REFUGEE: 'Nyanlända flyktingar',
  YOUTH_16_24: 'Unga 16–24 år',
  OTHER_OVER_24: 'Övriga över 24 år',
};

export const GROUP_ORDER = Object.keys(REPORTING_GROUPS) as ReportingGroup[];

/** Colours that keep their contrast against white and apart from each other. */
export const SERIES_COLOURS = ['#1d5fa0', '#b35900', '#2e7d32', '#7b1fa2', '#c62828', '#00695c'];
