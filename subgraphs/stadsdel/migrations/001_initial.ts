import { Knex } from 'knex';

/** The districts' records: people, income-support decisions, referrals, meetings, consents. */
export async function up(db: Knex): Promise<void> {
  await db.schema.createTable('districts', (t) => {
    t.string('code', 8).primary();
    t.string('name', 64).notNullable();
    t.integer('info_meeting_quota_per_week').notNullable();
  });
  await db.schema.createTable('persons', (t) => {
    t.string('personnummer', 12).primary();
    t.string('given_name', 100).notNullable();
    t.string('family_name', 100).notNullable();
    t.date('birth_date').notNullable();
    t.string('district_code', 8).notNullable().references('code').inTable('districts');
    t.boolean('protected_identity').notNullable().defaultTo(false);
    t.index(['district_code', 'personnummer']);
  });
  await db.schema.createTable('income_support_decisions', (t) => {
    t.increments('id');
    t.string('personnummer', 12).notNullable().references('personnummer').inTable('persons');
    t.string('district_code', 8).notNullable().references('code').inTable('districts');
    t.string('month', 7).notNullable();
    t.string('outcome', 16).notNullable();
    t.integer('amount').notNullable();
    t.string('need_reason', 16).notNullable();
    t.datetime('decided_at').notNullable();
    t.string('decided_by', 64).notNullable();
    t.index(['personnummer', 'month']);
    t.index(['district_code', 'month']);
    t.index(['month', 'id']);
  });
  await db.schema.createTable('info_meetings', (t) => {
    t.increments('id');
    t.string('district_code', 8).notNullable().references('code').inTable('districts');
    t.string('audience', 8).notNullable();
    t.date('week_start').notNullable();
    t.datetime('starts_at').notNullable();
    t.unique(['district_code', 'week_start', 'audience']);
    t.index(['district_code', 'starts_at']);
  });
  await db.schema.createTable('consents', (t) => {
    t.increments('id');
    t.string('personnummer', 12).notNullable().references('personnummer').inTable('persons');
    t.string('purpose', 24).notNullable();
    t.date('valid_from').notNullable();
    t.date('valid_to').nullable();
    t.datetime('withdrawn_at').nullable();
    t.datetime('recorded_at').notNullable();
    t.string('recorded_by', 64).notNullable();
    t.index(['personnummer']);
  });
  await db.schema.createTable('consent_parties', (t) => {
    t.integer('consent_id').unsigned().notNullable().references('id').inTable('consents');
    t.string('party', 24).notNullable();
    t.primary(['consent_id', 'party']);
  });
  await db.schema.createTable('referrals', (t) => {
    t.increments('id');
    t.string('personnummer', 12).notNullable().references('personnummer').inTable('persons');
    t.string('district_code', 8).notNullable().references('code').inTable('districts');
    t.string('reason', 24).notNullable();
    t.integer('info_meeting_id').unsigned().notNullable().references('id').inTable('info_meetings');
    t.integer('consent_id').unsigned().nullable().references('id').inTable('consents');
    t.string('status', 16).notNullable();
    t.datetime('referred_at').notNullable();
    t.string('referred_by', 64).notNullable();
    t.index(['personnummer']);
    t.index(['info_meeting_id']);
    t.index(['district_code', 'referred_at']);
    t.index(['status', 'referred_at']);
    t.index(['referred_at', 'id']);
  });
  await db.schema.createTable('three_party_meetings', (t) => {
    t.increments('id');
    t.string('personnummer', 12).notNullable().references('personnummer').inTable('persons');
    t.string('district_code', 8).notNullable().references('code').inTable('districts');
    t.string('district_officer', 64).notNullable();
    t.string('jobbtorg_coach', 64).notNullable();
    t.string('third_party', 100).notNullable();
    t.datetime('starts_at').notNullable();
    t.text('notes').nullable();
    t.index(['personnummer', 'starts_at']);
  });
}

export async function down(db: Knex): Promise<void> {
  for (const table of [
    'three_party_meetings',
    'referrals',
    'consent_parties',
    'consents',
    'info_meetings',
    'income_support_decisions',
    'persons',
    'districts',
  ]) {
    await db.schema.dropTable(table);
  }
}
