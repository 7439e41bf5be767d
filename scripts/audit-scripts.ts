import { Knex } from 'knex';
import { AUDIT_CHECKPOINT_TABLE, Checkpoint, readCheckpointArchive } from '../lib/audit/checkpoint';
import { ConfigError, loadSubgraphConfig, SUBGRAPH_NAMES, SubgraphConfig } from '../lib/config';
import { createDb } from '../lib/db';

/** What the audit scripts (`audit:verify`, `audit:checkpoint`, `audit:purge`) share. */

/**
 * `--checkpoints <file|folder>`: the archived checkpoint files (`AUDIT_CHECKPOINT_DIR`, or
 * the operator's copy) to hold the logs against, besides the checkpoints in each database.
 * Undefined when not given; a wrong one stops the script.
 */
export function archivedCheckpoints(argv: readonly string[]): Checkpoint[] | undefined {
  const i = argv.indexOf('--checkpoints');
  if (i < 0) return undefined;
  const where = argv[i + 1];
  // Read before any database is opened, so a wrong argument is one line and exit status 2.
  if (!where || where.startsWith('--')) return fail('--checkpoints takes the file or folder of archived audit checkpoints');
  try {
    return readCheckpointArchive(where);
  } catch (error) {
    return fail(`--checkpoints ${where}: ${(error as Error).message}`);
  }
}

function fail(message: string): never {
  console.error(message);
  process.exit(2);
}

/**
 * Runs `work` on each subgraph's audit log in turn, with its configuration and database,
 * skipping a database not yet migrated to the checkpoints; exit status 2 and one line on a
 * configuration error or a failure.
 */
export function runOnEachAuditLog(work: (name: string, config: SubgraphConfig, db: Knex) => Promise<void>, after?: () => void): void {
  const run = async () => {
    for (const name of SUBGRAPH_NAMES) {
      const config = loadSubgraphConfig(name);
      const db = createDb(config.databaseUrl);
      try {
        if (await db.schema.hasTable(AUDIT_CHECKPOINT_TABLE)) await work(name, config, db);
        else console.log(`${name}: no audit log yet, or not migrated to this release (the service migrates its database when it starts)`);
      } finally {
        await db.destroy();
      }
    }
    after?.();
  };
  run().catch((error: Error) => {
    console.error(error instanceof ConfigError ? error.message : error.stack);
    process.exit(2);
  });
}
