import { Knex } from 'knex';
import { forUpdate } from '../../lib/db';
import { conflict, notFound } from '../../lib/errors';
import { idempotentRow, isUniqueViolation, WriteRequest } from '../../lib/idempotency';
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
  ProgrammePartInput,
  ProviderAssignmentFilter,
  ProviderKind,
  RecordMunicipalityReceptionInput,
  RecordResidencePermitInput,
  RegisterJobSeekerInput,
  SfiEnrolmentFilter,
} from './__generated__/resolvers-types';
import {
  AgencyRow,
  ProgrammePartRow,
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
import { checkEndedOn, checkNotEnded, checkStartAfterRegistration } from './rules/planned-activity';
import { checkPermit } from './rules/permit';
import { checkInProgramme, checkNotYetPart, checkSamePerson, PART_KINDS } from './rules/programme-part';
import { checkProvider, PROVIDER_KINDS } from './rules/provider';
import { receptionVersion } from './rules/reception';
import { checkVersion, idFrom, requiredText } from './rules/record';
import { applyChange, checkRegistration, registrationOf } from './rules/registration';
import { changedTiming, checkTiming } from './rules/schedule';
import { checkSfiCourse } from './rules/sfi';

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

export function partsByRegistration(db: Knex, ids: string[]): Promise<ProgrammePartRow[]> {
  return db('programme_parts').whereIn('registration_id', ids).orderBy('id');
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
 * The write side. Every mutation runs in one transaction through `idempotentRow`, so a
 * retry with the same key writes once; checks that need no database come first, and a row
 * to be changed is locked before its version is compared, so two writers cannot both pass.
 */

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

export async function registerJobSeeker(db: Knex, request: WriteRequest<RegisterJobSeekerInput>, now: Date): Promise<StoredRegistration> {
  const { input, caller } = request;
  const columns = checkRegistration({ ...input, programmeFrom: input.programmeFrom ?? null, programmeTo: input.programmeTo ?? null });
  return idempotentRow(db, 'job_seeker_registrations', request, now, (trx) =>
    insertRow(trx, 'job_seeker_registrations', caller, { personnummer: input.personnummer, ...columns }),
  );
}

export async function changeJobSeekerRegistration(
  db: Knex,
  request: WriteRequest<ChangeJobSeekerRegistrationInput>,
  now: Date,
): Promise<StoredRegistration> {
  const { input, caller } = request;
  const { id, version, ...change } = input;
  return idempotentRow(db, 'job_seeker_registrations', request, now, async (trx) => {
    const row = await lockById<StoredRegistration>(trx, 'job_seeker_registrations', id);
    checkVersion(row, version, 'registration');
    const columns = checkRegistration(applyChange(registrationOf(row), change, ['programmeFrom', 'programmeTo']));
    // Out of every programme, nothing is part of one any more.
    if (columns.programme === 'NONE') await trx('programme_parts').where({ registration_id: row.id }).delete();
    return updateRow(trx, 'job_seeker_registrations', caller, row, columns);
  });
}

/** The registration a change to its programme's parts names, locked and at the version the writer read. */
async function lockRegistration(trx: Knex.Transaction, input: ProgrammePartInput): Promise<StoredRegistration> {
  const id = idFrom(input.registrationId, 'input.registrationId');
  const registration: StoredRegistration | undefined = await forUpdate(trx('job_seeker_registrations').where({ id }), trx).first();
  if (!registration) throw notFound('input.registrationId');
  checkVersion(registration, input.version, 'registration');
  return registration;
}

/**
 * Records another agency's record as part of a registration's programme. The record must be
 * the same person's and part of no programme yet; two writers adding it at once meet on the
 * unique index. The registration's version moves on: its programme's plan changed.
 */
export async function addProgrammePart(db: Knex, request: WriteRequest<ProgrammePartInput>, now: Date): Promise<StoredRegistration> {
  const { input, caller } = request;
  const { table, column } = PART_KINDS[input.kind];
  const recordId = idFrom(input.recordId, 'input.recordId');
  return idempotentRow(db, 'job_seeker_registrations', request, now, async (trx) => {
    const registration = await lockRegistration(trx, input);
    checkInProgramme(registration);
    checkSamePerson<{ personnummer: string }>(await trx(table).select('personnummer').where({ id: recordId }).first(), registration);
    checkNotYetPart(await trx('programme_parts').where(column, recordId).first(), registration);
    try {
      await trx('programme_parts').insert({ registration_id: registration.id, [column]: recordId, recorded_by: caller.user });
    } catch (error) {
      if (isUniqueViolation(error)) throw conflict('input.recordId', 'was recorded as part of a programme by someone else at the same moment');
      throw error;
    }
    return updateRow(trx, 'job_seeker_registrations', caller, registration, {});
  });
}

/** Takes a record out of a registration's programme; one that is not part of it is NOT_FOUND. */
export async function removeProgrammePart(db: Knex, request: WriteRequest<ProgrammePartInput>, now: Date): Promise<StoredRegistration> {
  const { input, caller } = request;
  const { column } = PART_KINDS[input.kind];
  const recordId = idFrom(input.recordId, 'input.recordId');
  return idempotentRow(db, 'job_seeker_registrations', request, now, async (trx) => {
    const registration = await lockRegistration(trx, input);
    const removed = await trx('programme_parts').where({ registration_id: registration.id, [column]: recordId }).delete();
    if (!removed) throw notFound('input.recordId');
    return updateRow(trx, 'job_seeker_registrations', caller, registration, {});
  });
}

export async function addPlannedActivity(
  db: Knex,
  request: WriteRequest<AddPlannedActivityInput>,
  now: Date,
): Promise<StoredPlannedActivity> {
  const { input, caller } = request;
  const title = requiredText(input.title, 'input.title');
  const timing = checkTiming({ ...input, endDate: input.endDate ?? null });
  return idempotentRow(db, 'planned_activities', request, now, async (trx) => {
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

export async function changePlannedActivity(
  db: Knex,
  request: WriteRequest<ChangePlannedActivityInput>,
  now: Date,
): Promise<StoredPlannedActivity> {
  const { input, caller } = request;
  const title = input.title == null ? undefined : requiredText(input.title, 'input.title');
  return idempotentRow(db, 'planned_activities', request, now, async (trx) => {
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

export async function endPlannedActivity(
  db: Knex,
  request: WriteRequest<EndPlannedActivityInput>,
  now: Date,
): Promise<StoredPlannedActivity> {
  const { input, caller } = request;
  return idempotentRow(db, 'planned_activities', request, now, async (trx) => {
    const row = await lockById<StoredPlannedActivity>(trx, 'planned_activities', input.id);
    checkNotEnded(row);
    checkVersion(row, input.version, 'activity');
    checkEndedOn(row, input.endedOn);
    return updateRow(trx, 'planned_activities', caller, row, { ended_on: input.endedOn, end_date: input.endedOn });
  });
}

export async function recordResidencePermit(
  db: Knex,
  request: WriteRequest<RecordResidencePermitInput>,
  now: Date,
): Promise<StoredResidencePermit> {
  const { input, caller } = request;
  checkPermit(input);
  return idempotentRow(db, 'residence_permits', request, now, async (trx) => {
    const same = { personnummer: input.personnummer, kind: input.kind, granted_on: input.grantedOn };
    if (await trx('residence_permits').where(same).first()) {
      throw conflict('input.grantedOn', `already has a ${input.kind} permit recorded for the person`);
    }
    return insertRow(trx, 'residence_permits', caller, { ...same, valid_until: input.validUntil ?? null });
  });
}

export async function recordMunicipalityReception(
  db: Knex,
  request: WriteRequest<RecordMunicipalityReceptionInput>,
  now: Date,
): Promise<StoredReception> {
  const { input, caller } = request;
  const { personnummer } = input;
  return idempotentRow(
    db,
    'municipality_receptions',
    request,
    now,
    async (trx) => {
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
    { keyColumn: 'personnummer' },
  );
}

export async function enrolInSfi(db: Knex, request: WriteRequest<EnrolInSfiInput>, now: Date): Promise<StoredSfiEnrolment> {
  const { input, caller } = request;
  checkSfiCourse(input.studyPath, input.course);
  const timing = checkTiming({ ...input, endDate: input.endDate ?? null });
  return idempotentRow(db, 'sfi_enrolments', request, now, async (trx) => {
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

export async function changeSfiEnrolment(
  db: Knex,
  request: WriteRequest<ChangeSfiEnrolmentInput>,
  now: Date,
): Promise<StoredSfiEnrolment> {
  const { input, caller } = request;
  return idempotentRow(db, 'sfi_enrolments', request, now, async (trx) => {
    const row = await lockById<StoredSfiEnrolment>(trx, 'sfi_enrolments', input.id);
    checkVersion(row, input.version, 'enrolment');
    const course = input.course ?? row.course;
    checkSfiCourse(row.study_path, course);
    return updateRow(trx, 'sfi_enrolments', caller, row, { ...changedTiming(row, input), course });
  });
}

export async function assignProvider(db: Knex, request: WriteRequest<AssignProviderInput>, now: Date): Promise<StoredProviderAssignment> {
  const { input, caller } = request;
  const timing = checkTiming({ ...input, endDate: input.endDate ?? null });
  return idempotentRow(db, 'provider_assignments', request, now, async (trx) => {
    const provider = checkProvider(await providerById(trx, input.providerId), PROVIDER_KINDS.providerAssignment, 'input.providerId');
    return insertRow(trx, 'provider_assignments', caller, {
      personnummer: input.personnummer,
      provider_id: provider.id,
      service: input.service,
      ...timing,
    });
  });
}

export async function changeProviderAssignment(
  db: Knex,
  request: WriteRequest<ChangeProviderAssignmentInput>,
  now: Date,
): Promise<StoredProviderAssignment> {
  const { input, caller } = request;
  return idempotentRow(db, 'provider_assignments', request, now, async (trx) => {
    const row = await lockById<StoredProviderAssignment>(trx, 'provider_assignments', input.id);
    checkVersion(row, input.version, 'assignment');
    return updateRow(trx, 'provider_assignments', caller, row, changedTiming(row, input));
  });
}
