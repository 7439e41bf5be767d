import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import { Knex } from 'knex';
import { createDb, dropMysqlDatabase, ensureMysqlDatabase } from '../../lib/db';
import { migrateToLatest, Migrations } from '../../lib/migrations';
import { Dialect, MYSQL_URL } from './dialects';

/** A fresh, migrated database of one subgraph on SQLite or MySQL; `close()` removes it. */
export async function openDatabase(dialect: Dialect, migrations: Migrations): Promise<{ db: Knex; close: () => Promise<void> }> {
  const id = `${process.pid}_${randomBytes(3).toString('hex')}`;
  let url: string;
  let remove: () => Promise<void>;
  if (dialect === 'mysql') {
    const server = new URL(MYSQL_URL);
    server.pathname = `/etk_unit_${id}`;
    url = server.toString();
    await ensureMysqlDatabase(url);
    remove = () => dropMysqlDatabase(url);
  } else {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'etk-unit-'));
    url = `sqlite:${path.join(dir, 'db.sqlite')}`;
    remove = async () => fs.rmSync(dir, { recursive: true, force: true });
  }
  const db = createDb(url);
  await migrateToLatest(db, migrations);
  return {
    db,
    close: async () => {
      await db.destroy();
      await remove();
    },
  };
}
