import * as data from '../data';
import type { MutationResolvers } from '../__generated__/resolvers-types';

/** Each mutation acts as the verified caller; enrolment asks stadsdel and partners for the facts it needs. */
export const Mutation: MutationResolvers = {
  enrolInJobbtorg: async (_, { input, idempotencyKey }, { db, caller, peers }) =>
    data.enrol(db, input, await peers.enrolmentFacts(input.referralId, input.enrolledOn), caller, new Date(), {
      idempotencyKey,
      afterInsert: (row) => peers.markReferralEnrolled(input.referralId, String(row.id)),
    }),
  establishJobPlan: (_, { input, idempotencyKey }, { db, caller }) => data.establishJobPlan(db, input, caller, new Date(), { idempotencyKey }),
  addIntervention: (_, { input, idempotencyKey }, { db, caller }) => data.addIntervention(db, input, caller, new Date(), { idempotencyKey }),
  changeIntervention: (_, { input, idempotencyKey }, { db, caller }) => data.changeIntervention(db, input, caller, new Date(), { idempotencyKey }),
  endIntervention: (_, { input, idempotencyKey }, { db, caller }) => data.endIntervention(db, input, caller, new Date(), { idempotencyKey }),
  closeCase: (_, { input, idempotencyKey }, { db, caller, peers }) =>
    data.closeCase(db, input, caller, new Date(), {
      idempotencyKey,
      afterClose: (row) => peers.markReferralClosed(String(row.referral_id), row.closed_on!),
    }),
  giveFeedback: (_, { input, idempotencyKey }, { db, caller }) => data.giveFeedback(db, input, caller, new Date(), { idempotencyKey }),
};
