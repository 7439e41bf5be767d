import { DuplicateKind } from '../../../lib/plan/conflicts';
import { conflictId, identityOf } from '../../../lib/plan/identity';
import { AF_PLACEMENT, conflictsOf, only, PLACEMENT, SFI } from './plan-fixtures';

/*
 * A conflict's identity: the same conflict whatever window it is read over, whoever reads
 * and in whatever order its records come; another conflict when a record differs.
 */

describe('conflictId', () => {
  const overlap = only(conflictsOf([PLACEMENT, SFI]), 'SLOT_OVERLAP');

  it('is a short stable string', () => {
    expect(conflictId(overlap)).toMatch(/^c_[0-9a-f]{16}$/);
    expect(conflictId(overlap)).toBe(conflictId(identityOf(overlap)));
  });

  it('ignores the window, the order of the records, the weeks, hours and message', () => {
    const april = only(conflictsOf([SFI, PLACEMENT], { from: '2025-04-07', to: '2025-04-13' }), 'SLOT_OVERLAP');
    expect(april.weeks).not.toEqual(overlap.weeks);
    expect(conflictId(april)).toBe(conflictId(overlap));
    const reordered = { ...overlap, activityIds: [...overlap.activityIds].reverse(), weeks: ['2030-01-07'], message: 'något annat' };
    expect(conflictId(reordered)).toBe(conflictId(overlap));
    const busier = only(conflictsOf([PLACEMENT, { ...SFI, hoursPerWeek: 20 }]), 'SLOT_OVERLAP');
    expect(busier.message).not.toBe('');
    expect(conflictId(busier)).toBe(conflictId(overlap));
  });

  it('differs when a record, the kind, or the reason or category differs', () => {
    const other = only(conflictsOf([PLACEMENT, { ...SFI, id: 'partners:sfi:2' }]), 'SLOT_OVERLAP');
    expect(conflictId(other)).not.toBe(conflictId(overlap));
    const duplicate = only(conflictsOf([PLACEMENT, AF_PLACEMENT]), 'DUPLICATE_KIND') as DuplicateKind;
    expect(conflictId({ ...identityOf(duplicate), kind: 'SLOT_OVERLAP' })).not.toBe(conflictId(duplicate));
    expect(conflictId({ ...duplicate, category: 'JOB_SEARCH' })).not.toBe(conflictId(duplicate));
    const contexts = { ...overlap, activityIds: [], contextIds: overlap.activityIds };
    expect(conflictId(contexts)).not.toBe(conflictId(overlap));
  });
});
