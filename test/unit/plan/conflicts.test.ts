import { addDays } from '../../../lib/scalars/calendar';
import { WeeklySlot } from '../../../lib/schedule';
import { Agency, categoryOf, JobbtorgCaseFacts, KindsByAgency, PlanContext, PlannedItem, PlannedItemOf } from '../../../lib/plan/activity';
import { Conflict, findConflicts } from '../../../lib/plan/conflicts';
import { conflictId } from '../../../lib/plan/identity';
import { describeWeeks, isoWeek, weeksOf } from '../../../lib/plan/weeks';

/*
 * The conflict rules, one table per rule, with the edges the issue names. Dates are in
 * March 2025: Monday 3 March starts ISO week 10, so W10…W13 below are weeks 10–13.
 */

const W10 = '2025-03-03';
const W11 = '2025-03-10';
const W12 = '2025-03-17';
const W13 = '2025-03-24';
const day = (monday: string, weekday: number) => addDays(monday, weekday); // 0 Monday … 6 Sunday
/** Weeks 10–13. */
const WINDOW = { from: W10, to: addDays(W13, 6) };
const NO_CONTEXT: PlanContext = { jobbtorgCases: [] };

const DEFAULT_KIND: KindsByAgency = {
  JOBBTORG: 'WORK_PLACEMENT',
  ARBETSFORMEDLINGEN: 'WORK_PLACEMENT',
  SFI: 'SFI_COURSE',
  ETABLERING_PROVIDER: 'MENTORSHIP',
  SOCIAL_SERVICES: 'THREE_PARTY_MEETING',
};

type Spec = { id: string } & Partial<Omit<PlannedItemOf<Agency>, 'id' | 'category'>>;

/** An activity running weeks 10–13 with no hours and no schedule unless told otherwise. */
function item(spec: Spec): PlannedItem {
  const agency = spec.agency ?? 'JOBBTORG';
  const kind = spec.kind ?? DEFAULT_KIND[agency];
  return {
    title: spec.id,
    startDate: W10,
    endDate: addDays(W13, 6),
    hoursPerWeek: 0,
    schedule: [],
    status: 'PLANNED',
    extentPercent: null,
    partOf: null,
    ...spec,
    agency,
    kind,
    category: categoryOf(agency, kind as never),
  } as PlannedItem;
}

const PROGRAMME = 'partners:programme:1';

/** Arbetsförmedlingen's establishment programme at `extentPercent`, weeks 10–13 unless told otherwise. */
function programme(extentPercent: number, spec: Partial<Spec> = {}): PlannedItem {
  return item({
    id: PROGRAMME,
    agency: 'ARBETSFORMEDLINGEN',
    kind: 'ESTABLISHMENT_PROGRAMME',
    title: 'Etableringsprogrammet',
    hoursPerWeek: (extentPercent * 40) / 100,
    extentPercent,
    ...spec,
  });
}

const slot = (weekday: WeeklySlot['weekday'], startTime: string, endTime: string): WeeklySlot => ({ weekday, startTime, endTime });
const MON_FRI = (startTime: string, endTime: string) =>
  (['MONDAY', 'TUESDAY', 'WEDNESDAY', 'THURSDAY', 'FRIDAY'] as const).map((d) => slot(d, startTime, endTime));

/** Kind, activities and weeks of each conflict of `kind`: what most rows compare. */
function found(kind: Conflict['kind'], items: PlannedItem[], context = NO_CONTEXT, window = WINDOW, options = {}) {
  return findConflicts(items, context, window, options)
    .filter((c) => c.kind === kind)
    .map((c) => ({ ids: [...c.activityIds, ...c.contextIds], weeks: c.weeks }));
}

describe('SLOT_OVERLAP', () => {
  const sfiMornings = { id: 'sfi', agency: 'SFI' as const, schedule: [slot('TUESDAY', '09:00', '12:00')] };
  it.each<[string, PlannedItem[], { ids: string[]; weeks: string[] }[]]>([
    ['overlapping times on the same weekday', [item(sfiMornings), item({ id: 'p', schedule: [slot('TUESDAY', '10:00', '14:00')] })], [{ ids: ['p', 'sfi'], weeks: [W10, W11, W12, W13] }]],
    ['one slot inside the other', [item(sfiMornings), item({ id: 'p', schedule: [slot('TUESDAY', '08:00', '17:00')] })], [{ ids: ['p', 'sfi'], weeks: [W10, W11, W12, W13] }]],
    ['touching: one ends 12:00, the other starts 12:00', [item(sfiMornings), item({ id: 'p', schedule: [slot('TUESDAY', '12:00', '16:00')] })], []],
    ['the same times on another weekday', [item(sfiMornings), item({ id: 'p', schedule: [slot('WEDNESDAY', '09:00', '12:00')] })], []],
    ['an empty schedule (unknown times)', [item(sfiMornings), item({ id: 'p', schedule: [] })], []],
    ['periods that do not meet', [item({ ...sfiMornings, endDate: day(W11, 6) }), item({ id: 'p', startDate: W12, schedule: sfiMornings.schedule })], []],
    [
      'one ends Sunday, the other starts Monday',
      [item({ id: 'a', endDate: day(W10, 6), schedule: [slot('MONDAY', '09:00', '12:00')] }), item({ id: 'b', startDate: W11, schedule: [slot('MONDAY', '09:00', '12:00')] })],
      [],
    ],
    [
      'the same week, but one ends Wednesday and the other starts Thursday',
      [item({ id: 'a', endDate: day(W10, 2), schedule: MON_FRI('09:00', '12:00') }), item({ id: 'b', startDate: day(W10, 3), endDate: day(W10, 6), schedule: MON_FRI('09:00', '12:00') })],
      [],
    ],
    [
      'one ends on the Tuesday the other starts: that week only',
      [item({ id: 'a', endDate: day(W11, 1), schedule: MON_FRI('09:00', '12:00') }), item({ id: 'b', startDate: day(W11, 1), schedule: MON_FRI('09:00', '12:00') })],
      [{ ids: ['a', 'b'], weeks: [W11] }],
    ],
    ['open-ended against a later start', [item({ ...sfiMornings, endDate: null }), item({ id: 'p', startDate: W12, endDate: null, schedule: sfiMornings.schedule })], [{ ids: ['p', 'sfi'], weeks: [W12, W13] }]],
    ['two activities of the same agency', [item({ id: 'a', schedule: sfiMornings.schedule }), item({ id: 'b', kind: 'MATCHING', schedule: sfiMornings.schedule })], [{ ids: ['a', 'b'], weeks: [W10, W11, W12, W13] }]],
    ['an activity ended before its start', [item(sfiMornings), item({ id: 'p', startDate: W11, endDate: day(W11, -1), schedule: sfiMornings.schedule })], []],
  ])('%s', (_, items, expected) => {
    expect(found('SLOT_OVERLAP', items)).toEqual(expected);
  });

  it('reads a window that cuts the activities as their weeks in it', () => {
    const long = { startDate: '2025-01-06', endDate: '2025-06-01', schedule: sfiMornings.schedule };
    const items = [item({ id: 'a', ...long }), item({ id: 'b', ...long })];
    expect(found('SLOT_OVERLAP', items, NO_CONTEXT, { from: W12, to: day(W13, 6) })).toEqual([{ ids: ['a', 'b'], weeks: [W12, W13] }]);
  });

  it('finds nothing for activities entirely outside the window', () => {
    const before = { startDate: '2025-01-06', endDate: '2025-02-28', schedule: sfiMornings.schedule };
    expect(findConflicts([item({ id: 'a', ...before }), item({ id: 'b', ...before })], NO_CONTEXT, WINDOW)).toEqual([]);
  });

  it('names the shared times and says it in Swedish', () => {
    const sfi = item({ id: 'sfi', agency: 'SFI', title: 'Sfi', provider: 'Sfi Stockholm Kista', schedule: [slot('TUESDAY', '09:00', '12:00'), slot('THURSDAY', '09:00', '12:00'), slot('FRIDAY', '13:00', '15:00')] });
    const placement = item({ id: 'p', title: 'Praktik', startDate: W11, endDate: day(W12, 4), schedule: MON_FRI('08:00', '16:00') });
    const [conflict] = findConflicts([placement, sfi], NO_CONTEXT, WINDOW);
    expect(conflict).toMatchObject({
      kind: 'SLOT_OVERLAP',
      activityIds: ['p', 'sfi'],
      contextIds: [],
      agencies: ['JOBBTORG', 'SFI'],
      weeks: [W11, W12],
      slots: [slot('TUESDAY', '09:00', '12:00'), slot('THURSDAY', '09:00', '12:00'), slot('FRIDAY', '13:00', '15:00')],
    });
    expect(conflict.message).toBe(
      'Praktik (Jobbtorg) och Sfi (Sfi Stockholm Kista) överlappar tisdagar och torsdagar 09:00–12:00, fredagar 13:00–15:00 vecka 11–12.',
    );
  });
});

describe('OVER_FULL_TIME', () => {
  const base = (hours: number, extra: Partial<Spec> = {}) => item({ id: 'base', kind: 'ACTIVE_JOB_SEARCH', hoursPerWeek: hours, ...extra });
  const MON_AND_FRI_MORNINGS = [slot('MONDAY', '08:00', '12:00'), slot('FRIDAY', '08:00', '12:00')];
  it.each<[string, PlannedItem[], { ids: string[]; weeks: string[] }[], object?]>([
    ['exactly full time, 20 + 20 h', [base(20), item({ id: 'b', hoursPerWeek: 20 })], []],
    ['40.5 h', [base(20), item({ id: 'b', hoursPerWeek: 20.5 })], [{ ids: ['b', 'base'], weeks: [W10, W11, W12, W13] }]],
    ['fractions that add up to exactly 40', [base(20.1), item({ id: 'b', hoursPerWeek: 19.9 })], []],
    ['a lower threshold', [base(20), item({ id: 'b', hoursPerWeek: 15 })], [{ ids: ['b', 'base'], weeks: [W10, W11, W12, W13] }], { fullTimeHours: 30 }],
    [
      'a scheduled start on Wednesday counts only the slots from then (Friday: 4 h)',
      [base(36), item({ id: 'b', hoursPerWeek: 8, startDate: day(W10, 2), schedule: MON_AND_FRI_MORNINGS })],
      [{ ids: ['b', 'base'], weeks: [W11, W12, W13] }],
    ],
    [
      'a scheduled end on Wednesday counts only the slots until then (Monday: 4 h)',
      [base(36), item({ id: 'b', hoursPerWeek: 8, endDate: day(W13, 2), schedule: MON_AND_FRI_MORNINGS })],
      [{ ids: ['b', 'base'], weeks: [W10, W11, W12] }],
    ],
    [
      'an unscheduled start on Thursday counts 2 of 5 working days (4 of 10 h)',
      [base(36), item({ id: 'b', hoursPerWeek: 10, startDate: day(W10, 3) })],
      [{ ids: ['b', 'base'], weeks: [W11, W12, W13] }],
    ],
    ['an unscheduled start on Saturday adds nothing that week', [base(36), item({ id: 'b', hoursPerWeek: 10, startDate: day(W10, 5) })], [{ ids: ['b', 'base'], weeks: [W11, W12, W13] }]],
    ['an unscheduled end on Sunday counts the whole week', [base(36), item({ id: 'b', hoursPerWeek: 10, endDate: day(W10, 6) })], [{ ids: ['b', 'base'], weeks: [W10] }]],
    [
      'weeks that are not consecutive make two conflicts',
      [base(30), item({ id: 'b', hoursPerWeek: 15, endDate: day(W10, 6) }), item({ id: 'c', hoursPerWeek: 15, startDate: W12 })],
      [
        { ids: ['b', 'base'], weeks: [W10] },
        { ids: ['base', 'c'], weeks: [W12, W13] },
      ],
    ],
    ['open-ended activities', [base(30, { endDate: null }), item({ id: 'b', hoursPerWeek: 15, startDate: W13, endDate: null })], [{ ids: ['b', 'base'], weeks: [W13] }]],
    ['one activity alone over full time', [base(45)], [{ ids: ['base'], weeks: [W10, W11, W12, W13] }]],
  ])('%s', (_, items, expected, options = {}) => {
    expect(found('OVER_FULL_TIME', items, NO_CONTEXT, WINDOW, options)).toEqual(expected);
  });

  it('counts a week the window cuts in full, and names only weeks in the window', () => {
    // The window starts on Wednesday of week 11; the activities run Monday and Tuesday too.
    const conflicts = findConflicts([base(30), item({ id: 'b', hoursPerWeek: 15, schedule: [slot('MONDAY', '08:00', '16:00'), slot('TUESDAY', '08:00', '15:00')] })], NO_CONTEXT, {
      from: day(W11, 2),
      to: day(W12, 0),
    });
    expect(conflicts).toEqual([expect.objectContaining({ kind: 'OVER_FULL_TIME', weeks: [W11, W12] })]);
  });

  it('gives the hours of each week and says it in Swedish', () => {
    const b = item({ id: 'b', title: 'Truckkort', hoursPerWeek: 10, startDate: day(W10, 3) });
    const [conflict] = findConflicts([base(36, { title: 'Aktivt jobbsökande' }), b], NO_CONTEXT, { from: W11, to: day(W12, 6) });
    expect(conflict).toMatchObject({
      kind: 'OVER_FULL_TIME',
      fullTimeHours: 40,
      hoursByWeek: [
        { week: W11, hours: 46 },
        { week: W12, hours: 46 },
      ],
    });
    expect(conflict.message).toBe('Sammanlagt 46 timmar i veckan, mer än heltid (40 timmar), vecka 11–12: Truckkort (Jobbtorg) och Aktivt jobbsökande (Jobbtorg).');
  });

  it('says "upp till" when the hours vary', () => {
    // c starts on Wednesday of week 10: 3 of its 5 working days, 7.2 of its 12 hours.
    const [conflict] = findConflicts([base(35), item({ id: 'c', hoursPerWeek: 12, startDate: day(W10, 2) })], NO_CONTEXT, WINDOW);
    expect(conflict.message).toMatch(/^Sammanlagt upp till 47 timmar i veckan, mer än heltid \(40 timmar\), vecka 10–13:/);
    expect((conflict as { hoursByWeek: unknown }).hoursByWeek).toEqual([
      { week: W10, hours: 42.2 },
      { week: W11, hours: 47 },
      { week: W12, hours: 47 },
      { week: W13, hours: 47 },
    ]);
  });

  it('is one conflict per run of weeks with the same activities, so its id does not follow the window read', () => {
    // b ends in week 10 and c starts in week 11: two sets of activities over full time.
    const items = [base(30), item({ id: 'b', hoursPerWeek: 10.5, endDate: day(W10, 6) }), item({ id: 'c', hoursPerWeek: 12, startDate: W11 })];
    expect(found('OVER_FULL_TIME', items, NO_CONTEXT, WINDOW)).toEqual([
      { ids: ['b', 'base'], weeks: [W10] },
      { ids: ['base', 'c'], weeks: [W11, W12, W13] },
    ]);
    // Read from week 12 on, the second is the same conflict: the same activities, fewer weeks.
    const later = findConflicts(items, NO_CONTEXT, { from: W12, to: WINDOW.to });
    expect(later.map(conflictId)).toEqual([conflictId(findConflicts(items, NO_CONTEXT, WINDOW)[1])]);
  });
});

describe('OVER_FULL_TIME with an Arbetsförmedlingen programme', () => {
  const placement = (hours: number, extra: Partial<Spec> = {}) => item({ id: 'placement', hoursPerWeek: hours, ...extra });
  const sfi = (hours: number, extra: Partial<Spec> = {}) => item({ id: 'sfi', agency: 'SFI', hoursPerWeek: hours, ...extra });
  const afOwn = (hours: number, extra: Partial<Spec> = {}) => item({ id: 'af', agency: 'ARBETSFORMEDLINGEN', kind: 'CIVIC_ORIENTATION', hoursPerWeek: hours, partOf: PROGRAMME, ...extra });
  const ALL = [W10, W11, W12, W13];

  it.each<[string, PlannedItem[], { ids: string[]; weeks: string[] }[], object?]>([
    ['a full-time programme and an 8 h Jobbtorg placement (48 h)', [programme(100), placement(8)], [{ ids: [PROGRAMME, 'placement'], weeks: ALL }]],
    ['a full-time programme alone is exactly full time', [programme(100)], []],
    ['a 50 % programme, Sfi part of it and a 20 h placement: Sfi counts within the programme (40 h)', [programme(50), sfi(15, { partOf: PROGRAMME }), placement(20)], []],
    ['the same Sfi outside the programme comes on top (20 + 15 + 20 h)', [programme(50), sfi(15), placement(20)], [{ ids: [PROGRAMME, 'placement', 'sfi'], weeks: ALL }]],
    ['Sfi part of a 50 % programme beyond its extent: the programme counts its parts (30 + 20 h)', [programme(50), sfi(30, { partOf: PROGRAMME }), placement(20)], [{ ids: [PROGRAMME, 'placement', 'sfi'], weeks: ALL }]],
    [
      'a programme that ends on the Wednesday of week 12 counts 3 of 5 days that week (24 + 8 h)',
      [programme(100, { endDate: day(W12, 2) }), placement(8)],
      [{ ids: [PROGRAMME, 'placement'], weeks: [W10, W11] }],
    ],
    ['a programme that ends on the Friday of week 12 counts that week in full', [programme(100, { endDate: day(W12, 4) }), placement(8)], [{ ids: [PROGRAMME, 'placement'], weeks: [W10, W11, W12] }]],
    ['a programme that starts in week 12', [programme(100, { startDate: W12 }), placement(8)], [{ ids: [PROGRAMME, 'placement'], weeks: [W12, W13] }]],
    ['Arbetsförmedlingen\u2019s own activities within its extent add nothing (20 + 20 h)', [programme(50), afOwn(15), placement(20)], []],
    ['Arbetsförmedlingen\u2019s own activities beyond a 50 % programme\u2019s extent (30 + 12 h)', [programme(50), afOwn(30), placement(12)], [{ ids: ['af', PROGRAMME, 'placement'], weeks: ALL }]],
    ['Arbetsförmedlingen\u2019s own activities alone beyond full time', [programme(50), afOwn(45)], [{ ids: ['af', PROGRAMME], weeks: ALL }]],
    [
      'a part on days the programme does not run counts on its own',
      [programme(100, { endDate: day(W11, 6) }), sfi(15, { partOf: PROGRAMME, startDate: W12 }), placement(30, { startDate: W12 })],
      [{ ids: ['placement', 'sfi'], weeks: [W12, W13] }],
    ],
    ['a part of a programme the reader does not see counts on its own', [sfi(15, { partOf: 'partners:programme:9' }), placement(30)], [{ ids: ['placement', 'sfi'], weeks: ALL }]],
    ['its extent of the reader\u2019s full time, not its hours a week', [programme(100, { hoursPerWeek: 10 }), placement(8)], [{ ids: [PROGRAMME, 'placement'], weeks: ALL }]],
    ['50 % of a 30-hour full time is 15 h (15 + 16 h)', [programme(50), placement(16)], [{ ids: [PROGRAMME, 'placement'], weeks: ALL }], { fullTimeHours: 30 }],
    ['the same of 40 hours is 20 h (20 + 16 h)', [programme(50), placement(16)], []],
  ])('%s', (_, items, expected, options = {}) => {
    expect(found('OVER_FULL_TIME', items, NO_CONTEXT, WINDOW, options)).toEqual(expected);
  });

  it('names the programme with its extent, and what counts within it, in Swedish', () => {
    const items = [
      programme(50),
      item({ id: 'jobbtorg:intervention:3', title: 'Praktik på förskola', hoursPerWeek: 20 }),
      afOwn(10, { id: 'partners:activity:2', title: 'Samhällsorientering' }),
      sfi(15, { id: 'partners:sfi:4', title: 'Sfi kurs B', provider: 'Sfi Stockholm Kista', partOf: PROGRAMME }),
    ];
    const [conflict] = findConflicts(items, NO_CONTEXT, WINDOW).filter((c) => c.kind === 'OVER_FULL_TIME');
    expect(conflict).toMatchObject({ agencies: ['JOBBTORG', 'ARBETSFORMEDLINGEN', 'SFI'], hoursByWeek: [W10, W11, W12, W13].map((week) => ({ week, hours: 45 })) });
    expect(conflict.message).toBe(
      'Sammanlagt 45 timmar i veckan, mer än heltid (40 timmar), vecka 10–13: Etableringsprogrammet på 50 % (Arbetsförmedlingen), ' +
        'Praktik på förskola (Jobbtorg), Samhällsorientering (Arbetsförmedlingen) inom Etableringsprogrammet och ' +
        'Sfi kurs B (Sfi Stockholm Kista) inom Etableringsprogrammet.',
    );
    const [fullTime] = findConflicts([programme(100), items[1]], NO_CONTEXT, WINDOW);
    expect(fullTime.message).toBe(
      'Sammanlagt 60 timmar i veckan, mer än heltid (40 timmar), vecka 10–13: Etableringsprogrammet på heltid (Arbetsförmedlingen) och Praktik på förskola (Jobbtorg).',
    );
  });

  it('is in no other rule: a programme has no times, and no other agency plans one', () => {
    const other = programme(100, { id: 'partners:programme:2', kind: 'JOB_AND_DEVELOPMENT_GUARANTEE', title: 'Jobb- och utvecklingsgarantin' });
    expect(findConflicts([programme(50), item({ id: 'af', agency: 'ARBETSFORMEDLINGEN', kind: 'JOB_SEARCH', schedule: MON_FRI('08:00', '17:00') })], NO_CONTEXT, WINDOW)).toEqual([]);
    expect(found('DUPLICATE_KIND', [programme(50), other])).toEqual([]);
  });
});

describe('DUPLICATE_KIND', () => {
  it.each<[string, PlannedItem[], { ids: string[]; weeks: string[] }[]]>([
    ['a placement from Jobbtorg and one from Arbetsförmedlingen', [item({ id: 'jt' }), item({ id: 'af', agency: 'ARBETSFORMEDLINGEN', startDate: W12 })], [{ ids: ['af', 'jt'], weeks: [W12, W13] }]],
    ['job search from both', [item({ id: 'jt', kind: 'ACTIVE_JOB_SEARCH' }), item({ id: 'af', agency: 'ARBETSFORMEDLINGEN', kind: 'JOB_SEARCH' })], [{ ids: ['af', 'jt'], weeks: [W10, W11, W12, W13] }]],
    ['a vocational course and labour-market training', [item({ id: 'jt', kind: 'VOCATIONAL_COURSE' }), item({ id: 'af', agency: 'ARBETSFORMEDLINGEN', kind: 'LABOUR_MARKET_TRAINING' })], [{ ids: ['af', 'jt'], weeks: [W10, W11, W12, W13] }]],
    ['the same agency twice is not a duplicate', [item({ id: 'a' }), item({ id: 'b' })], []],
    ['different categories', [item({ id: 'jt' }), item({ id: 'af', agency: 'ARBETSFORMEDLINGEN', kind: 'VALIDATION' })], []],
    ['Sfi beside a communication course: complementary, not the same', [item({ id: 'sfi', agency: 'SFI' }), item({ id: 'jt', kind: 'COMMUNICATION_COURSE' })], []],
    [
      'a communication course beside language support at the workplace: a course and support on the job',
      [item({ id: 'jt', kind: 'COMMUNICATION_COURSE' }), item({ id: 'es', agency: 'ETABLERING_PROVIDER', kind: 'WORKPLACE_LANGUAGE_SUPPORT' })],
      [],
    ],
    ['one ends Sunday, the other starts Monday', [item({ id: 'jt', endDate: day(W11, 6) }), item({ id: 'af', agency: 'ARBETSFORMEDLINGEN', startDate: W12 })], []],
    ['one ends the day the other starts', [item({ id: 'jt', endDate: day(W11, 4) }), item({ id: 'af', agency: 'ARBETSFORMEDLINGEN', startDate: day(W11, 4) })], [{ ids: ['af', 'jt'], weeks: [W11] }]],
    ['both open-ended', [item({ id: 'jt', endDate: null }), item({ id: 'af', agency: 'ARBETSFORMEDLINGEN', startDate: '2024-01-01', endDate: null })], [{ ids: ['af', 'jt'], weeks: [W10, W11, W12, W13] }]],
    ['one entirely outside the window', [item({ id: 'jt' }), item({ id: 'af', agency: 'ARBETSFORMEDLINGEN', startDate: '2025-05-05', endDate: '2025-06-01' })], []],
  ])('%s', (_, items, expected) => {
    expect(found('DUPLICATE_KIND', items)).toEqual(expected);
  });

  it('names the category and both agencies in Swedish', () => {
    const [conflict] = findConflicts(
      [item({ id: 'jt', title: 'Praktik på Coop' }), item({ id: 'af', agency: 'ARBETSFORMEDLINGEN', title: 'Arbetspraktik inom handel', startDate: W13 })],
      NO_CONTEXT,
      WINDOW,
    );
    expect(conflict).toMatchObject({ kind: 'DUPLICATE_KIND', category: 'WORK_PLACEMENT', agencies: ['JOBBTORG', 'ARBETSFORMEDLINGEN'] });
    expect(conflict.message).toBe(
      'Arbetspraktik inom handel (Arbetsförmedlingen) och Praktik på Coop (Jobbtorg) är båda praktik, planerade av både Jobbtorg och Arbetsförmedlingen vecka 13.',
    );
  });
});

describe('CONTRADICTING_GOALS', () => {
  const running = (extentPercent: number, startDate = '2024-09-02', endDate: string | null = '2026-08-31') => programme(extentPercent, { startDate, endDate });
  const fullTimePlacement = item({ id: 'jt', hoursPerWeek: 40, startDate: W12 });

  it.each<[string, PlannedItem[], { ids: string[]; weeks: string[] }[]]>([
    ['a full-time programme beside a full-time Jobbtorg placement', [running(100), fullTimePlacement], [{ ids: ['jt', PROGRAMME], weeks: [W12, W13] }]],
    ['an open-ended programme', [running(100, '2025-01-01', null), fullTimePlacement], [{ ids: ['jt', PROGRAMME], weeks: [W12, W13] }]],
    ['a programme at half time', [running(50), fullTimePlacement], []],
    ['a placement under full time', [running(100), item({ id: 'jt', hoursPerWeek: 39.5 })], []],
    ['Arbetsförmedlingen\u2019s own full-time activity', [running(100), item({ id: 'af', agency: 'ARBETSFORMEDLINGEN', hoursPerWeek: 40 })], []],
    ['a programme that ended the Sunday before', [running(100, '2024-09-02', day(W11, 6)), fullTimePlacement], []],
    ['no programme', [fullTimePlacement], []],
    [
      'a full-time service recorded as part of the programme: one plan, not two',
      [running(100), item({ id: 'es', agency: 'ETABLERING_PROVIDER', kind: 'WORKING_LIFE_INTRODUCTION', hoursPerWeek: 40, partOf: PROGRAMME })],
      [],
    ],
  ])('%s', (_, items, expected) => {
    expect(found('CONTRADICTING_GOALS', items)).toEqual(expected);
  });

  const closedCase = (reason: 'WORK' | 'STUDIES', closedOn: string): JobbtorgCaseFacts => ({
    id: 'jobbtorg:case:1',
    enrolledOn: '2024-10-01',
    jobbgaranti: { deadline: '2024-10-08', planEstablishedOn: '2024-10-07', status: 'KEPT' },
    closure: { closedOn, reason },
  });
  const daytimeSfi = item({ id: 'sfi', agency: 'SFI', schedule: [slot('MONDAY', '09:00', '12:00')] });
  const closedToWork = { jobbtorgCases: [closedCase('WORK', day(W11, 2))] };

  it.each<[string, PlannedItem[], PlanContext, { ids: string[]; weeks: string[] }[]]>([
    ['daytime Sfi after a closure to work', [daytimeSfi], closedToWork, [{ ids: ['sfi', 'jobbtorg:case:1'], weeks: [W11, W12, W13] }]],
    ['labour-market training at unknown times after it', [item({ id: 'af', agency: 'ARBETSFORMEDLINGEN', kind: 'LABOUR_MARKET_TRAINING', startDate: W13 })], closedToWork, [{ ids: ['af', 'jobbtorg:case:1'], weeks: [W13] }]],
    ['evening Sfi for those who work', [item({ id: 'sfi', agency: 'SFI', schedule: [slot('MONDAY', '17:30', '20:30'), slot('WEDNESDAY', '17:30', '20:30')] })], closedToWork, []],
    ['Saturday Sfi', [item({ id: 'sfi', agency: 'SFI', schedule: [slot('SATURDAY', '09:00', '12:00')] })], closedToWork, []],
    ['studies that ended on the day of closure', [item({ ...daytimeSfi, endDate: day(W11, 2) })], closedToWork, []],
    ['a closure to studies', [daytimeSfi], { jobbtorgCases: [closedCase('STUDIES', day(W11, 2))] }, []],
    ['not studies: a placement after a closure to work', [item({ id: 'p', agency: 'ARBETSFORMEDLINGEN' })], closedToWork, []],
    [
      'enrolled again: only until the new enrolment',
      [daytimeSfi],
      {
        jobbtorgCases: [
          closedCase('WORK', day(W10, 2)),
          { id: 'jobbtorg:case:2', enrolledOn: W12, jobbgaranti: { deadline: day(W12, 4), planEstablishedOn: W12, status: 'KEPT' }, closure: null },
        ],
      },
      [{ ids: ['sfi', 'jobbtorg:case:1'], weeks: [W10, W11] }],
    ],
  ])('%s', (_, items, context, expected) => {
    expect(found('CONTRADICTING_GOALS', items, context)).toEqual(expected);
  });

  it('says it in Swedish', () => {
    const placement = item({ id: 'jt', title: 'Praktik på ICA Kvantum', hoursPerWeek: 40, startDate: W12 });
    const sfi = item({ ...daytimeSfi, title: 'Sfi kurs B', provider: 'Sfi Stockholm Kista', startDate: W13 });
    const messages = findConflicts([placement, sfi, running(100)], { jobbtorgCases: [closedCase('WORK', day(W12, 4))] }, WINDOW)
      .filter((c) => c.kind === 'CONTRADICTING_GOALS')
      .map((c) => [(c as { reason: string }).reason, c.agencies, c.message]);
    expect(messages).toEqual([
      [
        'FULL_TIME_PROGRAMME_AND_FULL_TIME_ACTIVITY',
        ['JOBBTORG', 'ARBETSFORMEDLINGEN'],
        'Etableringsprogrammet (Arbetsförmedlingen) är på heltid, men Praktik på ICA Kvantum (Jobbtorg) planeras också på heltid vecka 12–13.',
      ],
      [
        'STUDIES_AFTER_CLOSURE_TO_WORK',
        ['JOBBTORG', 'SFI'],
        'Jobbtorg avslutade ärendet 2025-03-21 till arbete, men Sfi kurs B (Sfi Stockholm Kista) planeras på arbetstid därefter vecka 13.',
      ],
    ]);
  });
});

describe('JOBBGARANTI_BREACHED', () => {
  const caseWith = (jobbgaranti: JobbtorgCaseFacts['jobbgaranti'], closedOn: string | null = null): PlanContext => ({
    jobbtorgCases: [{ id: 'jobbtorg:case:9', enrolledOn: day(W10, -4), jobbgaranti, closure: closedOn ? { closedOn, reason: 'UNKNOWN' } : null }],
  });
  const deadline = day(W11, 1);

  it.each<[string, PlanContext, string[][], string | null]>([
    ['a plan that came late: until it came', caseWith({ deadline, planEstablishedOn: day(W12, 0), status: 'BREACHED' }), [[W11, W12]], 'Jobbgarantin bröts: jobbplanen skulle ha funnits senast 2025-03-11, men kom 2025-03-17.'],
    ['no plan yet: on to the end of the window', caseWith({ deadline, planEstablishedOn: null, status: 'BREACHED' }), [[W11, W12, W13]], 'Jobbgarantin bröts: jobbplanen skulle ha funnits senast 2025-03-11, men finns inte än.'],
    [
      'no plan, case closed: until the closure',
      caseWith({ deadline, planEstablishedOn: null, status: 'BREACHED' }, day(W12, 2)),
      [[W11, W12]],
      'Jobbgarantin bröts: jobbplanen skulle ha funnits senast 2025-03-11, men kom aldrig (ärendet avslutades 2025-03-19).',
    ],
    ['a deadline on Sunday, the plan on Monday: the Monday\u2019s week only', caseWith({ deadline: day(W11, 6), planEstablishedOn: W12, status: 'BREACHED' }), [[W12]], null],
    ['kept', caseWith({ deadline, planEstablishedOn: deadline, status: 'KEPT' }), [], null],
    ['pending', caseWith({ deadline, planEstablishedOn: null, status: 'PENDING' }), [], null],
    ['broken before the window, the plan came before it', caseWith({ deadline: '2025-01-10', planEstablishedOn: '2025-02-03', status: 'BREACHED' }), [], null],
  ])('%s', (_, context, weeks, message) => {
    const conflicts = findConflicts([], context, WINDOW);
    expect(conflicts.map((c) => c.weeks)).toEqual(weeks);
    conflicts.forEach((c) => expect(c).toMatchObject({ kind: 'JOBBGARANTI_BREACHED', activityIds: [], contextIds: ['jobbtorg:case:9'], agencies: ['JOBBTORG'] }));
    if (message) expect(conflicts[0].message).toBe(message);
  });
});

describe('the window and the order', () => {
  it('takes in the whole weeks the window touches (a Wednesday start reaches back to Monday)', () => {
    expect(weeksOf({ from: day(W10, 2), to: day(W11, 0) })).toEqual([W10, W11]);
    expect(weeksOf({ from: day(W10, 6), to: day(W10, 6) })).toEqual([W10]);
  });

  it('sees an activity that ends on the Monday of a window starting Wednesday', () => {
    const monday = { endDate: W10, schedule: [slot('MONDAY', '09:00', '12:00')] };
    expect(found('SLOT_OVERLAP', [item({ id: 'a', ...monday }), item({ id: 'b', ...monday })], NO_CONTEXT, { from: day(W10, 2), to: day(W10, 4) })).toEqual([
      { ids: ['a', 'b'], weeks: [W10] },
    ]);
  });

  it('sorts by first week, then kind, then ids', () => {
    const tuesday = [slot('TUESDAY', '09:00', '12:00')];
    const items = [
      item({ id: 'c', agency: 'ARBETSFORMEDLINGEN', startDate: W12, hoursPerWeek: 20, schedule: tuesday }),
      item({ id: 'b', startDate: W11, hoursPerWeek: 25, schedule: tuesday }),
      item({ id: 'a', hoursPerWeek: 20, schedule: tuesday }),
    ];
    const order = findConflicts(items, NO_CONTEXT, WINDOW).map((c) => `${c.weeks[0]} ${c.kind} ${c.activityIds.join(',')}`);
    expect(order).toEqual([
      `${W11} SLOT_OVERLAP a,b`,
      `${W11} OVER_FULL_TIME a,b`,
      `${W12} SLOT_OVERLAP a,c`,
      `${W12} SLOT_OVERLAP b,c`,
      `${W12} OVER_FULL_TIME a,b,c`,
      `${W12} DUPLICATE_KIND a,c`,
      `${W12} DUPLICATE_KIND b,c`,
    ]);
    expect(findConflicts([...items].reverse(), NO_CONTEXT, WINDOW)).toEqual(findConflicts(items, NO_CONTEXT, WINDOW));
  });

  it.each([
    ['an id given twice', () => findConflicts([item({ id: 'a' }), item({ id: 'a' })], NO_CONTEXT, WINDOW), RangeError],
    ['a window that ends before it starts', () => findConflicts([], NO_CONTEXT, { from: W11, to: W10 }), RangeError],
    ['full time of 0 hours', () => findConflicts([], NO_CONTEXT, WINDOW, { fullTimeHours: 0 }), RangeError],
    ['a programme without an extent', () => findConflicts([programme(100, { extentPercent: null })], NO_CONTEXT, WINDOW), RangeError],
    ['a programme beyond full time', () => findConflicts([programme(120)], NO_CONTEXT, WINDOW), RangeError],
    ['a date that is not one', () => findConflicts([item({ id: 'a', startDate: '2025-02-30' })], NO_CONTEXT, WINDOW), Error],
  ])('refuses %s', (_, call, error) => {
    expect(call).toThrow(error);
  });
});

describe('weeks in Swedish', () => {
  it.each([
    [[W10], 'vecka 10'],
    [[W10, W11, W12], 'vecka 10–12'],
    [[W10, W12, W13], 'vecka 10 och 12–13'],
    [['2025-12-22', '2025-12-29', '2026-01-05'], 'vecka 52 2025 och 1–2 2026'],
    [['2020-12-21', '2020-12-28'], 'vecka 52–53'],
  ])('%j is %s', (mondays, text) => {
    expect(describeWeeks(mondays)).toBe(text);
  });

  it('numbers ISO weeks, the year going by the Thursday', () => {
    expect(isoWeek('2025-12-29')).toEqual({ year: 2026, week: 1 });
    expect(isoWeek('2020-12-28')).toEqual({ year: 2020, week: 53 });
    expect(isoWeek('2024-12-30')).toEqual({ year: 2025, week: 1 });
    expect(isoWeek(W10)).toEqual({ year: 2025, week: 10 });
  });
});
