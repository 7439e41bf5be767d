import { JobbtorgCaseFacts } from '../../../lib/plan/activity';
import { conflictId, identityOf } from '../../../lib/plan/identity';
import { PlanItem } from '../../../lib/plan/items';
import { acceptedByAll, changedRecord, fingerprintOf, judgeOnOwnRecords, KeptConflict, recordsOf, transitionOf } from '../../../lib/plan/settling';
import { AF_PLACEMENT, conflictsOf, only, PLACEMENT, records, SFI } from './plan-fixtures';

/*
 * The rules of settling a conflict: it is judged again on its own records alone, and its
 * state moves by one rule. The fixtures are in ./plan-fixtures.ts.
 */

describe('judgeOnOwnRecords', () => {
  const overlap = only(conflictsOf([PLACEMENT, SFI, AF_PLACEMENT]), 'SLOT_OVERLAP');

  it('finds a conflict on its own records whatever window it was found in, and not the others', () => {
    const found = only(conflictsOf([PLACEMENT, SFI], { from: '2025-04-07', to: '2025-04-13' }), 'SLOT_OVERLAP');
    const judged = judgeOnOwnRecords(identityOf(found), records([PLACEMENT, SFI, AF_PLACEMENT]), 40);
    expect(judged && conflictId(judged)).toBe(conflictId(overlap));
    expect(judged!.weeks).toEqual(overlap.weeks);
  });

  it('is null once a record changed so that the conflict is gone, or no longer exists', () => {
    const moved = { ...SFI, schedule: [{ weekday: 'WEDNESDAY' as const, startTime: '09:00', endTime: '12:00' }] };
    expect(judgeOnOwnRecords(identityOf(overlap), records([PLACEMENT, moved]), 40)).toBeNull();
    expect(judgeOnOwnRecords(identityOf(overlap), records([PLACEMENT]), 40)).toBeNull();
  });

  it('judges a broken jobbgaranti on the case, open-ended until a plan comes', () => {
    const c: JobbtorgCaseFacts = {
      id: 'jobbtorg:case:1', enrolledOn: '2025-03-03', closure: null,
      jobbgaranti: { deadline: '2025-03-10', planEstablishedOn: null, status: 'BREACHED' },
    };
    const context = { jobbtorgCases: [c] };
    const breach = only(conflictsOf([], { from: '2025-03-03', to: '2025-03-30' }, context), 'JOBBGARANTI_BREACHED');
    expect(judgeOnOwnRecords(identityOf(breach), records([], context), 40)).not.toBeNull();
    const planned = { ...c, jobbgaranti: { ...c.jobbgaranti, planEstablishedOn: '2025-03-08', status: 'KEPT' as const } };
    expect(judgeOnOwnRecords(identityOf(breach), records([], { jobbtorgCases: [planned] }), 40)).toBeNull();
  });
});

describe('transitionOf', () => {
  const overlap = only(conflictsOf([PLACEMENT, SFI]), 'SLOT_OVERLAP');
  const seen = recordsOf(identityOf(overlap), records([PLACEMENT, { ...SFI, version: 1, changedBy: 'sfi.kista' } as PlanItem]))!;
  const moved = recordsOf(identityOf(overlap), records([PLACEMENT, { ...SFI, version: 2, changedBy: 'sfi.larare', schedule: [] } as PlanItem]))!;
  const kept = (state: KeptConflict['state'], acceptedFingerprint: string | null = null): KeptConflict => ({ state, records: seen, acceptedFingerprint });

  it.each([
    ['an open conflict gone is resolved, by the record that changed', kept('OPEN'), false, moved, { kind: 'RESOLVED', change: moved[1] }],
    ['an acknowledged one gone is resolved', kept('ACKNOWLEDGED'), false, moved, { kind: 'RESOLVED', change: moved[1] }],
    ['an accepted one gone is resolved', kept('ACCEPTED', fingerprintOf(seen)), false, moved, { kind: 'RESOLVED', change: moved[1] }],
    ['a resolved one that stays gone stays', kept('RESOLVED'), false, moved, null],
    ['a resolved one there again opens again', kept('RESOLVED'), true, moved, { kind: 'REOPENED', change: moved[1] }],
    ['an accepted one whose records changed opens again', kept('ACCEPTED', fingerprintOf(seen)), true, moved, { kind: 'REOPENED', change: moved[1] }],
    ['an accepted one whose records stand stays accepted', kept('ACCEPTED', fingerprintOf(seen)), true, seen, null],
    ['an open one still there with changed records is seen anew', kept('OPEN'), true, moved, { kind: 'SEEN_ANEW' }],
    ['an open one as it was stays', kept('ACKNOWLEDGED'), true, seen, null],
  ])('%s', (_, k, there, now, expected) => {
    expect(transitionOf(k, there, now)).toEqual(expected);
  });

  it('names the record that changed with its new version and author, or one that is gone without them', () => {
    expect(changedRecord(seen, moved)).toMatchObject({ id: SFI.id, version: 2, changedBy: 'sfi.larare' });
    expect(changedRecord(seen, seen)).toBeNull();
    expect(changedRecord(seen, null)).toMatchObject({ id: PLACEMENT.id, version: null, changedBy: null });
  });

  it('counts an acceptance only for the records it was given for', () => {
    const now = fingerprintOf(seen);
    expect(acceptedByAll(['JOBBTORG', 'SFI'], [{ agency: 'JOBBTORG', fingerprint: now }, { agency: 'SFI', fingerprint: now }], now)).toBe(true);
    expect(acceptedByAll(['JOBBTORG', 'SFI'], [{ agency: 'JOBBTORG', fingerprint: now }], now)).toBe(false);
    expect(acceptedByAll(['JOBBTORG', 'SFI'], [{ agency: 'JOBBTORG', fingerprint: now }, { agency: 'SFI', fingerprint: fingerprintOf(moved) }], now)).toBe(false);
  });

  it('fingerprints what the rules read and the stamps, not titles or statuses', () => {
    const retitled = recordsOf(identityOf(overlap), records([{ ...PLACEMENT, title: 'Annan titel', status: 'ONGOING' }, { ...SFI, version: 1, changedBy: 'sfi.kista' } as PlanItem]))!;
    expect(fingerprintOf(retitled)).toBe(fingerprintOf(seen));
    expect(fingerprintOf(moved)).not.toBe(fingerprintOf(seen));
  });
});
