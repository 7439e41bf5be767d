import { Knex } from 'knex';
import { seedSlice } from './insert';

/**
 * Seeds the jobbtorg database, and only it, with its slice of the deterministic
 * world (./world.ts). Cases name referrals by the ids stadsdel seeds from the same
 * world; nothing here reads stadsdel's database.
 */

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
