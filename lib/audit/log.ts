import { createHash, createHmac, createSecretKey, KeyObject } from 'node:crypto';
import { SpanKind, SpanStatusCode, trace } from '@opentelemetry/api';
import os from 'node:os';
import { Knex } from 'knex';
import { forUpdate, isMysql, onSqliteConnection, SqliteConnection } from '../db';
import { Migration } from '../migrations';
import { toDbDateTime } from '../scalars/calendar';
import { GroupCommit, GroupCommitOptions } from './batch';

/**
 * The audit log (loggkontroll) every subgraph keeps of reads and writes of a person's
 * records. Append-only and hash-chained: each row's hash covers its content, its place in
 * its chain and the hash of the row before, so altering, removing or reordering a row breaks
 * the chain from there. People appear only as a keyed hash of their personnummer, never in
 * clear.
 *
 * Each running process appends to a chain of its own (`chain_id`, one head row each), so
 * replicas on one database never wait for each other's head; within a process, requests
 * answering at once share one transaction and one step of the chain (group commit).
 */

export const AUDIT_TABLE = 'audit_log';
/** One row per chain holding its last hash and position; locking it makes one chain's appends take turns. */
export const AUDIT_HEAD_TABLE = 'audit_head';
const GENESIS = '0'.repeat(64);

/** The chain the rows written before there were chains became (`auditChainsMigration`). */
export const FIRST_CHAIN = 'first';

/** What a chain id may hold: a host name, a pid, a configured name. */
export const CHAIN_ID = /^[A-Za-z0-9_.:-]{1,64}$/;

/**
 * This process's chain when none is configured (`AUDIT_CHAIN_ID`): `host:pid`, which tells an
 * operator where a chain was written. Two processes that happen to share one still append
 * correctly — the head row lock makes them take turns — they only lose the independence.
 */
export function processChainId(): string {
  const pid = `:${process.pid}`;
  return os.hostname().replace(/[^A-Za-z0-9_.-]/g, '_').slice(0, 64 - pid.length) + pid;
}

export type AuditOutcome = 'ALLOWED' | 'DENIED';

/** What was done: read, a record made or changed, or figures taken away as a file. */
export const AUDIT_ACTIONS = ['READ', 'CREATE', 'UPDATE', 'EXPORT'] as const;
export type AuditAction = (typeof AUDIT_ACTIONS)[number];

export interface AuditEntry {
  at: Date;
  organisation: string;
  user: string;
  /** `personKey(personnummer)`, or null for a read that concerns no one person. */
  personKey: string | null;
  /** The GraphQL type read or written, e.g. `IncomeSupportDecision`. */
  recordType: string;
  /** The fields read, or `mutation:<name>` for a write; sorted. */
  fields: string[];
  operationName: string | null;
  requestId: string;
  outcome: AuditOutcome;
  /** What was done, or attempted where the outcome is DENIED. */
  action: AuditAction;
  /** Why the caller said they read (`x-etk-purpose`), when they said. */
  purpose?: string | null;
  /** The case or referral the caller said the request was about (`x-etk-case-reference`), when they said. */
  caseReference?: string | null;
  /** The client's address as the gateway saw it (the internal token's `addr`). */
  clientAddress?: string | null;
}

export interface AuditRow {
  id: number;
  chain_id: string;
  /** The row's place in its chain, from 1. */
  seq: number;
  at: string;
  organisation: string;
  user: string;
  person_key: string | null;
  record_type: string;
  fields: string;
  operation_name: string | null;
  request_id: string;
  outcome: AuditOutcome;
  /** Which of `HASH_VERSIONS` made the hash: 1 for rows written before the columns after it, which are null in them. */
  hash_version: HashVersion;
  /** Null only in rows written before actions were recorded. */
  action: AuditAction | null;
  purpose: string | null;
  case_reference: string | null;
  client_address: string | null;
  prev_hash: string;
  hash: string;
}

/**
 * The columns each version of the row hash covers, in order: its place in its chain, then
 * what it records. Version 1 is how rows were hashed before they recorded the action,
 * purpose, case and address (`auditActionsMigration`); those rows keep it, so they verify as
 * they were written. Version 2 covers those too, and its own number, so a row cannot be
 * passed off as the other version. A column added later makes a version 3.
 */
const HASHED_V1 = ['seq', 'at', 'organisation', 'user', 'person_key', 'record_type', 'fields', 'operation_name', 'request_id', 'outcome'] as const;
const HASHED_V2 = [...HASHED_V1, 'hash_version', 'action', 'purpose', 'case_reference', 'client_address'] as const;
export const HASH_VERSIONS = { 1: HASHED_V1, 2: HASHED_V2 } as const;
export type HashVersion = keyof typeof HASH_VERSIONS;
/** The version new rows are hashed by. */
export const CURRENT_HASH_VERSION = 2 satisfies HashVersion;

/** What a row's hash covers; a row without `hash_version` is one of version 1. */
export type HashedRow = Pick<AuditRow, (typeof HASHED_V1)[number]> & Partial<Pick<AuditRow, (typeof HASHED_V2)[number]>>;

/** What an entry records, as the columns of its row. */
type AuditContent = Omit<Required<HashedRow>, 'seq'>;

/** The instant `contentOf` wrote last, and how: a request's entries, and a step's, mostly share one. */
let lastAt = { time: NaN, text: '' };

function contentOf(entry: AuditEntry): AuditContent {
  const time = entry.at.getTime();
  if (time !== lastAt.time) lastAt = { time, text: toDbDateTime(entry.at) };
  return {
    at: lastAt.text,
    organisation: entry.organisation,
    user: entry.user,
    person_key: entry.personKey,
    record_type: entry.recordType,
    fields: entry.fields.join(','),
    operation_name: entry.operationName,
    request_id: entry.requestId,
    outcome: entry.outcome,
    hash_version: CURRENT_HASH_VERSION,
    action: entry.action,
    purpose: entry.purpose ?? null,
    case_reference: entry.caseReference ?? null,
    client_address: entry.clientAddress ?? null,
  };
}

export const auditMigration: Migration = {
  async up(db) {
    await db.schema.createTable(AUDIT_TABLE, (t) => {
      t.increments('id');
      t.datetime('at').notNullable();
      t.string('organisation', 64).notNullable();
      t.string('user', 64).notNullable();
      t.string('person_key', 64).nullable();
      t.string('record_type', 64).notNullable();
      t.text('fields').notNullable();
      t.string('operation_name', 100).nullable();
      t.string('request_id', 64).notNullable();
      t.string('outcome', 8).notNullable();
      t.string('prev_hash', 64).notNullable();
      t.string('hash', 64).notNullable();
      t.index(['person_key', 'at']);
      t.index(['organisation', 'user', 'at']);
    });
    await db.schema.createTable(AUDIT_HEAD_TABLE, (t) => {
      t.integer('id').primary();
      t.string('last_hash', 64).notNullable();
    });
    await db(AUDIT_HEAD_TABLE).insert({ id: 1, last_hash: GENESIS });
  },
  async down(db) {
    await db.schema.dropTable(AUDIT_HEAD_TABLE);
    await db.schema.dropTable(AUDIT_TABLE);
  },
};

/**
 * One chain per process. Every row gets its chain and its place in it; the rows written
 * before become the chain `FIRST_CHAIN`, whose places are their ids — the very numbers their
 * hashes were made over — so they verify as they stand. The single head row becomes that
 * chain's head (when there was anything to head), and each chain gets a head row of its own.
 */
export const auditChainsMigration: Migration = {
  async up(db) {
    // SQLite adds a NOT NULL column only with a default; writers always give both.
    await db.schema.alterTable(AUDIT_TABLE, (t) => {
      t.string('chain_id', 64).notNullable().defaultTo(FIRST_CHAIN);
      t.bigInteger('seq').notNullable().defaultTo(0);
    });
    await db(AUDIT_TABLE).update({ seq: db.ref('id') });
    const head: { last_hash: string } = await db(AUDIT_HEAD_TABLE).where({ id: 1 }).first();
    const last = (await db(AUDIT_TABLE).max({ id: 'id' }).first()) as { id: number | null } | undefined;
    await db.schema.dropTable(AUDIT_HEAD_TABLE);
    await db.schema.createTable(AUDIT_HEAD_TABLE, (t) => {
      t.string('chain_id', 64).primary();
      t.string('last_hash', 64).notNullable();
      t.bigInteger('last_seq').notNullable();
    });
    // A head past genesis over no rows means every row was removed: keep it, so that still shows.
    if (last?.id != null || head.last_hash !== GENESIS) {
      await db(AUDIT_HEAD_TABLE).insert({ chain_id: FIRST_CHAIN, last_hash: head.last_hash, last_seq: Number(last?.id ?? 0) });
    }
  },
  /** Back to one head, the first chain's; rows other chains wrote stay but no longer verify as one chain. */
  async down(db) {
    const first: { last_hash: string } | undefined = await db(AUDIT_HEAD_TABLE).where({ chain_id: FIRST_CHAIN }).first();
    await db.schema.dropTable(AUDIT_HEAD_TABLE);
    await db.schema.createTable(AUDIT_HEAD_TABLE, (t) => {
      t.integer('id').primary();
      t.string('last_hash', 64).notNullable();
    });
    await db(AUDIT_HEAD_TABLE).insert({ id: 1, last_hash: first?.last_hash ?? GENESIS });
    await db.schema.alterTable(AUDIT_TABLE, (t) => t.dropColumns('chain_id', 'seq'));
  },
};

/**
 * Each secret of the log as a key object, made once (an HMAC keyed by a string imports the
 * key again on every call, which was half the cost of each of a list's 50 person keys), with
 * the person keys made with it lately: a list's people are logged by every subgraph it
 * reaches, and again each time it is read. Bounded, the oldest made going first; it holds
 * nothing the process could not work out again.
 */
const personKeyers = new Map<string, { secretKey: KeyObject; recent: Map<string, string> }>();
const RECENT_PERSON_KEYS = 20_000;

/** The keyed hash a person is logged under: auditors can find a person, a reader of the log cannot. */
export function personKey(personnummer: string, secret: string): string {
  let keyer = personKeyers.get(secret);
  if (!keyer) {
    keyer = { secretKey: createSecretKey(Buffer.from(secret, 'utf8')), recent: new Map() };
    personKeyers.set(secret, keyer);
  }
  let key = keyer.recent.get(personnummer);
  if (key === undefined) {
    key = createHmac('sha256', keyer.secretKey).update(personnummer).digest('hex');
    if (keyer.recent.size >= RECENT_PERSON_KEYS) keyer.recent.delete(keyer.recent.keys().next().value!);
    keyer.recent.set(personnummer, key);
  }
  return key;
}

/**
 * Records what the log could not before: the action, the stated purpose and case, and the
 * client's address. The rows written before keep the hash they were written with (version
 * 1, the default here), and their new columns stay null, as version 1 leaves them out; so
 * the chain verifies across the upgrade, and a value later written into an old row's new
 * columns is caught, as version 1 hashes no value there (`problemOf`). An index on the
 * time serves the questions over everyone's reads in a period (`unusualAccessVolume`).
 */
export const auditActionsMigration: Migration = {
  async up(db) {
    await db.schema.alterTable(AUDIT_TABLE, (t) => {
      t.integer('hash_version').notNullable().defaultTo(1);
      t.string('action', 8).nullable();
      t.string('purpose', 32).nullable();
      t.string('case_reference', 64).nullable();
      t.string('client_address', 64).nullable();
      t.index(['at']);
    });
  },
  async down(db) {
    await db.schema.alterTable(AUDIT_TABLE, (t) => {
      t.dropIndex(['at']);
      t.dropColumns('hash_version', 'action', 'purpose', 'case_reference', 'client_address');
    });
  },
};

/** The columns version 1 rows leave null; a value in one was written after the row was hashed. */
const ADDED_IN_V2 = HASHED_V2.filter((column) => !(HASHED_V1 as readonly string[]).includes(column) && column !== 'hash_version');

/**
 * The hash of a row chained to the hash before it, by the row's hash version. Its place in
 * the chain is covered, so rows cannot swap places. Version 1 leaves out nulls at the end
 * and writes the others as empty, as rows were hashed then; version 2 writes a null as a
 * character no value holds, so a null and an empty text differ.
 */
export function rowHash(prevHash: string, row: HashedRow): string {
  const version = Number(row.hash_version ?? 1);
  const columns: readonly (keyof HashedRow)[] | undefined = HASH_VERSIONS[version as HashVersion];
  if (!columns) throw new Error(`an audit row of hash version ${row.hash_version}, which this release does not know`);
  const values = columns.map((column) => (column === 'hash_version' ? version : (row[column] ?? null)));
  let content: string;
  if (version === 1) {
    while (values.length && values[values.length - 1] === null) values.pop();
    content = values.map((value) => value ?? '').join('\u001f');
  } else {
    content = values.map((value) => (value === null ? '\u0000' : String(value))).join('\u001f');
  }
  return createHash('sha256').update(prevHash).update('\u001e').update(content).digest('hex');
}

/** Bound parameters per INSERT: under SQLite's limit (32,766) and MySQL's (65,535). */
const BOUND_PARAMETERS = 24_000;

/**
 * One INSERT with a VALUES list, the same SQL on both dialects. (knex writes a many-row
 * insert on SQLite as a compound SELECT, which SQLite caps at 500 rows; a VALUES list has no
 * such cap, so a batch is one statement up to the bound-parameter limit.)
 */
function insertRows(trx: Knex.Transaction, rows: readonly Record<string, string | number | null>[]): Knex.Raw {
  const columns = Object.keys(rows[0]);
  const tuple = `(${columns.map(() => '?').join(', ')})`;
  return trx.raw(`insert into ?? (${columns.map(() => '??').join(', ')}) values ${rows.map(() => tuple).join(', ')}`, [
    AUDIT_TABLE,
    ...columns,
    ...rows.flatMap((row) => columns.map((column) => row[column])),
  ]);
}

interface HeadRow {
  chain_id: string;
  last_hash: string;
  last_seq: number | string;
}

/**
 * Gives `chain` its head row if it has none. Outside any transaction, so that new chains of
 * processes starting together cannot deadlock on the gap their head rows go into (MySQL).
 */
export async function startChain(db: Knex, chain: string): Promise<void> {
  await db(AUDIT_HEAD_TABLE).insert({ chain_id: chain, last_hash: GENESIS, last_seq: 0 }).onConflict('chain_id').ignore();
}

/** A row of the log as written: its chain, its place and content, and the hashes that chain it. */
type ChainedRow = { chain_id: string; seq: number } & AuditContent & { prev_hash: string; hash: string };

/** The rows of one step after `head`, each chained to the one before, and where they leave the head. */
function chainAfter(head: HeadRow, contents: readonly AuditContent[]): { rows: ChainedRow[]; lastHash: string; lastSeq: number } {
  let seq = Number(head.last_seq);
  let prevHash = head.last_hash;
  const rows = contents.map((content) => {
    seq += 1;
    const hashed = { seq, ...content };
    const hash = rowHash(prevHash, hashed);
    const row = { chain_id: head.chain_id, ...hashed, prev_hash: prevHash, hash };
    prevHash = hash;
    return row;
  });
  return { rows, lastHash: prevHash, lastSeq: seq };
}

function noHeadRow(chain: string): Error {
  return new Error(`the audit chain ${chain} has no head row`);
}

/**
 * One step of a chain: `entries`, in order, in one transaction after the chain's head, which
 * is locked first and moved on last, so that steps of one chain take turns and steps of
 * different chains never wait for each other. A chain without its head row is refused: the
 * head was removed, and starting over would hide that.
 */
export async function appendToChain(db: Knex, chain: string, entries: readonly AuditEntry[]): Promise<void> {
  if (!entries.length) return;
  const contents = entries.map(contentOf);
  if (!isMysql(db)) return onSqliteConnection(db, (conn) => tracedSqliteStep(contents.length, () => appendOnSqlite(conn, chain, contents)));
  await db.transaction(async (trx) => {
    const head: HeadRow | undefined = await forUpdate(trx(AUDIT_HEAD_TABLE).where({ chain_id: chain }), trx).first();
    if (!head) throw noHeadRow(chain);
    const { rows, lastHash, lastSeq } = chainAfter(head, contents);
    // The database numbers the rows; within a chain they go in one at a time, so id order is chain order.
    const perInsert = Math.floor(BOUND_PARAMETERS / Object.keys(rows[0]).length);
    for (let i = 0; i < rows.length; i += perInsert) await insertRows(trx, rows.slice(i, i + perInsert));
    await trx(AUDIT_HEAD_TABLE).where({ chain_id: chain }).update({ last_hash: lastHash, last_seq: lastSeq });
  });
}

const tracer = trace.getTracer('etk-audit');

/**
 * A SQLite step as a span of its own, named and described as knex's instrumentation names its
 * statements (which a step on the connection itself does not pass through), so that a trace
 * still shows each subgraph's audit write. It belongs to the trace of the request whose turn
 * started the step; the other requests it holds are in theirs only as waiting.
 */
function tracedSqliteStep(entries: number, step: () => void): void {
  const options = {
    kind: SpanKind.CLIENT,
    attributes: { 'db.system': 'sqlite', 'db.operation': 'insert', 'db.sql.table': AUDIT_TABLE, 'db.statement': SQLITE_INSERT, 'etk.audit.entries': entries },
  };
  tracer.startActiveSpan(`insert ${AUDIT_TABLE}`, options, (span) => {
    try {
      step();
    } catch (error) {
      span.recordException(error as Error);
      span.setStatus({ code: SpanStatusCode.ERROR });
      throw error;
    } finally {
      span.end();
    }
  });
}

/** The columns of a written row, in the order `appendOnSqlite` binds them. */
const ROW_COLUMNS = ['chain_id', ...HASHED_V2, 'prev_hash', 'hash'] as const satisfies readonly (keyof ChainedRow)[];

const SQLITE_INSERT = `insert into ${AUDIT_TABLE} (${ROW_COLUMNS.map((c) => `"${c}"`).join(', ')}) values (${ROW_COLUMNS.map(() => '?').join(', ')})`;

/**
 * The same step on SQLite's one connection, start to end in one synchronous transaction that
 * takes the write lock at its BEGIN: no statement waits on a promise, and the statements are
 * the connection's prepared ones (lib/db.ts), the insert one row at a time.
 */
function appendOnSqlite(conn: SqliteConnection, chain: string, contents: readonly AuditContent[]): void {
  conn
    .transaction(() => {
      const head = conn.prepare(`select chain_id, last_hash, last_seq from ${AUDIT_HEAD_TABLE} where chain_id = ?`).get(chain) as HeadRow | undefined;
      if (!head) throw noHeadRow(chain);
      const { rows, lastHash, lastSeq } = chainAfter(head, contents);
      const insert = conn.prepare(SQLITE_INSERT);
      for (const row of rows) insert.run(ROW_COLUMNS.map((column) => row[column]));
      conn.prepare(`update ${AUDIT_HEAD_TABLE} set last_hash = ?, last_seq = ? where chain_id = ?`).run(lastHash, lastSeq, chain);
    })
    .immediate();
}

/**
 * A process's chain in one database, appended to by group commit: the entries of every
 * request that answers while a step is being written go into the next step together, and
 * each request's promise resolves when the step holding its entries is committed.
 */
export class AuditChain {
  private readonly commits: GroupCommit<AuditEntry>;
  private started: Promise<void> | null = null;

  constructor(
    private readonly db: Knex,
    readonly chain: string,
    options?: GroupCommitOptions,
  ) {
    if (!CHAIN_ID.test(chain)) throw new Error(`an audit chain id is 1–64 letters, digits and _ . : -, got "${chain}"`);
    // A SQLite step runs start to end in one turn (appendOnSqlite), during which no other
    // request can hand in; so it waits for the turn's end, and takes what the turn answered.
    this.commits = new GroupCommit((entries) => this.step(entries), { gatherTurn: !isMysql(db), ...options });
  }

  /**
   * Gives the chain its head row if it has none; once, and before the first step if no one
   * asked sooner (a service asks as it starts). A failed start is tried again by the next step.
   */
  start(): Promise<void> {
    this.started ??= startChain(this.db, this.chain).catch((error: unknown) => {
      this.started = null;
      throw error;
    });
    return this.started;
  }

  /** Resolves once `entries` are committed, together, in the order given; rejects if their step failed. */
  append(entries: readonly AuditEntry[]): Promise<void> {
    return this.commits.add(entries);
  }

  private async step(entries: AuditEntry[]): Promise<void> {
    await this.start();
    await appendToChain(this.db, this.chain, entries);
  }
}

export type ChainReport =
  | { chain: string; intact: true; rows: number }
  | { chain: string; intact: false; rows: number; rowId: number | null; problem: string };

/** A place in a chain, and the hash of the row there, that a walk starts after. */
export interface ChainStart {
  seq: number;
  hash: string;
}

/** Where the walk of one chain has got to. */
interface Walk {
  chain: string;
  /** The chain's head as it stood when the walk began; rows past it were appended since. */
  head: HeadRow | undefined;
  prevHash: string;
  seq: number;
  rows: number;
  broken: ChainReport | null;
}

/**
 * Checks every chain of the log in one pass over it in id order, and names for each chain
 * the first row where it breaks: a row that does not follow the one before it in its chain
 * means rows between were removed or reordered; a row whose content no longer matches its
 * hash was altered; a head that does not match the chain's last row means rows at the end
 * were removed. The heads are read first, so rows appended while the walk runs are left for
 * the next walk rather than taken for a broken end. Reports come in the order of chain ids.
 * A chain named in `starts` is walked from there instead of from its genesis: a purge removed
 * the rows up to that place and left a signed checkpoint of it (lib/audit/checkpoint.ts).
 */
export async function verifyAuditLog(db: Knex, pageSize = 5000, starts: ReadonlyMap<string, ChainStart> = new Map()): Promise<ChainReport[]> {
  const walks = new Map<string, Walk>();
  const walkOf = (chain: string, head?: HeadRow): Walk => {
    let walk = walks.get(chain);
    if (!walk) {
      const start = starts.get(chain);
      walk = { chain, head, prevHash: start?.hash ?? GENESIS, seq: start?.seq ?? 0, rows: 0, broken: null };
      walks.set(chain, walk);
    }
    return walk;
  };
  for (const head of (await db(AUDIT_HEAD_TABLE)) as HeadRow[]) walkOf(head.chain_id, head);
  let after = 0;
  for (;;) {
    const page: AuditRow[] = await db(AUDIT_TABLE).where('id', '>', after).orderBy('id').limit(pageSize);
    for (const row of page) {
      const walk = walkOf(row.chain_id);
      if (walk.broken || (walk.head && Number(row.seq) > Number(walk.head.last_seq))) continue;
      walk.rows += 1;
      const problem = problemOf(walk, row);
      if (problem) {
        walk.broken = { chain: walk.chain, intact: false, rows: walk.rows, rowId: row.id, problem };
      } else {
        walk.prevHash = row.hash;
        walk.seq += 1;
      }
    }
    if (page.length < pageSize) break;
    after = page[page.length - 1].id;
  }
  return [...walks.values()].sort((a, b) => (a.chain < b.chain ? -1 : 1)).map(reportOf);
}

function problemOf(walk: Walk, row: AuditRow): string | null {
  if (row.prev_hash !== walk.prevHash) return 'does not follow the row before it: rows were removed or reordered before it';
  if (!(Number(row.hash_version ?? 1) in HASH_VERSIONS)) return `was altered: it names hash version ${row.hash_version}, which there is not`;
  if (Number(row.hash_version ?? 1) === 1 && ADDED_IN_V2.some((column) => row[column] != null)) {
    return 'was altered: it holds a value in a column its hash version does not cover';
  }
  if (rowHash(row.prev_hash, { ...row, at: normaliseAt(row.at) }) !== row.hash) return 'was altered: its content no longer matches its hash';
  if (Number(row.seq) !== walk.seq + 1) return `stands at place ${row.seq} of its chain, after place ${walk.seq}: rows were removed before it`;
  return null;
}

function reportOf(walk: Walk): ChainReport {
  const { chain, head, rows } = walk;
  if (walk.broken) return walk.broken;
  if (!head) return { chain, intact: false, rows, rowId: null, problem: 'has no head row: the end of the chain cannot be checked' };
  if (head.last_hash !== walk.prevHash || Number(head.last_seq) !== walk.seq) {
    return { chain, intact: false, rows, rowId: null, problem: 'the last rows were removed: the chain ends before its recorded head' };
  }
  return { chain, intact: true, rows };
}

/** Both dialects return the stored `YYYY-MM-DD HH:MM:SS`, as hashed; this guards a driver that does not. */
function normaliseAt(at: string | Date): string {
  return at instanceof Date ? toDbDateTime(at) : at.slice(0, 19).replace('T', ' ');
}
