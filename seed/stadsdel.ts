import { Knex } from 'knex';
import { seedSlice } from './insert';

/**
 * Seeds the stadsdel database, and only it, with its slice of the
 * deterministic world (./world.ts). The other subgraphs seed theirs from the same
 * world, so referral ids, personnummer and info meetings agree without any shared table.
 */

/** Whether people have been seeded (reference data alone does not count). */
export async function isSeeded(db: Knex): Promise<boolean> {
  return Boolean(await db('persons').first());
}

/** The stadsdel slice of the world for `people` people; meetings and consents before the referrals that name them. */
export function seedPeople(db: Knex, options: { people: number; seed?: number }): Promise<void> {
  return seedSlice(
    db,
    options.people,
    (bundle) => bundle.stadsdel,
    ['info_meetings', 'persons', 'consents', 'consent_parties', 'referrals', 'income_support_decisions', 'three_party_meetings'],
    options.seed,
  );
}
