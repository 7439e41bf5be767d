import { checkpointKeysFor, checkpointSignerFor } from '../lib/audit/checkpoint-keys';
import { purgeExpiredEntries } from '../lib/audit/retention';
import { archivedCheckpoints, runOnEachAuditLog } from './audit-scripts';

/**
 * `npm run audit:purge [-- --checkpoints <file|folder>]`: removes from each subgraph's audit
 * log the entries older than `AUDIT_RETENTION_DAYS`, leaving a signed checkpoint at each
 * chain's new start (lib/audit/retention.ts, docs/audit-policy.md). A log that does not verify
 * against its checkpoints — the database's and the archived ones given — is left whole. Run
 * it as the operator's account: the services' own may not delete from the log. Exit status 1
 * when a subgraph was refused.
 */
const archived = archivedCheckpoints(process.argv.slice(2));
let refused = false;
runOnEachAuditLog(
  async (name, config, db) => {
    const result = await purgeExpiredEntries(db, {
      subgraph: name,
      signer: await checkpointSignerFor(config),
      keys: checkpointKeysFor(config),
      dir: config.auditCheckpointDir,
      retentionDays: config.auditRetentionDays,
      archived,
    });
    if (result.refused) {
      refused = true;
      console.log(`${name}: NOT PURGED: ${result.refused}`);
      return;
    }
    for (const chain of result.chains) {
      const what = chain.through === null ? 'nothing older than the retention period' : `${chain.purged} rows removed, through place ${chain.through}`;
      console.log(`${name}: chain ${chain.chain}: ${what}`);
    }
    console.log(`${name}: entries are kept ${config.auditRetentionDays} days`);
  },
  () => {
    process.exitCode = refused ? 1 : 0;
  },
);
