import { Knex } from 'knex';
import { insertIfEmpty, seedSlice } from '../../lib/seed/insert';
import { JOBBTORG_UNITS } from '../../lib/seed/reference';

/** The seven units and the districts they serve: always there. */
export async function seedReferenceData(db: Knex): Promise<void> {
  await insertIfEmpty(
    db,
    'units',
    JOBBTORG_UNITS.map((u, i) => ({ code: u.code, name: u.name, parent_code: u.parentCode, youth_only: u.youthOnly, sort_order: i + 1 })),
  );
  await insertIfEmpty(
    db,
    'unit_districts',
    JOBBTORG_UNITS.flatMap((u) => u.districts.map((district_code) => ({ unit_code: u.code, district_code }))),
  );
}

export async function isSeeded(db: Knex): Promise<boolean> {
  return Boolean(await db('cases').first());
}

/** The jobbtorg slice of the deterministic world. */
export function seedPeople(db: Knex, options: { people: number; seed?: number }): Promise<void> {
  return seedSlice(db, options.people, (bundle) => bundle.jobbtorg, ['cases', 'job_plans', 'interventions', 'feedback'], options.seed);
}
