import { Knex } from 'knex';

/**
 * The partner agencies' records: Arbetsförmedlingen, Migrationsverket, Sfi and the
 * Etablering Stockholm providers. People belong to the stadsdel subgraph, so personnummer
 * is a plain indexed column here.
 */
export async function up(db: Knex): Promise<void> {
  await db.schema.createTable('agencies', (t) => {
    t.string('code', 24).primary();
    t.string('name', 100).notNullable();
  });
  await db.schema.createTable('providers', (t) => {
    t.increments('id');
    t.string('name', 100).notNullable();
    t.string('kind', 24).notNullable();
    t.string('agency_code', 24).notNullable().references('code').inTable('agencies');
    t.string('organisation_number', 11).notNullable();
    t.index(['agency_code']);
    t.index(['kind', 'name']);
  });
  await db.schema.createTable('job_seeker_registrations', (t) => {
    t.increments('id');
    t.string('personnummer', 12).notNullable();
    t.date('registered_on').notNullable();
    t.string('office', 100).notNullable();
    t.string('programme', 32).notNullable();
    t.date('programme_from').nullable();
    t.date('programme_to').nullable();
    t.integer('programme_extent_percent').notNullable();
    t.index(['personnummer']);
  });
  await db.schema.createTable('planned_activities', (t) => {
    t.increments('id');
    t.integer('registration_id').unsigned().notNullable().references('id').inTable('job_seeker_registrations');
    t.string('kind', 24).notNullable();
    t.string('title', 200).notNullable();
    t.integer('provider_id').unsigned().nullable().references('id').inTable('providers');
    t.date('start_date').notNullable();
    t.date('end_date').nullable();
    t.float('hours_per_week').notNullable();
    t.text('schedule').notNullable();
    t.index(['registration_id', 'start_date']);
  });
  await db.schema.createTable('residence_permits', (t) => {
    t.increments('id');
    t.string('personnummer', 12).notNullable();
    t.string('kind', 32).notNullable();
    t.date('granted_on').notNullable();
    t.date('valid_until').nullable();
    t.index(['personnummer']);
  });
  await db.schema.createTable('municipality_receptions', (t) => {
    t.string('personnummer', 12).primary();
    t.date('received_on').notNullable();
  });
  await db.schema.createTable('sfi_enrolments', (t) => {
    t.increments('id');
    t.string('personnummer', 12).notNullable();
    t.integer('school_id').unsigned().notNullable().references('id').inTable('providers');
    t.string('course', 1).notNullable();
    t.integer('study_path').notNullable();
    t.date('start_date').notNullable();
    t.date('end_date').nullable();
    t.float('hours_per_week').notNullable();
    t.text('schedule').notNullable();
    t.index(['personnummer']);
    t.index(['school_id', 'start_date']);
    t.index(['start_date', 'id']);
  });
  await db.schema.createTable('provider_assignments', (t) => {
    t.increments('id');
    t.string('personnummer', 12).notNullable();
    t.integer('provider_id').unsigned().notNullable().references('id').inTable('providers');
    t.string('service', 32).notNullable();
    t.date('start_date').notNullable();
    t.date('end_date').nullable();
    t.float('hours_per_week').notNullable();
    t.text('schedule').notNullable();
    t.index(['personnummer']);
    t.index(['provider_id', 'start_date']);
    t.index(['start_date', 'id']);
  });
}

export async function down(db: Knex): Promise<void> {
  for (const table of [
    'provider_assignments',
    'sfi_enrolments',
    'municipality_receptions',
    'residence_permits',
    'planned_activities',
    'job_seeker_registrations',
    'providers',
    'agencies',
  ]) {
    await db.schema.dropTable(table);
  }
}
