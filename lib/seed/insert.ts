import { Knex } from 'knex';
import { DEFAULT_SEED, generateWorld, PersonBundle } from './world';

/** Rows per INSERT: well under SQLite's and MySQL's limits on bound parameters. */
const CHUNK = 200;
/** Rows buffered before they are written, so 100,000 people never sit in memory at once. */
const FLUSH_AT = 20_000;

/**
 * Seeds one subgraph's slice of the world: `tables` in parent-before-child order, taken
 * from each bundle by `slice`. Every flush is one transaction, in table order, so a child
 * never reaches the database before its parent.
 */
export async function seedSlice<T extends string>(
  db: Knex,
  people: number,
  slice: (bundle: PersonBundle) => Record<T, object[]>,
  tables: readonly T[],
  seed: number = DEFAULT_SEED,
): Promise<void> {
  const buffers = new Map<T, object[]>(tables.map((t) => [t, []]));
  let buffered = 0;
  const flush = async () => {
    await db.transaction(async (trx) => {
      for (const table of tables) {
        const rows = buffers.get(table)!;
        for (let i = 0; i < rows.length; i += CHUNK) await trx(table).insert(rows.slice(i, i + CHUNK));
        buffers.set(table, []);
      }
    });
    buffered = 0;
  };
  for (const bundle of generateWorld({ people, seed })) {
    const rows = slice(bundle);
    for (const table of tables) {
      buffers.get(table)!.push(...rows[table]);
      buffered += rows[table].length;
    }
    if (buffered >= FLUSH_AT) await flush();
  }
  await flush();
}

/** Inserts rows unless the table already has some: reference data is seeded once. */
export async function insertIfEmpty(db: Knex, table: string, rows: object[]): Promise<void> {
  if (await db(table).first()) return;
  for (let i = 0; i < rows.length; i += CHUNK) await db(table).insert(rows.slice(i, i + CHUNK));
}
