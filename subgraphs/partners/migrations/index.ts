import { auditCheckpointsMigration } from '../../../lib/audit/checkpoint';
import { auditActionsMigration, auditChainsMigration, auditMigration } from '../../../lib/audit/log';
import { idempotencyMigration } from '../../../lib/idempotency';
import { Migrations } from '../../../lib/migrations';
import * as initial from './001_initial';
import * as versionsAndRecorders from './003_versions_and_recorders';
import * as programmeParts from './005_programme_parts';

/** In order; a new migration is a new file and a new line here. */
export const migrations: Migrations = {
  '001_initial': initial,
  '002_idempotency_keys': idempotencyMigration,
  '003_versions_and_recorders': versionsAndRecorders,
  '004_audit_log': auditMigration,
  '005_programme_parts': programmeParts,
  '006_audit_chains': auditChainsMigration,
  '007_audit_actions': auditActionsMigration,
  '008_audit_checkpoints': auditCheckpointsMigration,
};
