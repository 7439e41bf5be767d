import { Knex } from 'knex';

/**
 * The parts of an Arbetsförmedlingen programme that other agencies deliver: Arbetsförmedlingen
 * records that a person's Sfi enrolment or a provider's assignment is part of the programme
 * of a registration (a person's Sfi studies often are part of the establishment programme),
 * so the shared plan counts their hours within the programme's extent, not on top of it.
 *
 * A row names exactly one record, by a real foreign key for each kind. A record is part of at
 * most one programme: the unique indexes hold that even for two writers at once (a null
 * never collides with another, on SQLite and MySQL alike).
 */
export async function up(db: Knex): Promise<void> {
  await db.schema.createTable('programme_parts', (t) => {
    t.increments('id');
    t.integer('registration_id').unsigned().notNullable().references('id').inTable('job_seeker_registrations');
    t.integer('sfi_enrolment_id').unsigned().nullable().references('id').inTable('sfi_enrolments');
    t.integer('provider_assignment_id').unsigned().nullable().references('id').inTable('provider_assignments');
    t.string('recorded_by', 64).nullable();
    t.index(['registration_id']);
    t.unique(['sfi_enrolment_id']);
    t.unique(['provider_assignment_id']);
  });
}

export async function down(db: Knex): Promise<void> {
  await db.schema.dropTable('programme_parts');
}
