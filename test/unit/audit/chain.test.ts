import { Knex } from 'knex';
import { FlushReport } from '../../../lib/audit/batch';
import { AUDIT_HEAD_TABLE, AUDIT_TABLE, AuditChain, AuditEntry, AuditRow, CHAIN_ID, processChainId, verifyAuditLog } from '../../../lib/audit/log';
import { migrations } from '../../../subgraphs/partners/migrations';
import { openDatabase } from '../../helpers/database';
import { describeEachDialect } from '../../helpers/dialects';
import { STACK_START_TIMEOUT_MS } from '../../helpers/timeouts';

/**
 * The chains on a real database: many requests appending at once through one process's
 * chain, two processes' chains side by side, and what a failed step costs.
 */

const entriesOf = (requestId: string, count: number): AuditEntry[] =>
  Array.from({ length: count }, (_, i) => ({
    at: new Date('2026-05-04T10:00:00Z'),
    organisation: 'JOBBTORG:VARBERG',
    user: 'coach.varberg',
    personKey: `${requestId}-${i}`.padEnd(64, '0'),
    recordType: 'Case',
    fields: ['person', 'targetGroup'],
    operationName: 'Cases',
    requestId,
    outcome: 'ALLOWED',
    action: 'READ',
  }));

/** An entry the database refuses (NOT NULL), so the step holding it fails. */
const refused = (requestId: string): AuditEntry[] => [{ ...entriesOf(requestId, 1)[0], organisation: null as unknown as string }];

it("names a process's own chain by host and pid, and refuses a chain id it could not store", () => {
  expect(processChainId()).toMatch(CHAIN_ID);
  expect(processChainId()).toMatch(new RegExp(`:${process.pid}$`));
  expect(() => new AuditChain({} as Knex, 'x'.repeat(65))).toThrow(/chain id/);
});

describeEachDialect('audit chains', (dialect) => {
  let db: Knex;
  let close: () => Promise<void>;
  beforeAll(async () => {
    ({ db, close } = await openDatabase(dialect, migrations));
  }, STACK_START_TIMEOUT_MS);
  afterAll(() => close?.());
  beforeEach(async () => {
    await db(AUDIT_TABLE).delete();
    await db(AUDIT_HEAD_TABLE).delete();
  });

  const rowsOf = (chain: string): Promise<AuditRow[]> => db(AUDIT_TABLE).where({ chain_id: chain }).orderBy('id');

  it("lands every row of many requests at once, in fewer steps than requests, each request's rows together", async () => {
    const flushes: FlushReport[] = [];
    const chain = new AuditChain(db, 'host-a:1', { onFlush: (report) => flushes.push(report) });
    const requests = Array.from({ length: 50 }, (_, i) => `request-${i}`);
    // Half in one turn, half while the first step is being written.
    const first = requests.slice(0, 25).map((id) => chain.append(entriesOf(id, 20)));
    await new Promise((resolve) => setImmediate(resolve));
    const second = requests.slice(25).map((id) => chain.append(entriesOf(id, 20)));
    await Promise.all([...first, ...second]);

    const rows = await rowsOf('host-a:1');
    expect(rows).toHaveLength(50 * 20);
    expect(rows.map((r) => Number(r.seq))).toEqual(rows.map((_, i) => i + 1));
    for (const id of requests) {
      const places = rows.filter((r) => r.request_id === id).map((r) => Number(r.seq));
      expect(places).toEqual(Array.from({ length: 20 }, (_, i) => places[0] + i));
      expect(rows.filter((r) => r.request_id === id).map((r) => r.person_key)).toEqual(entriesOf(id, 20).map((e) => e.personKey));
    }
    expect(flushes.length).toBeLessThan(requests.length);
    expect(flushes.every((f) => f.ok)).toBe(true);
    expect(await verifyAuditLog(db)).toEqual([{ chain: 'host-a:1', intact: true, rows: 1000 }]);
  });

  it('keeps two processes apart: each chain numbered from 1 and verifying on its own', async () => {
    const a = new AuditChain(db, 'host-a:1');
    const b = new AuditChain(db, 'host-b:2');
    await Promise.all(Array.from({ length: 20 }, (_, i) => (i % 2 ? a : b).append(entriesOf(`r${i}`, 5))));
    for (const chain of ['host-a:1', 'host-b:2']) expect((await rowsOf(chain)).map((r) => Number(r.seq))).toEqual(Array.from({ length: 50 }, (_, i) => i + 1));
    expect(await verifyAuditLog(db)).toEqual([
      { chain: 'host-a:1', intact: true, rows: 50 },
      { chain: 'host-b:2', intact: true, rows: 50 },
    ]);
  });

  it('fails only the requests of a failed step; the steps before and after land', async () => {
    // One request a step, so each request is its own step.
    const chain = new AuditChain(db, 'host-a:1', { maxItems: 3 });
    const outcomes = await Promise.allSettled([chain.append(entriesOf('before', 3)), chain.append(refused('bad')), chain.append(entriesOf('after', 3))]);
    expect(outcomes.map((o) => o.status)).toEqual(['fulfilled', 'rejected', 'fulfilled']);
    expect(new Set((await rowsOf('host-a:1')).map((r) => r.request_id))).toEqual(new Set(['before', 'after']));
    expect(await verifyAuditLog(db)).toEqual([{ chain: 'host-a:1', intact: true, rows: 6 }]);
  });

  it('fails every request of a failed step and writes none of it; the chain goes on', async () => {
    const chain = new AuditChain(db, 'host-a:1');
    await chain.append(entriesOf('first', 2));
    const outcomes = await Promise.allSettled([chain.append(entriesOf('with-the-bad-one', 2)), chain.append(refused('bad'))]);
    expect(outcomes.map((o) => o.status)).toEqual(['rejected', 'rejected']);
    await chain.append(entriesOf('later', 2));
    expect((await rowsOf('host-a:1')).map((r) => r.request_id)).toEqual(['first', 'first', 'later', 'later']);
    expect(await verifyAuditLog(db)).toEqual([{ chain: 'host-a:1', intact: true, rows: 4 }]);
  });

  it('costs the same statements for 1,000 entries as for one', async () => {
    const chain = new AuditChain(db, 'host-a:1');
    await chain.append(entriesOf('start', 1));
    const statementsFor = async (entries: AuditEntry[]) => {
      let statements = 0;
      const count = () => (statements += 1);
      db.on('query', count);
      await chain.append(entries);
      db.off('query', count);
      return statements;
    };
    expect(await statementsFor(entriesOf('many', 1000))).toBe(await statementsFor(entriesOf('one', 1)));
  });

  it('leaves rows appended after it read the heads for the next walk, rather than call the chain broken', async () => {
    const chain = new AuditChain(db, 'host-a:1');
    await chain.append(entriesOf('first', 3));
    const head = await db(AUDIT_HEAD_TABLE).where({ chain_id: 'host-a:1' }).first();
    await chain.append(entriesOf('while-walking', 2));
    // The head as a walk that began before those two rows read it.
    await db(AUDIT_HEAD_TABLE).where({ chain_id: 'host-a:1' }).update(head);
    expect(await verifyAuditLog(db)).toEqual([{ chain: 'host-a:1', intact: true, rows: 3 }]);
  });

  it('refuses to append to a chain whose head was removed, and names the chain that lost it', async () => {
    const chain = new AuditChain(db, 'host-a:1');
    await chain.append(entriesOf('first', 2));
    await db(AUDIT_HEAD_TABLE).where({ chain_id: 'host-a:1' }).delete();
    await expect(chain.append(entriesOf('second', 1))).rejects.toThrow(/no head row/);
    expect(await verifyAuditLog(db)).toEqual([
      { chain: 'host-a:1', intact: false, rows: 2, rowId: null, problem: expect.stringMatching(/no head row/) },
    ]);
  });

  it('finds a row moved to another chain, in both chains', async () => {
    const a = new AuditChain(db, 'host-a:1');
    const b = new AuditChain(db, 'host-b:2');
    await a.append(entriesOf('a', 3));
    await b.append(entriesOf('b', 3));
    const [, moved] = await rowsOf('host-a:1');
    await db(AUDIT_TABLE).where({ id: moved.id }).update({ chain_id: 'host-b:2' });
    const reports = await verifyAuditLog(db);
    expect(reports).toEqual([
      expect.objectContaining({ chain: 'host-a:1', intact: false, problem: expect.stringMatching(/removed or reordered/) }),
      expect.objectContaining({ chain: 'host-b:2', intact: false }),
    ]);
  });
});
