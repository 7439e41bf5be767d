import { describeEachDialect } from '../../helpers/dialects';
import { AsCaller, Stack, startStack } from '../../helpers/stack';
import { STACK_START_TIMEOUT_MS } from '../../helpers/timeouts';

/** Recording and changing income-support decisions through the gateway. */

const RECORD = /* GraphQL */ `
  mutation Record($input: RecordIncomeSupportDecisionInput!, $key: String) {
    recordIncomeSupportDecision(input: $input, idempotencyKey: $key) {
      id month outcome amount needReason decidedBy version current district { code }
      replaces { id version current }
    }
  }
`;

const MONTH_OF = /* GraphQL */ `
  query Month($p: Personnummer!, $m: Month!) {
    person(personnummer: $p) { incomeSupportDecisions(from: $m, to: $m) { id version amount } }
  }
`;

describeEachDialect('income-support decisions', (dialect) => {
  let stack: Stack;
  let pnr: string;
  let district: string;
  let officer: AsCaller;
  const query = (text: string, variables: Record<string, unknown> = {}) => stack.query(text, variables, officer);
  beforeAll(async () => {
    stack = await startStack({ dialect, people: 30 });
    // Someone from the population register, and their district's officer.
    const someone = await stack.subgraphs.stadsdel.db('persons').orderBy('personnummer').first();
    pnr = someone.personnummer;
    district = someone.district_code;
    officer = { as: { org: `DISTRICT:${district}`, sub: 'handlaggare.test', scope: 'records:read records:write' } };
  }, STACK_START_TIMEOUT_MS);
  afterAll(() => stack?.stop());

  const input = (overrides: Record<string, unknown> = {}) => ({
    personnummer: pnr,
    month: '2027-01',
    outcome: 'GRANTED',
    amount: 9400,
    needReason: 'UNEMPLOYMENT',
    ...overrides,
  });

  async function decisionsIn(month: string) {
    const answer = await query(MONTH_OF, { p: pnr, m: month });
    return answer.data.person.incomeSupportDecisions;
  }

  it('records a decision in the person’s own district, in the name of the officer who sent it', async () => {
    const answer = await query(RECORD, { input: input() });
    expect(answer.errors).toBeUndefined();
    expect(answer.data.recordIncomeSupportDecision).toMatchObject({
      decidedBy: 'handlaggare.test',
      month: '2027-01',
      outcome: 'GRANTED',
      amount: 9400,
      version: 1,
      current: true,
      replaces: null,
      district: { code: district },
    });
    expect(await decisionsIn('2027-01')).toHaveLength(1);
  });

  it('refuses a second decision for the same month unless it says what it changes', async () => {
    const answer = await query(RECORD, { input: input({ amount: 5000 }) });
    expect(answer.errors?.[0].extensions).toMatchObject({ code: 'CONFLICT', field: 'input.month' });
    expect(await decisionsIn('2027-01')).toEqual([expect.objectContaining({ amount: 9400, version: 1 })]);
  });

  it('changes the current decision when based on its version, and keeps the history', async () => {
    const [current] = await decisionsIn('2027-01');
    const answer = await query(RECORD, {
      input: input({ outcome: 'PARTLY_GRANTED', amount: 6100, replaces: { id: current.id, version: 1 } }),
    });
    expect(answer.errors).toBeUndefined();
    expect(answer.data.recordIncomeSupportDecision).toMatchObject({
      version: 2,
      current: true,
      replaces: { id: current.id, version: 1, current: false },
    });
    expect(await decisionsIn('2027-01')).toEqual([expect.objectContaining({ amount: 6100, version: 2 })]);
  });

  it('refuses a change based on a stale version, and writes nothing', async () => {
    const [current] = await decisionsIn('2027-01');
    const answer = await query(RECORD, { input: input({ amount: 1, replaces: { id: current.id, version: 1 } }) });
    expect(answer.errors?.[0].extensions).toMatchObject({ code: 'CONFLICT', field: 'input.replaces.version' });
    expect(answer.errors?.[0].message).toMatch(/stale: the decision is at version 2/);
    expect(await decisionsIn('2027-01')).toEqual([expect.objectContaining({ amount: 6100, version: 2 })]);
  });

  it.each([
    ['a refusal with an amount', { outcome: 'REFUSED', amount: 500 }, 'BAD_USER_INPUT', 'input.amount'],
    ['a grant of nothing', { amount: 0 }, 'BAD_USER_INPUT', 'input.amount'],
    ['a negative amount', { amount: -5 }, 'BAD_USER_INPUT', 'recordIncomeSupportDecision.input.amount'],
    ['a month that does not exist', { month: '2027-13' }, 'BAD_USER_INPUT', 'recordIncomeSupportDecision.input.month'],
    ['a bad personnummer', { personnummer: '19900101-1238' }, 'BAD_USER_INPUT', 'recordIncomeSupportDecision.input.personnummer'],
    ['a person with no record', { personnummer: '190001010008' }, 'NOT_FOUND', 'input.personnummer'],
  ])('refuses %s, naming the field, and writes nothing', async (_, overrides, code, field) => {
    const before = await query(`{ incomeSupportDecisions(first: 0, filter: { fromMonth: "2027-02" }) { totalCount } }`);
    const answer = await query(RECORD, { input: input({ month: '2027-02', ...overrides }) });
    expect(answer.errors?.[0].extensions).toMatchObject({ code, field });
    const after = await query(`{ incomeSupportDecisions(first: 0, filter: { fromMonth: "2027-02" }) { totalCount } }`);
    expect(after.data.incomeSupportDecisions.totalCount).toBe(before.data.incomeSupportDecisions.totalCount);
  });

  it('records once for a retried request with the same idempotency key, and refuses the key for another request', async () => {
    const first = await query(RECORD, { input: input({ month: '2027-03' }), key: 'retry-1' });
    const retry = await query(RECORD, { input: input({ month: '2027-03' }), key: 'retry-1' });
    expect(first.errors).toBeUndefined();
    expect(retry.errors).toBeUndefined();
    expect(retry.data.recordIncomeSupportDecision.id).toBe(first.data.recordIncomeSupportDecision.id);

    const reused = await query(RECORD, { input: input({ month: '2027-04' }), key: 'retry-1' });
    expect(reused.errors?.[0].extensions).toMatchObject({ code: 'CONFLICT', field: 'idempotencyKey' });
    expect(await decisionsIn('2027-03')).toHaveLength(1);
    expect(await decisionsIn('2027-04')).toHaveLength(0);

    // The key is the caller's own: another user with the same key makes their own request.
    const colleague = { as: { org: `DISTRICT:${district}`, sub: 'kollega.test', scope: 'records:read records:write' } };
    const other = await stack.query(RECORD, { input: input({ month: '2027-04' }), key: 'retry-1' }, colleague);
    expect(other.errors).toBeUndefined();
    expect(await decisionsIn('2027-04')).toHaveLength(1);
  });

  it('is the person’s own district’s to record: another district finds no such person, and nothing is written', async () => {
    const elsewhere = { as: { org: `DISTRICT:${district === 'RK' ? 'SKH' : 'RK'}`, sub: 'handlaggare.annan', scope: 'records:read records:write' } };
    const answer = await stack.query(RECORD, { input: input({ month: '2027-09' }) }, elsewhere);
    expect(answer.errors?.[0].extensions).toMatchObject({ code: 'NOT_FOUND', field: 'input.personnummer' });
    for (const as of [elsewhere, { as: 'jobbtorgCoach' as const }]) {
      const refused = await stack.query(RECORD, { input: input({ month: '2027-09' }) }, as);
      expect(refused.errors?.[0].extensions?.code).toBe('NOT_FOUND');
    }
    // A partner agency may not even ask: its field allowlist stops it at the gateway.
    const agency = await stack.query(RECORD, { input: input({ month: '2027-09' }) }, { as: 'afOfficer' });
    expect(agency.errors?.[0].extensions?.code).toBe('FIELD_NOT_ALLOWED');
    expect(await decisionsIn('2027-09')).toHaveLength(0);
  });
});
