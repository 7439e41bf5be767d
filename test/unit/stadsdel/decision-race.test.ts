import { Knex } from 'knex';
import { insertReferenceData } from '../../../subgraphs/stadsdel/migrations/reference';
import { recordDecision } from '../../../subgraphs/stadsdel/data';
import { migrations } from '../../../subgraphs/stadsdel/migrations';
import { describeEachDialect } from '../../helpers/dialects';
import { openDatabase } from '../../helpers/database';
import { UNIT_TEST_CALLER } from '../../helpers/subgraph';
import { STACK_START_TIMEOUT_MS } from '../../helpers/timeouts';

/**
 * Writers that race for the same person and month, straight at the data module so nothing
 * spaces them out: exactly one records the month, the rest get CONFLICT. (Without the row
 * lock, MySQL lets all eight through.) Retries racing with one idempotency key all get the
 * one decision they made.
 */
describeEachDialect('simultaneous decisions', (dialect) => {
  let db: Knex;
  let close: () => Promise<void>;
  beforeAll(async () => {
    ({ db, close } = await openDatabase(dialect, migrations));
    await insertReferenceData(db);
    await db('persons').insert({
      personnummer: '199001011239',
      given_name: 'Amina',
      family_name: 'Hussein',
      birth_date: '1990-01-01',
      district_code: 'EAV',
      protected_identity: false,
    });
  }, STACK_START_TIMEOUT_MS);
  afterAll(() => close?.());

  it('record one decision for the month, whoever comes first', async () => {
    const input = { personnummer: '199001011239', month: '2027-01', outcome: 'GRANTED' as const, needReason: 'UNEMPLOYMENT' as const };
    const results = await Promise.allSettled(
      [1, 2, 3, 4, 5, 6, 7, 8].map((n) =>
        recordDecision(db, { caller: UNIT_TEST_CALLER, key: null, operation: 'recordIncomeSupportDecision', input: { ...input, amount: 9000 + n } }, new Date()),
      ),
    );
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    for (const r of results) if (r.status === 'rejected') expect(r.reason.extensions).toMatchObject({ code: 'CONFLICT', field: 'input.month' });
    expect(await db('income_support_decisions').where({ month: '2027-01' }).count({ n: '*' })).toEqual([{ n: 1 }]);
  });

  it('records once when eight retries carry the same idempotency key, and gives each the same decision', async () => {
    const input = { personnummer: '199001011239', month: '2027-02', outcome: 'GRANTED' as const, needReason: 'UNEMPLOYMENT' as const, amount: 8100 };
    const request = { caller: UNIT_TEST_CALLER, key: 'retry-2027-02', operation: 'recordIncomeSupportDecision', input };
    const results = await Promise.allSettled([1, 2, 3, 4, 5, 6, 7, 8].map(() => recordDecision(db, request, new Date())));
    const ids = results.map((r) => (r.status === 'fulfilled' ? String(r.value.id) : r.reason.message));
    expect(new Set(ids).size).toBe(1);
    expect(await db('income_support_decisions').where({ month: '2027-02' }).count({ n: '*' })).toEqual([{ n: 1 }]);
    expect(await db('idempotency_keys').where({ idempotency_key: 'retry-2027-02' }).count({ n: '*' })).toEqual([{ n: 1 }]);
  });
});
