import { Knex } from 'knex';

/** A referral remembers the Jobbtorg case it led to, so a repeated notice from Jobbtorg is recognised. */
export async function up(db: Knex): Promise<void> {
  await db.schema.alterTable('referrals', (t) => {
    t.integer('jobbtorg_case_id').unsigned().nullable();
  });
}

export async function down(db: Knex): Promise<void> {
  await db.schema.alterTable('referrals', (t) => {
    t.dropColumn('jobbtorg_case_id');
  });
}
