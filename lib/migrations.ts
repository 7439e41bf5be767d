import { Knex } from 'knex';

/**
 * Runs a subgraph's migrations, given as modules in code rather than files found on disk,
 * so the same list works under tsx, ts-jest and compiled JavaScript.
 */

export interface Migration {
  up(db: Knex): Promise<void>;
  down(db: Knex): Promise<void>;
}

export type Migrations = Record<string, Migration>;

class InCodeSource implements Knex.MigrationSource<string> {
  constructor(private readonly migrations: Migrations) {}
  async getMigrations(): Promise<string[]> {
    return Object.keys(this.migrations).sort();
  }
  getMigrationName(name: string): string {
    return name;
  }
  async getMigration(name: string): Promise<Knex.Migration> {
    return this.migrations[name];
  }
}

export async function migrateToLatest(db: Knex, migrations: Migrations): Promise<void> {
  await db.migrate.latest({ migrationSource: new InCodeSource(migrations) });
}

/** Rolls every migration back and runs them again: an empty database of the latest shape. */
export async function resetToLatest(db: Knex, migrations: Migrations): Promise<void> {
  const source = new InCodeSource(migrations);
  await db.migrate.rollback({ migrationSource: source }, true);
  await db.migrate.latest({ migrationSource: source });
}

/** Runs only the next pending migration (tests upgrade a database that already has rows). */
export async function migrateUpOne(db: Knex, migrations: Migrations): Promise<void> {
  await db.migrate.up({ migrationSource: new InCodeSource(migrations) });
}
