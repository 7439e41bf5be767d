import DataLoader from 'dataloader';

/**
 * DataLoader's batch contract, honoured once for everyone: the answer has one entry per
 * key, in the keys' order. Keys are compared as strings, because GraphQL `ID`s arrive as
 * strings and MySQL returns numbers.
 */

type Key = string | number;

/** One row per key, or null where no row has that key. */
export function alignByKey<R>(keys: readonly Key[], rows: readonly R[], keyOf: (row: R) => Key): (R | null)[] {
  const byKey = new Map<string, R>();
  for (const row of rows) byKey.set(String(keyOf(row)), row);
  return keys.map((key) => byKey.get(String(key)) ?? null);
}

/** All rows of each key, in the rows' order; an empty list where a key has none. */
export function groupByKey<R>(keys: readonly Key[], rows: readonly R[], keyOf: (row: R) => Key): R[][] {
  const byKey = new Map<string, R[]>();
  for (const key of keys) byKey.set(String(key), []);
  for (const row of rows) byKey.get(String(keyOf(row)))?.push(row);
  return keys.map((key) => byKey.get(String(key)) ?? []);
}

// Bounded batches keep every IN (...) list well under SQLite's and MySQL's parameter limits.
const MAX_BATCH = 500;

/** A loader of single rows by key (entity lookups, many-to-one edges). */
export function rowLoader<R>(fetch: (keys: string[]) => Promise<R[]>, keyOf: (row: R) => Key): DataLoader<Key, R | null, string> {
  return new DataLoader<Key, R | null, string>(
    async (keys) => alignByKey(keys, await fetch(keys.map(String)), keyOf),
    { cacheKeyFn: String, maxBatchSize: MAX_BATCH },
  );
}

/** A loader of row lists by parent key (one-to-many edges). */
export function groupLoader<R>(fetch: (keys: string[]) => Promise<R[]>, keyOf: (row: R) => Key): DataLoader<Key, R[], string> {
  return new DataLoader<Key, R[], string>(
    async (keys) => groupByKey(keys, await fetch(keys.map(String)), keyOf),
    { cacheKeyFn: String, maxBatchSize: MAX_BATCH },
  );
}

/**
 * Loads a row that a foreign key inside the subgraph's own database points at. It always
 * exists; if not, the data is broken, and the error says which row is missing.
 */
export async function loadExisting<R>(loader: DataLoader<Key, R | null, string>, key: Key, what: string): Promise<R> {
  const row = await loader.load(key);
  if (row === null) throw new Error(`data integrity: ${what} ${key} is missing`);
  return row;
}

/**
 * A loader over a small reference table (districts, units, providers, agencies): the first
 * lookup in a request reads the whole table once, and every later one is answered from it.
 * What a request costs then does not depend on which reference rows its data happens to
 * touch, or at how many depths of the query.
 */
export function referenceLoader<R>(fetchAll: () => Promise<R[]>, keyOf: (row: R) => Key): DataLoader<Key, R | null, string> {
  let all: Promise<R[]> | null = null;
  return new DataLoader<Key, R | null, string>(
    async (keys) => alignByKey(keys, await (all ??= fetchAll()), keyOf),
    { cacheKeyFn: String },
  );
}
