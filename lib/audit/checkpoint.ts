import { createPrivateKey, createPublicKey, JsonWebKey, KeyObject, sign, verify } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { JWK } from 'jose';
import { Knex } from 'knex';
import { PrivateJwk } from '../auth/keys';
import { Migration } from '../migrations';
import { AUDIT_HEAD_TABLE, AUDIT_TABLE } from './log';

/**
 * Signed checkpoints of the audit log. The hash chain shows a row altered, removed or
 * reordered in the middle, but not a chain cut short together with its head, nor a table
 * rewritten as a fresh consistent chain: whoever can rewrite the rows can rewrite every hash.
 * A checkpoint is the service's signed statement "chain C of subgraph S stood at place N
 * with hash H at time T"; it is stored in the database and appended to a file the operator
 * archives elsewhere, so a later log that does not reach place N, or reaches it with another
 * hash, is shown to have been changed. A purge leaves a checkpoint at its last removed row,
 * from which the rest of the chain verifies.
 */

export const AUDIT_CHECKPOINT_TABLE = 'audit_checkpoints';

/** `head`: the chain's head as it stood; `purge`: the last row a purge removed, where the chain now starts. */
export type CheckpointReason = 'head' | 'purge';

export interface Checkpoint {
  subgraph: string;
  chain: string;
  /** The place in the chain the checkpoint vouches for (0: a chain with no rows yet). */
  seq: number;
  /** The hash of the row at `seq`. */
  hash: string;
  /** When it was signed, ISO 8601 in UTC. */
  at: string;
  reason: CheckpointReason;
  /** The signing key's id, so a verifier picks the right public key (and keys can be rotated). */
  kid: string;
  /** Ed25519 over `signedBytes`, base64url. */
  signature: string;
}

export type UnsignedCheckpoint = Omit<Checkpoint, 'kid' | 'signature'>;

/** What is signed: every field but the signature, in a fixed order, under a name and version of its own. */
export function signedBytes(checkpoint: UnsignedCheckpoint & { kid: string }): Buffer {
  const { subgraph, chain, seq, hash, at, reason, kid } = checkpoint;
  return Buffer.from(JSON.stringify(['etk-audit-checkpoint', 1, subgraph, chain, seq, hash, at, reason, kid]));
}

export interface CheckpointSigner {
  kid: string;
  sign(checkpoint: UnsignedCheckpoint): Checkpoint;
}

/** Signs checkpoints with a subgraph's private Ed25519 JWK (`AUDIT_SIGNING_KEY`, or its development key file). */
export function checkpointSigner(jwk: PrivateJwk): CheckpointSigner {
  const key = createPrivateKey({ key: { kty: jwk.kty, crv: jwk.crv, x: jwk.x, d: jwk.d } as JsonWebKey, format: 'jwk' });
  return {
    kid: jwk.kid,
    sign(checkpoint) {
      const signature = sign(null, signedBytes({ ...checkpoint, kid: jwk.kid }), key).toString('base64url');
      return { ...checkpoint, kid: jwk.kid, signature };
    },
  };
}

/** The public keys checkpoints are verified with, by `kid`. */
export type CheckpointKeys = ReadonlyMap<string, KeyObject>;

export function checkpointKeys(jwks: readonly JWK[]): CheckpointKeys {
  return new Map(jwks.map((jwk) => [jwk.kid!, createPublicKey({ key: publicPart(jwk), format: 'jwk' })]));
}

function publicPart(jwk: JWK): JsonWebKey {
  const { kty, crv, x } = jwk;
  return { kty, crv, x };
}

/** Why a checkpoint cannot be trusted, or null when its signature holds. */
export function signatureProblem(checkpoint: Checkpoint, keys: CheckpointKeys): string | null {
  const key = keys.get(checkpoint.kid);
  if (!key) return `is signed with key ${checkpoint.kid}, which is not among the checkpoint keys`;
  let good = false;
  try {
    good = verify(null, signedBytes(checkpoint), key, Buffer.from(checkpoint.signature, 'base64url'));
  } catch {
    good = false;
  }
  return good ? null : 'has a signature that does not verify: it was forged or altered';
}

/** The checkpoints table, and the index on each chain's places that checking and purging look rows up by. */
export const auditCheckpointsMigration: Migration = {
  async up(db) {
    await db.schema.createTable(AUDIT_CHECKPOINT_TABLE, (t) => {
      t.increments('id');
      t.string('subgraph', 32).notNullable();
      t.string('chain_id', 64).notNullable();
      t.bigInteger('seq').notNullable();
      t.string('hash', 64).notNullable();
      // As signed (ISO, to the millisecond), so a stored checkpoint verifies as it stands.
      t.string('at', 24).notNullable();
      t.string('reason', 8).notNullable();
      t.string('kid', 100).notNullable();
      t.string('signature', 100).notNullable();
      t.index(['chain_id', 'seq']);
    });
    await db.schema.alterTable(AUDIT_TABLE, (t) => t.index(['chain_id', 'seq'], 'audit_log_chain_seq_index'));
  },
  async down(db) {
    await db.schema.alterTable(AUDIT_TABLE, (t) => t.dropIndex(['chain_id', 'seq'], 'audit_log_chain_seq_index'));
    await db.schema.dropTable(AUDIT_CHECKPOINT_TABLE);
  },
};

interface CheckpointRow {
  subgraph: string;
  chain_id: string;
  seq: number | string;
  hash: string;
  at: string;
  reason: CheckpointReason;
  kid: string;
  signature: string;
}

function fromRow(row: CheckpointRow): Checkpoint {
  const { subgraph, chain_id: chain, seq, hash, at, reason, kid, signature } = row;
  return { subgraph, chain, seq: Number(seq), hash, at, reason, kid, signature };
}

/** Every checkpoint the database holds, oldest first. */
export async function storedCheckpoints(db: Knex): Promise<Checkpoint[]> {
  return ((await db(AUDIT_CHECKPOINT_TABLE).orderBy('id')) as CheckpointRow[]).map(fromRow);
}

/** The archive file of a subgraph's checkpoints under `dir`: one JSON object a line, appended to. */
export function checkpointFile(dir: string, subgraph: string): string {
  return path.join(dir, `audit-checkpoints-${subgraph}.jsonl`);
}

/**
 * Stores a checkpoint in the table (within `trx` when it belongs to a purge) and appends it
 * to the archive file, flushed to disk before this returns: a purge deletes rows only once
 * the checkpoint it starts the chain from is outside the database.
 */
export async function recordCheckpoint(db: Knex | Knex.Transaction, checkpoint: Checkpoint, dir: string): Promise<void> {
  const { chain, ...rest } = checkpoint;
  await db(AUDIT_CHECKPOINT_TABLE).insert({ ...rest, chain_id: chain });
  fs.mkdirSync(dir, { recursive: true });
  const fd = fs.openSync(checkpointFile(dir, checkpoint.subgraph), 'a');
  try {
    fs.writeSync(fd, `${JSON.stringify(checkpoint)}\n`);
    fs.fsyncSync(fd);
  } finally {
    fs.closeSync(fd);
  }
}

/**
 * Reads archived checkpoints from a file, or from every `.jsonl` file of a folder. A line
 * that is not a checkpoint is refused with its file and line: an archive is evidence, and a
 * garbled one should be looked at, not skipped.
 */
export function readCheckpointArchive(fileOrDir: string): Checkpoint[] {
  const files = fs.statSync(fileOrDir).isDirectory()
    ? fs.readdirSync(fileOrDir).filter((f) => f.endsWith('.jsonl')).sort().map((f) => path.join(fileOrDir, f))
    : [fileOrDir];
  return files.flatMap((file) =>
    fs
      .readFileSync(file, 'utf8')
      .split('\n')
      .flatMap((line, i) => {
        if (!line.trim()) return [];
        const checkpoint = parseCheckpoint(line);
        if (!checkpoint) throw new Error(`${file}:${i + 1} is not an audit checkpoint`);
        return [checkpoint];
      }),
  );
}

function parseCheckpoint(line: string): Checkpoint | null {
  let value: Record<string, unknown>;
  try {
    value = JSON.parse(line) as Record<string, unknown>;
  } catch {
    return null;
  }
  const strings = ['subgraph', 'chain', 'hash', 'at', 'kid', 'signature'] as const;
  if (!strings.every((key) => typeof value[key] === 'string')) return null;
  if (!Number.isSafeInteger(value.seq) || (value.reason !== 'head' && value.reason !== 'purge')) return null;
  return value as unknown as Checkpoint;
}

interface HeadRow {
  chain_id: string;
  last_hash: string;
  last_seq: number | string;
}

/**
 * Signs and records the head of every chain of a subgraph's log that moved since its last
 * checkpoint (or has none yet), and returns the new checkpoints. Every chain, not only this
 * process's: a chain whose process has gone is still vouched for. A head is read as it was
 * last committed, together with the rows up to it, so the checkpoint never names a row not
 * yet written.
 */
export async function checkpointChains(
  db: Knex,
  options: { subgraph: string; signer: CheckpointSigner; dir: string; now?: Date },
): Promise<Checkpoint[]> {
  const at = (options.now ?? new Date()).toISOString();
  const written: Checkpoint[] = [];
  for (const head of (await db(AUDIT_HEAD_TABLE).orderBy('chain_id')) as HeadRow[]) {
    const last: CheckpointRow | undefined = await db(AUDIT_CHECKPOINT_TABLE)
      .where({ chain_id: head.chain_id })
      .orderBy([{ column: 'seq', order: 'desc' }, { column: 'id', order: 'desc' }])
      .first();
    // A chain never written to has nothing to vouch for.
    if (Number(head.last_seq) === 0) continue;
    if (last && Number(last.seq) === Number(head.last_seq) && last.hash === head.last_hash) continue;
    const checkpoint = options.signer.sign({
      subgraph: options.subgraph,
      chain: head.chain_id,
      seq: Number(head.last_seq),
      hash: head.last_hash,
      at,
      reason: 'head',
    });
    await recordCheckpoint(db, checkpoint, options.dir);
    written.push(checkpoint);
  }
  return written;
}
