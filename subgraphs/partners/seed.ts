import { Knex } from 'knex';
import { insertIfEmpty, seedSlice } from '../../lib/seed/insert';
import { AGENCIES, PROVIDERS } from '../../lib/seed/reference';

/** The agencies and providers: always there. */
export async function seedReferenceData(db: Knex): Promise<void> {
  await insertIfEmpty(db, 'agencies', [...AGENCIES]);
  await insertIfEmpty(
    db,
    'providers',
    PROVIDERS.map((p) => ({ id: p.id, name: p.name, kind: p.kind, agency_code: p.agencyCode, organisation_number: p.organisationNumber })),
  );
}

/** Partners records exist only for some people; a seeded database has at least one registration. */
export async function isSeeded(db: Knex): Promise<boolean> {
  return Boolean(await db('job_seeker_registrations').first());
}

/** The partners slice of the deterministic world. */
export function seedPeople(db: Knex, options: { people: number; seed?: number }): Promise<void> {
  return seedSlice(
    db,
    options.people,
    (bundle) => bundle.partners,
    ['residence_permits', 'municipality_receptions', 'job_seeker_registrations', 'planned_activities', 'sfi_enrolments', 'provider_assignments'],
    options.seed,
  );
}
