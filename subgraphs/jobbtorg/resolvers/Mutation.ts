import { writeRequest } from '../../../lib/idempotency';
import { withRemoteStep } from '../../../lib/remote-step';
import * as data from '../data';
import type { MutationResolvers } from '../__generated__/resolvers-types';
import { conflictToActOn } from '../plan';
import { keptConflictModel } from '../plan-conflicts';
import { checkAgreedAtMeeting } from '../rules/plan-conflict';
import { todayInStockholm } from '../../../lib/scalars/calendar';
import type { PlanConflictRow } from '../models';

/** A conflict as an action wrote it, as the schema shows it. */
const actedOn = (row: PlanConflictRow) => keptConflictModel(data.storedPlanConflictOf(row));

/**
 * Each mutation acts as the verified caller, and only Jobbtorg at the case's unit (or its
 * main unit, or Jobbtorg as a whole) changes a case: for anyone else it is NOT_FOUND, as if
 * unknown. Enrolment asks stadsdel and partners for the facts it needs; enrolment and
 * closure tell stadsdel inside their transaction, and take the notice back if the
 * transaction fails after it. An action on a plan conflict is taken by an agency involved
 * in it that sees all of it, on the conflict as its records now make it.
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
  acknowledgePlanConflict: async (_, args, ctx, info) => {
    const now = new Date();
    const { agency } = await conflictToActOn(ctx, args.input.id, now);
    return actedOn(await data.acknowledgePlanConflict(ctx.db, { request: writeRequest(ctx.caller, args, info), agency, now }));
  },
  acceptPlanConflict: async (_, args, ctx, info) => {
    const now = new Date();
    const { agency, external } = await conflictToActOn(ctx, args.input.id, now);
    const { threePartyMeetingId } = args.input;
    const visible = ctx.access.visibleAgencies(external.sharingConsents);
    const meetingId = threePartyMeetingId
      ? checkAgreedAtMeeting(external.stadsdelPlanItems.filter((i) => visible.has(i.agency)), String(threePartyMeetingId), todayInStockholm(now))
      : null;
    return actedOn(await data.acceptPlanConflict(ctx.db, { request: writeRequest(ctx.caller, args, info), agency, now }, meetingId));
  },
  withdrawPlanConflictAcceptance: async (_, args, ctx, info) => {
    const now = new Date();
    const { agency } = await conflictToActOn(ctx, args.input.id, now);
    return actedOn(await data.withdrawPlanConflictAcceptance(ctx.db, { request: writeRequest(ctx.caller, args, info), agency, now }));
  },
  giveFeedback: async (_, args, { db, caller, access }, info) => {
    await access.writableCase(args.input.caseId, 'input.caseId');
    return data.giveFeedback(db, writeRequest(caller, args, info), new Date());
  },
};
