import { Knex } from 'knex';
import { migrateToLatest, migrateUpOne } from '../../../lib/migrations';
import { insertReferenceData } from '../../../subgraphs/stadsdel/migrations/reference';
import { migrations } from '../../../subgraphs/stadsdel/migrations';
import { describeEachDialect } from '../../helpers/dialects';
import { openDatabase } from '../../helpers/database';
import { STACK_START_TIMEOUT_MS } from '../../helpers/timeouts';

/** A database made by an earlier release upgrades in place: its rows survive and get the new columns' defaults. */
describeEachDialect('upgrading the stadsdel database', (dialect) => {
  let db: Knex;
  let close: () => Promise<void>;
  beforeAll(async () => {
    ({ db, close } = await openDatabase(dialect, {}));
  }, STACK_START_TIMEOUT_MS);
  afterAll(() => close?.());

  it('keeps decisions and consents written before the versions came', async () => {
    await migrateUpOne(db, migrations);
    await insertReferenceData(db);
    await db('persons').insert({ personnummer: '199001011239', given_name: 'A', family_name: 'B', birth_date: '1990-01-01', district_code: 'EAV', protected_identity: false });
    await db('income_support_decisions').insert({ personnummer: '199001011239', district_code: 'EAV', month: '2026-01', outcome: 'GRANTED', amount: 9000, need_reason: 'UNEMPLOYMENT', decided_at: '2025-12-20 10:00:00', decided_by: 'x' });
    await db('consents').insert({ personnummer: '199001011239', purpose: 'REFERRAL', valid_from: '2026-01-01', recorded_at: '2026-01-01 09:00:00', recorded_by: 'x' });

    await migrateToLatest(db, migrations);

    expect(await db('income_support_decisions').first()).toMatchObject({ amount: 9000, version: 1, replaces_id: null, replaced_by_id: null });
    expect(await db('consents').first()).toMatchObject({ purpose: 'REFERRAL', version: 1, withdrawn_by: null });
  });
});
