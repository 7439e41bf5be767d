import { badInput, conflict } from '../../../lib/errors';
import type { RecordResidencePermitInput, SfiCourse } from '../__generated__/resolvers-types';
import { RegistrationRow, StoredReception, Versioned } from '../models';

/**
 * The rules the partner agencies' records keep apart from their timing, as plain
 * functions: what a job-seeker registration, a residence permit, a municipality reception
 * and an Sfi course must say, and how a change states the version it is based on.
 */

/** A change based on an older version than the record's is refused: someone changed it since. */
export function checkVersion(record: Pick<Versioned, 'version'>, version: number, what: string): void {
  if (record.version !== version) throw conflict('input.version', `is stale: the ${what} is at version ${record.version}`);
}

/**
 * `current` with `change` applied: a field left out (undefined) keeps its value; null
 * clears a field listed in `clearable` and keeps any other, which may not be empty.
 */
export function applyChange<T extends object>(current: T, change: { [K in keyof T]?: T[K] | null }, clearable: readonly (keyof T)[]): T {
  const next = { ...current };
  for (const key of Object.keys(change) as (keyof T)[]) {
    const value = change[key];
    if (value === undefined || (value === null && !clearable.includes(key))) continue;
    next[key] = value as T[keyof T];
  }
  return next;
}

/** A text the record cannot do without, trimmed; blank is refused. */
export function requiredText(value: string, field: string): string {
  const trimmed = value.trim();
  if (!trimmed) throw badInput(field, 'must not be empty');
  return trimmed;
}

/** A registration as the input names its fields. */
export interface Registration {
  registeredOn: string;
  office: string;
  programme: RegistrationRow['programme'];
  programmeFrom: string | null;
  programmeTo: string | null;
  programmeExtentPercent: number;
}

/**
 * A registration in no programme has no programme dates and no extent; one in a programme
 * starts it on or after registering, ends it (if at all) after it starts, and takes part
 * 1–100 % of full time. Returns the columns to store.
 */
export function checkRegistration(r: Registration): Omit<RegistrationRow, 'id' | 'personnummer'> {
  const office = requiredText(r.office, 'input.office');
  if (r.programme === 'NONE') {
    if (r.programmeFrom !== null) throw badInput('input.programmeFrom', 'must be null when programme is NONE');
    if (r.programmeTo !== null) throw badInput('input.programmeTo', 'must be null when programme is NONE');
    if (r.programmeExtentPercent !== 0) throw badInput('input.programmeExtentPercent', 'must be 0 when programme is NONE');
  } else {
    if (r.programmeFrom === null) throw badInput('input.programmeFrom', `is required for ${r.programme}`);
    if (r.programmeFrom < r.registeredOn) {
      throw badInput('input.programmeFrom', `is before the day of registration ${r.registeredOn}`);
    }
    if (r.programmeTo !== null && r.programmeTo < r.programmeFrom) {
      throw badInput('input.programmeTo', `is before the programme starts on ${r.programmeFrom}`);
    }
    if (!Number.isInteger(r.programmeExtentPercent) || r.programmeExtentPercent < 1 || r.programmeExtentPercent > 100) {
      throw badInput('input.programmeExtentPercent', `must be 1–100 in ${r.programme}`);
    }
  }
  return {
    registered_on: r.registeredOn,
    office,
    programme: r.programme,
    programme_from: r.programmeFrom,
    programme_to: r.programmeTo,
    programme_extent_percent: r.programmeExtentPercent,
  };
}

/** The registration a stored row describes, in the input's terms, for applying a change to. */
export function registrationOf(row: RegistrationRow): Registration {
  return {
    registeredOn: row.registered_on,
    office: row.office,
    programme: row.programme,
    programmeFrom: row.programme_from,
    programmeTo: row.programme_to,
    programmeExtentPercent: row.programme_extent_percent,
  };
}

/** A permanent permit has no last day; a temporary one has one, on or after the day it was granted. */
export function checkPermit(input: RecordResidencePermitInput): void {
  const validUntil = input.validUntil ?? null;
  if (input.kind === 'PERMANENT') {
    if (validUntil !== null) throw badInput('input.validUntil', 'must be left out for a permanent permit');
    return;
  }
  if (validUntil === null) throw badInput('input.validUntil', `is required for a ${input.kind} permit`);
  if (validUntil < input.grantedOn) throw badInput('input.validUntil', `is before the day it was granted ${input.grantedOn}`);
}

/**
 * A person has one reception date. Recording over it needs the version it was read at;
 * recording without one where one exists, or with one where none does, is a conflict.
 * @returns the version the recorded reception gets.
 */
export function receptionVersion(current: StoredReception | undefined, version: number | null | undefined): number {
  if (version == null) {
    if (current) {
      throw conflict(
        'input.personnummer',
        `already has a reception date (${current.received_on}, version ${current.version}); to change it, give version`,
      );
    }
    return 1;
  }
  if (!current) throw conflict('input.version', 'names no reception: none is recorded for the person; leave version out');
  checkVersion(current, version, 'reception');
  return current.version + 1;
}

/** The Sfi courses each study path (studieväg) teaches, from little prior schooling to much. */
export const SFI_COURSES_OF_PATH: Readonly<Record<number, readonly SfiCourse[]>> = { 1: ['A', 'B'], 2: ['B', 'C'], 3: ['C', 'D'] };

/** The study path must be 1–3 and teach the course. */
export function checkSfiCourse(studyPath: number, course: SfiCourse): void {
  const courses = SFI_COURSES_OF_PATH[studyPath];
  if (!courses) throw badInput('input.studyPath', 'must be 1, 2 or 3');
  if (!courses.includes(course)) {
    throw badInput('input.course', `is not taught on study path ${studyPath}, which teaches ${courses.join(' and ')}`);
  }
}
