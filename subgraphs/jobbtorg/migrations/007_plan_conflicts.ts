import { Knex } from 'knex';

/**
 * The state of the shared plan's conflicts, which Jobbtorg keeps (subgraphs/jobbtorg/plan-conflicts.ts):
 * one row a conflict, by its stable id (lib/plan/identity.ts), and its history, one event
 * for each version. The records a conflict names belong to every agency, so they are kept
 * as ids, never as foreign keys.
 *
 * - `plan_conflicts`: what the conflict is (kind, records, agencies, and its weeks and
 *   message as last judged on its own records), its state and version, the records as last
 *   seen (stamp and content hash, JSON), the acknowledgement, the acceptances (JSON, one a
 *   party) and what resolved it. Read by person, for a batch of people at once.
 * - `plan_conflict_events`: the history. `(conflict_id, version)` is unique, so two readers
 *   who find the same change at once write it once.
 */
export async function up(db: Knex): Promise<void> {
  await db.schema.createTable('plan_conflicts', (t) => {
    t.string('id', 24).primary();
    t.string('personnummer', 12).notNullable();
    t.string('kind', 24).notNullable();
    t.string('detail', 48).nullable();
    t.text('activity_ids').notNullable();
    t.text('context_ids').notNullable();
    t.string('agencies', 160).notNullable();
    t.text('weeks').notNullable();
    t.text('message').notNullable();
    t.string('state', 16).notNullable();
    t.integer('version').notNullable();
    t.datetime('found_at').notNullable();
    t.datetime('changed_at').notNullable();
    t.datetime('settled_at').nullable();
    t.text('records').notNullable();
    t.text('note').nullable();
    t.date('expected_settled_on').nullable();
    t.text('acceptances').notNullable();
    t.string('accepted_fingerprint', 32).nullable();
    t.string('three_party_meeting_id', 32).nullable();
    t.string('resolved_by_record', 64).nullable();
    t.integer('resolved_by_version').nullable();
    t.string('resolved_by_user', 64).nullable();
    t.index(['personnummer']);
  });
  await db.schema.createTable('plan_conflict_events', (t) => {
    t.increments('id');
    t.string('conflict_id', 24).notNullable().references('id').inTable('plan_conflicts');
    t.integer('version').notNullable();
    t.string('event', 24).notNullable();
    t.string('state', 16).notNullable();
    t.datetime('at').notNullable();
    t.string('agency', 24).nullable();
    t.string('organisation', 64).nullable();
    t.string('user', 64).nullable();
    t.text('note').nullable();
    t.date('expected_settled_on').nullable();
    t.text('reason').nullable();
    t.string('three_party_meeting_id', 32).nullable();
    t.string('record_id', 64).nullable();
    t.integer('record_version').nullable();
    t.unique(['conflict_id', 'version']);
  });
}

export async function down(db: Knex): Promise<void> {
  await db.schema.dropTable('plan_conflict_events');
  await db.schema.dropTable('plan_conflicts');
}
