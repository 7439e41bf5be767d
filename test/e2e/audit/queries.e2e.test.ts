import { Knex } from 'knex';
import { AUDIT_TABLE } from '../../../lib/audit/log';
import { AuditEntryView as Entry } from '../../../lib/audit/queries';
import { REQUEST_ID_HEADER } from '../../../gateway/gateway';
import { describeEachDialect } from '../../helpers/dialects';
import { AsCaller, districtOfficer, Stack, startStack } from '../../helpers/stack';
import { STACK_START_TIMEOUT_MS } from '../../helpers/timeouts';

/**
 * The auditors' questions through the gateway: who read this person, and what did this
 * user read, each answered from all three subgraphs' logs; only for `audit:read`, and the
 * auditor's own looks are on the log too.
 */

const ENTRY = 'log id at organisation user personKey recordType fields operationName requestId outcome action purpose caseReference clientAddress';

const WHO_READ = /* GraphQL */ `
  query WhoRead($p: Personnummer!, $from: DateTime, $to: DateTime, $first: Int) {
    personAccessLog(personnummer: $p, from: $from, to: $to, first: $first) {
      personnummer from to first
      stadsdelEntries { ${ENTRY} }
      jobbtorgEntries { ${ENTRY} }
      partnersEntries { ${ENTRY} }
      entries { ${ENTRY} }
    }
  }
`;

const WHAT_READ = /* GraphQL */ `
  query WhatRead($org: String!, $user: String!, $from: DateTime, $first: Int) {
    userAccessLog(organisation: $org, user: $user, from: $from, first: $first) {
      stadsdelEntries { ${ENTRY} }
      jobbtorgEntries { ${ENTRY} }
      partnersEntries { ${ENTRY} }
      entries { ${ENTRY} }
    }
  }
`;

const AUDITOR: AsCaller = { as: 'auditor' };
const OFFICER = districtOfficer('SKH');
const COACH: AsCaller = { as: 'jobbtorgCoach' };
const LOGS = { stadsdel: 'STADSDEL', jobbtorg: 'JOBBTORG', partners: 'PARTNERS' } as const;

/** A log's rows as the auditor should see them, newest first. */
function asEntries(log: Entry['log'], rows: any[]): Entry[] {
  return [...rows]
    .sort((a, b) => b.id - a.id)
    .map((r) => ({
      log,
      id: String(r.id),
      at: `${String(r.at).replace(' ', 'T')}Z`,
      organisation: r.organisation,
      user: r.user,
      personKey: r.person_key,
      recordType: r.record_type,
      fields: r.fields.split(','),
      operationName: r.operation_name,
      requestId: r.request_id,
      outcome: r.outcome,
      action: r.action,
      purpose: r.purpose,
      caseReference: r.case_reference,
      clientAddress: r.client_address,
    }));
}

describeEachDialect('auditors query the audit log', (dialect) => {
  let stack: Stack;
  let personnummer: string;
  const reads: Record<'officer' | 'coach', string> = { officer: '', coach: '' };
  let since: string;

  /** A query through the gateway that also returns the request id the gateway gave it. */
  async function withRequestId(query: string, variables: Record<string, unknown>, caller: AsCaller) {
    const response = await fetch(stack.gatewayUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${await stack.token(caller.as)}` },
      body: JSON.stringify({ query, variables }),
    });
    const body = (await response.json()) as { data?: any; errors?: unknown[] };
    expect(body.errors).toBeUndefined();
    return { requestId: response.headers.get(REQUEST_ID_HEADER)!, data: body.data };
  }

  const rowsOf = (db: Knex, requestIds: string[]) => db(AUDIT_TABLE).whereIn('request_id', requestIds);

  beforeAll(async () => {
    stack = await startStack({ dialect, people: 400 });
    // Someone with an open case at Jobbtorg Vårberg, referred by Skärholmen: both the
    // district officer and the Vårberg coach may read them.
    const open = await stack.subgraphs.jobbtorg.db('cases').where({ unit_code: 'VARBERG', district_code: 'SKH', status: 'OPEN' }).orderBy('id').first();
    personnummer = open.personnummer;
    since = new Date(Date.now() - 1000).toISOString();
    const officer = await withRequestId(
      `query OfficerReads($p: Personnummer!) { person(personnummer: $p) { givenName jobbtorgCases { targetGroup } jobSeekerRegistrations { office } } }`,
      { p: personnummer },
      OFFICER,
    );
    expect(officer.data.person.givenName).toEqual(expect.any(String));
    const coach = await withRequestId(
      `query CoachReads($p: Personnummer!) { person(personnummer: $p) { givenName jobbtorgCases { targetGroup enrolledOn } residencePermits { kind } } }`,
      { p: personnummer },
      COACH,
    );
    expect(coach.data.person.jobbtorgCases.length).toBeGreaterThan(0);
    reads.officer = officer.requestId;
    reads.coach = coach.requestId;
  }, STACK_START_TIMEOUT_MS);
  afterAll(() => stack?.stop());

  it('shows who read the person, from every subgraph, exactly as each log holds it', async () => {
    const answer = await stack.query(WHO_READ, { p: personnummer, from: since }, AUDITOR);
    expect(answer.errors).toBeUndefined();
    const log = answer.data.personAccessLog;
    for (const [name, logName] of Object.entries(LOGS)) {
      const rows = await rowsOf(stack.subgraphs[name as keyof typeof LOGS].db, [reads.officer, reads.coach]);
      expect(rows.length).toBeGreaterThan(0);
      expect(log[`${name}Entries`]).toEqual(asEntries(logName, rows));
    }
    // Both readers, each under their own organisation, operation and request, in every log they reached.
    const stadsdel = log.stadsdelEntries as Entry[];
    expect(stadsdel).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ organisation: 'DISTRICT:SKH', user: 'handlaggare.skh', operationName: 'OfficerReads', requestId: reads.officer, recordType: 'Person', outcome: 'ALLOWED' }),
        expect.objectContaining({ organisation: 'JOBBTORG:VARBERG', user: 'coach.varberg', operationName: 'CoachReads', requestId: reads.coach, recordType: 'Person', outcome: 'ALLOWED' }),
      ]),
    );
    expect(log.jobbtorgEntries).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ organisation: 'DISTRICT:SKH', requestId: reads.officer, recordType: 'Case', fields: ['targetGroup'] }),
        expect.objectContaining({ organisation: 'JOBBTORG:VARBERG', requestId: reads.coach, recordType: 'Case', fields: ['enrolledOn', 'targetGroup'] }),
      ]),
    );
    expect((log.partnersEntries as Entry[]).map((e) => e.requestId).sort()).toEqual(expect.arrayContaining([reads.officer, reads.coach].sort()));
    // The merged view is the three lists together, newest first.
    const merged = log.entries as Entry[];
    expect(merged).toHaveLength(stadsdel.length + log.jobbtorgEntries.length + log.partnersEntries.length);
    expect(merged.map((e) => e.at)).toEqual([...merged.map((e) => e.at)].sort().reverse());
    expect(new Set(merged.map((e) => `${e.log}:${e.id}`))).toEqual(
      new Set([...stadsdel, ...log.jobbtorgEntries, ...log.partnersEntries].map((e: Entry) => `${e.log}:${e.id}`)),
    );
    // One person, one key; the personnummer itself appears in no entry.
    expect(new Set(merged.map((e) => e.personKey))).toEqual(new Set([merged[0].personKey]));
    expect(JSON.stringify({ ...log, personnummer: undefined })).not.toContain(personnummer);
    expect(JSON.stringify({ ...log, personnummer: undefined })).not.toContain(personnummer.slice(2));
  });

  it("puts the auditor's own looks on every log it read", async () => {
    const first = await withRequestId(WHO_READ, { p: personnummer, from: since }, AUDITOR);
    for (const name of Object.keys(LOGS) as (keyof typeof LOGS)[]) {
      // Stadsdel is asked twice (its own list, then the merged view), so it logs two reads.
      const rows = await rowsOf(stack.subgraphs[name].db, [first.requestId]);
      expect(rows.length).toBe(name === 'stadsdel' ? 2 : 1);
      for (const row of rows) {
        expect(row).toMatchObject({ organisation: 'CITY:LOGGKONTROLL', user: 'granskare', record_type: 'PersonAccessLog', operation_name: 'WhoRead', outcome: 'ALLOWED' });
        expect(row.person_key).toBe(first.data.personAccessLog.entries[0].personKey);
      }
    }
    // …and the next look shows the first.
    const again = await stack.query(WHO_READ, { p: personnummer, from: since }, AUDITOR);
    const lookers = (again.data.personAccessLog.entries as Entry[]).filter((e) => e.requestId === first.requestId);
    expect(lookers.map((e) => e.log).sort()).toEqual(['JOBBTORG', 'PARTNERS', 'STADSDEL', 'STADSDEL']);
  });

  it('shows what a user read, from the user side, the people by key', async () => {
    const who = await stack.query(WHO_READ, { p: personnummer, from: since }, AUDITOR);
    const key = who.data.personAccessLog.entries[0].personKey;
    const answer = await stack.query(WHAT_READ, { org: 'JOBBTORG:VARBERG', user: 'coach.varberg', from: since }, AUDITOR);
    expect(answer.errors).toBeUndefined();
    const log = answer.data.userAccessLog;
    for (const [name, logName] of Object.entries(LOGS)) {
      const rows = await rowsOf(stack.subgraphs[name as keyof typeof LOGS].db, [reads.coach]);
      expect(log[`${name}Entries`]).toEqual(asEntries(logName, rows));
    }
    const merged = log.entries as Entry[];
    expect(merged.length).toBeGreaterThanOrEqual(3);
    expect(merged.every((e) => e.user === 'coach.varberg' && e.organisation === 'JOBBTORG:VARBERG' && e.requestId === reads.coach)).toBe(true);
    expect(merged.every((e) => e.personKey === key)).toBe(true);
    expect(JSON.stringify(answer)).not.toContain(personnummer);
    expect(JSON.stringify(answer)).not.toContain(personnummer.slice(2));
  });

  it('keeps to the period and to `first`, newest first', async () => {
    const one = await withRequestId(WHO_READ, { p: personnummer, from: since, first: 1 }, AUDITOR);
    const log = one.data.personAccessLog;
    expect(log.first).toBe(1);
    for (const name of Object.keys(LOGS)) expect(log[`${name}Entries`]).toHaveLength(1);
    expect(log.entries).toHaveLength(1);
    // The newest of all, once the first look's own reads (newer still) are set aside.
    const all = await stack.query(WHO_READ, { p: personnummer, from: since }, AUDITOR);
    expect(log.entries[0]).toEqual((all.data.personAccessLog.entries as Entry[]).find((e) => e.requestId !== one.requestId));
    const before = await stack.query(WHO_READ, { p: personnummer, to: '2020-01-01T00:00:00Z' }, AUDITOR);
    expect(before.data.personAccessLog.entries).toEqual([]);
    expect(before.data.personAccessLog.from).toBe('1970-01-01T00:00:00Z');
  });

  it('refuses a period backwards and more than 500 entries', async () => {
    const backwards = await stack.query(WHO_READ, { p: personnummer, from: '2026-02-01T00:00:00Z', to: '2026-01-01T00:00:00Z' }, AUDITOR);
    expect(backwards.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'personAccessLog.to' });
    const tooMany = await stack.query(WHO_READ, { p: personnummer, first: 501 }, AUDITOR);
    expect(tooMany.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'personAccessLog.first' });
  });

  it('is FORBIDDEN without audit:read, and the refusal is on the log', async () => {
    for (const caller of [OFFICER, COACH, { as: 'cityAnalyst' } as AsCaller]) {
      const person = await stack.query(WHO_READ, { p: personnummer }, caller);
      expect(person.data).toBeNull();
      expect(person.errors?.map((e) => e.extensions?.code)).toEqual(['FORBIDDEN']);
      const user = await stack.query(WHAT_READ, { org: 'DISTRICT:SKH', user: 'handlaggare.skh' }, caller);
      expect(user.data).toBeNull();
      expect(user.errors?.map((e) => e.extensions?.code)).toEqual(['FORBIDDEN']);
    }
    const denied = await stack.subgraphs.stadsdel.db(AUDIT_TABLE).where({ outcome: 'DENIED', operation_name: 'WhoRead' });
    expect(denied.map((r) => r.organisation).sort()).toEqual(['CITY:ANALYS', 'DISTRICT:SKH', 'JOBBTORG:VARBERG']);
    expect(denied.every((r) => r.record_type === 'PersonAccessLog' && r.fields === 'personAccessLog' && r.person_key)).toBe(true);
    const deniedUser = await stack.subgraphs.stadsdel.db(AUDIT_TABLE).where({ outcome: 'DENIED', operation_name: 'WhatRead' });
    expect(deniedUser).toHaveLength(3);
    expect(deniedUser.every((r) => r.record_type === 'UserAccessLog' && r.person_key === null)).toBe(true);
  });
});
