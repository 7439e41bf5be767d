import { AUDIT_TABLE } from '../../../lib/audit/log';
import { makePersonnummer } from '../../../lib/scalars/personnummer';
import { describeEachDialect } from '../../helpers/dialects';
import { AsCaller, Stack, startStack } from '../../helpers/stack';
import { STACK_START_TIMEOUT_MS } from '../../helpers/timeouts';

/**
 * The scopes mean something (issue 14, *Scopes*): before, a token with an empty scope read
 * a resident and one with only `records:read` recorded a consent; a missing
 * `statistics:read` was refused but left no trace. Now each is FORBIDDEN, naming the scope,
 * with no data, and on the audit log as DENIED — with no person key where it concerns no one.
 */

const p = makePersonnummer('1990-02-11', 407);
const districtWith = (sub: string, scope: string): AsCaller => ({ as: { org: 'DISTRICT:SKH', sub, scope } });

describeEachDialect('scopes', (dialect) => {
  let stack: Stack;
  const denied = (user: string) => stack.subgraphs.stadsdel.db(AUDIT_TABLE).where({ user, outcome: 'DENIED' });

  beforeAll(async () => {
    stack = await startStack({ dialect, people: 0 });
    await stack.subgraphs.stadsdel.db('persons').insert({
      personnummer: p, given_name: 'Aster', family_name: 'Haile', birth_date: '1990-02-11', district_code: 'SKH', protected_identity: false,
    });
  }, STACK_START_TIMEOUT_MS);
  afterAll(() => stack?.stop());

  it('refuses a resident to a token with an empty scope, and logs it under the person', async () => {
    const answer = await stack.query(`query($p: Personnummer!) { person(personnummer: $p) { givenName } }`, { p }, districtWith('no.scope', ''));
    expect(answer.data?.person ?? null).toBeNull();
    expect(answer.errors?.[0]).toMatchObject({ message: 'Query.person needs the scope records:read', extensions: { code: 'FORBIDDEN' } });
    const [row, ...more] = await denied('no.scope');
    expect(more).toEqual([]);
    expect(row).toMatchObject({ record_type: 'Query', person_key: expect.any(String) });
  });

  it('refuses a consent to a token with only records:read, records nothing, and logs it', async () => {
    const answer = await stack.query(
      `mutation($p: Personnummer!) { recordConsent(input: { personnummer: $p, purpose: SHARED_PLANNING, validFrom: "2026-01-01", parties: [SOCIAL_SERVICES, JOBBTORG] }) { id } }`,
      { p },
      districtWith('read.only', 'records:read'),
    );
    expect(answer.data?.recordConsent ?? null).toBeNull();
    expect(answer.errors?.[0]).toMatchObject({ message: 'Mutation.recordConsent needs the scope records:write', extensions: { code: 'FORBIDDEN' } });
    expect(await stack.subgraphs.stadsdel.db('consents').where({ personnummer: p })).toEqual([]);
    expect(await denied('read.only')).toEqual([expect.objectContaining({ record_type: 'Mutation', person_key: expect.any(String) })]);
  });

  it('logs a missing statistics:read as DENIED with no person key', async () => {
    const answer = await stack.query(`{ followUp(filter: { from: "2026-01", to: "2026-01" }) { total { enrolled { value } } } }`, {}, {
      as: { org: 'CITY:ANALYS', sub: 'analyst.without.scope', scope: 'records:read' },
    });
    expect(answer.data?.followUp ?? null).toBeNull();
    expect(answer.errors?.[0]).toMatchObject({ message: 'Query.followUp needs the scope statistics:read', extensions: { code: 'FORBIDDEN' } });
    const rows = await stack.subgraphs.jobbtorg.db(AUDIT_TABLE).where({ user: 'analyst.without.scope' });
    expect(rows).toEqual([expect.objectContaining({ outcome: 'DENIED', person_key: null, record_type: 'Query' })]);
  });
});
