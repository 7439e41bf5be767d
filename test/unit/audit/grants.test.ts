import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Knex } from 'knex';
import { generatePrivateJwk } from '../../../lib/auth/keys';
import { AUDIT_CHECKPOINT_TABLE, checkpointChains, checkpointSigner } from '../../../lib/audit/checkpoint';
import { AUDIT_HEAD_TABLE, AUDIT_TABLE, AuditChain, verifyAuditLog } from '../../../lib/audit/log';
import { createDb, ensureMysqlDatabase } from '../../../lib/db';
import { grantServiceAccess } from '../../../lib/grants';
import { migrateToLatest } from '../../../lib/migrations';
import { SubgraphDefinition } from '../../../lib/subgraph';
import { jobbtorg } from '../../../subgraphs/jobbtorg/server';
import { partners } from '../../../subgraphs/partners/server';
import { stadsdel } from '../../../subgraphs/stadsdel/server';
import { openDatabase } from '../../helpers/database';
import { MYSQL_URL } from '../../helpers/dialects';
import { STACK_START_TIMEOUT_MS } from '../../helpers/timeouts';

/**
 * On MySQL a service runs as a user that may only INSERT and SELECT on the audit log
 * (lib/grants.ts, docs/security.md): it starts, reads and writes its records, starts its own
 * chain and appends to the log, and UPDATE, DELETE, TRUNCATE and DROP on the log are refused,
 * as is removing a chain's head.
 */

const describeOnMysql = MYSQL_URL ? describe.each : describe.skip.each;
const ENTRY = {
  at: new Date(),
  organisation: 'CITY:TEST',
  user: 'grants.test',
  personKey: null,
  recordType: 'Person',
  fields: ['givenName'],
  operationName: null,
  requestId: 'grants-test',
  outcome: 'ALLOWED' as const,
  action: 'READ' as const,
};

describeOnMysql([stadsdel, jobbtorg, partners].map((d) => [d.name, d] as const))(
  'the %s service as a user without UPDATE or DELETE on audit_log [mysql]',
  (_name, definition: SubgraphDefinition) => {
    const user = `etk_app_${randomBytes(4).toString('hex')}`;
    const password = randomBytes(12).toString('hex');
    let admin: { db: Knex; close: () => Promise<void> };
    let app: Knex;
    let appUrl: string;
    let database: string;

    beforeAll(async () => {
      admin = await openDatabase('mysql', definition.migrations); // migrated by a privileged user
      database = admin.db.client.config.connection.database;
      // 'localhost' too: MariaDB would otherwise match a local connection to an anonymous account first.
      for (const host of ['%', 'localhost']) {
        await admin.db.raw('CREATE USER ?@? IDENTIFIED BY ?', [user, host, password]);
        await grantServiceAccess(admin.db, database, user, host);
      }
      const url = new URL(MYSQL_URL);
      url.username = user;
      url.password = password;
      url.pathname = `/${database}`;
      appUrl = url.toString();
      app = createDb(appUrl);
    }, STACK_START_TIMEOUT_MS);
    afterAll(async () => {
      await app?.destroy();
      for (const host of ['%', 'localhost']) await admin?.db.raw('DROP USER IF EXISTS ?@?', [user, host]);
      await admin?.close();
    });

    it('starts: its database exists, it finds nothing to migrate and writes its reference data', async () => {
      // Start-up leaves an existing database alone, so the account needs no CREATE.
      await expect(ensureMysqlDatabase(appUrl)).resolves.toBeUndefined();
      await expect(migrateToLatest(app, definition.migrations)).resolves.toBeUndefined();
      await expect(definition.insertReferenceData(app)).resolves.toBeUndefined();
    });

    it('starts its chain, appends to the audit log and reads it, and the chain holds', async () => {
      await new AuditChain(app, 'grants-test').append([ENTRY, { ...ENTRY, fields: ['familyName'] }]);
      expect(await app(AUDIT_TABLE).count({ n: '*' }).first()).toMatchObject({ n: 2 });
      expect(await verifyAuditLog(app)).toEqual([{ chain: 'grants-test', intact: true, rows: 2 }]);
    });

    it('may not change or remove a row of the audit log', async () => {
      const denied = /command denied/i;
      await expect(app(AUDIT_TABLE).update({ user: 'someone.else' })).rejects.toThrow(denied);
      await expect(app(AUDIT_TABLE).delete()).rejects.toThrow(denied);
      await expect(app.raw('TRUNCATE TABLE ??', [AUDIT_TABLE])).rejects.toThrow(denied);
      await expect(app.schema.dropTable(AUDIT_TABLE)).rejects.toThrow(denied);
      await expect(app.schema.alterTable(AUDIT_TABLE, (t) => t.string('note'))).rejects.toThrow(denied);
      await expect(app(AUDIT_HEAD_TABLE).delete()).rejects.toThrow(denied);
      expect(await verifyAuditLog(app)).toEqual([expect.objectContaining({ intact: true })]);
    });

    it('signs checkpoints of its chains, and may not change or remove one', async () => {
      const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'etk-grants-'));
      try {
        const signer = checkpointSigner(await generatePrivateJwk());
        expect(await checkpointChains(app, { subgraph: definition.name, signer, dir })).toEqual([expect.objectContaining({ chain: 'grants-test', seq: 2 })]);
        const denied = /command denied/i;
        await expect(app(AUDIT_CHECKPOINT_TABLE).update({ seq: 1 })).rejects.toThrow(denied);
        await expect(app(AUDIT_CHECKPOINT_TABLE).delete()).rejects.toThrow(denied);
      } finally {
        fs.rmSync(dir, { recursive: true, force: true });
      }
    });

    it('may change and remove its own records', async () => {
      const column: { table: string; name: string } = await admin
        .db('information_schema.columns')
        .select({ table: 'table_name', name: 'column_name' })
        .where({ table_schema: database })
        .whereNotIn('table_name', ['audit_log', 'audit_head', 'audit_checkpoints', 'knex_migrations', 'knex_migrations_lock'])
        .first();
      // A change that touches no row still needs the privilege.
      await expect(app(column.table).whereRaw('1 = 0').update({ [column.name]: app.ref(column.name) })).resolves.toBe(0);
      await expect(app(column.table).whereRaw('1 = 0').delete()).resolves.toBe(0);
    });
  },
);

if (!MYSQL_URL) {
  describe.skip('MySQL grants — skipped: MYSQL_URL is not set', () => it.todo('runs on MySQL'));
}
