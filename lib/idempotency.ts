import { createHash } from 'node:crypto';
import { GraphQLResolveInfo } from 'graphql';
import { Knex } from 'knex';
import { formatOrganisation } from './auth/organisations';
import { conflict, badInput } from './errors';
import { toDbDateTime } from './scalars/calendar';
import { Caller } from './identity';
import { Migration } from './migrations';

/**
 * Safe retries. A mutation given an idempotency key runs once per caller and key: a retry
 * with the same input gets the first result back (as the record stands now) and writes
 * nothing; the same key with another input is refused. The key is claimed in the same
 * transaction as the mutation's own writes, so a failed mutation leaves the key free.
 */

export const IDEMPOTENCY_TABLE = 'idempotency_keys';
const MAX_KEY_LENGTH = 100;

/** The table every subgraph's migration creates; one definition, so all three agree. */
export async function createIdempotencyTable(db: Knex): Promise<void> {
  await db.schema.createTable(IDEMPOTENCY_TABLE, (t) => {
    t.increments('id');
    t.string('organisation', 64).notNullable();
    t.string('user', 64).notNullable();
    t.string('idempotency_key', MAX_KEY_LENGTH).notNullable();
    t.string('operation', 64).notNullable();
    t.string('input_hash', 64).notNullable();
    t.string('result_id', 64).nullable();
    t.datetime('created_at').notNullable();
    t.unique(['organisation', 'user', 'idempotency_key']);
  });
}

export async function dropIdempotencyTable(db: Knex): Promise<void> {
  await db.schema.dropTable(IDEMPOTENCY_TABLE);
}

/** The same migration in every subgraph's list. */
export const idempotencyMigration: Migration = { up: createIdempotencyTable, down: dropIdempotencyTable };

/**
 * A mutation's request, as its resolver hands it to the data module: who asks, with which
 * key, for which mutation, with what input. Every write function takes one.
 */
export interface WriteRequest<Input = unknown> {
  caller: Caller;
  /** The client's key, or null/undefined for a mutation that need not be retried safely. */
  key: string | null | undefined;
  /** The mutation's field name; a key used for one mutation cannot replay another. */
  operation: string;
  /** The mutation's arguments apart from the key: a retry must send the same. */
  input: Input;
}

/**
 * The request of a mutation resolver: the verified caller, the client's key, the field the
 * resolver answers for as the operation, and the input. Resolvers build it this one way.
 */
export function writeRequest<Input>(
  caller: Caller,
  args: { input: Input; idempotencyKey?: string | null },
  info: Pick<GraphQLResolveInfo, 'fieldName'>,
): WriteRequest<Input> {
  return { caller, key: args.idempotencyKey, operation: info.fieldName, input: args.input };
}

interface IdempotentWrite<T> extends WriteRequest {
  /** The mutation's writes, inside the transaction; returns the record it wrote. */
  run: (trx: Knex.Transaction) => Promise<T>;
  /** The id a replay will load the result by. */
  idOf: (result: T) => string | number;
  /** Loads the result of an earlier run by its id. */
  load: (db: Knex, id: string) => Promise<T>;
}

interface KeyRow {
  operation: string;
  input_hash: string;
  result_id: string | null;
}

/** Runs `write` in one transaction, at most once per caller and key; `now` stamps the key. */
async function idempotent<T>(db: Knex, write: IdempotentWrite<T>, now: Date): Promise<T> {
  if (write.key == null) return db.transaction(write.run);
  const key = checkKey(write.key);
  const owner = { organisation: formatOrganisation(write.caller.organisation), user: write.caller.user, idempotency_key: key };
  const inputHash = hashOf(write.operation, write.input);
  try {
    return await db.transaction(async (trx) => {
      // Claim the key before anything else: a simultaneous retry waits here on the unique
      // index until this transaction ends, then finds the key taken and replays.
      const [claim] = await trx(IDEMPOTENCY_TABLE).insert({
        ...owner,
        operation: write.operation,
        input_hash: inputHash,
        created_at: toDbDateTime(now),
      });
      const result = await write.run(trx);
      await trx(IDEMPOTENCY_TABLE).where({ id: claim }).update({ result_id: String(write.idOf(result)) });
      return result;
    });
  } catch (error) {
    if (!isUniqueViolation(error)) throw error;
    const earlier: KeyRow | undefined = await db(IDEMPOTENCY_TABLE).where(owner).first();
    if (!earlier) throw error;
    if (earlier.operation !== write.operation || earlier.input_hash !== inputHash || earlier.result_id == null) {
      throw conflict('idempotencyKey', 'was already used for another request; use a new key for a new request');
    }
    return write.load(db, earlier.result_id);
  }
}

function checkKey(key: string): string {
  const trimmed = key.trim();
  if (!trimmed) throw badInput('idempotencyKey', 'must not be empty');
  if (trimmed.length > MAX_KEY_LENGTH) throw badInput('idempotencyKey', `must be at most ${MAX_KEY_LENGTH} characters`);
  return trimmed;
}

/** Hash of the request, independent of the order its input fields were written in. */
export function hashOf(operation: string, input: unknown): string {
  return createHash('sha256').update(operation).update('\0').update(canonicalJson(input)).digest('hex');
}

export function canonicalJson(value: unknown): string {
  return JSON.stringify(value, (_, v) =>
    v && typeof v === 'object' && !Array.isArray(v) && !(v instanceof Date)
      ? Object.fromEntries(Object.entries(v).filter(([, x]) => x !== undefined).sort(([a], [b]) => (a < b ? -1 : 1)))
      : v,
  );
}

/** A duplicate key on SQLite or MySQL. */
export function isUniqueViolation(error: unknown): boolean {
  const code = (error as { code?: string })?.code;
  return code === 'ER_DUP_ENTRY' || code === 'SQLITE_CONSTRAINT_UNIQUE' || code === 'SQLITE_CONSTRAINT_PRIMARYKEY';
}

/** For a table whose rows a replay finds by another column than `id`. */
export interface RowOptions<K extends string> {
  /** The column that names the row, e.g. `personnummer` for a person's one reception. */
  keyColumn: K;
}

/**
 * Runs a mutation's writes in one transaction, at most once per caller and key: the one
 * helper every write function goes through. The mutation returns one row of `table`,
 * which a replay loads again by its id (or by `options.keyColumn`).
 */
export function idempotentRow<T extends Record<K, string | number>, K extends string = 'id'>(
  db: Knex,
  table: string,
  request: WriteRequest,
  now: Date,
  run: (trx: Knex.Transaction) => Promise<T>,
  options?: RowOptions<K>,
): Promise<T> {
  const column = options?.keyColumn ?? 'id';
  return idempotent<T>(
    db,
    {
      ...request,
      run,
      idOf: (row) => row[column as K],
      load: (reader, key) => reader(table).where({ [column]: key }).first(),
    },
    now,
  );
}
