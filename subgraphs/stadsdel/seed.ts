import { Knex } from 'knex';
import { insertIfEmpty, seedSlice } from '../../lib/seed/insert';
import { DISTRICTS } from '../../lib/seed/reference';

/** The districts: always there, whatever the number of people. */
export function seedReferenceData(db: Knex): Promise<void> {
  return insertIfEmpty(
    db,
    'districts',
    DISTRICTS.map((d) => ({ code: d.code, name: d.name, info_meeting_quota_per_week: d.infoMeetingQuotaPerWeek })),
  );
}

export async function isSeeded(db: Knex): Promise<boolean> {
  return Boolean(await db('persons').first());
}

/** The stadsdel slice of the deterministic world. */
export function seedPeople(db: Knex, options: { people: number; seed?: number }): Promise<void> {
  return seedSlice(
    db,
    options.people,
    (bundle) => bundle.stadsdel,
    ['info_meetings', 'persons', 'consents', 'consent_parties', 'referrals', 'income_support_decisions', 'three_party_meetings'],
    options.seed,
  );
}
