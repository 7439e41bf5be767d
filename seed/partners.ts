import { Knex } from 'knex';
import { seedSlice } from './insert';

/**
 * Seeds the partners database, and only it, with its slice of
 * the deterministic world (./world.ts). Jobbtorg's interventions name providers by
 * the fixed ids seeded here.
 */

const PERSON_TABLES = [
  'residence_permits',
  'municipality_receptions',
  'job_seeker_registrations',
  'planned_activities',
  'sfi_enrolments',
  'provider_assignments',
  'programme_parts',
] as const;

/** Whether people have been seeded: partners holds records for only some people, so any of its person tables counts. */
export async function isSeeded(db: Knex): Promise<boolean> {
  for (const table of PERSON_TABLES) if (await db(table).first()) return true;
  return false;
}

/** The partners slice of the world for `people` people; registrations before their planned activities. */
export function seedPeople(db: Knex, options: { people: number; seed?: number }): Promise<void> {
  return seedSlice(db, options.people, (bundle) => bundle.partners, PERSON_TABLES, options.seed);
}
