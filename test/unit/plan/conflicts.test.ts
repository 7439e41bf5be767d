import { addDays } from '../../../lib/scalars/calendar';
import { WeeklySlot } from '../../../lib/schedule';
import { Agency, categoryOf, JobbtorgCaseFacts, KindsByAgency, PlanContext, PlannedItem, PlannedItemOf } from '../../../lib/plan/activity';
import { Conflict, findConflicts } from '../../../lib/plan/conflicts';
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
const NO_CONTEXT: PlanContext = { jobbtorgCases: [], afProgrammes: [] };

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
    ...spec,
    agency,
    kind,
    category: categoryOf(agency, kind as never),
  } as PlannedItem;
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
    const [conflict] = findConflicts([base(30), item({ id: 'b', hoursPerWeek: 10.5, endDate: day(W10, 6) }), item({ id: 'c', hoursPerWeek: 12, startDate: W11 })], NO_CONTEXT, WINDOW);
    expect(conflict.message).toMatch(/^Sammanlagt upp till 42 timmar i veckan, mer än heltid \(40 timmar\), vecka 10–13:/);
    expect((conflict as { hoursByWeek: unknown }).hoursByWeek).toEqual([
      { week: W10, hours: 40.5 },
      { week: W11, hours: 42 },
      { week: W12, hours: 42 },
      { week: W13, hours: 42 },
    ]);
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
  const programme = (extentPercent: number, from: string | null = '2024-09-02', to: string | null = '2026-08-31') => ({
    id: 'af:registration:1',
    programme: 'ESTABLISHMENT_PROGRAMME' as const,
    from,
    to,
    extentPercent,
  });
  const withProgramme = (p: ReturnType<typeof programme>): PlanContext => ({ jobbtorgCases: [], afProgrammes: [p] });
  const fullTimePlacement = item({ id: 'jt', hoursPerWeek: 40, startDate: W12 });

  it.each<[string, PlannedItem[], PlanContext, { ids: string[]; weeks: string[] }[]]>([
    ['a full-time programme beside a full-time Jobbtorg placement', [fullTimePlacement], withProgramme(programme(100)), [{ ids: ['jt', 'af:registration:1'], weeks: [W12, W13] }]],
    ['an open-ended programme', [fullTimePlacement], withProgramme(programme(100, '2025-01-01', null)), [{ ids: ['jt', 'af:registration:1'], weeks: [W12, W13] }]],
    ['a programme at half time', [fullTimePlacement], withProgramme(programme(50)), []],
    ['a placement under full time', [item({ id: 'jt', hoursPerWeek: 39.5 })], withProgramme(programme(100)), []],
    ['Arbetsförmedlingen\u2019s own full-time activity', [item({ id: 'af', agency: 'ARBETSFORMEDLINGEN', hoursPerWeek: 40 })], withProgramme(programme(100)), []],
    ['a programme that ended the Sunday before', [fullTimePlacement], withProgramme(programme(100, '2024-09-02', day(W11, 6))), []],
    ['registered with no programme', [fullTimePlacement], withProgramme({ ...programme(0, null, null), programme: 'NONE' } as never), []],
  ])('%s', (_, items, context, expected) => {
    expect(found('CONTRADICTING_GOALS', items, context)).toEqual(expected);
  });

  const closedCase = (reason: 'WORK' | 'STUDIES', closedOn: string): JobbtorgCaseFacts => ({
    id: 'jobbtorg:case:1',
    enrolledOn: '2024-10-01',
    jobbgaranti: { deadline: '2024-10-08', planEstablishedOn: '2024-10-07', status: 'KEPT' },
    closure: { closedOn, reason },
  });
  const daytimeSfi = item({ id: 'sfi', agency: 'SFI', schedule: [slot('MONDAY', '09:00', '12:00')] });
  const closedToWork = { jobbtorgCases: [closedCase('WORK', day(W11, 2))], afProgrammes: [] };

  it.each<[string, PlannedItem[], PlanContext, { ids: string[]; weeks: string[] }[]]>([
    ['daytime Sfi after a closure to work', [daytimeSfi], closedToWork, [{ ids: ['sfi', 'jobbtorg:case:1'], weeks: [W11, W12, W13] }]],
    ['labour-market training at unknown times after it', [item({ id: 'af', agency: 'ARBETSFORMEDLINGEN', kind: 'LABOUR_MARKET_TRAINING', startDate: W13 })], closedToWork, [{ ids: ['af', 'jobbtorg:case:1'], weeks: [W13] }]],
    ['evening Sfi for those who work', [item({ id: 'sfi', agency: 'SFI', schedule: [slot('MONDAY', '17:30', '20:30'), slot('WEDNESDAY', '17:30', '20:30')] })], closedToWork, []],
    ['Saturday Sfi', [item({ id: 'sfi', agency: 'SFI', schedule: [slot('SATURDAY', '09:00', '12:00')] })], closedToWork, []],
    ['studies that ended on the day of closure', [item({ ...daytimeSfi, endDate: day(W11, 2) })], closedToWork, []],
    ['a closure to studies', [daytimeSfi], { jobbtorgCases: [closedCase('STUDIES', day(W11, 2))], afProgrammes: [] }, []],
    ['not studies: a placement after a closure to work', [item({ id: 'p', agency: 'ARBETSFORMEDLINGEN' })], closedToWork, []],
    [
      'enrolled again: only until the new enrolment',
      [daytimeSfi],
      {
        jobbtorgCases: [
          closedCase('WORK', day(W10, 2)),
          { id: 'jobbtorg:case:2', enrolledOn: W12, jobbgaranti: { deadline: day(W12, 4), planEstablishedOn: W12, status: 'KEPT' }, closure: null },
        ],
        afProgrammes: [],
      },
      [{ ids: ['sfi', 'jobbtorg:case:1'], weeks: [W10, W11] }],
    ],
  ])('%s', (_, items, context, expected) => {
    expect(found('CONTRADICTING_GOALS', items, context)).toEqual(expected);
  });

  it('says it in Swedish', () => {
    const placement = item({ id: 'jt', title: 'Praktik på ICA Kvantum', hoursPerWeek: 40, startDate: W12 });
    const sfi = item({ ...daytimeSfi, title: 'Sfi kurs B', provider: 'Sfi Stockholm Kista', startDate: W13 });
    const messages = findConflicts([placement, sfi], { jobbtorgCases: [closedCase('WORK', day(W12, 4))], afProgrammes: [programme(100)] }, WINDOW)
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
    afProgrammes: [],
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
      `${W11} OVER_FULL_TIME a,b,c`,
      `${W12} SLOT_OVERLAP a,c`,
      `${W12} SLOT_OVERLAP b,c`,
      `${W12} DUPLICATE_KIND a,c`,
      `${W12} DUPLICATE_KIND b,c`,
    ]);
    expect(findConflicts([...items].reverse(), NO_CONTEXT, WINDOW)).toEqual(findConflicts(items, NO_CONTEXT, WINDOW));
  });

  it.each([
    ['an id given twice', () => findConflicts([item({ id: 'a' }), item({ id: 'a' })], NO_CONTEXT, WINDOW), RangeError],
    ['a window that ends before it starts', () => findConflicts([], NO_CONTEXT, { from: W11, to: W10 }), RangeError],
    ['full time of 0 hours', () => findConflicts([], NO_CONTEXT, WINDOW, { fullTimeHours: 0 }), RangeError],
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
