import { Knex } from 'knex';
import { AUDIT_HEAD_TABLE, AUDIT_TABLE, AuditChain, AuditEntry, FIRST_CHAIN, verifyAuditLog } from '../../../lib/audit/log';
import { migrateToLatest, Migrations } from '../../../lib/migrations';
import { migrations as stadsdel } from '../../../subgraphs/stadsdel/migrations';
import { migrations as jobbtorg } from '../../../subgraphs/jobbtorg/migrations';
import { migrations as partners } from '../../../subgraphs/partners/migrations';
import { openDatabase } from '../../helpers/database';
import { describeEachDialect } from '../../helpers/dialects';
import { STACK_START_TIMEOUT_MS } from '../../helpers/timeouts';
import { migrationsBefore } from './migrations-before';
import { HEAD_BEFORE_CHAINS, ROWS_BEFORE_CHAINS } from './rows-before-chains';

/**
 * A log written before entries recorded their action, purpose, case and address upgrades in
 * place: its rows keep the hash they were written with and verify as they stand, new rows
 * are hashed over the new columns too, and a change to any of them is caught.
 */

const isActions = (name: string) => name.endsWith('_audit_actions');
const before = (all: Migrations): Migrations => migrationsBefore(all, '_audit_actions');

const ENTRY: AuditEntry = {
  at: new Date('2026-06-01T08:00:00Z'),
  organisation: 'JOBBTORG:VARBERG',
  user: 'coach.varberg',
  personKey: 'e'.repeat(64),
  recordType: 'Case',
  fields: ['mutation:closeCase'],
  operationName: 'Close',
  requestId: 'after-actions-1',
  outcome: 'ALLOWED',
  action: 'UPDATE',
  purpose: 'SHARED_PLANNING',
  caseReference: 'CASE-17',
  clientAddress: '10.1.2.3',
};

it.each([
  ['stadsdel', stadsdel],
  ['jobbtorg', jobbtorg],
  ['partners', partners],
])('%s records actions after it gave its log chains', (_name, all) => {
  const names = Object.keys(all).sort();
  expect(names.findIndex(isActions)).toBeGreaterThan(names.findIndex((name) => name.endsWith('_audit_chains')));
});

describeEachDialect('upgrading an audit log written before it recorded actions', (dialect) => {
  let db: Knex;
  let close: () => Promise<void>;
  const newRow = () => db(AUDIT_TABLE).where({ request_id: ENTRY.requestId }).first();

  beforeAll(async () => {
    ({ db, close } = await openDatabase(dialect, before(jobbtorg)));
    // The log as the chains release left it: one chain, whose places are the rows' ids.
    await db(AUDIT_TABLE).insert(ROWS_BEFORE_CHAINS.map((row) => ({ ...row, chain_id: FIRST_CHAIN, seq: row.id })));
    await db(AUDIT_HEAD_TABLE).insert({ chain_id: FIRST_CHAIN, last_hash: HEAD_BEFORE_CHAINS.last_hash, last_seq: ROWS_BEFORE_CHAINS.length });
    expect(await verifyAuditLog(db)).toEqual([{ chain: FIRST_CHAIN, intact: true, rows: ROWS_BEFORE_CHAINS.length }]);
    await migrateToLatest(db, jobbtorg);
    await new AuditChain(db, FIRST_CHAIN).append([ENTRY, { ...ENTRY, requestId: 'after-actions-2', purpose: null, caseReference: null, action: 'READ' }]);
  }, STACK_START_TIMEOUT_MS);
  afterAll(() => close?.());

  it('keeps the rows written before as they were, hash version 1 and no action, and the chain verifies across the upgrade', async () => {
    const old = await db(AUDIT_TABLE).whereIn('id', ROWS_BEFORE_CHAINS.map((r) => r.id)).orderBy('id');
    expect(old.map((r) => [Number(r.hash_version), r.action, r.purpose, r.client_address, r.hash])).toEqual(
      ROWS_BEFORE_CHAINS.map((r) => [1, null, null, null, r.hash]),
    );
    expect(await newRow()).toMatchObject({ action: 'UPDATE', purpose: 'SHARED_PLANNING', case_reference: 'CASE-17', client_address: '10.1.2.3' });
    expect(Number((await newRow()).hash_version)).toBe(2);
    expect(await verifyAuditLog(db)).toEqual([{ chain: FIRST_CHAIN, intact: true, rows: ROWS_BEFORE_CHAINS.length + 2 }]);
  });

  /** Changes one row, expects the walk to name it as altered, and puts it back. */
  async function expectCaught(id: number, change: Record<string, unknown>): Promise<void> {
    const row = await db(AUDIT_TABLE).where({ id }).first();
    await db(AUDIT_TABLE).where({ id }).update(change);
    try {
      expect(await verifyAuditLog(db)).toEqual([expect.objectContaining({ chain: FIRST_CHAIN, intact: false, rowId: id, problem: expect.stringMatching(/altered/) })]);
    } finally {
      await db(AUDIT_TABLE).where({ id }).update(Object.fromEntries(Object.keys(change).map((column) => [column, row[column]])));
    }
    expect(await verifyAuditLog(db)).toEqual([expect.objectContaining({ intact: true })]);
  }

  it.each([
    ['the action', { action: 'READ' }],
    ['the purpose', { purpose: 'REFERRAL' }],
    ['the case reference', { case_reference: 'CASE-18' }],
    ['the client address', { client_address: '192.0.2.1' }],
    ['a stated purpose taken away', { purpose: null }],
    ['the hash version, passing the row off as an old one', { hash_version: 1 }],
  ])('catches a change to %s of a new row', async (_what, change) => {
    await expectCaught(Number((await newRow()).id), change);
  });

  it('catches a value written into an old row’s new columns, which its hash never covered', async () => {
    await expectCaught(ROWS_BEFORE_CHAINS[1].id, { action: 'READ' });
    await expectCaught(ROWS_BEFORE_CHAINS[2].id, { client_address: '10.9.9.9' });
  });

  it('tells a null from an empty text in a new row', async () => {
    const second = await db(AUDIT_TABLE).where({ request_id: 'after-actions-2' }).first();
    await expectCaught(Number(second.id), { purpose: '' });
  });
});
