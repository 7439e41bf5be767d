import { describeEachDialect } from '../../helpers/dialects';
import { AsCaller, districtOfficer, Stack, startStack } from '../../helpers/stack';
import { STACK_START_TIMEOUT_MS } from '../../helpers/timeouts';

/** Recording and withdrawing consents (samtycken) through the gateway. */

const RECORD = /* GraphQL */ `
  mutation Record($input: RecordConsentInput!) {
    recordConsent(input: $input) { id parties purpose validFrom validTo active version withdrawnAt }
  }
`;
const WITHDRAW = /* GraphQL */ `
  mutation Withdraw($input: WithdrawConsentInput!) {
    withdrawConsent(input: $input) { id active version withdrawnAt withdrawnBy }
  }
`;

describeEachDialect('consents', (dialect) => {
  let stack: Stack;
  let pnr: string;
  let officer: AsCaller;
  const query = (text: string, variables: Record<string, unknown> = {}) => stack.query(text, variables, officer);
  beforeAll(async () => {
    stack = await startStack({ dialect, people: 20 });
    // Someone from the population register, and their district's officer.
    const someone = await stack.subgraphs.stadsdel.db('persons').orderBy('personnummer').first();
    officer = districtOfficer(someone.district_code);
    pnr = someone.personnummer;
  }, STACK_START_TIMEOUT_MS);
  afterAll(() => stack?.stop());

  const input = (overrides: Record<string, unknown> = {}) => ({
    personnummer: pnr,
    parties: ['SOCIAL_SERVICES', 'JOBBTORG', 'SFI'],
    purpose: 'SHARED_PLANNING',
    validFrom: '2026-01-01',
    ...overrides,
  });
  const consentCount = async () =>
    (await query(`query($p: Personnummer!) { person(personnummer: $p) { consents { id } } }`, { p: pnr })).data.person
      .consents.length;

  it('records a consent that applies today, and withdraws it at once', async () => {
    const recorded = await query(RECORD, { input: input() });
    expect(recorded.errors).toBeUndefined();
    const consent = recorded.data.recordConsent;
    expect(consent).toMatchObject({ parties: ['JOBBTORG', 'SFI', 'SOCIAL_SERVICES'], active: true, version: 1, validTo: null });

    const withdrawn = await query(WITHDRAW, { input: { id: consent.id, version: 1} });
    expect(withdrawn.errors).toBeUndefined();
    expect(withdrawn.data.withdrawConsent).toMatchObject({ active: false, version: 2});
    expect(withdrawn.data.withdrawConsent.withdrawnAt).toMatch(/Z$/);

    const again = await query(WITHDRAW, { input: { id: consent.id, version: 2} });
    expect(again.errors?.[0].extensions).toMatchObject({ code: 'CONFLICT', field: 'input.id' });
  });

  it('refuses a withdrawal based on a stale version, and keeps the consent', async () => {
    const { data } = await query(RECORD, { input: input({ purpose: 'REFERRAL', parties: ['SOCIAL_SERVICES', 'JOBBTORG'] }) });
    const stale = await query(WITHDRAW, { input: { id: data.recordConsent.id, version: 7} });
    expect(stale.errors?.[0].extensions).toMatchObject({ code: 'CONFLICT', field: 'input.version' });
    const unknown = await query(WITHDRAW, { input: { id: '999999', version: 1} });
    expect(unknown.errors?.[0].extensions).toMatchObject({ code: 'NOT_FOUND', field: 'input.id' });
    const consents = await query(`query($p: Personnummer!) { person(personnummer: $p) { consents { id active } } }`, { p: pnr });
    expect(consents.data.person.consents.find((c: any) => c.id === data.recordConsent.id).active).toBe(true);
  });

  it.each([
    ['one party only', { parties: ['JOBBTORG'] }, 'BAD_USER_INPUT', 'input.parties'],
    ['a party twice', { parties: ['JOBBTORG', 'JOBBTORG'] }, 'BAD_USER_INPUT', 'input.parties'],
    ['an end before the start', { validTo: '2025-12-31' }, 'BAD_USER_INPUT', 'input.validTo'],
    ['an unknown party', { parties: ['JOBBTORG', 'POLISEN'] }, 'BAD_USER_INPUT', undefined],
    ['a person with no record', { personnummer: '190001010008' }, 'NOT_FOUND', 'input.personnummer'],
  ])('refuses %s, naming the field, and writes nothing', async (_, overrides, code, field) => {
    const before = await consentCount();
    const answer = await query(RECORD, { input: input(overrides) });
    expect(answer.errors?.[0].extensions?.code).toBe(code);
    if (field) expect(answer.errors?.[0].extensions?.field).toBe(field);
    expect(await consentCount()).toBe(before);
  });
});
