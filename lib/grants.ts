import { Knex } from 'knex';
import { AUDIT_CHECKPOINT_TABLE } from './audit/checkpoint';
import { AUDIT_HEAD_TABLE, AUDIT_TABLE } from './audit/log';

/**
 * The MySQL privileges a service's database user needs, table by table, once a privileged
 * step has migrated the database (`npm run migrate`). Nothing is granted on the database
 * as a whole: MySQL cannot take a table back out of a database-wide grant, and the audit
 * log must be append-only for the very user the service runs as. docs/security.md says why
 * each line is what it is.
 */

/** What a service may do to each kind of table. */
export const SERVICE_PRIVILEGES = Object.freeze({
  /** Append and read; never change or remove a row (the hash chain is the second guard). */
  [AUDIT_TABLE]: ['SELECT', 'INSERT'],
  /**
   * A row per chain, its last hash: a process adds its chain's row once, then locks it
   * (`FOR UPDATE` needs UPDATE) and moves it on with every append. No DELETE.
   */
  [AUDIT_HEAD_TABLE]: ['SELECT', 'INSERT', 'UPDATE'],
  /** The signed checkpoints a running service adds at intervals; removing one is the operator's purge's business, never the service's. */
  [AUDIT_CHECKPOINT_TABLE]: ['SELECT', 'INSERT'],
  /** The service checks at start that nothing is pending; it never migrates with this user. */
  knex_migrations: ['SELECT'],
  /** knex takes and frees the migration lock even when nothing is pending. */
  knex_migrations_lock: ['SELECT', 'UPDATE'],
  /** Every other table: the records the service owns. */
  '*': ['SELECT', 'INSERT', 'UPDATE', 'DELETE'],
} as Record<string, readonly string[]>);

const PRIVILEGE = /^(SELECT|INSERT|UPDATE|DELETE)$/;

/** Each table of `database` with the privileges the service needs on it. */
export async function servicePrivileges(admin: Knex, database: string): Promise<{ table: string; privileges: readonly string[] }[]> {
  const rows: { name: string }[] = await admin('information_schema.tables')
    .select({ name: 'table_name' })
    .where({ table_schema: database, table_type: 'BASE TABLE' })
    .orderBy('table_name');
  return rows.map(({ name }) => ({ table: name, privileges: SERVICE_PRIVILEGES[name] ?? SERVICE_PRIVILEGES['*'] }));
}

/**
 * Grants `user`@`host` what the service needs on every table of `database`, and nothing
 * else. Run it after each migration that adds a table. Identifiers and the account are
 * bound; the privileges come from the fixed list above.
 */
export async function grantServiceAccess(admin: Knex, database: string, user: string, host: string): Promise<string[]> {
  const statements: string[] = [];
  for (const { table, privileges } of await servicePrivileges(admin, database)) {
    if (!privileges.every((p) => PRIVILEGE.test(p))) throw new Error(`unexpected privilege for ${table}: ${privileges.join(', ')}`);
    const grant = admin.raw(`GRANT ${privileges.join(', ')} ON ??.?? TO ?@?`, [database, table, user, host]);
    statements.push(grant.toQuery());
    await grant;
  }
  return statements;
}
