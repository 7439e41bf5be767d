import { Knex } from 'knex';
import { JOBBTORG_UNITS } from '../lib/reference/units';
import { insertIfEmpty, seedSlice } from './insert';
import { UnitDistrictRow, UnitRow } from './rows';

/**
 * Seeds the jobbtorg database, and only it: the units, then its slice of the deterministic
 * world (./world.ts). Cases name referrals by the ids stadsdel seeds from the same
 * world; nothing here reads stadsdel's database.
 */

/** The seven units and the districts they serve: always there. Idempotent. */
export async function seedReferenceData(db: Knex): Promise<void> {
  const units: UnitRow[] = JOBBTORG_UNITS.map(({ code, name, parent_code, youth_only, sort_order }) => ({ code, name, parent_code, youth_only, sort_order }));
  const unitDistricts: UnitDistrictRow[] = JOBBTORG_UNITS.flatMap((u) => u.districts.map((district_code) => ({ unit_code: u.code, district_code })));
  await insertIfEmpty(db, 'units', units);
  await insertIfEmpty(db, 'unit_districts', unitDistricts);
}

/** Whether people have been seeded (reference data alone does not count). */
export async function isSeeded(db: Knex): Promise<boolean> {
  return Boolean(await db('cases').first());
}

/** The jobbtorg slice of the world for `people` people; cases before plans before interventions, conflicts before their history. */
export function seedPeople(db: Knex, options: { people: number; seed?: number }): Promise<void> {
  return seedSlice(
    db,
    options.people,
    (bundle) => bundle.jobbtorg,
    ['cases', 'job_plans', 'interventions', 'feedback', 'plan_conflicts', 'plan_conflict_events'],
    options.seed,
  );
}
