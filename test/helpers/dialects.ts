/**
 * Which databases the suite runs on: SQLite always, MySQL when MYSQL_URL names a server
 * (`mysql://root@127.0.0.1:3306`). `.ci/run` sets it when a server answers locally.
 */
export type Dialect = 'sqlite' | 'mysql';

export const MYSQL_URL = process.env.MYSQL_URL || '';

export function dialects(): Dialect[] {
  return MYSQL_URL ? ['sqlite', 'mysql'] : ['sqlite'];
}

/**
 * `describe` once per database. Without MySQL the MySQL block is still declared, as
 * skipped, so the report says plainly that it did not run.
 */
export function describeEachDialect(name: string, body: (dialect: Dialect) => void): void {
  describe.each(dialects())(`${name} [%s]`, body);
  if (!MYSQL_URL) describe.skip(`${name} [mysql] — skipped: MYSQL_URL is not set`, () => it.todo('runs on MySQL'));
}
