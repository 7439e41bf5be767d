import * as data from '../data';
import type { MutationResolvers } from '../__generated__/resolvers-types';

export const Mutation: MutationResolvers = {
  recordIncomeSupportDecision: (_, { input }, { db }) => data.recordDecision(db, input, new Date()),
  recordConsent: (_, { input }, { db }) => data.recordConsent(db, input, new Date()),
  recordReferralEnrolment: (_, { referralId, caseId }, { db, caller }) =>
    data.recordReferralEnrolment(db, referralId, caseId, caller),
  referToJobbtorg: (_, { input }, { db }) => data.referToJobbtorg(db, input, new Date()),
  scheduleThreePartyMeeting: (_, { input }, { db }) => data.scheduleThreePartyMeeting(db, input, new Date()),
  withdrawConsent: (_, { input }, { db }) => data.withdrawConsent(db, input, new Date()),
};
