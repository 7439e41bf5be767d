import { writeRequest } from '../../../lib/idempotency';
import * as data from '../data';
import type { MutationResolvers } from '../__generated__/resolvers-types';

/**
 * Who acts is the verified caller, and only the district the person lives in writes their
 * records: for anyone else the person is NOT_FOUND, as if unknown; only Jobbtorg sends the
 * notices of what became of a referral. A retry with the same idempotency key replays the
 * first answer.
 */
export const Mutation: MutationResolvers = {
  recordIncomeSupportDecision: async (_, args, { db, caller, access }, info) => {
    await access.writablePerson(args.input.personnummer, 'input.personnummer', 'IncomeSupportDecision');
    return data.recordDecision(db, writeRequest(caller, args, info), new Date());
  },
  recordConsent: async (_, args, { db, caller, access }, info) => {
    await access.writablePerson(args.input.personnummer, 'input.personnummer', 'Consent');
    return data.recordConsent(db, writeRequest(caller, args, info), new Date());
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
  referToJobbtorg: async (_, args, { db, caller, access }, info) => {
    await access.writablePerson(args.input.personnummer, 'input.personnummer', 'Referral');
    return data.referToJobbtorg(db, writeRequest(caller, args, info), new Date());
  },
  scheduleThreePartyMeeting: async (_, args, { db, caller, access }, info) => {
    await access.writablePerson(args.input.personnummer, 'input.personnummer', 'ThreePartyMeeting');
    return data.scheduleThreePartyMeeting(db, writeRequest(caller, args, info), new Date());
  },
  withdrawConsent: async (_, args, { db, caller, loaders, access }, info) => {
    const consent = await loaders.consent.load(args.input.id);
    if (consent) await access.writablePerson(consent.personnummer, 'input.id', 'Consent');
    return data.withdrawConsent(db, writeRequest(caller, args, info), new Date());
  },
};
