import { Knex } from 'knex';

/**
 * Who wrote an intervention last: the verified caller's user, set when it is added, changed,
 * ended, or ended with its case's closure. The shared plan names them with the change, so an
 * agency can say who changed the record a conflict was about. Rows written before this
 * migration read as written by no one the system knows.
 */
export async function up(db: Knex): Promise<void> {
  await db.schema.alterTable('interventions', (t) => {
    t.string('changed_by', 64).nullable();
  });
}

export async function down(db: Knex): Promise<void> {
  await db.schema.alterTable('interventions', (t) => {
    t.dropColumn('changed_by');
  });
}
