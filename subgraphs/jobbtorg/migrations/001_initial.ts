import { Knex } from 'knex';

/**
 * Jobbtorg's records: units, cases, plans, interventions, feedback. People, referrals,
 * districts and providers belong to other subgraphs, so their keys are plain columns here,
 * never foreign keys.
 */
export async function up(db: Knex): Promise<void> {
  await db.schema.createTable('units', (t) => {
    t.string('code', 16).primary();
    t.string('name', 64).notNullable();
    t.string('parent_code', 16).nullable().references('code').inTable('units');
    t.boolean('youth_only').notNullable().defaultTo(false);
    t.integer('sort_order').notNullable();
  });
  await db.schema.createTable('unit_districts', (t) => {
    t.string('unit_code', 16).notNullable().references('code').inTable('units');
    t.string('district_code', 8).notNullable();
    t.primary(['unit_code', 'district_code']);
  });
  await db.schema.createTable('cases', (t) => {
    t.increments('id');
    t.string('personnummer', 12).notNullable();
    t.integer('referral_id').unsigned().notNullable();
    t.string('district_code', 8).notNullable();
    t.string('unit_code', 16).notNullable().references('code').inTable('units');
    t.string('coach', 64).notNullable();
    t.string('target_group', 16).notNullable();
    t.string('reporting_group', 24).notNullable();
    t.date('enrolled_on').notNullable();
    t.date('jobbgaranti_deadline').notNullable();
    t.string('status', 8).notNullable();
    t.date('closed_on').nullable();
    t.string('closure_reason', 16).nullable();
    t.text('closure_note').nullable();
    t.index(['personnummer']);
    t.index(['referral_id']);
    t.index(['enrolled_on', 'id']);
    t.index(['unit_code', 'enrolled_on']);
    t.index(['district_code', 'enrolled_on']);
    t.index(['status', 'enrolled_on']);
    t.index(['closed_on']);
  });
  await db.schema.createTable('job_plans', (t) => {
    t.increments('id');
    t.integer('case_id').unsigned().notNullable().unique().references('id').inTable('cases');
    t.date('established_on').notNullable();
    t.string('goal', 16).notNullable();
  });
  await db.schema.createTable('interventions', (t) => {
    t.increments('id');
    t.integer('plan_id').unsigned().notNullable().references('id').inTable('job_plans');
    t.string('kind', 24).notNullable();
    t.string('title', 200).notNullable();
    t.integer('provider_id').unsigned().nullable();
    t.date('start_date').notNullable();
    t.date('end_date').nullable();
    t.date('ended_on').nullable();
    t.float('hours_per_week').notNullable();
    // Weekly slots as JSON: [{ weekday, startTime, endTime }]; read whole, never queried inside.
    t.text('schedule').notNullable();
    t.index(['plan_id', 'start_date']);
  });
  await db.schema.createTable('feedback', (t) => {
    t.increments('id');
    t.integer('case_id').unsigned().notNullable().references('id').inTable('cases');
    t.integer('referral_id').unsigned().notNullable();
    t.datetime('sent_at').notNullable();
    t.string('sent_by', 64).notNullable();
    t.text('message').notNullable();
    t.index(['case_id']);
    t.index(['referral_id']);
  });
}

export async function down(db: Knex): Promise<void> {
  for (const table of ['feedback', 'interventions', 'job_plans', 'cases', 'unit_districts', 'units']) {
    await db.schema.dropTable(table);
  }
}
