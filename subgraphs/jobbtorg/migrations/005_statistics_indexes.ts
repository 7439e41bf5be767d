import { Knex } from 'knex';

/**
 * Indexes for the follow-up figures (subgraphs/jobbtorg/statistics.ts). Each figure is a
 * range on one date and a GROUP BY over district, reporting group and unit; with these
 * the range is read from the index alone, so a month costs that month's index entries:
 * - by enrolment: newly enrolled and the enrolment-cohort outcomes;
 * - by closure: closed by reason, and the enrolled in a month (cases closed since its start,
 *   plus the open ones, whose closed_on is null);
 * - interventions by start date.
 */
const BY_ENROLMENT = ['enrolled_on', 'district_code', 'reporting_group', 'unit_code', 'personnummer', 'closed_on', 'closure_reason'];
const BY_CLOSURE = ['closed_on', 'enrolled_on', 'district_code', 'reporting_group', 'unit_code', 'personnummer', 'closure_reason'];

export async function up(db: Knex): Promise<void> {
  await db.schema.alterTable('cases', (t) => {
    t.index(BY_ENROLMENT, 'cases_statistics_by_enrolment');
    t.index(BY_CLOSURE, 'cases_statistics_by_closure');
  });
  await db.schema.alterTable('interventions', (t) => {
    t.index(['start_date', 'plan_id', 'kind', 'ended_on'], 'interventions_statistics_by_start');
  });
}

export async function down(db: Knex): Promise<void> {
  await db.schema.alterTable('interventions', (t) => {
    t.dropIndex(['start_date', 'plan_id', 'kind', 'ended_on'], 'interventions_statistics_by_start');
  });
  await db.schema.alterTable('cases', (t) => {
    t.dropIndex(BY_CLOSURE, 'cases_statistics_by_closure');
    t.dropIndex(BY_ENROLMENT, 'cases_statistics_by_enrolment');
  });
}
