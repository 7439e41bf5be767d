import { conflict } from '../../../lib/errors';
import { StoredReception } from '../models';
import { checkVersion } from './record';

/** The rules Migrationsverket's municipality reception keeps, as a plain function. */

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

/**
 * Who counts as newly arrived, by Migrationsverket's record of reception: shared by the
 * partners' answer to the graph and the seed. Pure, no I/O.
 */

/**
 * Newly arrived (nyanländ): received in a municipality less than three years before `on`
 * (the definition of the establishment reform, lag 2010:197).
 */
export function isNewlyArrived(receivedOn: string | null, on: string): boolean {
  if (receivedOn === null || receivedOn > on) return false;
  const [y, m, d] = receivedOn.split('-');
  return on < `${Number(y) + 3}-${m}-${d}`;
}
