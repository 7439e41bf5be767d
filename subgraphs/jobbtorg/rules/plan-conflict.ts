import { badInput, conflict, notFound } from '../../../lib/errors';
import type { Agency } from '../../../lib/plan/activity';
import type { PlanItem } from '../../../lib/plan/items';
import { acceptedByAll, fingerprintOf, standingAcceptances } from '../../../lib/plan/settling';
import type { AcceptPlanConflictInput, AcknowledgePlanConflictInput, WithdrawPlanConflictAcceptanceInput } from '../__generated__/resolvers-types';
import { toDbDateTime } from '../../../lib/scalars/calendar';
import type { PlanConflictEventRow, StoredAcceptance, StoredPlanConflict } from '../models';

/**
 * The rules an action on a conflict of the shared plan keeps, as plain functions. Who may
 * act is decided in ../access.ts; these say what an action may do to a conflict as it
 * stands. Errors name the input field at fault.
 */

/** Notes and reasons are read by officers of other agencies: something to say, kept short. */
export const CONFLICT_TEXT_MAX_LENGTH = 2000;

function text(value: string | null | undefined, field: string, required: boolean): string | null {
  const trimmed = value?.trim() ?? '';
  if (!trimmed) {
    if (required) throw badInput(field, 'must not be empty');
    return null;
  }
  if (trimmed.length > CONFLICT_TEXT_MAX_LENGTH) throw badInput(field, `must be at most ${CONFLICT_TEXT_MAX_LENGTH} characters`);
  return trimmed;
}

/** What an acknowledgement says on its own, checked before the transaction: a note, and a day to come. */
export function checkAcknowledgementInput(input: AcknowledgePlanConflictInput, today: string): { note: string | null; expectedSettledOn: string | null } {
  const expectedSettledOn = input.expectedSettledOn ?? null;
  if (expectedSettledOn !== null && expectedSettledOn < today) throw badInput('input.expectedSettledOn', `is before today (${today}); say when it will be settled`);
  return { note: text(input.note, 'input.note', false), expectedSettledOn };
}

export function checkAcceptanceInput(input: AcceptPlanConflictInput): { reason: string } {
  return { reason: text(input.reason, 'input.reason', true)! };
}

export function checkWithdrawalInput(input: WithdrawPlanConflictAcceptanceInput): { reason: string | null } {
  return { reason: text(input.reason, 'input.reason', false) };
}

/** Only a conflict still to settle can be acknowledged. */
export function checkAcknowledgeable(kept: StoredPlanConflict): void {
  if (kept.state === 'ACCEPTED' || kept.state === 'RESOLVED') throw conflict('input.id', `names a conflict that is ${kept.state}; only an open or acknowledged one can be acknowledged`);
}

/** A conflict still there, not yet accepted, and not by this agency already. */
export function checkAcceptable(kept: StoredPlanConflict, agency: Agency): void {
  if (kept.state === 'RESOLVED') throw conflict('input.id', 'names a conflict that is RESOLVED: there is nothing left to accept');
  if (kept.state === 'ACCEPTED') throw conflict('input.id', 'names a conflict that is already ACCEPTED');
  if (standingOf(kept).some((a) => a.agency === agency)) throw conflict('input.id', 'names a conflict your agency has already accepted as it stands');
}

/** Only an acceptance that stands can be taken back: the agency's own, or a meeting's agreement for all. */
export function checkWithdrawable(kept: StoredPlanConflict, agency: Agency): void {
  if (kept.state === 'ACCEPTED' || standingOf(kept).some((a) => a.agency === agency)) return;
  throw conflict('input.id', 'names a conflict your agency has not accepted as it stands');
}

/** The acceptances that stand for the conflict's records as last seen. */
export function standingOf(kept: Pick<StoredPlanConflict, 'acceptances' | 'records'>): StoredAcceptance[] {
  return standingAcceptances(kept.acceptances, fingerprintOf(kept.records));
}

/**
 * The conflict after `acceptance`: ACCEPTED when every involved agency's acceptance stands
 * for the records as they are, or a three-party meeting records the agreement for all.
 */
export function withAcceptance(kept: StoredPlanConflict, acceptance: StoredAcceptance, meetingId: string | null): StoredPlanConflict {
  const fingerprint = fingerprintOf(kept.records);
  const acceptances = [...kept.acceptances.filter((a) => a.agency !== acceptance.agency), acceptance];
  const agreed = meetingId !== null || acceptedByAll(kept.agencies, acceptances, fingerprint);
  if (!agreed) return { ...kept, acceptances };
  return { ...kept, acceptances, state: 'ACCEPTED', acceptedFingerprint: fingerprint, settledAt: acceptance.at, threePartyMeetingId: meetingId };
}

/** The conflict after `agency` takes its acceptance back: no longer accepted, open again if it was. */
export function withoutAcceptance(kept: StoredPlanConflict, agency: Agency): StoredPlanConflict {
  const acceptances = kept.acceptances.filter((a) => a.agency !== agency);
  if (kept.state !== 'ACCEPTED') return { ...kept, acceptances };
  return { ...kept, acceptances, state: 'OPEN', acceptedFingerprint: null, settledAt: null, threePartyMeetingId: null };
}

/**
 * The three-party meeting an acceptance names must be one of the person's that the caller
 * sees in their plan (NOT_FOUND otherwise, as if unknown) and must have taken place: an
 * agreement is recorded after it was made.
 */
export function checkAgreedAtMeeting(visibleItems: readonly Pick<PlanItem, 'id' | 'startDate'>[], meetingId: string, today: string): string {
  const meeting = visibleItems.find((i) => i.id === `stadsdel:meeting:${meetingId}`);
  if (!meeting) throw notFound('input.threePartyMeetingId');
  if (meeting.startDate > today) throw badInput('input.threePartyMeetingId', `names a meeting on ${meeting.startDate}, which has not taken place yet`);
  return meetingId;
}

/** A step of a conflict's history: the version and state the conflict has after it, when, and what it says. */
export function historyStep(
  conflict: Pick<StoredPlanConflict, 'id' | 'version' | 'state'>,
  event: PlanConflictEventRow['event'],
  at: Date,
  says: Partial<Omit<PlanConflictEventRow, 'conflict_id' | 'version' | 'state' | 'event' | 'at'>> = {},
): PlanConflictEventRow {
  return {
    conflict_id: conflict.id,
    version: conflict.version,
    event,
    state: conflict.state,
    at: toDbDateTime(at),
    agency: null,
    organisation: null,
    user: null,
    note: null,
    expected_settled_on: null,
    reason: null,
    three_party_meeting_id: null,
    record_id: null,
    record_version: null,
    ...says,
  };
}
