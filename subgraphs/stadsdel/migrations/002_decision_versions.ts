import { Knex } from 'knex';

/**
 * Decisions become changeable without losing history: a change writes a new decision that
 * replaces the current one, and the old row keeps pointing at its successor. `version`
 * lets a writer state what it based its change on, so a stale change is refused.
 *
 * The two links are plain columns, not foreign keys: adding a foreign key to an existing
 * SQLite table makes knex rebuild the table, and on the default 2,000-person database that
 * rebuild ran for over a minute at start-up (not diagnosed further; a plain column needs
 * no rebuild).
 */
export async function up(db: Knex): Promise<void> {
  await db.schema.alterTable('income_support_decisions', (t) => {
    t.integer('version').notNullable().defaultTo(1);
    t.integer('replaces_id').unsigned().nullable();
    t.integer('replaced_by_id').unsigned().nullable();
  });
}

export async function down(db: Knex): Promise<void> {
  await db.schema.alterTable('income_support_decisions', (t) => {
    t.dropColumn('replaced_by_id');
    t.dropColumn('replaces_id');
    t.dropColumn('version');
  });
}
