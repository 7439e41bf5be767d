import * as data from '../data';
import type { MutationResolvers } from '../__generated__/resolvers-types';

/**
 * Each mutation acts as the verified caller, and only Jobbtorg at the case's unit (or its
 * main unit, or Jobbtorg as a whole) changes a case: for anyone else it is NOT_FOUND, as if
 * unknown. Enrolment asks stadsdel and partners for the facts it needs.
 */
export const Mutation: MutationResolvers = {
  enrolInJobbtorg: async (_, { input, idempotencyKey }, { db, caller, peers, access }) => {
    access.enrolsAt(input.unitCode);
    return data.enrol(db, input, await peers.enrolmentFacts(input.referralId, input.enrolledOn), caller, new Date(), {
      idempotencyKey,
      afterInsert: (row) => peers.markReferralEnrolled(input.referralId, String(row.id)),
    });
  },
  establishJobPlan: async (_, { input, idempotencyKey }, { db, caller, access }) => {
    await access.writableCase(input.caseId, 'input.caseId');
    return data.establishJobPlan(db, input, caller, new Date(), { idempotencyKey });
  },
  addIntervention: async (_, { input, idempotencyKey }, { db, caller, access }) => {
    await access.writableCase(input.caseId, 'input.caseId');
    return data.addIntervention(db, input, caller, new Date(), { idempotencyKey });
  },
  changeIntervention: async (_, { input, idempotencyKey }, { db, caller, access }) => {
    await access.writableIntervention(input.id, 'input.id');
    return data.changeIntervention(db, input, caller, new Date(), { idempotencyKey });
  },
  endIntervention: async (_, { input, idempotencyKey }, { db, caller, access }) => {
    await access.writableIntervention(input.id, 'input.id');
    return data.endIntervention(db, input, caller, new Date(), { idempotencyKey });
  },
  closeCase: async (_, { input, idempotencyKey }, { db, caller, peers, access }) => {
    await access.writableCase(input.id, 'input.id');
    return data.closeCase(db, input, caller, new Date(), {
      idempotencyKey,
      afterClose: (row) => peers.markReferralClosed(String(row.referral_id), row.closed_on!),
    });
  },
  giveFeedback: async (_, { input, idempotencyKey }, { db, caller, access }) => {
    await access.writableCase(input.caseId, 'input.caseId');
    return data.giveFeedback(db, input, caller, new Date(), { idempotencyKey });
  },
};
