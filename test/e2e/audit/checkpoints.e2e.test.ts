import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { Knex } from 'knex';
import { generatePrivateJwk, PrivateJwk, publicJwkOf } from '../../../lib/auth/keys';
import {
  AUDIT_CHECKPOINT_TABLE,
  checkpointChains,
  checkpointFile,
  checkpointKeys,
  CheckpointKeys,
  checkpointSigner,
  CheckpointSigner,
  readCheckpointArchive,
} from '../../../lib/audit/checkpoint';
import { verificationFailed, verifyWithCheckpoints } from '../../../lib/audit/checkpoint-verify';
import { appendToChain, AUDIT_HEAD_TABLE, AUDIT_TABLE, AuditEntry, AuditRow, rowHash, startChain, verifyAuditLog } from '../../../lib/audit/log';
import { purgeExpiredEntries } from '../../../lib/audit/retention';
import { SUBGRAPH_NAMES } from '../../../lib/config';
import { Dialect, describeEachDialect, MYSQL_URL } from '../../helpers/dialects';
import { districtOfficer, Stack, startStack } from '../../helpers/stack';
import { STACK_START_TIMEOUT_MS } from '../../helpers/timeouts';

/**
 * Signed checkpoints and retention on a running stack's logs: rows written by reads through
 * the gateway, checkpoints of their heads, then what the chain alone cannot show — its end cut
 * off with the head moved back, the whole table rewritten as a fresh chain — shown against the
 * last checkpoint; a forged checkpoint reported; a purge that leaves the rest verifiable from
 * its checkpoint, and tampering after it still shown.
 */

const entries = (at: string, count: number, requestId: string): AuditEntry[] =>
  Array.from({ length: count }, (_, i) => ({
    at: new Date(at),
    organisation: 'DISTRICT:RK',
    user: 'handlaggare.rk',
    personKey: `${requestId}-${i}`.padEnd(64, '0'),
    recordType: 'Person',
    fields: ['givenName'],
    operationName: 'Retention',
    requestId,
    outcome: 'ALLOWED',
    action: 'READ',
  }));

/** The URL a script outside this process reaches a stack's database by. */
function urlOf(dialect: Dialect, db: Knex): string {
  const connection = db.client.config.connection as { filename?: string; database?: string };
  if (dialect === 'sqlite') return `sqlite:${connection.filename}`;
  const url = new URL(MYSQL_URL);
  url.pathname = `/${connection.database}`;
  return url.toString();
}

describeEachDialect('audit checkpoints and retention', (dialect) => {
  let stack: Stack;
  let db: Knex;
  let dir: string;
  let jwk: PrivateJwk;
  let signer: CheckpointSigner;
  let keys: CheckpointKeys;
  /** The chain the stack's stadsdel appends to. */
  let chain: string;

  beforeAll(async () => {
    stack = await startStack({ dialect, people: 200 });
    db = stack.subgraphs.stadsdel.db;
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'etk-checkpoints-'));
    jwk = await generatePrivateJwk();
    signer = checkpointSigner(jwk);
    keys = checkpointKeys([publicJwkOf(jwk)]);
    for (let i = 0; i < 3; i++) {
      const answer = await stack.query(`query Reads { persons(first: 5) { edges { node { givenName } } } }`, {}, districtOfficer('RK'));
      expect(answer.errors).toBeUndefined();
    }
    chain = (await db(AUDIT_HEAD_TABLE).first()).chain_id;
  }, STACK_START_TIMEOUT_MS);
  afterAll(async () => {
    await stack?.stop();
    if (dir) fs.rmSync(dir, { recursive: true, force: true });
  });

  const verify = (archive = true) => verifyWithCheckpoints(db, 'stadsdel', { keys, archived: archive ? readCheckpointArchive(dir) : undefined });
  const reportOf = async (name: string, archive = true) => (await verify(archive)).chains.find((c) => c.chain === name);
  const rowsOf = (name: string): Promise<AuditRow[]> => db(AUDIT_TABLE).where({ chain_id: name }).orderBy('seq');

  it("vouches for each chain's head in the table and the archive file, once, and the log verifies against it", async () => {
    const head = await db(AUDIT_HEAD_TABLE).where({ chain_id: chain }).first();
    expect(Number(head.last_seq)).toBeGreaterThanOrEqual(6);
    const written = await checkpointChains(db, { subgraph: 'stadsdel', signer, dir });
    expect(written).toEqual([expect.objectContaining({ chain, seq: Number(head.last_seq), hash: head.last_hash, reason: 'head', kid: jwk.kid })]);
    expect(readCheckpointArchive(checkpointFile(dir, 'stadsdel'))).toEqual(written);
    expect(await db(AUDIT_CHECKPOINT_TABLE).count({ n: '*' }).first()).toMatchObject({ n: 1 });
    // The head has not moved: nothing new to vouch for.
    expect(await checkpointChains(db, { subgraph: 'stadsdel', signer, dir })).toEqual([]);
    expect(await verify()).toEqual({
      chains: [{ chain, intact: true, rows: Number(head.last_seq), startedAfter: 0, checkpoint: { seq: Number(head.last_seq), at: written[0].at } }],
      untrusted: [],
    });
  });

  it('shows the last rows removed together with the head moved back, which the chain alone cannot', async () => {
    const rows = await rowsOf(chain);
    const head = await db(AUDIT_HEAD_TABLE).where({ chain_id: chain }).first();
    const [kept, removed] = [rows.slice(0, -3), rows.slice(-3)];
    await db(AUDIT_TABLE).whereIn('id', removed.map((r) => r.id)).delete();
    await db(AUDIT_HEAD_TABLE).where({ chain_id: chain }).update({ last_hash: kept[kept.length - 1].hash, last_seq: kept.length });

    expect(await verifyAuditLog(db)).toEqual([{ chain, intact: true, rows: kept.length }]);
    expect(await reportOf(chain)).toMatchObject({
      intact: false,
      rowId: null,
      problem: expect.stringMatching(new RegExp(`ends at place ${kept.length}, but the checkpoint .* vouches for place ${rows.length}: rows at its end were removed`)),
    });

    await db(AUDIT_TABLE).insert(removed);
    await db(AUDIT_HEAD_TABLE).where({ chain_id: chain }).update({ last_hash: head.last_hash, last_seq: head.last_seq });
    expect(await reportOf(chain)).toMatchObject({ intact: true });
  });

  it("shows the whole table rewritten as a fresh, consistent chain against the archive, even with the table's checkpoints removed", async () => {
    const rows = await rowsOf(chain);
    const head = await db(AUDIT_HEAD_TABLE).where({ chain_id: chain }).first();
    const checkpoints = await db(AUDIT_CHECKPOINT_TABLE);
    // Someone who may write every row makes the first read another user's and rehashes the rest.
    let prevHash = '0'.repeat(64);
    for (const [i, row] of rows.entries()) {
      const user = i === 0 ? 'someone.else' : row.user;
      const hash = rowHash(prevHash, { ...row, user });
      await db(AUDIT_TABLE).where({ id: row.id }).update({ user, prev_hash: prevHash, hash });
      prevHash = hash;
    }
    await db(AUDIT_HEAD_TABLE).where({ chain_id: chain }).update({ last_hash: prevHash });
    await db(AUDIT_CHECKPOINT_TABLE).delete();

    expect(await verifyAuditLog(db)).toEqual([{ chain, intact: true, rows: rows.length }]);
    expect(await reportOf(chain, false)).toMatchObject({ intact: true, checkpoint: null });
    expect(await reportOf(chain)).toMatchObject({
      intact: false,
      rowId: rows[rows.length - 1].id,
      problem: expect.stringMatching(new RegExp(`has another hash at place ${rows.length} than the checkpoint signed at .*: the log was rewritten`)),
    });

    for (const row of rows) await db(AUDIT_TABLE).where({ id: row.id }).update({ user: row.user, prev_hash: row.prev_hash, hash: row.hash });
    await db(AUDIT_HEAD_TABLE).where({ chain_id: chain }).update({ last_hash: head.last_hash });
    await db(AUDIT_CHECKPOINT_TABLE).insert(checkpoints);
    expect(await reportOf(chain)).toMatchObject({ intact: true });
  });

  it('shows a chain removed whole, rows and head, that a checkpoint knows', async () => {
    const rows = await rowsOf(chain);
    const head = await db(AUDIT_HEAD_TABLE).where({ chain_id: chain }).first();
    await db(AUDIT_TABLE).where({ chain_id: chain }).delete();
    await db(AUDIT_HEAD_TABLE).where({ chain_id: chain }).delete();
    expect(await verifyAuditLog(db)).toEqual([]);
    expect(await reportOf(chain)).toMatchObject({ intact: false, rows: 0, problem: expect.stringMatching(/the chain is missing/) });
    await db(AUDIT_TABLE).insert(rows);
    await db(AUDIT_HEAD_TABLE).insert(head);
    expect(await reportOf(chain)).toMatchObject({ intact: true });
  });

  it('reports a checkpoint whose signature does not hold, or that a key it does not know signed, and goes by the rest', async () => {
    const [real] = readCheckpointArchive(dir);
    const forged = { ...real, seq: real.seq + 100 };
    const other = checkpointSigner(await generatePrivateJwk()).sign({ ...real, seq: real.seq + 200 });
    const { chain: forgedChain, ...row } = forged;
    await db(AUDIT_CHECKPOINT_TABLE).insert({ ...row, chain_id: forgedChain });
    const archive = path.join(dir, 'elsewhere.jsonl.copy');
    fs.writeFileSync(archive, `${JSON.stringify(other)}\n`);

    const verification = await verifyWithCheckpoints(db, 'stadsdel', { keys, archived: [...readCheckpointArchive(dir), ...readCheckpointArchive(archive)] });
    expect(verification.untrusted).toEqual([
      { checkpoint: forged, problem: 'has a signature that does not verify: it was forged or altered' },
      { checkpoint: other, problem: `is signed with key ${other.kid}, which is not among the checkpoint keys` },
    ]);
    expect(verification.chains).toEqual([expect.objectContaining({ chain, intact: true, checkpoint: { seq: real.seq, at: real.at } })]);
    expect(verificationFailed(verification)).toBe(true);

    await db(AUDIT_CHECKPOINT_TABLE).where({ seq: forged.seq }).delete();
    fs.rmSync(archive);
    expect(verificationFailed(await verify())).toBe(false);
  });

  describe('retention', () => {
    const OLD = 'retention-old';
    const WHOLE = 'retention-whole';
    beforeAll(async () => {
      // Written in 2015, past ten years' retention, then this year.
      for (const name of [OLD, WHOLE]) await startChain(db, name);
      await appendToChain(db, OLD, entries('2015-03-02T09:00:00Z', 10, 'old-2015'));
      await appendToChain(db, OLD, entries('2026-11-30T09:00:00Z', 5, 'old-2026'));
      await appendToChain(db, WHOLE, entries('2015-03-02T09:00:00Z', 4, 'whole-2015'));
    });
    const purge = (now = new Date()) =>
      purgeExpiredEntries(db, { subgraph: 'stadsdel', signer, keys, dir, retentionDays: 3650, archived: readCheckpointArchive(dir), now });

    it('removes only the rows before the retention period, after a checkpoint of their end, and the rest verifies from it', async () => {
      const oldRows = await rowsOf(OLD);
      const result = await purge(new Date('2026-12-01T12:00:00Z'));
      expect(result).toEqual({
        refused: null,
        chains: expect.arrayContaining([
          { chain, purged: 0, through: null },
          { chain: OLD, purged: 10, through: 10 },
          { chain: WHOLE, purged: 4, through: 4 },
        ]),
      });
      expect((await rowsOf(OLD)).map((r) => Number(r.seq))).toEqual([11, 12, 13, 14, 15]);
      expect(await rowsOf(WHOLE)).toEqual([]);
      const purges = readCheckpointArchive(dir).filter((c) => c.reason === 'purge');
      expect(purges).toEqual([
        expect.objectContaining({ chain: OLD, seq: 10, hash: oldRows[9].hash }),
        expect.objectContaining({ chain: WHOLE, seq: 4 }),
      ]);

      // From genesis the purged chain no longer verifies; from its purge checkpoint it does.
      expect((await verifyAuditLog(db)).find((r) => r.chain === OLD)).toMatchObject({ intact: false, rowId: oldRows[10].id });
      const verification = await verify();
      expect(verificationFailed(verification)).toBe(false);
      expect(verification.chains.find((c) => c.chain === OLD)).toMatchObject({ intact: true, rows: 5, startedAfter: 10 });
      expect(verification.chains.find((c) => c.chain === WHOLE)).toMatchObject({ intact: true, rows: 0, startedAfter: 4 });
      // The same purge again has nothing left to remove.
      expect((await purge(new Date('2026-12-01T12:00:00Z'))).chains.every((c) => c.purged === 0)).toBe(true);
    });

    it('lets a chain purged whole go on from its purge checkpoint', async () => {
      await appendToChain(db, WHOLE, entries('2026-12-01T09:00:00Z', 2, 'whole-2026'));
      expect(await reportOf(WHOLE)).toMatchObject({ intact: true, rows: 2, startedAfter: 4 });
    });

    it('still shows a row altered after the purge, and the first remaining row removed', async () => {
      const [first, second] = await rowsOf(OLD);
      await db(AUDIT_TABLE).where({ id: second.id }).update({ user: 'someone.else' });
      expect(await reportOf(OLD)).toMatchObject({ intact: false, rowId: second.id, problem: expect.stringMatching(/altered/) });
      await db(AUDIT_TABLE).where({ id: second.id }).update({ user: second.user });

      // Removing the first remaining row too leaves no purge checkpoint before the new first row.
      await db(AUDIT_TABLE).where({ id: first.id }).delete();
      expect(await reportOf(OLD)).toMatchObject({ intact: false, rowId: second.id, startedAfter: 0, problem: expect.stringMatching(/removed or reordered/) });
      await db(AUDIT_TABLE).insert(first);
      expect(await reportOf(OLD)).toMatchObject({ intact: true });
    });

    it('refuses to purge a log that does not verify, and removes nothing', async () => {
      const rows = await rowsOf(OLD);
      await db(AUDIT_TABLE).where({ id: rows[0].id }).update({ fields: 'familyName' });
      // Far enough ahead that every row would be past the retention period.
      const result = await purge(new Date('2040-01-01T00:00:00Z'));
      expect(result).toEqual({ refused: expect.stringMatching(/does not verify/), chains: [] });
      expect(await rowsOf(OLD)).toHaveLength(rows.length);
      await db(AUDIT_TABLE).where({ id: rows[0].id }).update({ fields: rows[0].fields });
      expect(verificationFailed(await verify())).toBe(false);
    });
  });

  it('npm run audit:verify says so, with exit status 1, when the end is cut off, and 0 when the logs hold', async () => {
    const env = {
      ...process.env,
      APP_ENV: 'development',
      DATA_DIR: dir,
      AUDIT_SIGNING_KEY: JSON.stringify(jwk),
      ...Object.fromEntries(SUBGRAPH_NAMES.map((name) => [`${name.toUpperCase()}_DATABASE_URL`, urlOf(dialect, stack.subgraphs[name].db)])),
    };
    const run = () =>
      promisify(execFile)(path.join('node_modules', '.bin', 'tsx'), ['scripts/audit-verify.ts', '--checkpoints', dir], { env }).then(
        ({ stdout }) => ({ code: 0, stdout }),
        (error: { code: number; stdout: string }) => ({ code: error.code, stdout: error.stdout }),
      );
    const good = await run();
    expect(good).toMatchObject({ code: 0, stdout: expect.stringMatching(new RegExp(`stadsdel: chain ${chain}: intact, \\d+ rows, last checkpoint at place`)) });
    expect(good.stdout).toMatch(/stadsdel: chain retention-old: intact, 5 rows after place 10 \(purged before\)/);

    const last = (await rowsOf(chain)).pop()!;
    const head = await db(AUDIT_HEAD_TABLE).where({ chain_id: chain }).first();
    await db(AUDIT_TABLE).where({ id: last.id }).delete();
    await db(AUDIT_HEAD_TABLE).where({ chain_id: chain }).update({ last_hash: last.prev_hash, last_seq: Number(last.seq) - 1 });
    const bad = await run();
    expect(bad).toMatchObject({ code: 1, stdout: expect.stringContaining(`stadsdel: chain ${chain}: BROKEN at its end: the chain ends at place ${Number(last.seq) - 1}`) });
    await db(AUDIT_TABLE).insert(last);
    await db(AUDIT_HEAD_TABLE).where({ chain_id: chain }).update({ last_hash: head.last_hash, last_seq: head.last_seq });
  });
});
