import { Knex } from 'knex';

/**
 * The write side. Cases and interventions carry a `version`, so a writer states what it
 * based a change on and a stale change is refused; rows written before this migration
 * (the seed's among them) read as version 1.
 *
 * A referral leads to at most one case: the unique index holds that even for two
 * enrolments of the same referral at the same moment. The other indexes serve the
 * worklists: open cases without a plan, oldest first, by unit or district.
 */
export async function up(db: Knex): Promise<void> {
  for (const table of ['cases', 'interventions']) {
    await db.schema.alterTable(table, (t) => {
      t.integer('version').notNullable().defaultTo(1);
    });
  }
  await db.schema.alterTable('cases', (t) => {
    t.dropIndex(['referral_id']);
    t.unique(['referral_id']);
    t.index(['status', 'enrolled_on', 'id']);
    t.index(['unit_code', 'status', 'enrolled_on']);
    t.index(['district_code', 'status', 'enrolled_on']);
  });
}

export async function down(db: Knex): Promise<void> {
  await db.schema.alterTable('cases', (t) => {
    t.dropIndex(['district_code', 'status', 'enrolled_on']);
    t.dropIndex(['unit_code', 'status', 'enrolled_on']);
    t.dropIndex(['status', 'enrolled_on', 'id']);
    t.dropUnique(['referral_id']);
    t.index(['referral_id']);
  });
  for (const table of ['interventions', 'cases']) {
    await db.schema.alterTable(table, (t) => {
      t.dropColumn('version');
    });
  }
}
