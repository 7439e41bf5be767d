/**
 * Jobbtorg's units: the fixed organisation the access rules read (a main unit works its
 * branches' cases; a unit serves some districts) and the seed writes into jobbtorg's
 * `units` and `unit_districts` tables. Fields are those tables' columns, plus the districts.
 */

/** One Jobbtorg unit and the districts whose residents it serves. */
export interface JobbtorgUnit {
  /** Short code, e.g. `KISTA_LUNDA`; what a `JOBBTORG:<code>` organisation names. */
  code: string;
  name: string;
  /** The main unit of a branch (filial); null for a main unit. */
  parent_code: string | null;
  /** A youth branch takes only youth 16–24. */
  youth_only: boolean;
  /** Where the unit comes in a list. */
  sort_order: number;
  /** Codes of the districts whose residents the unit serves. */
  districts: readonly string[];
}

export const JOBBTORG_UNITS: readonly JobbtorgUnit[] = [
  { code: 'VARBERG', name: 'Jobbtorg Vårberg', parent_code: null, youth_only: false, sort_order: 1, districts: ['SKH', 'HL', 'AV'] },
  { code: 'FARSTA', name: 'Jobbtorg Farsta', parent_code: null, youth_only: false, sort_order: 2, districts: ['FA', 'SKN', 'EAV'] },
  { code: 'ROSENLUNDSGATAN', name: 'Jobbtorg Rosenlundsgatan', parent_code: null, youth_only: false, sort_order: 3, districts: ['SO', 'NM', 'OM', 'KU'] },
  { code: 'VALLINGBY', name: 'Jobbtorg Vällingby', parent_code: null, youth_only: false, sort_order: 4, districts: ['HV', 'BR'] },
  { code: 'KISTA', name: 'Jobbtorg Kista', parent_code: null, youth_only: false, sort_order: 5, districts: ['RK', 'ST'] },
  { code: 'KISTA_LUNDA', name: 'Jobbtorg Kista, filial Lunda', parent_code: 'KISTA', youth_only: false, sort_order: 6, districts: ['ST'] },
  { code: 'KISTA_UNGDOM', name: 'Jobbtorg Kista, ungdomsfilial', parent_code: 'KISTA', youth_only: true, sort_order: 7, districts: ['RK', 'ST'] },
];
