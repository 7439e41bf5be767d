import { itemsInWindow, PlanItem, planItemOf, visibleAgencies, visibleItems } from '../../../lib/plan/items';
import { org } from '../../helpers/organisations';

/** Who sees which agencies' plans, and how stored activities become plan items. */

const consent = (parties: string[], purpose = 'SHARED_PLANNING', active = true) => ({ purpose, parties, active });

describe('visibleAgencies', () => {
  it.each([
    ['a Jobbtorg unit with no consent sees Jobbtorg only', org('JOBBTORG', 'KISTA'), [], ['JOBBTORG']],
    ['a district sees social services only', org('DISTRICT', 'SKH'), [], ['SOCIAL_SERVICES']],
    [
      'Jobbtorg sees every agency a shared-planning consent names with it',
      org('JOBBTORG'),
      [consent(['SOCIAL_SERVICES', 'JOBBTORG', 'ARBETSFORMEDLINGEN', 'SFI'])],
      ['ARBETSFORMEDLINGEN', 'JOBBTORG', 'SFI', 'SOCIAL_SERVICES'],
    ],
    ['a consent that does not name the reader shows it nothing more', org('PROVIDER', '5'), [consent(['JOBBTORG', 'SFI'])], ['ETABLERING_PROVIDER']],
    ['a withdrawn or expired consent shows nothing more', org('AF'), [consent(['ARBETSFORMEDLINGEN', 'SFI'], 'SHARED_PLANNING', false)], ['ARBETSFORMEDLINGEN']],
    ['a consent for another purpose shows nothing more', org('AF'), [consent(['ARBETSFORMEDLINGEN', 'SFI'], 'FOLLOW_UP')], ['ARBETSFORMEDLINGEN']],
    ['Migrationsverket plans nothing itself, but reads what consent names', org('MIGRATIONSVERKET'), [consent(['MIGRATIONSVERKET', 'SFI'])], ['SFI']],
    ['the city sees no one’s plan', org('CITY', 'ANALYS'), [consent(['JOBBTORG', 'SFI'])], []],
  ])('%s', (_, organisation, consents, expected) => {
    expect([...visibleAgencies(organisation, consents)].sort()).toEqual(expected);
  });
});

describe('plan items', () => {
  const stored = {
    start_date: '2026-03-02', end_date: '2026-06-30', ended_on: '2026-04-10', hours_per_week: 6, schedule: '[{"weekday":"MONDAY","startTime":"09:00","endTime":"12:00"}]',
    version: 3, changed_by: 'coach.varberg',
  };
  const identity = { id: 'x:1', agency: 'JOBBTORG', kind: 'WORK_PLACEMENT', title: 'Praktik', provider: null, partOf: null } as const;

  it('ends an activity ended early on the day it ended, and says so', () => {
    const item = planItemOf(stored, identity, '2026-05-01');
    expect(item).toMatchObject({ category: 'WORK_PLACEMENT', endDate: '2026-04-10', status: 'ENDED_EARLY', hoursPerWeek: 6, extentPercent: null });
    expect(item.schedule).toEqual([{ weekday: 'MONDAY', startTime: '09:00', endTime: '12:00' }]);
  });

  it('names the record’s version and who changed it last, or else who recorded it', () => {
    expect(planItemOf(stored, identity, '2026-05-01')).toMatchObject({ version: 3, changedBy: 'coach.varberg' });
    expect(planItemOf({ ...stored, version: 1, changed_by: null, recorded_by: 'sfi.registrator' }, identity, '2026-05-01')).toMatchObject({ version: 1, changedBy: 'sfi.registrator' });
    expect(planItemOf({ ...stored, changed_by: null }, identity, '2026-05-01').changedBy).toBeNull();
  });

  it('keeps the items that run in the window’s whole weeks, by start date', () => {
    const items = [
      { id: 'b', startDate: '2026-03-04', endDate: null },
      { id: 'a', startDate: '2026-03-02', endDate: '2026-03-02' },
      { id: 'gone', startDate: '2026-01-01', endDate: '2026-03-01' },
      { id: 'later', startDate: '2026-03-16', endDate: null },
    ];
    // A window from Wednesday to Friday takes in that whole week, Monday 2 March to Sunday 8 March.
    expect(itemsInWindow(items, { from: '2026-03-04', to: '2026-03-06' })).toEqual({
      weeks: ['2026-03-02'],
      items: [items[1], items[0]],
    });
  });
});

describe('visibleItems', () => {
  const item = (id: string, agency: PlanItem['agency'], partOf: string | null = null) => ({ id, agency, partOf }) as PlanItem;
  const items = [
    item('partners:programme:1', 'ARBETSFORMEDLINGEN'),
    item('partners:sfi:2', 'SFI', 'partners:programme:1'),
    item('jobbtorg:intervention:3', 'JOBBTORG'),
  ];

  it('keeps the agencies the reader sees, and the programme an item is part of where the reader sees it', () => {
    expect(visibleItems(items, new Set(['ARBETSFORMEDLINGEN', 'SFI']))).toEqual(items.slice(0, 2));
  });

  it('says nothing of a programme the reader may not see', () => {
    expect(visibleItems(items, new Set(['SFI', 'JOBBTORG']))).toEqual([item('partners:sfi:2', 'SFI'), items[2]]);
  });
});
