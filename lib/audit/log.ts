import { createHash, createHmac } from 'node:crypto';
import { Knex } from 'knex';
import { forUpdate } from '../db';
import { Migration } from '../migrations';
import { toDbDateTime } from '../scalars/calendar';

/**
 * The audit log (loggkontroll) every subgraph keeps of reads and writes of a person's
 * records. Append-only and hash-chained: each row's hash covers its content and the hash
 * of the row before, so altering, removing or reordering a row breaks the chain from there.
 * People appear only as a keyed hash of their personnummer, never in clear.
 */

export const AUDIT_TABLE = 'audit_log';
/** One row holding the chain's last hash; locking it makes appends take turns. */
export const AUDIT_HEAD_TABLE = 'audit_head';
const GENESIS = '0'.repeat(64);

export type AuditOutcome = 'ALLOWED' | 'DENIED';

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
}

export interface AuditRow {
  id: number;
  at: string;
  organisation: string;
  user: string;
  person_key: string | null;
  record_type: string;
  fields: string;
  operation_name: string | null;
  request_id: string;
  outcome: AuditOutcome;
  prev_hash: string;
  hash: string;
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

/** The keyed hash a person is logged under: auditors can find a person, a reader of the log cannot. */
export function personKey(personnummer: string, secret: string): string {
  return createHmac('sha256', secret).update(personnummer).digest('hex');
}

/** The hash of a row's content chained to the hash before it. The id is covered, so rows cannot swap places. */
export function rowHash(prevHash: string, row: Omit<AuditRow, 'hash' | 'prev_hash'>): string {
  const content = [
    row.id,
    row.at,
    row.organisation,
    row.user,
    row.person_key ?? '',
    row.record_type,
    row.fields,
    row.operation_name ?? '',
    row.request_id,
    row.outcome,
  ].join('\u001f');
  return createHash('sha256').update(prevHash).update('\u001e').update(content).digest('hex');
}

/**
 * Appends entries in one transaction. The head row is locked first and every read after it,
 * so two requests appending at once chain one after the other.
 */
export async function appendAudit(db: Knex, entries: AuditEntry[]): Promise<void> {
  if (!entries.length) return;
  await db.transaction(async (trx) => {
    const head: { last_hash: string } = await forUpdate(trx(AUDIT_HEAD_TABLE).where({ id: 1 }), trx).first();
    const last = (await trx(AUDIT_TABLE).max({ id: 'id' }).first()) as { id: number | null } | undefined;
    let id = Number(last?.id ?? 0);
    let prevHash = head.last_hash;
    const rows: AuditRow[] = entries.map((entry) => {
      id += 1;
      const content = {
        id,
        at: toDbDateTime(entry.at),
        organisation: entry.organisation,
        user: entry.user,
        person_key: entry.personKey,
        record_type: entry.recordType,
        fields: entry.fields.join(','),
        operation_name: entry.operationName,
        request_id: entry.requestId,
        outcome: entry.outcome,
      };
      const hash = rowHash(prevHash, content);
      const row = { ...content, prev_hash: prevHash, hash };
      prevHash = hash;
      return row;
    });
    // Explicit ids keep the chain's order exactly the order hashed, whatever the dialect.
    // 2,000 rows of 12 values stay under both dialects' limits on bound parameters.
    for (let i = 0; i < rows.length; i += 2000) await trx(AUDIT_TABLE).insert(rows.slice(i, i + 2000));
    await trx(AUDIT_HEAD_TABLE).where({ id: 1 }).update({ last_hash: prevHash });
  });
}

export type ChainReport = { intact: true; rows: number } | { intact: false; rows: number; rowId: number | null; problem: string };

/**
 * Walks the chain in id order and names the first row where it breaks: a row whose content
 * no longer matches its hash was altered; a row that does not follow the one before it
 * means rows between were removed or reordered; a head that does not match the last row
 * means rows at the end were removed.
 */
export async function verifyAuditChain(db: Knex, pageSize = 5000): Promise<ChainReport> {
  let prevHash = GENESIS;
  let rows = 0;
  let after = 0;
  for (;;) {
    const page: AuditRow[] = await db(AUDIT_TABLE).where('id', '>', after).orderBy('id').limit(pageSize);
    for (const row of page) {
      rows += 1;
      const { hash, prev_hash, ...content } = row;
      if (prev_hash !== prevHash) {
        return { intact: false, rows, rowId: row.id, problem: 'does not follow the row before it: rows were removed or reordered before it' };
      }
      if (rowHash(prev_hash, { ...content, at: normaliseAt(content.at) }) !== hash) {
        return { intact: false, rows, rowId: row.id, problem: 'was altered: its content no longer matches its hash' };
      }
      prevHash = hash;
    }
    if (page.length < pageSize) break;
    after = page[page.length - 1].id;
  }
  const head: { last_hash: string } | undefined = await db(AUDIT_HEAD_TABLE).where({ id: 1 }).first();
  if (head?.last_hash !== prevHash) {
    return { intact: false, rows, rowId: null, problem: 'the last rows were removed: the chain ends before its recorded head' };
  }
  return { intact: true, rows };
}

/** Both dialects return the stored `YYYY-MM-DD HH:MM:SS`, as hashed; this guards a driver that does not. */
function normaliseAt(at: string | Date): string {
  return at instanceof Date ? toDbDateTime(at) : at.slice(0, 19).replace('T', ' ');
}
