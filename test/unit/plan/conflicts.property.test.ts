import fc from 'fast-check';
import { addDays, mondayOf } from '../../../lib/scalars/calendar';
import { WEEKDAYS, WeeklySlot } from '../../../lib/schedule';
import { Agency, AGENCIES, CATEGORIES, categoryOf, isProgramme, JobbtorgCaseFacts, PlanContext, PlannedItem } from '../../../lib/plan/activity';
import { Conflict, findConflicts } from '../../../lib/plan/conflicts';
import { PlanWindow, weeksOf } from '../../../lib/plan/weeks';

/*
 * Properties of the conflict rules over random plans: dates within a few months of one
 * another, so that activities, windows and facts meet often; hours on the half hour up to
 * 45, so that full time is crossed both ways; slots on the hour, so that touching slots
 * are common. Arbetsförmedlingen's kinds include its programmes, at an extent of their own,
 * and other activities are now and then part of one of the plan's programmes (or of one the
 * reader does not see).
 */

const BASE = '2025-01-01';
const date = (from: number, to: number) => fc.integer({ min: from, max: to }).map((n) => addDays(BASE, n));

const slotArb: fc.Arbitrary<WeeklySlot> = fc
  .record({ weekday: fc.constantFrom(...WEEKDAYS), start: fc.integer({ min: 7, max: 19 }), length: fc.integer({ min: 1, max: 4 }) })
  .map(({ weekday, start, length }) => ({ weekday, startTime: hour(start), endTime: hour(start + length) }));

function hour(h: number): string {
  return `${String(h).padStart(2, '0')}:00`;
}

const itemArb: fc.Arbitrary<Omit<PlannedItem, 'id'>> = fc
  .record({
    // Mostly Jobbtorg and Arbetsförmedlingen and their first kinds, which share categories, so that duplicates are common.
    agency: fc.oneof({ arbitrary: fc.constantFrom<Agency>('JOBBTORG', 'ARBETSFORMEDLINGEN'), weight: 2 }, { arbitrary: fc.constantFrom(...AGENCIES), weight: 1 }),
    kindIndex: fc.oneof(fc.nat({ max: 2 }), fc.nat()),
    startDate: date(0, 120),
    // A negative length is an activity ended before its start.
    length: fc.option(fc.integer({ min: -3, max: 90 }), { nil: null }),
    halfHours: fc.integer({ min: 0, max: 90 }),
    schedule: fc.array(slotArb, { maxLength: 4 }),
    extentPercent: fc.constantFrom(25, 50, 100),
  })
  .map(({ agency, kindIndex, startDate, length, halfHours, schedule, extentPercent }) => {
    const kinds = Object.keys(CATEGORIES[agency]);
    const kind = kinds[kindIndex % kinds.length];
    const category = categoryOf(agency as Agency, kind as never);
    return {
      agency,
      kind,
      category,
      title: `${agency} ${kind}`,
      startDate,
      endDate: length === null ? null : addDays(startDate, length),
      hoursPerWeek: halfHours / 2,
      // A programme has no times; its hours a week are whatever it says, the rules count its extent.
      schedule: category === 'PROGRAMME' ? [] : schedule,
      status: 'PLANNED',
      extentPercent: category === 'PROGRAMME' ? extentPercent : null,
      partOf: null,
    } as Omit<PlannedItem, 'id'>;
  });

/** Where `link` puts an item: in one of the `programmes`, in one the reader does not see, or (null) in none. */
function partOfBy(link: number | null, programmes: readonly string[]): string | null {
  if (link === null) return null;
  return programmes[link % (programmes.length + 1)] ?? 'programme:unseen';
}

const itemsArb = fc
  .record({ items: fc.array(itemArb, { maxLength: 8 }), links: fc.array(fc.option(fc.nat(), { nil: null }), { maxLength: 8 }) })
  .map(({ items, links }) => {
    const plan = items.map((item, i) => ({ ...item, id: `item:${i}` }) as PlannedItem);
    const programmes = plan.filter(isProgramme).map((p) => p.id);
    return plan.map((item, i) => (isProgramme(item) ? item : { ...item, partOf: partOfBy(links[i] ?? null, programmes) }));
  });

const caseArb: fc.Arbitrary<Omit<JobbtorgCaseFacts, 'id'>> = fc
  .record({
    enrolledOn: date(-30, 120),
    planAfter: fc.option(fc.integer({ min: 0, max: 20 }), { nil: null }),
    status: fc.constantFrom('PENDING' as const, 'KEPT' as const, 'BREACHED' as const),
    closure: fc.option(fc.record({ after: fc.integer({ min: 0, max: 90 }), reason: fc.constantFrom('WORK' as const, 'STUDIES' as const, 'OTHER' as const) }), { nil: null }),
  })
  .map(({ enrolledOn, planAfter, status, closure }) => ({
    enrolledOn,
    jobbgaranti: { deadline: addDays(enrolledOn, 7), planEstablishedOn: planAfter === null ? null : addDays(enrolledOn, planAfter), status },
    closure: closure && { closedOn: addDays(enrolledOn, closure.after), reason: closure.reason },
  }));

const contextArb: fc.Arbitrary<PlanContext> = fc
  .array(caseArb, { maxLength: 2 })
  .map((cases) => ({ jobbtorgCases: cases.map((c, i) => ({ ...c, id: `case:${i}` })) }));

const windowArb: fc.Arbitrary<PlanWindow> = fc
  .record({ from: date(-20, 150), days: fc.integer({ min: 0, max: 120 }) })
  .map(({ from, days }) => ({ from, to: addDays(from, days) }));

const planArb = fc.record({ items: itemsArb, context: contextArb, window: windowArb, fullTimeHours: fc.constantFrom(40, 30) });

/** `list` in an order drawn from `keys` (one key an element; missing keys count as 0). */
function reorder<T>(list: readonly T[], keys: readonly number[]): T[] {
  return list
    .map((value, i) => ({ value, key: keys[i] ?? 0, i }))
    .sort((a, b) => a.key - b.key || b.i - a.i)
    .map((x) => x.value);
}

const subset = (a: readonly string[], b: readonly string[]) => a.every((x) => b.includes(x));

/**
 * Whether `before` has a conflict of the same kind that covers `after`: the same facts and at
 * least its activities (but for those in `newly`) and weeks.
 */
function coveredBy(after: Conflict, before: readonly Conflict[], newly: readonly string[] = []): boolean {
  const covers = (c: Conflict, weeks: readonly string[]) =>
    c.kind === after.kind &&
    c.contextIds.join() === after.contextIds.join() &&
    subset(after.activityIds, [...c.activityIds, ...newly]) &&
    subset(weeks, c.weeks);
  // Runs of weeks over full time end where the set of activities changes, so taking one
  // away may join two runs into one: each of its weeks was over full time before.
  if (after.kind === 'OVER_FULL_TIME') return after.weeks.every((week) => before.some((c) => covers(c, [week])));
  return before.some((c) => covers(c, after.weeks));
}

describe('the conflicts of a plan', () => {
  it('do not depend on the order of the activities, their slots or the facts', () => {
    fc.assert(
      fc.property(planArb, fc.array(fc.integer(), { maxLength: 20 }), ({ items, context, window, fullTimeHours }, keys) => {
        const shuffled = reorder(items, keys).map((item, i) => ({ ...item, schedule: reorder(item.schedule, keys.slice(i)) }));
        const shuffledContext = { jobbtorgCases: reorder(context.jobbtorgCases, keys) };
        expect(findConflicts(shuffled, shuffledContext, window, { fullTimeHours })).toEqual(findConflicts(items, context, window, { fullTimeHours }));
      }),
      { numRuns: 300 },
    );
  });

  it('never gain a conflict when an activity is removed', () => {
    fc.assert(
      fc.property(planArb, fc.nat(), ({ items, context, window, fullTimeHours }, pick) => {
        fc.pre(items.length > 0);
        const before = findConflicts(items, context, window, { fullTimeHours });
        const removed = items[pick % items.length].id;
        const after = findConflicts(
          items.filter((item) => item.id !== removed),
          context,
          window,
          { fullTimeHours },
        );
        for (const conflict of after) expect(coveredBy(conflict, before)).toBe(true);
      }),
      { numRuns: 300 },
    );
  });

  it('name only weeks of the window, each a Monday, ascending and at least one', () => {
    fc.assert(
      fc.property(planArb, ({ items, context, window, fullTimeHours }) => {
        for (const conflict of findConflicts(items, context, window, { fullTimeHours })) {
          expect(conflict.weeks.length).toBeGreaterThan(0);
          expect([...new Set(conflict.weeks)].sort()).toEqual(conflict.weeks);
          for (const week of conflict.weeks) {
            expect(mondayOf(week)).toBe(week);
            expect(week >= mondayOf(window.from) && week <= window.to).toBe(true);
          }
        }
      }),
      { numRuns: 300 },
    );
  });

  it('name at least one activity or fact of the input, and nothing else', () => {
    fc.assert(
      fc.property(planArb, ({ items, context, window, fullTimeHours }) => {
        const ids = items.map((i) => i.id);
        const facts = context.jobbtorgCases.map((f) => f.id);
        for (const conflict of findConflicts(items, context, window, { fullTimeHours })) {
          expect(conflict.activityIds.length + conflict.contextIds.length).toBeGreaterThan(0);
          expect(subset(conflict.activityIds, ids)).toBe(true);
          expect(subset(conflict.contextIds, facts)).toBe(true);
          const agencies = new Set(items.filter((i) => conflict.activityIds.includes(i.id)).map((i) => i.agency));
          expect(subset([...agencies], conflict.agencies)).toBe(true);
        }
      }),
      { numRuns: 300 },
    );
  });

  it('never gain a conflict when an activity is recorded as part of a programme (which its hours may now name)', () => {
    fc.assert(
      fc.property(planArb, fc.nat(), fc.nat(), ({ items, context, window, fullTimeHours }, pickItem, pickProgramme) => {
        const programmes = items.filter(isProgramme);
        const outside = items.filter((i) => !isProgramme(i) && i.partOf === null);
        fc.pre(programmes.length > 0 && outside.length > 0);
        const part = outside[pickItem % outside.length].id;
        const programme = programmes[pickProgramme % programmes.length].id;
        const before = findConflicts(items, context, window, { fullTimeHours });
        const after = findConflicts(
          items.map((i) => (i.id === part ? { ...i, partOf: programme } : i)),
          context,
          window,
          { fullTimeHours },
        );
        for (const conflict of after) expect(coveredBy(conflict, before, [programme])).toBe(true);
      }),
      { numRuns: 300 },
    );
  });
});

describe('a programme in the weekly hours', () => {
  /** A programme that runs from well before the window to well after it. */
  const throughout = (window: PlanWindow, extentPercent: number, id = 'programme:throughout'): PlannedItem => ({
    id,
    agency: 'ARBETSFORMEDLINGEN',
    kind: 'ESTABLISHMENT_PROGRAMME',
    category: 'PROGRAMME',
    title: 'Etableringsprogrammet',
    startDate: addDays(window.from, -14),
    endDate: addDays(window.to, 14),
    hoursPerWeek: 0,
    schedule: [],
    status: 'ONGOING',
    extentPercent,
    partOf: null,
  });
  const overWeeks = (conflicts: readonly Conflict[]) => [...new Set(conflicts.filter((c) => c.kind === 'OVER_FULL_TIME').flatMap((c) => c.weeks))].sort();

  it('makes anything outside a full-time programme more than full time, in every week both run throughout', () => {
    fc.assert(
      fc.property(planArb, fc.integer({ min: 1, max: 80 }), ({ items, context, window, fullTimeHours }, halfHours) => {
        const programme = throughout(window, 100);
        const beside: PlannedItem = { ...programme, id: 'beside', agency: 'JOBBTORG', kind: 'WORK_PLACEMENT', category: 'WORK_PLACEMENT', hoursPerWeek: halfHours / 2, extentPercent: null };
        const conflicts = findConflicts([...items, programme, beside], context, window, { fullTimeHours });
        for (const week of weeksOf(window)) {
          const over = conflicts.filter((c) => c.kind === 'OVER_FULL_TIME' && c.weeks.includes(week));
          expect(over).toHaveLength(1);
          expect(over[0].activityIds).toEqual(expect.arrayContaining([programme.id, beside.id]));
        }
      }),
      { numRuns: 200 },
    );
  });

  it('with only its parts beside it, is more than full time in exactly the weeks its parts alone are', () => {
    fc.assert(
      fc.property(planArb, fc.constantFrom(25, 50, 100), ({ items, window, fullTimeHours }, extentPercent) => {
        const programme = throughout(window, extentPercent);
        const parts = items.filter((i) => !isProgramme(i)).map((i) => ({ ...i, partOf: programme.id }));
        const none = { jobbtorgCases: [] };
        expect(overWeeks(findConflicts([...parts, programme], none, window, { fullTimeHours }))).toEqual(overWeeks(findConflicts(parts, none, window, { fullTimeHours })));
      }),
      { numRuns: 300 },
    );
  });
});
