import { withRemoteStep } from '../../../lib/remote-step';
import * as data from '../data';
import type { MutationResolvers } from '../__generated__/resolvers-types';

/**
 * Each mutation acts as the verified caller, and only Jobbtorg at the case's unit (or its
 * main unit, or Jobbtorg as a whole) changes a case: for anyone else it is NOT_FOUND, as if
 * unknown. Enrolment asks stadsdel and partners for the facts it needs; enrolment and
 * closure tell stadsdel inside their transaction, and take the notice back if the
 * transaction fails after it.
 */
export const Mutation: MutationResolvers = {
  enrolInJobbtorg: async (_, { input, idempotencyKey }, { db, caller, peers, access }) => {
    access.enrolsAt(input.unitCode);
    const facts = await peers.enrolmentFacts(input.referralId, input.enrolledOn);
    let caseId = '';
    const notice = {
      apply: () => peers.markReferralEnrolled(input.referralId, caseId),
      undo: () => peers.unmarkReferralEnrolled(input.referralId, caseId),
    };
    return withRemoteStep(notice, (tellStadsdel) =>
      data.enrol(db, input, facts, caller, new Date(), {
        idempotencyKey,
        afterInsert: async (row) => {
          caseId = String(row.id);
          await tellStadsdel();
        },
      }),
    );
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
    let referralId = '';
    const notice = {
      apply: () => peers.markReferralClosed(referralId, input.closedOn),
      undo: () => peers.unmarkReferralClosed(referralId, input.closedOn),
    };
    return withRemoteStep(notice, (tellStadsdel) =>
      data.closeCase(db, input, caller, new Date(), {
        idempotencyKey,
        afterClose: async (row) => {
          referralId = String(row.referral_id);
          await tellStadsdel();
        },
      }),
    );
  },
  giveFeedback: async (_, { input, idempotencyKey }, { db, caller, access }) => {
    await access.writableCase(input.caseId, 'input.caseId');
    return data.giveFeedback(db, input, caller, new Date(), { idempotencyKey });
  },
};
