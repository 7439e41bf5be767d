import { badInput, conflict, notFound } from '../../../lib/errors';
import { Versioned } from '../models';

/**
 * What every record the partner agencies keep holds to, as plain functions: a change
 * states the version it is based on, and a text the record needs says something.
 */

/** A change based on an older version than the record's is refused: someone changed it since. */
export function checkVersion(record: Pick<Versioned, 'version'>, version: number, what: string): void {
  if (record.version !== version) throw conflict('input.version', `is stale: the ${what} is at version ${record.version}`);
}

/** A text the record cannot do without, trimmed; blank is refused. */
export function requiredText(value: string, field: string): string {
  const trimmed = value.trim();
  if (!trimmed) throw badInput(field, 'must not be empty');
  return trimmed;
}

/** A record's id as the tables store it, a whole number; anything else names no record (and MySQL would read `12abc` as 12). */
export function idFrom(id: string, field: string): number {
  if (!/^[1-9]\d{0,9}$/.test(id)) throw notFound(field);
  return Number(id);
}
