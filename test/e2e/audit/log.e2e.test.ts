import { Knex } from 'knex';
import { AUDIT_HEAD_TABLE, AUDIT_TABLE, AuditRow, verifyAuditLog } from '../../../lib/audit/log';
import { describeEachDialect } from '../../helpers/dialects';
import { districtOfficer, Stack, startStack } from '../../helpers/stack';
import { STACK_START_TIMEOUT_MS } from '../../helpers/timeouts';

/**
 * The audit log through the gateway: every person read is an entry in the subgraph that
 * owns the record, with who, what and which request, and the chain shows tampering.
 */
describeEachDialect('audit log', (dialect) => {
  let stack: Stack;
  let stadsdel: Knex;
  beforeAll(async () => {
    stack = await startStack({ dialect, people: 400 });
    stadsdel = stack.subgraphs.stadsdel.db;
  }, STACK_START_TIMEOUT_MS);
  afterAll(() => stack?.stop());

  const entriesOf = (db: Knex, requestId: string) => db(AUDIT_TABLE).where({ request_id: requestId }).orderBy('id');

  it('writes one entry per person listed, naming the user, organisation and operation, never the personnummer', async () => {
    await stadsdel(AUDIT_TABLE).delete();
    await stadsdel(AUDIT_HEAD_TABLE).update({ last_hash: '0'.repeat(64), last_seq: 0 });
    // Rinkeby-Kista's officer lists 50 of the district's residents.
    expect(Number((await stadsdel('persons').where({ district_code: 'RK' }).count({ n: '*' }))[0].n)).toBeGreaterThanOrEqual(50);
    const answer = await stack.query(
      `query ListPeople { persons(first: 50) { edges { node { personnummer givenName } } } }`,
      {},
      districtOfficer('RK'),
    );
    expect(answer.errors).toBeUndefined();
    const rows = await stadsdel(AUDIT_TABLE).orderBy('id');
    expect(rows).toHaveLength(50);
    expect(new Set(rows.map((r) => r.request_id)).size).toBe(1);
    expect(rows[0]).toMatchObject({
      organisation: 'DISTRICT:RK',
      user: 'handlaggare.rk',
      record_type: 'Person',
      fields: 'givenName,personnummer',
      operation_name: 'ListPeople',
      outcome: 'ALLOWED',
    });
    const listed = answer.data.persons.edges.map((e: { node: { personnummer: string } }) => e.node.personnummer);
    const logged = JSON.stringify(rows);
    for (const personnummer of listed) expect(logged).not.toContain(personnummer);
    expect(new Set(rows.map((r) => r.person_key)).size).toBe(50);
  });

  it("logs every one of many requests answered at once, each request's rows together, the chain intact", async () => {
    const requests = 24;
    const answers = await Promise.all(
      Array.from({ length: requests }, () =>
        stack.query(`query ManyAtOnce { persons(first: 50) { edges { node { givenName } } } }`, {}, districtOfficer('RK')),
      ),
    );
    for (const answer of answers) expect(answer.errors).toBeUndefined();
    const rows: AuditRow[] = await stadsdel(AUDIT_TABLE).where({ operation_name: 'ManyAtOnce' }).orderBy('id');
    expect(rows).toHaveLength(requests * 50);
    const byRequest = new Map<string, number[]>();
    for (const row of rows) byRequest.set(row.request_id, [...(byRequest.get(row.request_id) ?? []), Number(row.seq)]);
    expect(byRequest.size).toBe(requests);
    for (const places of byRequest.values()) expect(places).toEqual(Array.from({ length: 50 }, (_, i) => places[0] + i));
    expect(await verifyAuditLog(stadsdel)).toEqual([expect.objectContaining({ intact: true })]);
  });

  it('logs a read in every subgraph the query reaches, each with the same request id', async () => {
    const someCase = await stack.subgraphs.jobbtorg.db('cases').orderBy('id').first();
    const answer = await stack.query(
      `query OneCase($id: ID!) { cases: case(id: $id) { targetGroup person { givenName jobSeekerRegistrations { office } } } }`,
      { id: someCase.id },
      districtOfficer(someCase.district_code),
    );
    expect(answer.errors).toBeUndefined();
    const [jobbtorgRow] = await stack.subgraphs.jobbtorg.db(AUDIT_TABLE).where({ operation_name: 'OneCase', record_type: 'Case' });
    expect(jobbtorgRow.fields).toBe('person,targetGroup');
    // The consents are read too: the gateway brings them to partners, which decides by them.
    expect(await entriesOf(stadsdel, jobbtorgRow.request_id)).toEqual([
      expect.objectContaining({ record_type: 'Person', fields: 'givenName,sharingConsents' }),
    ]);
    // Partners logs the person's field — refused, as DENIED, unless the person's consent names
    // social services and Arbetsförmedlingen — and each registration returned.
    const partnersRows = await entriesOf(stack.subgraphs.partners.db, jobbtorgRow.request_id);
    const registrations = answer.data.cases.person.jobSeekerRegistrations;
    expect(partnersRows).toEqual(
      expect.arrayContaining([expect.objectContaining({ record_type: 'Person', fields: expect.stringContaining('jobSeekerRegistrations') })]),
    );
    const registrationRows = partnersRows.filter((r: { record_type: string }) => r.record_type === 'JobSeekerRegistration');
    expect(registrationRows).toHaveLength(registrations.length ? 1 : 0);
  });

  describe('the hash chain', () => {
    // One process wrote this log, so it is one chain.
    const verify = async () => {
      const reports = await verifyAuditLog(stadsdel);
      expect(reports).toHaveLength(1);
      return reports[0];
    };

    it('is intact as written', async () => {
      expect(await verify()).toMatchObject({ intact: true });
    });

    it('names a row whose content was altered', async () => {
      const [, second] = await stadsdel(AUDIT_TABLE).orderBy('id').limit(2);
      await stadsdel(AUDIT_TABLE).where({ id: second.id }).update({ user: 'someone.else' });
      expect(await verify()).toMatchObject({ intact: false, rowId: second.id, problem: expect.stringMatching(/altered/) });
      await stadsdel(AUDIT_TABLE).where({ id: second.id }).update({ user: second.user });
      expect(await verify()).toMatchObject({ intact: true });
    });

    it('names the row after one that was removed', async () => {
      const rows = await stadsdel(AUDIT_TABLE).orderBy('id').limit(4);
      await stadsdel(AUDIT_TABLE).where({ id: rows[2].id }).delete();
      expect(await verify()).toMatchObject({ intact: false, rowId: rows[3].id, problem: expect.stringMatching(/removed or reordered/) });
      await stadsdel(AUDIT_TABLE).insert(rows[2]);
      expect(await verify()).toMatchObject({ intact: true });
    });

    it('finds rows that swapped places', async () => {
      const [a, b] = await stadsdel(AUDIT_TABLE).orderBy('id').offset(5).limit(2);
      const { id: aId, ...aContent } = a;
      const { id: bId, ...bContent } = b;
      await stadsdel(AUDIT_TABLE).where({ id: aId }).update(bContent);
      await stadsdel(AUDIT_TABLE).where({ id: bId }).update(aContent);
      expect(await verify()).toMatchObject({ intact: false, rowId: aId });
      await stadsdel(AUDIT_TABLE).where({ id: aId }).update(aContent);
      await stadsdel(AUDIT_TABLE).where({ id: bId }).update(bContent);
    });

    it('finds the last rows removed', async () => {
      const [last] = await stadsdel(AUDIT_TABLE).orderBy('id', 'desc').limit(1);
      await stadsdel(AUDIT_TABLE).where({ id: last.id }).delete();
      expect(await verify()).toMatchObject({ intact: false, rowId: null, problem: expect.stringMatching(/last rows were removed/) });
      await stadsdel(AUDIT_TABLE).insert(last);
      expect(await verify()).toMatchObject({ intact: true });
    });
  });

  it('returns no data when the audit log cannot be written', async () => {
    await stadsdel.schema.renameTable(AUDIT_HEAD_TABLE, 'audit_head_away');
    try {
      const answer = await stack.query(`{ persons(first: 3) { edges { node { personnummer } } } }`, {}, districtOfficer('RK'));
      expect(answer.data?.persons ?? null).toBeNull();
      expect(answer.errors?.[0].extensions?.code).toBeDefined();
      expect(JSON.stringify(answer)).not.toMatch(/\d{12}/);
    } finally {
      await stadsdel.schema.renameTable('audit_head_away', AUDIT_HEAD_TABLE);
    }
  });

  it('logs a refused read as DENIED, and answers as if there were no one', async () => {
    const outsider = await stadsdel('persons').whereNot({ district_code: 'RK' }).first();
    const answer = await stack.query(`query Peek($p: Personnummer!) { person(personnummer: $p) { givenName } }`, { p: outsider.personnummer }, districtOfficer('RK'));
    expect(answer.data.person).toBeNull();
    const [denied] = await stadsdel(AUDIT_TABLE).where({ operation_name: 'Peek' });
    expect(denied).toMatchObject({ organisation: 'DISTRICT:RK', record_type: 'Person', outcome: 'DENIED' });
  });
});
