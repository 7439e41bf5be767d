import { Knex } from 'knex';
import { insertIfEmpty } from '../../../lib/db';
import { JOBBTORG_UNITS } from '../../../lib/reference/units';
import { UnitDistrictRow, UnitRow } from '../models';

/**
 * The reference data every jobbtorg database holds: the seven units and the districts each
 * serves, from the same list the access rules read (lib/reference/units.ts).
 */
export async function insertReferenceData(db: Knex): Promise<void> {
  const units: UnitRow[] = JOBBTORG_UNITS.map(({ code, name, parent_code, youth_only, sort_order }) => ({ code, name, parent_code, youth_only, sort_order }));
  const unitDistricts: UnitDistrictRow[] = JOBBTORG_UNITS.flatMap((u) => u.districts.map((district_code) => ({ unit_code: u.code, district_code })));
  await insertIfEmpty(db, 'units', units);
  await insertIfEmpty(db, 'unit_districts', unitDistricts);
}
