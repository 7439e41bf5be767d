import { Knex } from 'knex';
import { forUpdate } from '../../lib/db';
import { conflict, notFound } from '../../lib/errors';
import { idempotent } from '../../lib/idempotency';
import { Caller } from '../../lib/identity';
import { ListScope, paginate, PageArgs, SortKey } from '../../lib/pagination';
import type {
  AddPlannedActivityInput,
  AssignProviderInput,
  ChangeJobSeekerRegistrationInput,
  ChangePlannedActivityInput,
  ChangeProviderAssignmentInput,
  ChangeSfiEnrolmentInput,
  EndPlannedActivityInput,
  EnrolInSfiInput,
  ProviderAssignmentFilter,
  ProviderKind,
  RecordMunicipalityReceptionInput,
  RecordResidencePermitInput,
  RegisterJobSeekerInput,
  SfiEnrolmentFilter,
} from './__generated__/resolvers-types';
import {
  AgencyRow,
  ProviderAssignmentPage,
  ProviderRow,
  StoredPlannedActivity,
  StoredProviderAssignment,
  StoredReception,
  StoredRegistration,
  StoredResidencePermit,
  StoredSfiEnrolment,
  SfiEnrolmentPage,
  Versioned,
} from './models';
import {
  applyChange,
  checkPermit,
  checkRegistration,
  checkSfiCourse,
  checkVersion,
  receptionVersion,
  registrationOf,
  requiredText,
} from './record-rules';
import {
  changedTiming,
  checkEndedOn,
  checkNotEnded,
  checkProvider,
  checkStartAfterRegistration,
  checkTiming,
  PROVIDER_KINDS,
} from './scheduled-rules';

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

export function registrationsByPersonnummer(db: Knex, personnummer: string[]): Promise<StoredRegistration[]> {
  return db('job_seeker_registrations').whereIn('personnummer', personnummer).orderBy(newestFirst('registered_on'));
}

export function activitiesByRegistration(db: Knex, ids: string[]): Promise<StoredPlannedActivity[]> {
  return db('planned_activities').whereIn('registration_id', ids).orderBy([{ column: 'start_date' }, { column: 'id' }]);
}

export function permitsByPersonnummer(db: Knex, personnummer: string[]): Promise<StoredResidencePermit[]> {
  return db('residence_permits').whereIn('personnummer', personnummer).orderBy(newestFirst('granted_on'));
}

export function receptionsByPersonnummer(db: Knex, personnummer: string[]): Promise<StoredReception[]> {
  return db('municipality_receptions').whereIn('personnummer', personnummer);
}

export function sfiEnrolmentsByPersonnummer(db: Knex, personnummer: string[]): Promise<StoredSfiEnrolment[]> {
  return db('sfi_enrolments').whereIn('personnummer', personnummer).orderBy(newestFirst('start_date'));
}

export function assignmentsByPersonnummer(db: Knex, personnummer: string[]): Promise<StoredProviderAssignment[]> {
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
  scope: ListScope,
  filter: SfiEnrolmentFilter | null | undefined,
  page: PageArgs,
): Promise<SfiEnrolmentPage> {
  const query = scope(db('sfi_enrolments').select('*'));
  if (filter?.schoolId) query.where('school_id', filter.schoolId);
  if (filter?.course) query.where('course', filter.course);
  whereActive(query, filter?.activeFrom, filter?.activeTo);
  return paginate(query, page, newestStartFirst<StoredSfiEnrolment>(), 'sfiEnrolments');
}

export function listProviderAssignments(
  db: Knex,
  scope: ListScope,
  filter: ProviderAssignmentFilter | null | undefined,
  page: PageArgs,
): Promise<ProviderAssignmentPage> {
  const query = scope(db('provider_assignments').select('*'));
  if (filter?.providerId) query.where('provider_id', filter.providerId);
  if (filter?.service) query.where('service', filter.service);
  whereActive(query, filter?.activeFrom, filter?.activeTo);
  return paginate(query, page, newestStartFirst<StoredProviderAssignment>(), 'providerAssignments');
}

/*
 * The write side. Every mutation runs in one transaction through `idempotent`, so a retry
 * with the same key writes once; checks that need no database come first, and a row to be
 * changed is locked before its version is compared, so two writers cannot both pass.
 */

/** Where each table's rows are found again, for a replay of an earlier write. */
function loadBy<R>(table: string, column = 'id') {
  return async (db: Knex, key: string): Promise<R> => db(table).where({ [column]: key }).first();
}

/** One mutation that writes a row of `table` and returns it; `run` gets the transaction. */
function writeRow<R extends { id: number }>(
  db: Knex,
  caller: Caller,
  key: string | null | undefined,
  operation: string,
  input: unknown,
  table: string,
  run: (trx: Knex.Transaction) => Promise<R>,
): Promise<R> {
  return idempotent(db, { caller, key, operation, input, run, idOf: (row) => row.id, load: loadBy<R>(table) });
}

/** Inserts a row with who recorded it, and reads it back as stored. */
async function insertRow<R>(trx: Knex.Transaction, table: string, caller: Caller, row: object): Promise<R> {
  const [id] = await trx(table).insert({ ...row, recorded_by: caller.user });
  return trx(table).where({ id }).first();
}

/** The row `input.id` names, locked until the transaction ends; none is NOT_FOUND. */
async function lockById<R>(trx: Knex.Transaction, table: string, id: string): Promise<R> {
  const row: R | undefined = await forUpdate(trx(table).where({ id }), trx).first();
  if (!row) throw notFound('input.id');
  return row;
}

/** Writes a change to a locked row at its next version, and reads it back. */
async function updateRow<R>(trx: Knex.Transaction, table: string, caller: Caller, row: Versioned & { id: number }, changes: object): Promise<R> {
  await trx(table)
    .where({ id: row.id })
    .update({ ...changes, version: row.version + 1, changed_by: caller.user });
  return trx(table).where({ id: row.id }).first();
}

async function providerById(trx: Knex, id: string | number): Promise<ProviderRow | undefined> {
  return trx('providers').where({ id }).first();
}

export function registerJobSeeker(
  db: Knex,
  caller: Caller,
  input: RegisterJobSeekerInput,
  key?: string | null,
): Promise<StoredRegistration> {
  const columns = checkRegistration({ ...input, programmeFrom: input.programmeFrom ?? null, programmeTo: input.programmeTo ?? null });
  return writeRow(db, caller, key, 'registerJobSeeker', input, 'job_seeker_registrations', (trx) =>
    insertRow(trx, 'job_seeker_registrations', caller, { personnummer: input.personnummer, ...columns }),
  );
}

export function changeJobSeekerRegistration(
  db: Knex,
  caller: Caller,
  input: ChangeJobSeekerRegistrationInput,
  key?: string | null,
): Promise<StoredRegistration> {
  const { id, version, ...change } = input;
  return writeRow(db, caller, key, 'changeJobSeekerRegistration', input, 'job_seeker_registrations', async (trx) => {
    const row = await lockById<StoredRegistration>(trx, 'job_seeker_registrations', id);
    checkVersion(row, version, 'registration');
    const columns = checkRegistration(applyChange(registrationOf(row), change, ['programmeFrom', 'programmeTo']));
    return updateRow(trx, 'job_seeker_registrations', caller, row, columns);
  });
}

export function addPlannedActivity(
  db: Knex,
  caller: Caller,
  input: AddPlannedActivityInput,
  key?: string | null,
): Promise<StoredPlannedActivity> {
  const title = requiredText(input.title, 'input.title');
  const timing = checkTiming({ ...input, endDate: input.endDate ?? null });
  return writeRow(db, caller, key, 'addPlannedActivity', input, 'planned_activities', async (trx) => {
    const registration: StoredRegistration | undefined = await trx('job_seeker_registrations').where({ id: input.registrationId }).first();
    if (!registration) throw notFound('input.registrationId');
    checkStartAfterRegistration(input.startDate, registration.registered_on);
    if (input.providerId != null) {
      checkProvider(await providerById(trx, input.providerId), PROVIDER_KINDS.plannedActivity, 'input.providerId');
    }
    return insertRow(trx, 'planned_activities', caller, {
      registration_id: registration.id,
      kind: input.kind,
      title,
      provider_id: input.providerId ?? null,
      ...timing,
    });
  });
}

export function changePlannedActivity(
  db: Knex,
  caller: Caller,
  input: ChangePlannedActivityInput,
  key?: string | null,
): Promise<StoredPlannedActivity> {
  const title = input.title == null ? undefined : requiredText(input.title, 'input.title');
  return writeRow(db, caller, key, 'changePlannedActivity', input, 'planned_activities', async (trx) => {
    const row = await lockById<StoredPlannedActivity>(trx, 'planned_activities', input.id);
    checkNotEnded(row);
    checkVersion(row, input.version, 'activity');
    const timing = changedTiming(row, input);
    if (input.startDate != null) {
      const registration: StoredRegistration = await trx('job_seeker_registrations').where({ id: row.registration_id }).first();
      checkStartAfterRegistration(input.startDate, registration.registered_on);
    }
    return updateRow(trx, 'planned_activities', caller, row, { ...timing, title: title ?? row.title });
  });
}

export function endPlannedActivity(
  db: Knex,
  caller: Caller,
  input: EndPlannedActivityInput,
  key?: string | null,
): Promise<StoredPlannedActivity> {
  return writeRow(db, caller, key, 'endPlannedActivity', input, 'planned_activities', async (trx) => {
    const row = await lockById<StoredPlannedActivity>(trx, 'planned_activities', input.id);
    checkNotEnded(row);
    checkVersion(row, input.version, 'activity');
    checkEndedOn(row, input.endedOn);
    return updateRow(trx, 'planned_activities', caller, row, { ended_on: input.endedOn, end_date: input.endedOn });
  });
}

export function recordResidencePermit(
  db: Knex,
  caller: Caller,
  input: RecordResidencePermitInput,
  key?: string | null,
): Promise<StoredResidencePermit> {
  checkPermit(input);
  return writeRow(db, caller, key, 'recordResidencePermit', input, 'residence_permits', async (trx) => {
    const same = { personnummer: input.personnummer, kind: input.kind, granted_on: input.grantedOn };
    if (await trx('residence_permits').where(same).first()) {
      throw conflict('input.grantedOn', `already has a ${input.kind} permit recorded for the person`);
    }
    return insertRow(trx, 'residence_permits', caller, { ...same, valid_until: input.validUntil ?? null });
  });
}

export function recordMunicipalityReception(
  db: Knex,
  caller: Caller,
  input: RecordMunicipalityReceptionInput,
  key?: string | null,
): Promise<StoredReception> {
  const { personnummer } = input;
  return idempotent(db, {
    caller,
    key,
    operation: 'recordMunicipalityReception',
    input,
    idOf: (reception) => reception.personnummer,
    load: loadBy<StoredReception>('municipality_receptions', 'personnummer'),
    run: async (trx) => {
      // The row is the person's one reception: locking it makes a second writer wait and
      // then find it changed. Two first recordings race on the primary key instead.
      const current: StoredReception | undefined = await forUpdate(trx('municipality_receptions').where({ personnummer }), trx).first();
      const version = receptionVersion(current, input.version);
      if (current) {
        await trx('municipality_receptions')
          .where({ personnummer })
          .update({ received_on: input.receivedOn, version, changed_by: caller.user });
      } else {
        await trx('municipality_receptions').insert({ personnummer, received_on: input.receivedOn, recorded_by: caller.user });
      }
      return trx('municipality_receptions').where({ personnummer }).first();
    },
  });
}

export function enrolInSfi(db: Knex, caller: Caller, input: EnrolInSfiInput, key?: string | null): Promise<StoredSfiEnrolment> {
  checkSfiCourse(input.studyPath, input.course);
  const timing = checkTiming({ ...input, endDate: input.endDate ?? null });
  return writeRow(db, caller, key, 'enrolInSfi', input, 'sfi_enrolments', async (trx) => {
    const school = checkProvider(await providerById(trx, input.schoolId), PROVIDER_KINDS.sfiEnrolment, 'input.schoolId');
    return insertRow(trx, 'sfi_enrolments', caller, {
      personnummer: input.personnummer,
      school_id: school.id,
      course: input.course,
      study_path: input.studyPath,
      ...timing,
    });
  });
}

export function changeSfiEnrolment(
  db: Knex,
  caller: Caller,
  input: ChangeSfiEnrolmentInput,
  key?: string | null,
): Promise<StoredSfiEnrolment> {
  return writeRow(db, caller, key, 'changeSfiEnrolment', input, 'sfi_enrolments', async (trx) => {
    const row = await lockById<StoredSfiEnrolment>(trx, 'sfi_enrolments', input.id);
    checkVersion(row, input.version, 'enrolment');
    const course = input.course ?? row.course;
    checkSfiCourse(row.study_path, course);
    return updateRow(trx, 'sfi_enrolments', caller, row, { ...changedTiming(row, input), course });
  });
}

export function assignProvider(
  db: Knex,
  caller: Caller,
  input: AssignProviderInput,
  key?: string | null,
): Promise<StoredProviderAssignment> {
  const timing = checkTiming({ ...input, endDate: input.endDate ?? null });
  return writeRow(db, caller, key, 'assignProvider', input, 'provider_assignments', async (trx) => {
    const provider = checkProvider(await providerById(trx, input.providerId), PROVIDER_KINDS.providerAssignment, 'input.providerId');
    return insertRow(trx, 'provider_assignments', caller, {
      personnummer: input.personnummer,
      provider_id: provider.id,
      service: input.service,
      ...timing,
    });
  });
}

export function changeProviderAssignment(
  db: Knex,
  caller: Caller,
  input: ChangeProviderAssignmentInput,
  key?: string | null,
): Promise<StoredProviderAssignment> {
  return writeRow(db, caller, key, 'changeProviderAssignment', input, 'provider_assignments', async (trx) => {
    const row = await lockById<StoredProviderAssignment>(trx, 'provider_assignments', input.id);
    checkVersion(row, input.version, 'assignment');
    return updateRow(trx, 'provider_assignments', caller, row, changedTiming(row, input));
  });
}
