import * as data from '../data';
import type { MutationResolvers } from '../__generated__/resolvers-types';

/**
 * Who acts is the verified caller, and only the district the person lives in writes their
 * records: for anyone else the person is NOT_FOUND, as if unknown; only Jobbtorg sends the
 * notices of what became of a referral. A retry with the same idempotency key replays the
 * first answer.
 */
export const Mutation: MutationResolvers = {
  recordIncomeSupportDecision: async (_, { input, idempotencyKey }, { db, caller, access }) => {
    await access.writablePerson(input.personnummer, 'input.personnummer', 'IncomeSupportDecision');
    return data.recordDecision(db, { caller, key: idempotencyKey, operation: 'recordIncomeSupportDecision', input }, new Date());
  },
  recordConsent: async (_, { input, idempotencyKey }, { db, caller, access }) => {
    await access.writablePerson(input.personnummer, 'input.personnummer', 'Consent');
    return data.recordConsent(db, { caller, key: idempotencyKey, operation: 'recordConsent', input }, new Date());
  },
  recordReferralEnrolment: (_, { referralId, caseId }, { db, access }) => {
    access.recordsReferralOutcome('enrols on a referral');
    return data.recordReferralEnrolment(db, referralId, caseId);
  },
  recordReferralClosure: (_, { referralId, closedOn }, { db, access }) => {
    access.recordsReferralOutcome('closes what a referral led to');
    return data.recordReferralClosure(db, referralId, closedOn);
  },
  undoReferralEnrolment: (_, { referralId, caseId }, { db, access }) => {
    access.recordsReferralOutcome('takes back its notices');
    return data.undoReferralEnrolment(db, referralId, caseId);
  },
  undoReferralClosure: (_, { referralId, closedOn }, { db, access }) => {
    access.recordsReferralOutcome('takes back its notices');
    return data.undoReferralClosure(db, referralId, closedOn);
  },
  referToJobbtorg: async (_, { input, idempotencyKey }, { db, caller, access }) => {
    await access.writablePerson(input.personnummer, 'input.personnummer', 'Referral');
    return data.referToJobbtorg(db, { caller, key: idempotencyKey, operation: 'referToJobbtorg', input }, new Date());
  },
  scheduleThreePartyMeeting: async (_, { input, idempotencyKey }, { db, caller, access }) => {
    await access.writablePerson(input.personnummer, 'input.personnummer', 'ThreePartyMeeting');
    return data.scheduleThreePartyMeeting(db, { caller, key: idempotencyKey, operation: 'scheduleThreePartyMeeting', input }, new Date());
  },
  withdrawConsent: async (_, { input, idempotencyKey }, { db, caller, loaders, access }) => {
    const consent = await loaders.consent.load(input.id);
    if (consent) await access.writablePerson(consent.personnummer, 'input.id', 'Consent');
    return data.withdrawConsent(db, { caller, key: idempotencyKey, operation: 'withdrawConsent', input }, new Date());
  },
};
