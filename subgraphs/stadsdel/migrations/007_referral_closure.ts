import { Knex } from 'knex';

/**
 * A referral remembers the day Jobbtorg closed the case it led to: Jobbtorg's access to the
 * person's social-services records ends with the case.
 */
export async function up(db: Knex): Promise<void> {
  await db.schema.alterTable('referrals', (t) => {
    t.date('jobbtorg_closed_on').nullable();
  });
}

export async function down(db: Knex): Promise<void> {
  await db.schema.alterTable('referrals', (t) => {
    t.dropColumn('jobbtorg_closed_on');
  });
}
