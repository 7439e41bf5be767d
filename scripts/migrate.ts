import { ConfigError, loadSubgraphConfig, SUBGRAPH_NAMES } from '../lib/config';
import { createDb, ensureMysqlDatabase, isMysql } from '../lib/db';
import { grantServiceAccess } from '../lib/grants';
import { migrateToLatest } from '../lib/migrations';
import { SubgraphDefinition } from '../lib/subgraph';
import { jobbtorg } from '../subgraphs/jobbtorg/server';
import { partners } from '../subgraphs/partners/server';
import { stadsdel } from '../subgraphs/stadsdel/server';

/**
 * `npm run migrate [-- --grant 'user@host']`: the privileged step of a deployment. Run with
 * each `<NAME>_DATABASE_URL` naming an account that may create and alter tables; it
 * migrates every subgraph's database to the latest shape and, with `--grant`, gives the
 * services' own account exactly what lib/grants.ts lists (MySQL only; see
 * docs/security.md). The services then run as that account. In development the services
 * still migrate on start, so `npm start` needs no separate step.
 */

const DEFINITIONS: Record<string, SubgraphDefinition> = { stadsdel, jobbtorg, partners };

function grantee(argv: string[]): { user: string; host: string } | null {
  const i = argv.indexOf('--grant');
  if (i < 0) return null;
  const match = /^([A-Za-z0-9_]{1,32})@([A-Za-z0-9_.%-]{1,255})$/.exec(argv[i + 1] ?? '');
  if (!match) throw new ConfigError('--grant takes the services\' MySQL account as user@host, e.g. --grant etk_app@%');
  return { user: match[1], host: match[2] };
}

async function main(): Promise<void> {
  const account = grantee(process.argv.slice(2));
  for (const name of SUBGRAPH_NAMES) {
    const { databaseUrl } = loadSubgraphConfig(name);
    await ensureMysqlDatabase(databaseUrl);
    const db = createDb(databaseUrl);
    try {
      await migrateToLatest(db, DEFINITIONS[name].migrations);
      await DEFINITIONS[name].insertReferenceData(db);
      console.log(`${name}: migrated`);
      if (account) {
        if (!isMysql(db)) throw new ConfigError(`${name}: --grant applies to MySQL databases only`);
        const database = db.client.config.connection.database as string;
        const statements = await grantServiceAccess(db, database, account.user, account.host);
        console.log(`${name}: granted ${account.user}@${account.host} access to ${statements.length} tables`);
      }
    } finally {
      await db.destroy();
    }
  }
}

main().catch((error: Error) => {
  console.error(`migrate: ${error instanceof ConfigError ? error.message : error.stack}`);
  process.exit(1);
});
