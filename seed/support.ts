import { addMonths } from '../lib/scalars/calendar';
import { addDays, stockholmInstant, workingDayOnOrAfter } from './clock';
import { PersonContext, workingTime } from './context';
import { EnrolmentOutcome } from './enrolment';
import * as figures from './figures';
import { Person } from './person';

/**
 * The person's monthly income-support decisions: one spell from the first application,
 * lasting as long as Jobbtorg's part says it does. An open case keeps the support going; a
 * closure ends it, and STAYS_OFF_SUPPORT_SHARE stay off, the rest return within months; a
 * no-show mostly costs the support.
 */
export function recordIncomeSupport(ctx: PersonContext, person: Person, enrolment: EnrolmentOutcome | null): void {
  const { random, until } = ctx;
  const lastMonth = until.slice(0, 7);
  const startMonth = person.spellStart.slice(0, 7);
  const [minMonths, maxMonths] = random.weighted(figures.SPELL_MONTHS);
  const naturalEnd = addMonths(startMonth, random.int(minMonths, maxMonths) - 1);
  const later = (a: string, b: string) => (a > b ? a : b);

  let end = naturalEnd;
  let refusedLast = false;
  let resumed: { from: string; to: string } | null = null;
  if (enrolment) {
    const meetingMonth = enrolment.meetingDay.slice(0, 7);
    if (enrolment.status === 'BOOKED' || (enrolment.status === 'ENROLLED' && !enrolment.closedOn)) {
      end = lastMonth;
    } else if (enrolment.status === 'ENROLLED' && enrolment.closedOn) {
      end = enrolment.closedOn.slice(0, 7);
      if (!random.chance(figures.STAYS_OFF_SUPPORT_SHARE)) {
        // Back within four months and for at least six: on support six months after closure.
        const from = addMonths(end, random.int(1, 4));
        resumed = { from, to: addMonths(from, random.int(5, 17)) };
      }
    } else if (enrolment.status === 'NO_SHOW' && random.chance(figures.NO_SHOW_STOPS_SUPPORT)) {
      end = addMonths(meetingMonth, 1);
      refusedLast = true;
    } else {
      end = later(naturalEnd, meetingMonth);
    }
  }

  const [minAmount, maxAmount] = random.weighted(figures.HOUSEHOLDS).amount;
  const base = random.int(minAmount, maxAmount);
  const decide = (month: string, refused: boolean) => {
    const outcome = refused ? 'REFUSED' : random.weighted(figures.DECISION_OUTCOMES);
    const share = outcome === 'GRANTED' ? 0.95 + random.float() * 0.1 : outcome === 'PARTLY_GRANTED' ? 0.4 + random.float() * 0.4 : 0;
    const decidedOn = workingDayOnOrAfter(addDays(`${month}-01`, -random.int(3, 12)));
    ctx.bundle.stadsdel.income_support_decisions.push({
      id: ctx.ids.next('income_support_decisions'),
      personnummer: person.personnummer,
      district_code: person.district.code,
      month,
      outcome,
      amount: Math.round((base * share) / 10) * 10,
      need_reason: person.needReason,
      decided_at: stockholmInstant(decidedOn, workingTime(random)),
      decided_by: person.officer,
      // The seed writes each month's decision once; changes come through the API.
      version: 1,
      replaces_id: null,
      replaced_by_id: null,
    });
  };
  for (const month of monthsBetween(startMonth, end < lastMonth ? end : lastMonth)) decide(month, refusedLast && month === end);
  if (resumed) for (const month of monthsBetween(resumed.from, resumed.to < lastMonth ? resumed.to : lastMonth)) decide(month, false);
}

/** Every month from `first` to `last`, both included (none when `last` is earlier). */
function monthsBetween(first: string, last: string): string[] {
  const index = (month: string) => Number(month.slice(0, 4)) * 12 + Number(month.slice(5, 7)) - 1;
  const months: string[] = [];
  for (let i = index(first), end = index(last); i <= end; i++) {
    const m = (i % 12) + 1;
    months.push(`${Math.floor(i / 12)}-${m < 10 ? '0' : ''}${m}`);
  }
  return months;
}
