import { Knex } from 'knex';
import { paginate, PageArgs } from '../../lib/pagination';
import type { CaseFilter } from './__generated__/resolvers-types';
import { CasePage, CaseRow, FeedbackRow, InterventionRow, JobPlanRow, UnitDistrictRow, UnitRow } from './models';

/**
 * Every query the jobbtorg subgraph runs. The `…By…` functions take a batch of keys and
 * back the DataLoaders; `listCases` backs the root connection.
 */

export function allUnits(db: Knex): Promise<UnitRow[]> {
  return db('units').orderBy('sort_order');
}

export function unitsByParent(db: Knex, parentCodes: string[]): Promise<UnitRow[]> {
  return db('units').whereIn('parent_code', parentCodes).orderBy('sort_order');
}

export function districtsByUnit(db: Knex, unitCodes: string[]): Promise<UnitDistrictRow[]> {
  return db('unit_districts').whereIn('unit_code', unitCodes).orderBy('district_code');
}

export function casesById(db: Knex, ids: string[]): Promise<CaseRow[]> {
  return db('cases').whereIn('id', ids);
}

/** Newest enrolment first, as a person's history reads. */
export function casesByPersonnummer(db: Knex, personnummer: string[]): Promise<CaseRow[]> {
  return db('cases').whereIn('personnummer', personnummer).orderBy([
    { column: 'enrolled_on', order: 'desc' },
    { column: 'id', order: 'desc' },
  ]);
}

export function casesByReferral(db: Knex, referralIds: string[]): Promise<CaseRow[]> {
  return db('cases').whereIn('referral_id', referralIds);
}

export function plansByCase(db: Knex, caseIds: string[]): Promise<JobPlanRow[]> {
  return db('job_plans').whereIn('case_id', caseIds);
}

export function interventionsByPlan(db: Knex, planIds: string[]): Promise<InterventionRow[]> {
  return db('interventions').whereIn('plan_id', planIds).orderBy([{ column: 'start_date' }, { column: 'id' }]);
}

export function feedbackByCase(db: Knex, caseIds: string[]): Promise<FeedbackRow[]> {
  return db('feedback').whereIn('case_id', caseIds).orderBy([{ column: 'sent_at' }, { column: 'id' }]);
}

export function feedbackByReferral(db: Knex, referralIds: string[]): Promise<FeedbackRow[]> {
  return db('feedback').whereIn('referral_id', referralIds).orderBy([{ column: 'sent_at' }, { column: 'id' }]);
}

export function listCases(db: Knex, filter: CaseFilter | null | undefined, page: PageArgs): Promise<CasePage> {
  const query = db('cases').select('*');
  if (filter?.unitCode) query.where('unit_code', filter.unitCode);
  if (filter?.districtCode) query.where('district_code', filter.districtCode);
  if (filter?.status) query.where('status', filter.status);
  if (filter?.targetGroup) query.where('target_group', filter.targetGroup);
  if (filter?.reportingGroup) query.where('reporting_group', filter.reportingGroup);
  if (filter?.enrolledFrom) query.where('enrolled_on', '>=', filter.enrolledFrom);
  if (filter?.enrolledTo) query.where('enrolled_on', '<=', filter.enrolledTo);
  return paginate(
    query,
    page,
    [
      { column: 'enrolled_on', descending: true, valueOf: (c: CaseRow) => c.enrolled_on },
      { column: 'id', descending: true, valueOf: (c: CaseRow) => c.id },
    ],
    'cases',
  );
}
