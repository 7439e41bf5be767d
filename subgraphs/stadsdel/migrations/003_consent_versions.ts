import { Knex } from 'knex';

/** Consents can be withdrawn by a named officer, and a withdrawal states the version it saw. */
export async function up(db: Knex): Promise<void> {
  await db.schema.alterTable('consents', (t) => {
    t.integer('version').notNullable().defaultTo(1);
    t.string('withdrawn_by', 64).nullable();
  });
}

export async function down(db: Knex): Promise<void> {
  await db.schema.alterTable('consents', (t) => {
    t.dropColumn('withdrawn_by');
    t.dropColumn('version');
  });
}
