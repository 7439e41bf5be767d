import { Knex } from 'knex';
import { paginate, PageArgs, SortKey } from '../../lib/pagination';
import type { ProviderAssignmentFilter, ProviderKind, SfiEnrolmentFilter } from './__generated__/resolvers-types';
import {
  AgencyRow,
  PlannedActivityRow,
  ProviderAssignmentPage,
  ProviderAssignmentRow,
  ProviderRow,
  ReceptionRow,
  RegistrationRow,
  ResidencePermitRow,
  SfiEnrolmentPage,
  SfiEnrolmentRow,
} from './models';

/**
 * Every query the partners subgraph runs. The `…By…` functions take a batch of keys and
 * back the DataLoaders; the list functions back the root connections.
 */

export function allAgencies(db: Knex): Promise<AgencyRow[]> {
  return db('agencies').orderBy('name');
}

export function providersByAgency(db: Knex, codes: string[]): Promise<ProviderRow[]> {
  return db('providers').whereIn('agency_code', codes).orderBy('name');
}

export function listProviders(db: Knex, kind: ProviderKind | null | undefined): Promise<ProviderRow[]> {
  const query = db('providers').orderBy('name');
  if (kind) query.where('kind', kind);
  return query;
}

/** Newest first: the current record is the one a reader wants. */
function newestFirst(column: string) {
  return [
    { column, order: 'desc' as const },
    { column: 'id', order: 'desc' as const },
  ];
}

export function registrationsByPersonnummer(db: Knex, personnummer: string[]): Promise<RegistrationRow[]> {
  return db('job_seeker_registrations').whereIn('personnummer', personnummer).orderBy(newestFirst('registered_on'));
}

export function activitiesByRegistration(db: Knex, ids: string[]): Promise<PlannedActivityRow[]> {
  return db('planned_activities').whereIn('registration_id', ids).orderBy([{ column: 'start_date' }, { column: 'id' }]);
}

export function permitsByPersonnummer(db: Knex, personnummer: string[]): Promise<ResidencePermitRow[]> {
  return db('residence_permits').whereIn('personnummer', personnummer).orderBy(newestFirst('granted_on'));
}

export function receptionsByPersonnummer(db: Knex, personnummer: string[]): Promise<ReceptionRow[]> {
  return db('municipality_receptions').whereIn('personnummer', personnummer);
}

export function sfiEnrolmentsByPersonnummer(db: Knex, personnummer: string[]): Promise<SfiEnrolmentRow[]> {
  return db('sfi_enrolments').whereIn('personnummer', personnummer).orderBy(newestFirst('start_date'));
}

export function assignmentsByPersonnummer(db: Knex, personnummer: string[]): Promise<ProviderAssignmentRow[]> {
  return db('provider_assignments').whereIn('personnummer', personnummer).orderBy(newestFirst('start_date'));
}

/** Runs on some day in [activeFrom, activeTo]: not ended before `activeFrom`, not started after `activeTo`. */
function whereActive(query: Knex.QueryBuilder, activeFrom?: string | null, activeTo?: string | null): void {
  if (activeFrom) query.where((q) => q.whereNull('end_date').orWhere('end_date', '>=', activeFrom));
  if (activeTo) query.where('start_date', '<=', activeTo);
}

function newestStartFirst<R extends { start_date: string; id: number }>(): SortKey<R>[] {
  return [
    { column: 'start_date', descending: true, valueOf: (r) => r.start_date },
    { column: 'id', descending: true, valueOf: (r) => r.id },
  ];
}

export function listSfiEnrolments(
  db: Knex,
  filter: SfiEnrolmentFilter | null | undefined,
  page: PageArgs,
): Promise<SfiEnrolmentPage> {
  const query = db('sfi_enrolments').select('*');
  if (filter?.schoolId) query.where('school_id', filter.schoolId);
  if (filter?.course) query.where('course', filter.course);
  whereActive(query, filter?.activeFrom, filter?.activeTo);
  return paginate(query, page, newestStartFirst<SfiEnrolmentRow>(), 'sfiEnrolments');
}

export function listProviderAssignments(
  db: Knex,
  filter: ProviderAssignmentFilter | null | undefined,
  page: PageArgs,
): Promise<ProviderAssignmentPage> {
  const query = db('provider_assignments').select('*');
  if (filter?.providerId) query.where('provider_id', filter.providerId);
  if (filter?.service) query.where('service', filter.service);
  whereActive(query, filter?.activeFrom, filter?.activeTo);
  return paginate(query, page, newestStartFirst<ProviderAssignmentRow>(), 'providerAssignments');
}
