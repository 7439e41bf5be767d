import { JOBBTORG_UNITS, JobbtorgUnit } from '../lib/reference/units';
import { DISTRICTS as STADSDEL_DISTRICTS } from '../subgraphs/stadsdel/migrations/reference';
import { AGENCIES, PROVIDERS } from '../subgraphs/partners/migrations/reference';
import { DistrictRow, ProviderKind, ProviderRow } from './rows';

/**
 * The reference data the generator places its people in: the subgraphs' own (districts in
 * stadsdel's, agencies and providers in partners', the units in lib/reference/units.ts),
 * plus what only the generator needs, a district's weight.
 */

export interface DistrictReference extends DistrictRow {
  /** Relative number of income-support recipients living there (`RECIPIENT_WEIGHTS`). */
  weight: number;
}

/**
 * Relative number of income-support recipients living in each district: a rough shape, not
 * census data — the north-west and south suburbs carry most of the city's income support.
 */
const RECIPIENT_WEIGHTS: Readonly<Record<string, number>> = {
  RK: 14,
  ST: 10,
  HV: 9,
  BR: 3,
  KU: 2,
  NM: 2,
  OM: 2,
  SO: 5,
  EAV: 11,
  SKN: 5,
  FA: 7,
  AV: 2,
  HL: 6,
  SKH: 10,
};

export const DISTRICTS: readonly DistrictReference[] = STADSDEL_DISTRICTS.map((d) => ({ ...d, weight: RECIPIENT_WEIGHTS[d.code] }));

export { AGENCIES, PROVIDERS };

/** The providers of one kind, in id order. */
export function providersOfKind(kind: ProviderKind): ProviderRow[] {
  return PROVIDERS.filter((p) => p.kind === kind);
}

/**
 * The unit a case is enrolled at: youth from Rinkeby-Kista and Spånga-Tensta go to Kista's
 * youth branch; half of Spånga-Tensta's adults to the Lunda branch; everyone else to the
 * main unit serving their district.
 */
export function unitFor(districtCode: string, youth: boolean, preferBranch: boolean): JobbtorgUnit {
  const serving = JOBBTORG_UNITS.filter((u) => u.districts.includes(districtCode));
  const youthBranch = serving.find((u) => u.youth_only);
  if (youth && youthBranch) return youthBranch;
  const branch = serving.find((u) => u.parent_code !== null && !u.youth_only);
  if (preferBranch && branch) return branch;
  const main = serving.find((u) => u.parent_code === null);
  if (!main) throw new Error(`no Jobbtorg unit serves district ${districtCode}`);
  return main;
}
