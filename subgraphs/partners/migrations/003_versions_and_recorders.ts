import { Knex } from 'knex';

/**
 * The write side. Records that can be changed carry a `version`, so a writer states what
 * it based its change on and a stale change is refused; every record names the user who
 * recorded it (and, once changed, who changed it last), taken from the verified caller.
 * A planned activity that Arbetsförmedlingen ends early keeps the day it was ended.
 *
 * Plain columns with defaults only: the seed's rows and any rows written before this
 * migration read as version 1, recorded by nobody the system knows.
 */

const CHANGEABLE = ['job_seeker_registrations', 'planned_activities', 'municipality_receptions', 'sfi_enrolments', 'provider_assignments'];
const RECORDED = [...CHANGEABLE, 'residence_permits'];

export async function up(db: Knex): Promise<void> {
  for (const table of RECORDED) {
    await db.schema.alterTable(table, (t) => {
      t.string('recorded_by', 64).nullable();
      if (CHANGEABLE.includes(table)) {
        t.integer('version').notNullable().defaultTo(1);
        t.string('changed_by', 64).nullable();
      }
      if (table === 'planned_activities') t.date('ended_on').nullable();
    });
  }
}

export async function down(db: Knex): Promise<void> {
  for (const table of RECORDED) {
    await db.schema.alterTable(table, (t) => {
      if (table === 'planned_activities') t.dropColumn('ended_on');
      if (CHANGEABLE.includes(table)) {
        t.dropColumn('changed_by');
        t.dropColumn('version');
      }
      t.dropColumn('recorded_by');
    });
  }
}
