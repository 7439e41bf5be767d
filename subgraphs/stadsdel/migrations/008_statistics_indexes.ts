import { Knex } from 'knex';

/**
 * Indexes for the districts' follow-up figures (subgraphs/stadsdel/statistics.ts):
 * - recipients per month and district: a month range read from the index alone;
 * - the closures Jobbtorg hands over look up one person's months each: person and month
 *   first, with the outcome and whether the decision is current, so no row is read.
 */
const BY_MONTH = ['month', 'district_code', 'outcome', 'replaced_by_id', 'personnummer'];
const BY_PERSON = ['personnummer', 'month', 'outcome', 'replaced_by_id', 'district_code'];

export async function up(db: Knex): Promise<void> {
  await db.schema.alterTable('income_support_decisions', (t) => {
    t.index(BY_MONTH, 'decisions_statistics_by_month');
    t.index(BY_PERSON, 'decisions_statistics_by_person');
  });
}

export async function down(db: Knex): Promise<void> {
  await db.schema.alterTable('income_support_decisions', (t) => {
    t.dropIndex(BY_PERSON, 'decisions_statistics_by_person');
    t.dropIndex(BY_MONTH, 'decisions_statistics_by_month');
  });
}
