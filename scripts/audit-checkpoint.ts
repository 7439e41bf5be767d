import { checkpointChains, checkpointFile } from '../lib/audit/checkpoint';
import { checkpointSignerFor } from '../lib/audit/checkpoint-keys';
import { runOnEachAuditLog } from './audit-scripts';

/**
 * `npm run audit:checkpoint`: signs the head of every chain of each subgraph's audit log that
 * moved since its last checkpoint, now rather than at the next interval, and stores each
 * checkpoint in the database and in `AUDIT_CHECKPOINT_DIR` — e.g. before archiving the
 * folder. A purge does it too.
 */
runOnEachAuditLog(async (name, config, db) => {
  const written = await checkpointChains(db, { subgraph: name, signer: await checkpointSignerFor(config), dir: config.auditCheckpointDir });
  for (const checkpoint of written) console.log(`${name}: chain ${checkpoint.chain}: checkpoint at place ${checkpoint.seq}, signed with ${checkpoint.kid}`);
  console.log(`${name}: ${written.length} new checkpoints${written.length ? `, appended to ${checkpointFile(config.auditCheckpointDir, name)}` : ' (no chain moved since its last checkpoint)'}`);
});
