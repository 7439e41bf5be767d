import { Knex } from 'knex';
import { AUDIT_HEAD_TABLE, AUDIT_TABLE, AuditChain, AuditEntry, FIRST_CHAIN, verifyAuditLog } from '../../../lib/audit/log';
import { migrateToLatest, Migrations, resetToLatest } from '../../../lib/migrations';
import { migrations as jobbtorg } from '../../../subgraphs/jobbtorg/migrations';
import { migrations as partners } from '../../../subgraphs/partners/migrations';
import { migrations as stadsdel } from '../../../subgraphs/stadsdel/migrations';
import { openDatabase } from '../../helpers/database';
import { describeEachDialect } from '../../helpers/dialects';
import { STACK_START_TIMEOUT_MS } from '../../helpers/timeouts';
import { migrationsBefore } from './migrations-before';
import { HEAD_BEFORE_CHAINS, ROWS_BEFORE_CHAINS } from './rows-before-chains';

/**
 * A log written before there were chains upgrades in place: its rows become one chain that
 * still verifies, and new chains grow beside it.
 */

// Each subgraph numbers it after its own migrations (stadsdel 009, jobbtorg 008, partners 006).
const isChains = (name: string) => name.endsWith('_audit_chains');
const before = (all: Migrations): Migrations => migrationsBefore(all, '_audit_chains');

const ENTRY: AuditEntry = {
  at: new Date('2026-04-01T08:00:00Z'),
  organisation: 'DISTRICT:SKH',
  user: 'handlaggare.skh',
  personKey: 'd'.repeat(64),
  recordType: 'Person',
  fields: ['givenName'],
  operationName: 'After',
  requestId: 'after-1',
  outcome: 'ALLOWED',
  action: 'READ',
};

it.each([
  ['stadsdel', stadsdel],
  ['jobbtorg', jobbtorg],
  ['partners', partners],
])('%s gives its log chains after it made the log', (_name, all) => {
  const names = Object.keys(all).sort();
  expect(names.findIndex(isChains)).toBeGreaterThan(names.findIndex((name) => name.endsWith('_audit_log')));
});

describeEachDialect('upgrading an audit log written before chains', (dialect) => {
  let db: Knex;
  let close: () => Promise<void>;
  beforeAll(async () => {
    ({ db, close } = await openDatabase(dialect, before(partners)));
    await db(AUDIT_TABLE).insert(ROWS_BEFORE_CHAINS);
    await db(AUDIT_HEAD_TABLE).where({ id: 1 }).update({ last_hash: HEAD_BEFORE_CHAINS.last_hash });
    await migrateToLatest(db, partners);
  }, STACK_START_TIMEOUT_MS);
  afterAll(() => close?.());

  it('keeps the rows written before as one chain that verifies', async () => {
    expect(await verifyAuditLog(db)).toEqual([{ chain: FIRST_CHAIN, intact: true, rows: ROWS_BEFORE_CHAINS.length }]);
    const rows = await db(AUDIT_TABLE).orderBy('id');
    expect(rows.map((r) => [r.chain_id, Number(r.seq), r.hash])).toEqual(ROWS_BEFORE_CHAINS.map((r) => [FIRST_CHAIN, r.id, r.hash]));
  });

  it('grows that chain and new ones beside it, each verifying', async () => {
    await Promise.all([
      new AuditChain(db, FIRST_CHAIN).append([ENTRY]),
      new AuditChain(db, 'host-b:42').append([ENTRY, { ...ENTRY, fields: ['familyName'] }]),
    ]);
    expect(await verifyAuditLog(db)).toEqual([
      { chain: FIRST_CHAIN, intact: true, rows: ROWS_BEFORE_CHAINS.length + 1 },
      { chain: 'host-b:42', intact: true, rows: 2 },
    ]);
  });

  it('still finds a row written before that was altered, naming its chain', async () => {
    const row = ROWS_BEFORE_CHAINS[2];
    await db(AUDIT_TABLE).where({ id: row.id }).update({ user: 'someone.else' });
    try {
      expect(await verifyAuditLog(db)).toEqual([
        expect.objectContaining({ chain: FIRST_CHAIN, intact: false, rowId: row.id, problem: expect.stringMatching(/altered/) }),
        expect.objectContaining({ chain: 'host-b:42', intact: true }),
      ]);
    } finally {
      await db(AUDIT_TABLE).where({ id: row.id }).update({ user: row.user });
    }
  });

  it('rolls back and forward again (as `npm run seed` does) to an empty log', async () => {
    await resetToLatest(db, partners);
    expect(await verifyAuditLog(db)).toEqual([]);
  });
});

describeEachDialect('upgrading an audit log whose rows were all removed', (dialect) => {
  let db: Knex;
  let close: () => Promise<void>;
  beforeAll(async () => {
    ({ db, close } = await openDatabase(dialect, before(partners)));
    await db(AUDIT_HEAD_TABLE).where({ id: 1 }).update({ last_hash: HEAD_BEFORE_CHAINS.last_hash });
    await migrateToLatest(db, partners);
  }, STACK_START_TIMEOUT_MS);
  afterAll(() => close?.());

  it('still shows the removal: the first chain ends before its head', async () => {
    expect(await verifyAuditLog(db)).toEqual([
      { chain: FIRST_CHAIN, intact: false, rows: 0, rowId: null, problem: expect.stringMatching(/last rows were removed/) },
    ]);
  });
});
