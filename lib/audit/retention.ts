import { Knex } from 'knex';
import { toDbDateTime } from '../scalars/calendar';
import { AUDIT_CHECKPOINT_TABLE, Checkpoint, checkpointChains, CheckpointKeys, CheckpointSigner, recordCheckpoint } from './checkpoint';
import { verificationFailed, verifyWithCheckpoints } from './checkpoint-verify';
import { AUDIT_TABLE } from './log';

/**
 * Retention of the audit log (`AUDIT_RETENTION_DAYS`, docs/audit-policy.md): entries older
 * than the period are removed, chain by chain, as the oldest rows of each chain up to a place
 * vouched for by a signed checkpoint, and the rest stays verifiable from a checkpoint at that
 * place. Only a log that verifies is purged — removing rows of a tampered log would remove the
 * evidence — and never past the chain's last checkpoint, so no row goes that was not first
 * vouched for.
 */

export const DAY_MS = 86_400_000;

export interface PurgedChain {
  chain: string;
  /** Rows removed. */
  purged: number;
  /** The place of the last row removed, where the chain now starts; null when nothing was removed. */
  through: number | null;
}

export interface PurgeResult {
  /** Why nothing was purged, or null. */
  refused: string | null;
  chains: PurgedChain[];
}

export interface PurgeOptions {
  subgraph: string;
  signer: CheckpointSigner;
  keys: CheckpointKeys;
  /** Where the checkpoints are archived (`AUDIT_CHECKPOINT_DIR`). */
  dir: string;
  retentionDays: number;
  /** Checkpoints from the archive, held against the log before anything is removed. */
  archived?: readonly Checkpoint[];
  now?: Date;
}

/**
 * Verifies the log against its checkpoints, checkpoints every chain's head, then in each chain
 * removes the rows written before the retention period: in one transaction per chain, first a
 * signed `purge` checkpoint of the last row removed (in the table and flushed to the archive
 * file), then the rows. Needs DELETE on `audit_log`, which the services' own account does not
 * hold: it runs as the operator's (`npm run audit:purge`).
 */
export async function purgeExpiredEntries(db: Knex, options: PurgeOptions): Promise<PurgeResult> {
  const now = options.now ?? new Date();
  const verification = await verifyWithCheckpoints(db, options.subgraph, { keys: options.keys, archived: options.archived });
  if (verificationFailed(verification)) {
    return { refused: 'the log does not verify against its checkpoints (npm run audit:verify says where); nothing was removed', chains: [] };
  }
  await checkpointChains(db, { subgraph: options.subgraph, signer: options.signer, dir: options.dir, now });
  const cutoff = toDbDateTime(new Date(now.getTime() - options.retentionDays * DAY_MS));
  const chains: PurgedChain[] = [];
  for (const { chain } of verification.chains) {
    const through = await purgePoint(db, chain, cutoff);
    chains.push(through === null ? { chain, purged: 0, through } : { chain, purged: await purgeThrough(db, chain, through, options, now), through });
  }
  return { refused: null, chains };
}

/**
 * The last place of `chain` to purge: before its first row from `cutoff` on (so a row is kept
 * whenever a row before it is, should clocks have stepped back), and no later than its last
 * checkpoint. Null when no row qualifies.
 */
async function purgePoint(db: Knex, chain: string, cutoff: string): Promise<number | null> {
  const bounds = (await db(AUDIT_TABLE).where({ chain_id: chain }).min({ first: 'seq' }).first()) as { first: number | string | null };
  const checkpointed = (await db(AUDIT_CHECKPOINT_TABLE).where({ chain_id: chain }).max({ last: 'seq' }).first()) as { last: number | string | null };
  const kept = (await db(AUDIT_TABLE).where({ chain_id: chain }).andWhere('at', '>=', cutoff).min({ first: 'seq' }).first()) as { first: number | string | null };
  if (bounds.first === null || checkpointed.last === null) return null;
  const through = Math.min(Number(checkpointed.last), kept.first === null ? Infinity : Number(kept.first) - 1);
  return through >= Number(bounds.first) ? through : null;
}

/** One chain's purge, in one transaction: the checkpoint of the last row removed, then the rows. */
async function purgeThrough(db: Knex, chain: string, through: number, options: PurgeOptions, now: Date): Promise<number> {
  return db.transaction(async (trx) => {
    const last: { hash: string } = await trx(AUDIT_TABLE).select('hash').where({ chain_id: chain, seq: through }).orderBy('id').first();
    const checkpoint = options.signer.sign({ subgraph: options.subgraph, chain, seq: through, hash: last.hash, at: now.toISOString(), reason: 'purge' });
    await recordCheckpoint(trx, checkpoint, options.dir);
    return Number(await trx(AUDIT_TABLE).where({ chain_id: chain }).andWhere('seq', '<=', through).delete());
  });
}
