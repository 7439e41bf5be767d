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
