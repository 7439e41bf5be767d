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

/**
 * Makes MySQL reach a table through the named index. A passed-in set must drive its join
 * (each entry one index lookup); on a table bulk-loaded after its indexes were made, the
 * optimizer's statistics can lag and send it through another index, one scan per entry
 * (seen at 10,000 people: 1.1 s instead of 4 ms). SQLite's planner needs no hint.
 */
export function forceIndex(db: Knex, index: string): string {
  return isMysql(db) ? ` FORCE INDEX (${index})` : '';
}

/** Days from `earlier` to `later` (a number; 0 on the same day). */
export function daysBetween(db: Knex, earlier: string, later: string): string {
  return isMysql(db) ? `DATEDIFF(${later}, ${earlier})` : `(julianday(${later}) - julianday(${earlier}))`;
}

/**
 * A temporary set's columns: `'integer'`, or the name of a column of the set's source table
 * whose type (and, on MySQL, collation) it takes, so a join on it can use that table's index.
 */
export type SetColumns = Record<string, 'integer' | { like: string }>;

/**
 * Puts a set passed in from another subgraph into a temporary table for the length of one
 * transaction, so the database joins it against its own rows and groups the result: the
 * set is the only thing held in memory, never the rows it is joined with. The table copies
 * its column types from `source` (a VARCHAR of the database's default collation would not
 * match a column of the table's, and MySQL would then join without the index); it has a
 * random name and is dropped afterwards (MySQL keeps temporary tables per connection, and
 * pooled connections live on).
 */
export async function withTemporarySet<R extends Record<string, string | number>, T>(
  db: Knex,
  source: string,
  columns: Record<keyof R & string, 'integer' | { like: string }>,
  rows: readonly R[],
  work: (trx: Knex.Transaction, table: string) => Promise<T>,
): Promise<T> {
  const table = `stats_set_${randomBytes(6).toString('hex')}`;
  const integer = isMysql(db) ? 'SIGNED' : 'INTEGER';
  // Every name is bound as an identifier (??), so no part of the statement is built from data.
  const entries = Object.entries(columns as SetColumns);
  const select = entries.map(([, type]) => (type === 'integer' ? `CAST(0 AS ${integer}) AS ??` : '?? AS ??')).join(', ');
  const names = entries.flatMap(([name, type]) => (type === 'integer' ? [name] : [`s.${type.like}`, name]));
  return db.transaction(async (trx) => {
    await trx.raw(`CREATE TEMPORARY TABLE ?? AS SELECT ${select} FROM ?? AS s WHERE 1 = 0`, [table, ...names, source]);
    try {
      // 150 rows of a few columns each stays far below SQLite's limit on bound variables.
      for (let i = 0; i < rows.length; i += 150) await trx(table).insert(rows.slice(i, i + 150));
      return await work(trx, table);
    } finally {
      await trx.raw(isMysql(db) ? 'DROP TEMPORARY TABLE IF EXISTS ??' : 'DROP TABLE IF EXISTS ??', [isMysql(db) ? table : `temp.${table}`]);
    }
  });
}
