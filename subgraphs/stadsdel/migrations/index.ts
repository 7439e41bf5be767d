import { auditCheckpointsMigration } from '../../../lib/audit/checkpoint';
import { auditActionsMigration, auditChainsMigration, auditMigration } from '../../../lib/audit/log';
import { idempotencyMigration } from '../../../lib/idempotency';
import { Migrations } from '../../../lib/migrations';
import * as initial from './001_initial';
import * as decisionVersions from './002_decision_versions';
import * as consentVersions from './003_consent_versions';
import * as referralEnrolment from './005_referral_enrolment';
import * as referralClosure from './007_referral_closure';
import * as statisticsIndexes from './008_statistics_indexes';

/** In order; a new migration is a new file and a new line here. */
export const migrations: Migrations = {
  '001_initial': initial,
  '002_decision_versions': decisionVersions,
  '003_consent_versions': consentVersions,
  '004_idempotency_keys': idempotencyMigration,
  '005_referral_enrolment': referralEnrolment,
  '006_audit_log': auditMigration,
  '007_referral_closure': referralClosure,
  '008_statistics_indexes': statisticsIndexes,
  '009_audit_chains': auditChainsMigration,
  '010_audit_actions': auditActionsMigration,
  '011_audit_checkpoints': auditCheckpointsMigration,
};
