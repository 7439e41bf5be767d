import { itemsInWindow, planItemOf, visibleAgencies } from '../../../lib/plan/items';

/** Who sees which agencies' plans, and how stored activities become plan items. */

const consent = (parties: string[], purpose = 'SHARED_PLANNING', active = true) => ({ purpose, parties, active });

describe('visibleAgencies', () => {
  it.each([
    ['a Jobbtorg unit with no consent sees Jobbtorg only', 'JOBBTORG:KISTA', [], ['JOBBTORG']],
    ['a district sees social services only', 'DISTRICT:SKH', [], ['SOCIAL_SERVICES']],
    [
      'Jobbtorg sees every agency a shared-planning consent names with it',
      'JOBBTORG',
      [consent(['SOCIAL_SERVICES', 'JOBBTORG', 'ARBETSFORMEDLINGEN', 'SFI'])],
      ['ARBETSFORMEDLINGEN', 'JOBBTORG', 'SFI', 'SOCIAL_SERVICES'],
    ],
    ['a consent that does not name the reader shows it nothing more', 'PROVIDER:5', [consent(['JOBBTORG', 'SFI'])], ['ETABLERING_PROVIDER']],
    ['a withdrawn or expired consent shows nothing more', 'AF', [consent(['ARBETSFORMEDLINGEN', 'SFI'], 'SHARED_PLANNING', false)], ['ARBETSFORMEDLINGEN']],
    ['a consent for another purpose shows nothing more', 'AF', [consent(['ARBETSFORMEDLINGEN', 'SFI'], 'FOLLOW_UP')], ['ARBETSFORMEDLINGEN']],
    ['Migrationsverket plans nothing itself, but reads what consent names', 'MIGRATIONSVERKET', [consent(['MIGRATIONSVERKET', 'SFI'])], ['SFI']],
    ['the city sees no one’s plan', 'CITY:ANALYS', [consent(['JOBBTORG', 'SFI'])], []],
    ['an unknown organisation sees nothing', 'NASA', [], []],
  ])('%s', (_, organisation, consents, expected) => {
    expect([...visibleAgencies(organisation, consents)].sort()).toEqual(expected);
  });
});

describe('plan items', () => {
  const stored = { start_date: '2026-03-02', end_date: '2026-06-30', ended_on: '2026-04-10', hours_per_week: 6, schedule: '[{"weekday":"MONDAY","startTime":"09:00","endTime":"12:00"}]' };

  it('ends an activity ended early on the day it ended, and says so', () => {
    const item = planItemOf(stored, { id: 'x:1', agency: 'JOBBTORG', kind: 'WORK_PLACEMENT', title: 'Praktik', provider: null }, '2026-05-01');
    expect(item).toMatchObject({ category: 'WORK_PLACEMENT', endDate: '2026-04-10', status: 'ENDED_EARLY', hoursPerWeek: 6 });
    expect(item.schedule).toEqual([{ weekday: 'MONDAY', startTime: '09:00', endTime: '12:00' }]);
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
