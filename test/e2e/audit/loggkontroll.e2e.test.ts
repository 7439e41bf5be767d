import { AuditChain, AuditEntry, verifyAuditLog } from '../../../lib/audit/log';
import { REQUEST_ID_HEADER } from '../../../gateway/gateway';
import { describeEachDialect } from '../../helpers/dialects';
import { AsCaller, districtOfficer, Stack, startStack } from '../../helpers/stack';
import { STACK_START_TIMEOUT_MS } from '../../helpers/timeouts';

/**
 * The access log serves a loggkontroll (issue 14): each entry says what was done (READ,
 * CREATE, UPDATE, EXPORT), why and about which case the caller said, and from which
 * address the gateway saw the request; a refusal that concerns no one is on the log too;
 * and an auditor can ask who read unusually much — a question itself logged, refused to
 * anyone else.
 */

const AUDITOR: AsCaller = { as: 'auditor' };
const ENTRY = 'log user personKey recordType fields requestId outcome action purpose caseReference clientAddress';
const LOOPBACK = /^(::ffff:)?127\.0\.0\.1$|^::1$/;

const WHAT_READ = /* GraphQL */ `
  query WhatRead($org: String!, $user: String!) {
    userAccessLog(organisation: $org, user: $user) { entries { ${ENTRY} } }
  }
`;

const UNUSUAL = /* GraphQL */ `
  query Unusual($from: DateTime!, $to: DateTime!, $threshold: Int, $multiple: Float, $periods: Int) {
    unusualAccessVolume(from: $from, to: $to, threshold: $threshold, multiple: $multiple, periods: $periods) {
      from to threshold multiple periods
      rows { log organisation user reads usual }
      stadsdelRows { user }
      jobbtorgRows { user }
      partnersRows { user }
    }
  }
`;

interface Entry {
  log: string;
  user: string;
  personKey: string | null;
  recordType: string;
  fields: string[];
  requestId: string;
  outcome: string;
  action: string | null;
  purpose: string | null;
  caseReference: string | null;
  clientAddress: string | null;
}

describeEachDialect('the access log serves a loggkontroll', (dialect) => {
  let stack: Stack;
  let people: string[];

  /** A query through the gateway, answering its data, errors and the request id the gateway gave it. */
  async function ask(query: string, variables: Record<string, unknown>, caller: AsCaller) {
    const response = await fetch(stack.gatewayUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${await stack.token(caller.as)}`, ...caller.headers },
      body: JSON.stringify({ query, variables }),
    });
    const body = (await response.json()) as { data?: any; errors?: any[] };
    return { ...body, requestId: response.headers.get(REQUEST_ID_HEADER)! };
  }

  /** What the auditor sees of a user, every log merged. */
  async function entriesOf(org: string, user: string): Promise<Entry[]> {
    const answer = await stack.query(WHAT_READ, { org, user }, AUDITOR);
    expect(answer.errors).toBeUndefined();
    return answer.data.userAccessLog.entries;
  }

  beforeAll(async () => {
    stack = await startStack({ dialect, people: 200 });
    const residents = await stack.subgraphs.stadsdel.db('persons').where({ district_code: 'SKH' }).orderBy('personnummer').limit(30);
    people = residents.map((r: { personnummer: string }) => r.personnummer);
    expect(people.length).toBeGreaterThanOrEqual(25);
  }, STACK_START_TIMEOUT_MS);
  afterAll(() => stack?.stop());

  it('records a read with its action, the stated purpose and case, and the address the gateway saw', async () => {
    const officer = { ...districtOfficer('SKH', 'purposeful.officer'), headers: { 'x-etk-purpose': 'SHARED_PLANNING', 'x-etk-case-reference': 'stadsdel:referral:42' } };
    const read = await ask(`query Look($p: Personnummer!) { person(personnummer: $p) { givenName jobbtorgCases { targetGroup } } }`, { p: people[0] }, officer);
    expect(read.errors).toBeUndefined();
    const entries = (await entriesOf('DISTRICT:SKH', 'purposeful.officer')).filter((e) => e.requestId === read.requestId);
    expect(new Set(entries.map((e) => e.log))).toEqual(new Set(['STADSDEL', 'JOBBTORG']));
    for (const entry of entries) {
      expect(entry).toMatchObject({ action: 'READ', outcome: 'ALLOWED', purpose: 'SHARED_PLANNING', caseReference: 'stadsdel:referral:42' });
      expect(entry.clientAddress).toMatch(LOOPBACK);
    }
  });

  it('records a write as CREATE or UPDATE, and a read without a stated purpose with none', async () => {
    const officer = districtOfficer('SKH', 'consent.officer');
    const made = await ask(
      `mutation Give($p: Personnummer!) { recordConsent(input: { personnummer: $p, purpose: SHARED_PLANNING, validFrom: "2026-01-01", parties: [SOCIAL_SERVICES, JOBBTORG] }) { id version } }`,
      { p: people[1] },
      officer,
    );
    expect(made.errors).toBeUndefined();
    const { id, version } = made.data.recordConsent;
    const withdrawn = await ask(`mutation Take($id: ID!, $v: Int!) { withdrawConsent(input: { id: $id, version: $v }) { id } }`, { id, v: version }, officer);
    expect(withdrawn.errors).toBeUndefined();
    const entries = await entriesOf('DISTRICT:SKH', 'consent.officer');
    const of = (requestId: string, action: string) => entries.filter((e) => e.requestId === requestId && e.action === action);
    expect(of(made.requestId, 'CREATE')).toEqual([expect.objectContaining({ recordType: 'Consent', fields: ['mutation:recordConsent'], purpose: null, caseReference: null })]);
    expect(of(withdrawn.requestId, 'UPDATE')).toEqual([expect.objectContaining({ recordType: 'Consent', fields: ['mutation:withdrawConsent'] })]);
    // What the write answered with is read back, and logged as the read it is.
    expect(of(made.requestId, 'READ')).toEqual([expect.objectContaining({ recordType: 'Consent', fields: ['id', 'version'] })]);
  });

  it('records a refused write as the write it would have been', async () => {
    const readOnly: AsCaller = { as: { org: 'DISTRICT:SKH', sub: 'read.only.officer', scope: 'records:read' } };
    const refused = await ask(
      `mutation($p: Personnummer!) { recordConsent(input: { personnummer: $p, purpose: SHARED_PLANNING, validFrom: "2026-01-01", parties: [SOCIAL_SERVICES, JOBBTORG] }) { id } }`,
      { p: people[2] },
      readOnly,
    );
    expect(refused.errors?.[0]).toMatchObject({ extensions: { code: 'FORBIDDEN' } });
    expect(await entriesOf('DISTRICT:SKH', 'read.only.officer')).toEqual([
      expect.objectContaining({ recordType: 'Mutation', fields: ['recordConsent'], outcome: 'DENIED', action: 'CREATE', personKey: expect.any(String) }),
    ]);
  });

  it('logs a write refused to an agency that does not keep such records, under the person', async () => {
    const refused = await ask(
      `mutation Register($p: Personnummer!) { registerJobSeeker(input: { personnummer: $p, registeredOn: "2026-11-02", office: "Kista", programme: ESTABLISHMENT_PROGRAMME, programmeFrom: "2026-11-02", programmeTo: "2028-11-01", programmeExtentPercent: 100 }) { id } }`,
      { p: people[4] },
      districtOfficer('SKH', 'wrong.agency.officer'),
    );
    expect(refused.errors?.[0]).toMatchObject({ extensions: { code: 'FORBIDDEN' } });
    const entries = (await entriesOf('DISTRICT:SKH', 'wrong.agency.officer')).filter((e) => e.requestId === refused.requestId);
    expect(entries).toEqual([
      expect.objectContaining({ log: 'PARTNERS', recordType: 'Mutation', fields: ['registerJobSeeker'], outcome: 'DENIED', action: 'CREATE', personKey: expect.any(String) }),
    ]);
  });

  it('records a CSV of the figures as an EXPORT in each log that gave part of it', async () => {
    const exported = await ask(`query Export { followUp(filter: { from: "2026-01", to: "2026-01" }) { csv } }`, {}, { as: 'cityAnalyst' });
    expect(exported.errors).toBeUndefined();
    expect(exported.data.followUp.csv).toMatch(/\r\n/);
    const entries = (await entriesOf('CITY:ANALYS', 'analytiker')).filter((e) => e.requestId === exported.requestId);
    expect(entries).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ log: 'JOBBTORG', recordType: 'FollowUpReport', fields: ['csvParts'], action: 'EXPORT', outcome: 'ALLOWED', personKey: null }),
        expect.objectContaining({ log: 'STADSDEL', recordType: 'FollowUpReport', fields: ['csv'], action: 'EXPORT', outcome: 'ALLOWED', personKey: null }),
      ]),
    );
    expect(entries).toHaveLength(2);
  });

  it('logs statistics refused for want of statistics:read, with no person key, where the auditor sees it', async () => {
    const refused = await ask(`query Figures { followUp(filter: { from: "2026-01", to: "2026-01" }) { total { enrolled { value } } } }`, {}, {
      as: { org: 'CITY:ANALYS', sub: 'analyst.without.statistics', scope: 'records:read' },
    });
    expect(refused.data?.followUp ?? null).toBeNull();
    expect(refused.errors?.[0]).toMatchObject({ extensions: { code: 'FORBIDDEN' } });
    expect(await entriesOf('CITY:ANALYS', 'analyst.without.statistics')).toEqual([
      expect.objectContaining({ log: 'JOBBTORG', requestId: refused.requestId, outcome: 'DENIED', action: 'READ', personKey: null, recordType: 'Query', fields: ['followUp'] }),
    ]);
  });

  describe('unusual volume', () => {
    let since: string;
    let until: string;
    beforeAll(async () => {
      since = new Date(Date.now() - 2000).toISOString();
      // One officer reads 25 residents one by one; another reads one.
      for (const p of people.slice(0, 25)) {
        const answer = await ask(`query Browse($p: Personnummer!) { person(personnummer: $p) { givenName } }`, { p }, districtOfficer('SKH', 'busy.officer'));
        expect(answer.errors).toBeUndefined();
      }
      const normal = await ask(`query One($p: Personnummer!) { person(personnummer: $p) { givenName } }`, { p: people[3] }, districtOfficer('SKH', 'steady.officer'));
      expect(normal.errors).toBeUndefined();
      until = new Date(Date.now() + 2000).toISOString();
    });

    it('shows a user who read many people beyond a threshold, and not one who read one', async () => {
      const answer = await stack.query(UNUSUAL, { from: since, to: until, threshold: 20 }, AUDITOR);
      expect(answer.errors).toBeUndefined();
      const report = answer.data.unusualAccessVolume;
      expect(report).toMatchObject({ threshold: 20, multiple: null, periods: 4 });
      expect(report.rows).toEqual([{ log: 'STADSDEL', organisation: 'DISTRICT:SKH', user: 'busy.officer', reads: 25, usual: 0 }]);
      expect(report.stadsdelRows).toEqual([{ user: 'busy.officer' }]);
      expect([...report.jobbtorgRows, ...report.partnersRows]).toEqual([]);
    });

    it('shows a user whose reads are a multiple of their own usual, and not one reading as usual', async () => {
      // An hour last January and the four before it, written as the chains write them.
      const hour = (h: number) => new Date(Date.UTC(2026, 0, 10, h, 30, 0));
      const read = (user: string, at: Date, i: number): AuditEntry => ({
        at, organisation: 'JOBBTORG:VARBERG', user, personKey: `${user}-${at.getTime()}-${i}`.slice(0, 64).padEnd(64, '0'),
        recordType: 'Case', fields: ['targetGroup'], operationName: 'Cases', requestId: `seeded-${user}-${at.getTime()}`, outcome: 'ALLOWED', action: 'READ',
      });
      const reads = (user: string, at: Date, count: number) => Array.from({ length: count }, (_, i) => read(user, at, i));
      const seeded: AuditEntry[] = [];
      for (const h of [6, 7, 8, 9]) seeded.push(...reads('steady.coach', hour(h), 10), ...reads('sudden.coach', hour(h), 2));
      seeded.push(...reads('steady.coach', hour(10), 12), ...reads('sudden.coach', hour(10), 9));
      await new AuditChain(stack.subgraphs.jobbtorg.db, 'seeded-history').append(seeded);
      const answer = await stack.query(UNUSUAL, { from: '2026-01-10T10:00:00Z', to: '2026-01-10T10:59:59Z', multiple: 3, periods: 4 }, AUDITOR);
      expect(answer.errors).toBeUndefined();
      expect(answer.data.unusualAccessVolume.rows).toEqual([{ log: 'JOBBTORG', organisation: 'JOBBTORG:VARBERG', user: 'sudden.coach', reads: 9, usual: 2 }]);
      expect(await verifyAuditLog(stack.subgraphs.jobbtorg.db)).toEqual(expect.arrayContaining([{ chain: 'seeded-history', intact: true, rows: seeded.length }]));
    });

    it('logs the auditor’s question in every log, as a read that concerns no one', async () => {
      const asked = await ask(UNUSUAL, { from: since, to: until, threshold: 100 }, AUDITOR);
      expect(asked.errors).toBeUndefined();
      const entries = (await entriesOf('CITY:LOGGKONTROLL', 'granskare')).filter((e) => e.requestId === asked.requestId);
      expect(new Set(entries.map((e) => e.log))).toEqual(new Set(['STADSDEL', 'JOBBTORG', 'PARTNERS']));
      for (const entry of entries) expect(entry).toMatchObject({ recordType: 'UnusualVolumeReport', outcome: 'ALLOWED', action: 'READ', personKey: null });
    });

    it('is FORBIDDEN to anyone without audit:read, and the refusal is logged', async () => {
      const refused = await ask(UNUSUAL, { from: since, to: until, threshold: 1 }, districtOfficer('SKH', 'curious.officer'));
      expect(refused.data?.unusualAccessVolume ?? null).toBeNull();
      expect(refused.errors?.[0]).toMatchObject({ extensions: { code: 'FORBIDDEN' } });
      expect(await entriesOf('DISTRICT:SKH', 'curious.officer')).toEqual([
        expect.objectContaining({ log: 'STADSDEL', requestId: refused.requestId, recordType: 'UnusualVolumeReport', fields: ['unusualAccessVolume'], outcome: 'DENIED', personKey: null }),
      ]);
    });

    it.each([
      ['a period that ends before it starts', { from: '2026-01-10T10:00:00Z', to: '2026-01-10T09:00:00Z', threshold: 5 }, 'unusualAccessVolume.to'],
      ['a threshold of no reads', { from: '2026-01-10T10:00:00Z', to: '2026-01-10T11:00:00Z', threshold: 0 }, 'unusualAccessVolume.threshold'],
      ['a negative threshold', { from: '2026-01-10T10:00:00Z', to: '2026-01-10T11:00:00Z', threshold: -3 }, 'unusualAccessVolume.threshold'],
      ['a multiple below 1', { from: '2026-01-10T10:00:00Z', to: '2026-01-10T11:00:00Z', multiple: 0.5 }, 'unusualAccessVolume.multiple'],
      ['neither a threshold nor a multiple', { from: '2026-01-10T10:00:00Z', to: '2026-01-10T11:00:00Z' }, 'unusualAccessVolume.threshold'],
      ['no usual periods', { from: '2026-01-10T10:00:00Z', to: '2026-01-10T11:00:00Z', threshold: 5, periods: 0 }, 'unusualAccessVolume.periods'],
    ])('refuses %s as BAD_USER_INPUT naming the argument', async (_what, variables, field) => {
      const answer = await stack.query(UNUSUAL, variables, AUDITOR);
      expect(answer.data?.unusualAccessVolume ?? null).toBeNull();
      expect(answer.errors?.[0]).toMatchObject({ extensions: { code: 'BAD_USER_INPUT', field } });
    });
  });
});
