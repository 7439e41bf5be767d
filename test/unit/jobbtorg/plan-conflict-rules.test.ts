import { GraphQLError } from 'graphql';
import { fingerprintOf, SeenRecord } from '../../../lib/plan/settling';
import type { StoredAcceptance, StoredPlanConflict } from '../../../subgraphs/jobbtorg/models';
import {
  checkAcceptable,
  checkAcknowledgeable,
  checkAcknowledgementInput,
  checkAgreedAtMeeting,
  checkWithdrawable,
  standingOf,
  withAcceptance,
  withoutAcceptance,
} from '../../../subgraphs/jobbtorg/rules/plan-conflict';

/** What an action may do to a conflict as it stands: the rules of subgraphs/jobbtorg/rules/plan-conflict.ts. */

const RECORDS: SeenRecord[] = [
  { id: 'jobbtorg:intervention:1', agency: 'JOBBTORG', version: 1, changedBy: 'coach', hash: 'a' },
  { id: 'partners:sfi:1', agency: 'SFI', version: 1, changedBy: 'sfi', hash: 'b' },
];
const NOW = fingerprintOf(RECORDS);

function conflict(changes: Partial<StoredPlanConflict> = {}): StoredPlanConflict {
  return {
    id: 'c_0123456789abcdef', personnummer: '198402170000', kind: 'SLOT_OVERLAP', detail: null,
    activityIds: RECORDS.map((r) => r.id), contextIds: [], agencies: ['JOBBTORG', 'SFI'], weeks: ['2026-12-07'], message: '…',
    state: 'OPEN', version: 1, foundAt: '2026-12-01T09:00:00Z', changedAt: '2026-12-01T09:00:00Z', settledAt: null, records: RECORDS,
    note: null, expectedSettledOn: null, acceptances: [], acceptedFingerprint: null, threePartyMeetingId: null, resolvedBy: null,
    ...changes,
  };
}
const acceptance = (agency: StoredAcceptance['agency'], fingerprint = NOW): StoredAcceptance => ({
  agency, fingerprint, organisation: agency, user: 'someone', at: '2026-12-02T10:00:00Z', reason: 'Planerat så.',
});

function refusal(run: () => unknown): Record<string, unknown> | undefined {
  try {
    run();
    return undefined;
  } catch (error) {
    return (error as GraphQLError).extensions;
  }
}

describe('acting on a conflict', () => {
  it('acknowledges one still to settle, with a day that has not passed', () => {
    expect(refusal(() => checkAcknowledgeable(conflict({ state: 'ACKNOWLEDGED' })))).toBeUndefined();
    for (const state of ['ACCEPTED', 'RESOLVED'] as const) expect(refusal(() => checkAcknowledgeable(conflict({ state })))).toMatchObject({ code: 'CONFLICT', field: 'input.id' });
    expect(refusal(() => checkAcknowledgementInput({ id: 'c', version: 1, expectedSettledOn: '2026-11-30' }, '2026-12-01'))).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.expectedSettledOn' });
    expect(checkAcknowledgementInput({ id: 'c', version: 1, note: '  Vi ringer.  ' }, '2026-12-01')).toEqual({ note: 'Vi ringer.', expectedSettledOn: null });
  });

  it('is accepted once every involved agency has accepted the records as they stand', () => {
    const one = withAcceptance(conflict(), acceptance('JOBBTORG'), null);
    expect(one).toMatchObject({ state: 'OPEN', acceptedFingerprint: null });
    expect(refusal(() => checkAcceptable(one, 'JOBBTORG'))).toMatchObject({ code: 'CONFLICT', field: 'input.id' });
    const both = withAcceptance(one, acceptance('SFI'), null);
    expect(both).toMatchObject({ state: 'ACCEPTED', acceptedFingerprint: NOW, settledAt: '2026-12-02T10:00:00Z' });
    // An acceptance given for the records as they were does not count.
    const stale = withAcceptance(conflict({ acceptances: [acceptance('JOBBTORG', 'old')] }), acceptance('SFI'), null);
    expect(stale.state).toBe('OPEN');
    expect(standingOf(stale).map((a) => a.agency)).toEqual(['SFI']);
  });

  it('is accepted for all at a three-party meeting of the person that has taken place', () => {
    expect(withAcceptance(conflict(), acceptance('SFI'), '7')).toMatchObject({ state: 'ACCEPTED', threePartyMeetingId: '7' });
    const items = [{ id: 'stadsdel:meeting:7', startDate: '2026-11-30' }, { id: 'stadsdel:meeting:8', startDate: '2026-12-10' }];
    expect(checkAgreedAtMeeting(items, '7', '2026-12-01')).toBe('7');
    expect(refusal(() => checkAgreedAtMeeting(items, '8', '2026-12-01'))).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.threePartyMeetingId' });
    expect(refusal(() => checkAgreedAtMeeting(items, '9', '2026-12-01'))).toMatchObject({ code: 'NOT_FOUND', field: 'input.threePartyMeetingId' });
  });

  it('takes an acceptance back: open again if it was accepted; only an acceptance that stands', () => {
    const accepted = withAcceptance(withAcceptance(conflict(), acceptance('JOBBTORG'), null), acceptance('SFI'), null);
    expect(withoutAcceptance(accepted, 'SFI')).toMatchObject({ state: 'OPEN', acceptedFingerprint: null, settledAt: null });
    expect(refusal(() => checkWithdrawable(conflict(), 'SFI'))).toMatchObject({ code: 'CONFLICT', field: 'input.id' });
    expect(refusal(() => checkWithdrawable(conflict({ state: 'ACCEPTED', threePartyMeetingId: '7' }), 'SFI'))).toBeUndefined();
  });
});
