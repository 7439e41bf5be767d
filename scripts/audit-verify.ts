import { checkpointKeysFor } from '../lib/audit/checkpoint-keys';
import { CheckedChain, verificationFailed, verifyWithCheckpoints } from '../lib/audit/checkpoint-verify';
import { archivedCheckpoints, runOnEachAuditLog } from './audit-scripts';

/**
 * `npm run audit:verify [-- --checkpoints <file|folder>]`: walks every chain of each
 * subgraph's audit log (one chain per process that ever wrote to it) and names the chain and
 * the first row that was altered, removed or reordered; then holds each chain against its
 * last signed checkpoint — those in the database and, given `--checkpoints`, those the
 * operator archived — which shows the last rows removed and the whole table rewritten, and
 * lets a purged chain verify from its purge checkpoint. A checkpoint whose signature does not
 * hold is reported. Exit status 1 when anything is, so it can run on a schedule and alert.
 */
const archived = archivedCheckpoints(process.argv.slice(2));
let failed = false;
runOnEachAuditLog(
  async (name, config, db) => {
    const verification = await verifyWithCheckpoints(db, name, { keys: checkpointKeysFor(config), archived });
    failed ||= verificationFailed(verification);
    if (!verification.chains.length) console.log(`${name}: no audit rows yet`);
    for (const chain of verification.chains) console.log(`${name}: chain ${chain.chain}: ${describe(chain)}`);
    for (const { checkpoint, problem } of verification.untrusted) {
      console.log(`${name}: checkpoint of chain ${checkpoint.chain} at place ${checkpoint.seq} (signed at ${checkpoint.at}) UNTRUSTED: it ${problem}`);
    }
  },
  () => {
    if (!archived) console.log('(held against the checkpoints in the databases; --checkpoints <folder> holds the logs against the archived ones too)');
    process.exitCode = failed ? 1 : 0;
  },
);

function describe(chain: CheckedChain): string {
  const from = chain.startedAfter ? ` after place ${chain.startedAfter} (purged before)` : '';
  const against = chain.checkpoint ? `, last checkpoint at place ${chain.checkpoint.seq} signed at ${chain.checkpoint.at}` : ', no checkpoint yet';
  if (chain.intact) return `intact, ${chain.rows} rows${from}${against}`;
  const where = chain.rowId === null ? 'at its end' : `at row ${chain.rowId}`;
  return `BROKEN ${where}: ${chain.rowId === null ? '' : 'the row '}${chain.problem} (${chain.rows} rows read${from})`;
}
