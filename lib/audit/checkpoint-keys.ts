import { developmentKey, existingDevelopmentKey, publicJwkOf } from '../auth/keys';
import { SubgraphConfig } from '../config';
import { CheckpointKeys, checkpointKeys, checkpointSigner, CheckpointSigner } from './checkpoint';

/**
 * The keys of a subgraph's audit checkpoints, from its configuration: it signs with
 * `AUDIT_SIGNING_KEY` (in development a key file under `DATA_DIR/keys`, made on first use),
 * and checkpoints verify with that key's public half and with the earlier keys
 * `AUDIT_CHECKPOINT_KEYS` lists, so that a rotated key does not orphan the archive.
 */

type KeyConfig = Pick<SubgraphConfig, 'auditSigningJwk' | 'auditCheckpointKeys' | 'keysDir'>;

export async function checkpointSignerFor(config: KeyConfig): Promise<CheckpointSigner> {
  return checkpointSigner(config.auditSigningJwk ?? (await developmentKey(config.keysDir, 'audit-checkpoint')));
}

/** Never makes a key: a verifier given none finds every checkpoint signed by an unknown key, which it reports. */
export function checkpointKeysFor(config: KeyConfig): CheckpointKeys {
  const signing = config.auditSigningJwk ?? existingDevelopmentKey(config.keysDir, 'audit-checkpoint');
  return checkpointKeys([...(signing ? [publicJwkOf(signing)] : []), ...config.auditCheckpointKeys]);
}
