import * as data from '../data';
import type { MutationResolvers } from '../__generated__/resolvers-types';

/** Who acts is the verified caller; a retry with the same idempotency key replays the first answer. */
export const Mutation: MutationResolvers = {
  recordIncomeSupportDecision: (_, { input, idempotencyKey }, { db, caller }) =>
    data.recordDecision(db, { caller, key: idempotencyKey, operation: 'recordIncomeSupportDecision', input }, new Date()),
  recordConsent: (_, { input, idempotencyKey }, { db, caller }) =>
    data.recordConsent(db, { caller, key: idempotencyKey, operation: 'recordConsent', input }, new Date()),
  recordReferralEnrolment: (_, { referralId, caseId }, { db, caller }) =>
    data.recordReferralEnrolment(db, referralId, caseId, caller),
  referToJobbtorg: (_, { input, idempotencyKey }, { db, caller }) =>
    data.referToJobbtorg(db, { caller, key: idempotencyKey, operation: 'referToJobbtorg', input }, new Date()),
  scheduleThreePartyMeeting: (_, { input, idempotencyKey }, { db, caller }) =>
    data.scheduleThreePartyMeeting(db, { caller, key: idempotencyKey, operation: 'scheduleThreePartyMeeting', input }, new Date()),
  withdrawConsent: (_, { input, idempotencyKey }, { db, caller }) =>
    data.withdrawConsent(db, { caller, key: idempotencyKey, operation: 'withdrawConsent', input }, new Date()),
};
