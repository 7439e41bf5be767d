import { randomBytes } from 'node:crypto';
import { Knex } from 'knex';
import { isMysql } from '../db';

/**
 * The SQL the follow-up figures are counted with. Dates are `YYYY-MM-DD` in both
 * databases (SQLite stores the text, MySQL returns date strings and converts a DATE to that
 * text for `substr`), so month arithmetic on a row is plain `substr` arithmetic that both
 * understand; only the day count between two dates differs, and it lives here.
 */

/** A grouped statement's rows: knex's raw answer is `[rows, fields]` on MySQL and the rows on SQLite. */
export async function selectRows(db: Knex, sql: string, bindings: readonly unknown[]): Promise<Record<string, unknown>[]> {
  const result = await db.raw(sql, bindings as Knex.RawBinding[]);
  return (Array.isArray(result) && Array.isArray(result[0]) ? result[0] : result) as Record<string, unknown>[];
}

/** The month of a date column, `YYYY-MM`. */
export function monthOf(column: string): string {
  return `substr(${column}, 1, 7)`;
}

function monthIndex(column: string): string {
  return `(substr(${column}, 1, 4) * 12 + substr(${column}, 6, 2))`;
}

/**
 * Whether `later` is at most `months` calendar months after `earlier`: on or before the same
 * day of the month that many months on, clamped to a shorter month's end (30 Nov + 3 months
 * is 28 Feb). Both columns must be non-null where it matters.
 */
export function withinMonths(earlier: string, later: string, months: number): string {
  const diff = `(${monthIndex(later)} - ${monthIndex(earlier)})`;
  return `(${diff} < ${months} OR (${diff} = ${months} AND substr(${later}, 9, 2) + 0 <= substr(${earlier}, 9, 2) + 0))`;
}

/** Days from `earlier` to `later` (a number; 0 on the same day). */
export function daysBetween(db: Knex, earlier: string, later: string): string {
  return isMysql(db) ? `DATEDIFF(${later}, ${earlier})` : `(julianday(${later}) - julianday(${earlier}))`;
}

/** Column types a temporary set may have. */
type SetColumn = 'cell' | 'personnummer' | 'month';
const TYPES: Record<SetColumn, string> = { cell: 'INTEGER NOT NULL', personnummer: 'VARCHAR(12) NOT NULL', month: 'CHAR(7) NOT NULL' };

/**
 * Puts a set passed in from another subgraph into a temporary table for the length of one
 * transaction, so the database joins it against its own rows and groups the result: the
 * set is the only thing held in memory, never the rows it is joined with. The table has a
 * random name and is dropped afterwards (MySQL keeps temporary tables per connection, and
 * pooled connections live on).
 */
export async function withTemporarySet<R extends Record<string, string | number>, T>(
  db: Knex,
  columns: Record<keyof R & string, SetColumn>,
  rows: readonly R[],
  work: (trx: Knex.Transaction, table: string) => Promise<T>,
): Promise<T> {
  const table = `stats_set_${randomBytes(6).toString('hex')}`;
  const definition = Object.entries(columns)
    .map(([name, type]) => `${name} ${TYPES[type as SetColumn]}`)
    .join(', ');
  return db.transaction(async (trx) => {
    await trx.raw(`CREATE TEMPORARY TABLE ${table} (${definition})`);
    try {
      // 150 rows of a few columns each stays far below SQLite's limit on bound variables.
      for (let i = 0; i < rows.length; i += 150) await trx(table).insert(rows.slice(i, i + 150));
      return await work(trx, table);
    } finally {
      await trx.raw(isMysql(db) ? `DROP TEMPORARY TABLE IF EXISTS ${table}` : `DROP TABLE IF EXISTS temp.${table}`);
    }
  });
}
