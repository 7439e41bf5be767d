import { auditCheckpointsMigration } from '../../../lib/audit/checkpoint';
import { auditActionsMigration, auditChainsMigration, auditMigration } from '../../../lib/audit/log';
import { idempotencyMigration } from '../../../lib/idempotency';
import { Migrations } from '../../../lib/migrations';
import * as initial from './001_initial';
import * as versionsAndWriteIndexes from './003_versions_and_write_indexes';
import * as statisticsIndexes from './005_statistics_indexes';
import * as interventionWriters from './006_intervention_writers';
import * as planConflicts from './007_plan_conflicts';
import * as reportingGroupIndex from './011_reporting_group_index';

/** In order; a new migration is a new file and a new line here. */
export const migrations: Migrations = {
  '001_initial': initial,
  '002_idempotency_keys': idempotencyMigration,
  '003_versions_and_write_indexes': versionsAndWriteIndexes,
  '004_audit_log': auditMigration,
  '005_statistics_indexes': statisticsIndexes,
  '006_intervention_writers': interventionWriters,
  '007_plan_conflicts': planConflicts,
  '008_audit_chains': auditChainsMigration,
  '009_audit_actions': auditActionsMigration,
  '010_audit_checkpoints': auditCheckpointsMigration,
  '011_reporting_group_index': reportingGroupIndex,
};
