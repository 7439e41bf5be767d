import { writeRequest } from '../../../lib/idempotency';
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
  enrolInJobbtorg: async (_, args, { db, caller, peers, access }, info) => {
    const { input } = args;
    access.enrolsAt(input.unitCode);
    const facts = await peers.enrolmentFacts(input.referralId, input.enrolledOn);
    let caseId = '';
    const notice = {
      apply: () => peers.markReferralEnrolled(input.referralId, caseId),
      undo: () => peers.unmarkReferralEnrolled(input.referralId, caseId),
    };
    return withRemoteStep(notice, (tellStadsdel) =>
      data.enrol(db, writeRequest(caller, args, info), new Date(), {
        facts,
        afterInsert: async (row) => {
          caseId = String(row.id);
          await tellStadsdel();
        },
      }),
    );
  },
  establishJobPlan: async (_, args, { db, caller, access }, info) => {
    await access.writableCase(args.input.caseId, 'input.caseId');
    return data.establishJobPlan(db, writeRequest(caller, args, info), new Date());
  },
  addIntervention: async (_, args, { db, caller, access }, info) => {
    await access.writableCase(args.input.caseId, 'input.caseId');
    return data.addIntervention(db, writeRequest(caller, args, info), new Date());
  },
  changeIntervention: async (_, args, { db, caller, access }, info) => {
    await access.writableIntervention(args.input.id, 'input.id');
    return data.changeIntervention(db, writeRequest(caller, args, info), new Date());
  },
  endIntervention: async (_, args, { db, caller, access }, info) => {
    await access.writableIntervention(args.input.id, 'input.id');
    return data.endIntervention(db, writeRequest(caller, args, info), new Date());
  },
  closeCase: async (_, args, { db, caller, peers, access }, info) => {
    const { input } = args;
    await access.writableCase(input.id, 'input.id');
    let referralId = '';
    const notice = {
      apply: () => peers.markReferralClosed(referralId, input.closedOn),
      undo: () => peers.unmarkReferralClosed(referralId, input.closedOn),
    };
    return withRemoteStep(notice, (tellStadsdel) =>
      data.closeCase(db, writeRequest(caller, args, info), new Date(), {
        afterClose: async (row) => {
          referralId = String(row.referral_id);
          await tellStadsdel();
        },
      }),
    );
  },
  giveFeedback: async (_, args, { db, caller, access }, info) => {
    await access.writableCase(args.input.caseId, 'input.caseId');
    return data.giveFeedback(db, writeRequest(caller, args, info), new Date());
  },
};
