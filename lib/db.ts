import fs from 'node:fs';
import path from 'node:path';
import knex, { Knex } from 'knex';

/**
 * The one place that knows how SQLite and MySQL differ. Everything else gets a
 * knex instance from here and writes the same queries for both.
 */

export type DatabaseUrl = { dialect: 'sqlite'; filename: string } | { dialect: 'mysql'; url: string };

/** `sqlite:<path>` (relative to the working directory), `sqlite::memory:`, or `mysql://user:pass@host:port/db`. */
export function parseDatabaseUrl(value: string): DatabaseUrl {
  if (value.startsWith('sqlite:')) {
    const filename = value.slice('sqlite:'.length);
    if (!filename) throw new Error('a sqlite: URL needs a file name, e.g. sqlite:data/stadsdel.sqlite');
    return { dialect: 'sqlite', filename };
  }
  if (value.startsWith('mysql://') || value.startsWith('mariadb://')) {
    const url = new URL(value.replace(/^mariadb:/, 'mysql:'));
    if (!url.pathname || url.pathname === '/') throw new Error('a mysql:// URL needs a database name, e.g. mysql://root@127.0.0.1:3306/stadsdel');
    return { dialect: 'mysql', url: url.toString() };
  }
  throw new Error('must start with sqlite: or mysql://');
}

/**
 * Opens a knex instance. No connection is made until the first query; whoever
 * calls this owns the instance and must `destroy()` it.
 */
export function createDb(databaseUrl: string): Knex {
  const parsed = parseDatabaseUrl(databaseUrl);
  if (parsed.dialect === 'sqlite') {
    if (parsed.filename !== ':memory:') fs.mkdirSync(path.dirname(path.resolve(parsed.filename)), { recursive: true });
    return knex({
      client: 'better-sqlite3',
      connection: { filename: parsed.filename },
      useNullAsDefault: true,
      pool: {
        // One connection: SQLite serialises writers anyway, and one connection makes a
        // transaction see its own writes without "database is locked" between pool members.
        min: 1,
        max: 1,
        afterCreate(conn: SqliteConnection, done: (err: Error | null, conn: unknown) => void) {
          conn.pragma('journal_mode = WAL');
          conn.pragma('foreign_keys = ON');
          conn.pragma('busy_timeout = 5000');
          reusePreparedStatements(conn);
          done(null, conn);
        },
      },
    });
  }
  const url = new URL(parsed.url);
  return knex({
    client: 'mysql2',
    connection: {
      host: url.hostname,
      port: url.port ? Number(url.port) : 3306,
      user: decodeURIComponent(url.username),
      password: decodeURIComponent(url.password),
      database: decodeURIComponent(url.pathname.slice(1)),
      timezone: 'Z',
      charset: 'utf8mb4',
      // DATE and DATETIME come back as the same strings SQLite stores.
      dateStrings: true,
      supportBigNumbers: true,
      multipleStatements: false,
    },
    pool: { min: 0, max: 10 },
  });
}

export function isMysql(db: Knex): boolean {
  return db.client.config.client === 'mysql2';
}

/** The calls of a better-sqlite3 statement this project makes itself. */
export interface SqliteStatement {
  run(...params: unknown[]): { changes: number; lastInsertRowid: number | bigint };
  get(...params: unknown[]): unknown;
  all(...params: unknown[]): unknown[];
}

/** The calls of a better-sqlite3 connection this project makes itself. */
export interface SqliteConnection {
  prepare(sql: string): SqliteStatement;
  pragma(sql: string): unknown;
  /** `fn` wrapped in BEGIN … COMMIT (ROLLBACK when it throws); `.immediate` takes the write lock at BEGIN. */
  transaction<A extends unknown[], R>(fn: (...args: A) => R): { immediate(...args: A): R };
}

/** How many statements a SQLite connection keeps prepared: the service's queries, and IN lists of a few lengths. */
const PREPARED_STATEMENTS = 500;

/**
 * Makes `prepare` hand back the statement it prepared before for the same SQL. knex prepares
 * every query it runs afresh: under a load of 50-case lists, a seventh of each subgraph's
 * database time went to preparing the same few statements again.
 * Reuse is safe because knex runs each statement to its end at once (`all` or `run`, never
 * an open iterator), and SQLite prepares a statement again itself when the schema changes.
 * The least recently used statement goes first.
 */
function reusePreparedStatements(conn: SqliteConnection): void {
  const prepare = conn.prepare.bind(conn);
  const prepared = new Map<string, SqliteStatement>();
  conn.prepare = (sql: string) => {
    let statement = prepared.get(sql);
    if (statement) {
      prepared.delete(sql);
    } else {
      statement = prepare(sql);
      if (prepared.size >= PREPARED_STATEMENTS) prepared.delete(prepared.keys().next().value!);
    }
    prepared.set(sql, statement);
    return statement;
  };
}

/**
 * Runs `work` on the SQLite database's one connection, once no query or transaction of knex's
 * holds it, and gives it back. For work that is synchronous from start to end — better-sqlite3
 * runs every statement before it returns — so that a transaction of several statements takes
 * one turn of the event loop instead of a promise for each statement.
 */
export async function onSqliteConnection<T>(db: Knex, work: (conn: SqliteConnection) => T): Promise<T> {
  if (isMysql(db)) throw new Error('onSqliteConnection is for SQLite databases');
  const conn: SqliteConnection = await db.client.acquireConnection();
  try {
    return work(conn);
  } finally {
    await db.client.releaseConnection(conn);
  }
}

/** Runs `work` on a connection to the MySQL server of a URL, without selecting its database. */
async function onMysqlServer(url: URL, work: (admin: Knex) => Promise<unknown>): Promise<void> {
  const admin = knex({
    client: 'mysql2',
    connection: {
      host: url.hostname,
      port: url.port ? Number(url.port) : 3306,
      user: decodeURIComponent(url.username),
      password: decodeURIComponent(url.password),
    },
    pool: { min: 0, max: 1 },
  });
  try {
    await work(admin);
  } finally {
    await admin.destroy();
  }
}

function mysqlDatabaseName(databaseUrl: string): { url: URL; name: string } | null {
  const parsed = parseDatabaseUrl(databaseUrl);
  if (parsed.dialect !== 'mysql') return null;
  const url = new URL(parsed.url);
  const name = decodeURIComponent(url.pathname.slice(1));
  if (!/^[A-Za-z0-9_]+$/.test(name)) throw new Error(`database name ${name} may hold only letters, digits and _`);
  return { url, name };
}

/**
 * Creates the MySQL database a URL names, if it does not exist (start-up and tests). A
 * database that exists is left alone without asking to create it, so a service can run as
 * an account that may not create databases (docs/security.md).
 */
export async function ensureMysqlDatabase(databaseUrl: string): Promise<void> {
  const target = mysqlDatabaseName(databaseUrl);
  if (!target) return;
  await onMysqlServer(target.url, async (admin) => {
    const existing = await admin('information_schema.SCHEMATA').where({ SCHEMA_NAME: target.name }).first();
    if (!existing) await admin.raw('CREATE DATABASE IF NOT EXISTS ?? CHARACTER SET utf8mb4 COLLATE utf8mb4_bin', [target.name]);
  });
}

/** Drops the MySQL database a URL names (tests only). */
export async function dropMysqlDatabase(databaseUrl: string): Promise<void> {
  const target = mysqlDatabaseName(databaseUrl);
  if (!target) return;
  await onMysqlServer(target.url, (admin) => admin.raw('DROP DATABASE IF EXISTS ??', [target.name]));
}

/**
 * Locks the rows a query selects until the transaction ends. MySQL needs the lock so two
 * writers cannot both pass a check; SQLite runs one writer at a time on its single
 * connection, and knex would only warn there.
 */
export function forUpdate<Q extends Knex.QueryBuilder>(query: Q, db: Knex): Q {
  return isMysql(db) ? (query.forUpdate() as Q) : query;
}

/**
 * Writes `rows` into `table` unless it already holds some: reference data a subgraph starts
 * with (districts, units, agencies), written once and never duplicated by a restart.
 */
export async function insertIfEmpty(db: Knex, table: string, rows: readonly object[]): Promise<void> {
  if (await db(table).first()) return;
  await db(table).insert(rows as object[]);
}
