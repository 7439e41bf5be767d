import { Knex } from 'knex';
import { Checkpoint, CheckpointKeys, signatureProblem, signedBytes, storedCheckpoints } from './checkpoint';
import { AUDIT_HEAD_TABLE, AUDIT_TABLE, ChainReport, ChainStart, verifyAuditLog } from './log';

/**
 * A subgraph's audit log checked against its signed checkpoints: those in its own table and
 * those the operator archived (`AUDIT_CHECKPOINT_DIR`), which a rewrite of the database cannot
 * reach. Each chain is walked from its genesis, or — after a purge — from the signed purge
 * checkpoint at the place before its first remaining row; then its last signed checkpoint must
 * lie within the chain and match the hash of the row at its place. That shows what the chain
 * alone cannot: the last rows removed together with the head, and the whole table rewritten
 * as a fresh, consistent chain.
 */

/** A chain's report, with where its walk started and what it was held against. */
export type CheckedChain = ChainReport & {
  /** The place the walk started after: 0, or the purge checkpoint's. */
  startedAfter: number;
  /** The last signed checkpoint of the chain, or null when it has none yet. */
  checkpoint: { seq: number; at: string } | null;
};

/** A checkpoint whose signature does not hold: it is ignored, and reported, since someone made it. */
export interface UntrustedCheckpoint {
  checkpoint: Checkpoint;
  problem: string;
}

export interface CheckpointVerification {
  chains: CheckedChain[];
  untrusted: UntrustedCheckpoint[];
}

/** Whether anything in `verification` calls for an operator. */
export function verificationFailed(verification: CheckpointVerification): boolean {
  return verification.untrusted.length > 0 || verification.chains.some((chain) => !chain.intact);
}

/** Splits `checkpoints` of `subgraph` into those whose signatures hold and the rest; each once however often it was stored. */
function sortOut(checkpoints: readonly Checkpoint[], subgraph: string, keys: CheckpointKeys): { trusted: Checkpoint[]; untrusted: UntrustedCheckpoint[] } {
  const seen = new Set<string>();
  const trusted: Checkpoint[] = [];
  const untrusted: UntrustedCheckpoint[] = [];
  for (const checkpoint of checkpoints) {
    if (checkpoint.subgraph !== subgraph) continue;
    const identity = `${signedBytes(checkpoint).toString()}\u0000${checkpoint.signature}`;
    if (seen.has(identity)) continue;
    seen.add(identity);
    const problem = signatureProblem(checkpoint, keys);
    if (problem) untrusted.push({ checkpoint, problem });
    else trusted.push(checkpoint);
  }
  return { trusted, untrusted };
}

/** The last of `checkpoints` by place, and of those by time. */
function lastOf(checkpoints: readonly Checkpoint[]): Checkpoint | undefined {
  return [...checkpoints].sort((a, b) => a.seq - b.seq || (a.at < b.at ? -1 : a.at > b.at ? 1 : 0)).pop();
}

/**
 * Where each chain's walk starts: after the signed purge checkpoint at the place before the
 * chain's first remaining row (or, for a chain purged whole, at its head). A chain whose first
 * rows are gone without one is walked from its genesis, and so reported broken at its first row.
 */
async function startsOf(db: Knex, trusted: readonly Checkpoint[]): Promise<Map<string, ChainStart>> {
  const firsts = new Map<string, number>();
  const rows: { chain_id: string; first: number | string }[] = await db(AUDIT_TABLE).select('chain_id').min({ first: 'seq' }).groupBy('chain_id');
  for (const row of rows) firsts.set(row.chain_id, Number(row.first));
  for (const head of (await db(AUDIT_HEAD_TABLE)) as { chain_id: string; last_seq: number | string }[]) {
    if (!firsts.has(head.chain_id)) firsts.set(head.chain_id, Number(head.last_seq) + 1);
  }
  const starts = new Map<string, ChainStart>();
  for (const [chain, first] of firsts) {
    const purge = lastOf(trusted.filter((c) => c.chain === chain && c.reason === 'purge' && c.seq === first - 1));
    if (purge) starts.set(chain, { seq: purge.seq, hash: purge.hash });
  }
  return starts;
}

/**
 * Checks every chain of a subgraph's log against its checkpoints: the table's and `archived`
 * (read from the operator's files). The checkpoints are read before the heads, so a checkpoint
 * written while this runs never names a place beyond the heads it walks to.
 */
export async function verifyWithCheckpoints(
  db: Knex,
  subgraph: string,
  options: { keys: CheckpointKeys; archived?: readonly Checkpoint[] },
): Promise<CheckpointVerification> {
  const { trusted, untrusted } = sortOut([...(await storedCheckpoints(db)), ...(options.archived ?? [])], subgraph, options.keys);
  const starts = await startsOf(db, trusted);
  const reports = await verifyAuditLog(db, undefined, starts);
  const chains: CheckedChain[] = [];
  for (const report of reports) {
    const start = starts.get(report.chain);
    const last = lastOf(trusted.filter((c) => c.chain === report.chain));
    const checked = { startedAfter: start?.seq ?? 0, checkpoint: last ? { seq: last.seq, at: last.at } : null };
    chains.push({ ...(report.intact && last ? await againstCheckpoint(db, report, start, last) : report), ...checked });
  }
  // A chain the checkpoints know and the log does not: its rows and its head were removed.
  for (const chain of new Set(trusted.map((c) => c.chain))) {
    if (reports.some((report) => report.chain === chain)) continue;
    const last = lastOf(trusted.filter((c) => c.chain === chain))!;
    chains.push({
      chain,
      intact: false,
      rows: 0,
      rowId: null,
      problem: `the chain is missing: the checkpoint signed at ${last.at} vouches for its place ${last.seq}, but the log holds neither its rows nor its head`,
      startedAfter: 0,
      checkpoint: { seq: last.seq, at: last.at },
    });
  }
  chains.sort((a, b) => (a.chain < b.chain ? -1 : 1));
  return { chains, untrusted };
}

/** An intact chain held against its last checkpoint: the chain must reach its place, with its hash there. */
async function againstCheckpoint(db: Knex, report: ChainReport, start: ChainStart | undefined, last: Checkpoint): Promise<ChainReport> {
  const startedAfter = start?.seq ?? 0;
  const end = startedAfter + report.rows;
  if (last.seq > end) {
    const problem = `the chain ends at place ${end}, but the checkpoint signed at ${last.at} vouches for place ${last.seq}: rows at its end were removed`;
    return { chain: report.chain, intact: false, rows: report.rows, rowId: null, problem };
  }
  // A checkpoint before the walk's start was purged past; the purge checkpoint is later.
  if (last.seq < startedAfter) return report;
  const row: { id: number; hash: string } | undefined =
    last.seq === startedAfter ? undefined : await db(AUDIT_TABLE).select('id', 'hash').where({ chain_id: report.chain, seq: last.seq }).orderBy('id').first();
  const hash = row ? row.hash : start?.hash;
  if (hash === last.hash) return report;
  const problem = `${row ? '' : 'the chain '}has another hash at place ${last.seq} than the checkpoint signed at ${last.at}: the log was rewritten`;
  return { chain: report.chain, intact: false, rows: report.rows, rowId: row?.id ?? null, problem };
}
