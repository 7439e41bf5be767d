import { addDays } from '../src/dates';
import type { PlanAgency, PlanCategory, PlanConflictKind, PlanConflictState, Weekday } from '../src/gql/graphql';
import type { Plan } from '../src/timeline/model';

/**
 * A person's plan for the benchmark: 20 activities of five agencies over 26 weeks, with
 * the conflicts between them, shaped as the API's `SharedPlanFields` answer is.
 */
const AGENCIES: PlanAgency[] = ['JOBBTORG', 'ARBETSFORMEDLINGEN', 'SFI', 'ETABLERING_PROVIDER', 'SOCIAL_SERVICES'];
const CATEGORIES: PlanCategory[] = ['JOB_SEARCH', 'WORK_PLACEMENT', 'SWEDISH_FOR_IMMIGRANTS', 'MENTORSHIP', 'MEETING'];
const WEEKDAYS: Weekday[] = ['MONDAY', 'TUESDAY', 'WEDNESDAY', 'THURSDAY', 'FRIDAY'];
const KINDS: PlanConflictKind[] = ['SLOT_OVERLAP', 'DUPLICATE_KIND', 'OVER_FULL_TIME'];
const STATES: PlanConflictState[] = ['OPEN', 'ACKNOWLEDGED', 'ACCEPTED'];

export function benchPlan(firstMonday = '2027-01-04', activities = 20, weeks = 26): Plan {
  const mondays = Array.from({ length: weeks }, (_, i) => addDays(firstMonday, 7 * i));
  const items: Plan['activities'] = Array.from({ length: activities }, (_, i) => {
    const agency = AGENCIES[i % AGENCIES.length];
    const startWeek = (i * 5) % (weeks - 4);
    const length = 4 + ((i * 7) % 16);
    return {
      id: `bench:activity:${i}`,
      agency,
      kind: `KIND_${i % 4}`,
      category: CATEGORIES[i % CATEGORIES.length],
      title: `Aktivitet ${i + 1}`,
      provider: i % 3 === 0 ? `Utförare ${i}` : null,
      startDate: mondays[startWeek],
      endDate: i % 6 === 5 ? null : addDays(mondays[Math.min(startWeek + length, weeks - 1)], 4),
      hoursPerWeek: 2 + (i % 8),
      schedule: [{ weekday: WEEKDAYS[i % WEEKDAYS.length], startTime: '09:00', endTime: i % 2 ? '12:00' : '11:00' }],
      status: 'PLANNED',
    };
  });
  const conflicts: Plan['conflicts'] = Array.from({ length: 8 }, (_, i) => {
    const a = items[i];
    const b = items[i + 6];
    const agencies = [...new Set([a.agency, b.agency])];
    return {
      id: `c_${String(i).padStart(16, '0')}`,
      kind: KINDS[i % KINDS.length],
      state: STATES[i % STATES.length],
      version: 1,
      activityIds: [a.id, b.id],
      contextIds: [],
      agencies,
      otherAgencies: agencies.slice(1),
      weeks: mondays.slice(i * 2, i * 2 + 3),
      message: `${a.title} och ${b.title} krockar.`,
      note: null,
      expectedSettledOn: null,
      acceptedBy: [],
      acceptanceReason: null,
      stateChangedAt: `${mondays[0]}T08:00:00Z`,
      history: [],
    };
  });
  return { from: mondays[0], to: addDays(mondays[weeks - 1], 6), weeks: mondays, activities: items, conflicts };
}
