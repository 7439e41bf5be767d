import { badInput } from '../../../lib/errors';
import { RegistrationRow } from '../models';
import { requiredText } from './record';

/**
 * The rules Arbetsförmedlingen's job-seeker registration keeps, as plain functions: what it
 * must say about the programme, and how a change applies to it. Errors name the input
 * field at fault.
 */

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
