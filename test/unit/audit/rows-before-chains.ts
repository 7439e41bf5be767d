import { AuditRow } from '../../../lib/audit/log';

/**
 * Rows as the audit log was written before it had chains (one chain, explicit ids), made by
 * that release's own appendAudit: the upgrade must leave them verifying as they stand.
 */
export const ROWS_BEFORE_CHAINS: Omit<AuditRow, 'chain_id' | 'seq' | 'hash_version' | 'action' | 'purpose' | 'case_reference' | 'client_address'>[] = [
  { id: 1, at: '2026-03-01 09:00:00', organisation: 'DISTRICT:SKH', user: 'handlaggare.skh', person_key: 'aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa', record_type: 'Person', fields: 'familyName,givenName', operation_name: 'Look', request_id: 'req-1', outcome: 'ALLOWED', prev_hash: '0000000000000000000000000000000000000000000000000000000000000000', hash: '3c1b7fa1dd872c036f21bd7763e519cca79ea1dbf53725ab023b5fad0c95d939' },
  { id: 2, at: '2026-03-01 09:00:00', organisation: 'DISTRICT:SKH', user: 'handlaggare.skh', person_key: 'bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb', record_type: 'Person', fields: 'givenName', operation_name: 'Look', request_id: 'req-1', outcome: 'ALLOWED', prev_hash: '3c1b7fa1dd872c036f21bd7763e519cca79ea1dbf53725ab023b5fad0c95d939', hash: 'f1a775abf6a26160ca13d10a65601cf2948af57803abb4b011a23f28c6e85bd7' },
  { id: 3, at: '2026-03-02 10:30:15', organisation: 'DISTRICT:SKH', user: 'handlaggare.skh', person_key: null, record_type: 'UserAccessLog', fields: 'entries', operation_name: null, request_id: 'req-2', outcome: 'ALLOWED', prev_hash: 'f1a775abf6a26160ca13d10a65601cf2948af57803abb4b011a23f28c6e85bd7', hash: '6718ecd13be0568ce953e7b55c08403923fd056180e1545bc4a904c7a9c20f78' },
  { id: 4, at: '2026-03-02 10:30:16', organisation: 'DISTRICT:SKH', user: 'handlaggare.skh', person_key: 'aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa', record_type: 'IncomeSupportDecision', fields: 'mutation:recordIncomeSupportDecision', operation_name: 'Look', request_id: 'req-3', outcome: 'DENIED', prev_hash: '6718ecd13be0568ce953e7b55c08403923fd056180e1545bc4a904c7a9c20f78', hash: '20fdbbcaa8eb9e531f7748453b22f482818f7f0a2f4298a3ceeb63e6ee823d6d' },
  { id: 5, at: '2026-03-03 08:00:00', organisation: 'JOBBTORG:VARBERG', user: 'coach.varberg', person_key: 'cccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccc', record_type: 'Person', fields: 'district', operation_name: 'Look', request_id: 'req-4', outcome: 'ALLOWED', prev_hash: '20fdbbcaa8eb9e531f7748453b22f482818f7f0a2f4298a3ceeb63e6ee823d6d', hash: '56ae0cb035a7d5dc14191da07ded96952190aedf6a515c1bd80ae9bb95c92314' },
];

/** That release's single head row after those rows. */
export const HEAD_BEFORE_CHAINS = { id: 1, last_hash: '56ae0cb035a7d5dc14191da07ded96952190aedf6a515c1bd80ae9bb95c92314' };
