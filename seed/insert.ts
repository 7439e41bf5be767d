import { Knex } from 'knex';
import { DEFAULT_SEED, generateWorld, PersonBundle } from './world';

/**
 * Writing the seed: rows in chunks that every supported database accepts, buffered per
 * table across many people, flushed parents first.
 */

/**
 * Rows per INSERT at most. knex writes a multi-row insert on SQLite as `SELECT … UNION ALL
 * SELECT …`, and SQLite allows 500 terms in a compound select (SQLITE_MAX_COMPOUND_SELECT).
 */
const MAX_ROWS_PER_INSERT = 400;
/** Bound parameters per INSERT at most: under SQLite's 32,766 and MySQL's 65,535. */
const MAX_PARAMETERS_PER_INSERT = 10_000;
/** Rows held before a flush, so 100,000 people never sit in memory at once. */
const DEFAULT_FLUSH_AT = 25_000;

/**
 * Inserts `rows` into `table` in chunks small enough for SQLite's and MySQL's limits. Runs
 * on whatever `db` is — pass a transaction to make the whole insert one.
 * @param batchSize rows per INSERT; by default as many as the limits allow for this table.
 */
export async function insertInBatches(db: Knex | Knex.Transaction, table: string, rows: readonly object[], batchSize?: number): Promise<void> {
  if (rows.length === 0) return;
  const columns = Math.max(1, Object.keys(rows[0]).length);
  const size = batchSize ?? Math.min(MAX_ROWS_PER_INSERT, Math.floor(MAX_PARAMETERS_PER_INSERT / columns));
  for (let i = 0; i < rows.length; i += size) await db(table).insert(rows.slice(i, i + size));
}

/**
 * Rows of many bundles, buffered per table and written in table order whenever enough
 * have gathered. Each flush is one transaction, and tables are written parents first, so
 * a child row never reaches the database before its parent.
 */
export class TableBuffers<T extends string> {
  private readonly buffers: Map<T, object[]>;
  private buffered = 0;

  /**
   * @param tables the tables in the order they must be written (parents before children).
   * @param flushAt rows held before `add` flushes on its own.
   */
  constructor(
    private readonly db: Knex,
    private readonly tables: readonly T[],
    private readonly flushAt = DEFAULT_FLUSH_AT,
  ) {
    this.buffers = new Map(tables.map((t) => [t, []]));
  }

  /** Buffers one bundle's rows per table; flushes when the buffers are full. */
  async add(rows: Readonly<Record<T, readonly object[]>>): Promise<void> {
    for (const table of this.tables) {
      const buffer = this.buffers.get(table)!;
      for (const row of rows[table]) buffer.push(row);
      this.buffered += rows[table].length;
    }
    if (this.buffered >= this.flushAt) await this.flush();
  }

  /** Writes everything buffered, in one transaction. */
  async flush(): Promise<void> {
    if (this.buffered === 0) return;
    await this.db.transaction(async (trx) => {
      for (const table of this.tables) await insertInBatches(trx, table, this.buffers.get(table)!);
    });
    for (const table of this.tables) this.buffers.set(table, []);
    this.buffered = 0;
  }
}

/**
 * Seeds one subgraph's slice of the deterministic world: `slice` picks the subgraph's
 * tables out of each person's bundle, `tables` says the order to write them in.
 */
export async function seedSlice<T extends string>(
  db: Knex,
  people: number,
  slice: (bundle: PersonBundle) => Readonly<Record<T, readonly object[]>>,
  tables: readonly T[],
  seed: number = DEFAULT_SEED,
): Promise<void> {
  const buffers = new TableBuffers(db, tables);
  for (const bundle of generateWorld({ people, seed })) await buffers.add(slice(bundle));
  await buffers.flush();
}
