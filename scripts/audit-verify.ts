import { AUDIT_TABLE, verifyAuditLog } from '../lib/audit/log';
import { ConfigError, loadSubgraphConfig, SUBGRAPH_NAMES } from '../lib/config';
import { createDb } from '../lib/db';

/**
 * `npm run audit:verify`: walks every chain of each subgraph's audit log (one chain per
 * process that ever wrote to it) and names the chain and the first row that was altered,
 * removed or reordered. Exit status 1 when any chain is broken, so it can run on a schedule
 * and alert.
 */
async function main(): Promise<void> {
  let broken = false;
  for (const name of SUBGRAPH_NAMES) {
    const db = createDb(loadSubgraphConfig(name).databaseUrl);
    try {
      if (!(await db.schema.hasTable(AUDIT_TABLE))) {
        console.log(`${name}: no audit log yet (the service migrates its database when it starts)`);
        continue;
      }
      const reports = await verifyAuditLog(db);
      if (!reports.length) console.log(`${name}: no audit rows yet`);
      for (const report of reports) {
        const chain = `${name}: chain ${report.chain}:`;
        if (report.intact) {
          console.log(`${chain} intact, ${report.rows} rows`);
        } else {
          broken = true;
          const where = report.rowId === null ? 'at its end' : `at row ${report.rowId}`;
          console.log(`${chain} BROKEN ${where}: ${report.rowId === null ? '' : 'the row '}${report.problem} (${report.rows} rows read)`);
        }
      }
    } finally {
      await db.destroy();
    }
  }
  process.exitCode = broken ? 1 : 0;
}

main().catch((error: Error) => {
  console.error(error instanceof ConfigError ? error.message : error.stack);
  process.exit(2);
});
