import { Knex } from 'knex';

/**
 * Decisions become changeable without losing history: a change writes a new decision that
 * replaces the current one, and the old row keeps pointing at its successor. `version`
 * lets a writer state what it based its change on, so a stale change is refused.
 */
export async function up(db: Knex): Promise<void> {
  await db.schema.alterTable('income_support_decisions', (t) => {
    t.integer('version').notNullable().defaultTo(1);
    t.integer('replaces_id').unsigned().nullable().references('id').inTable('income_support_decisions');
    t.integer('replaced_by_id').unsigned().nullable().references('id').inTable('income_support_decisions');
  });
}

export async function down(db: Knex): Promise<void> {
  await db.schema.alterTable('income_support_decisions', (t) => {
    t.dropForeign(['replaces_id']);
    t.dropForeign(['replaced_by_id']);
    t.dropColumn('replaced_by_id');
    t.dropColumn('replaces_id');
    t.dropColumn('version');
  });
}
