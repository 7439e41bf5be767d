import { jobbgarantiDeadline, reportingGroupOf, targetGroupOf } from '../subgraphs/jobbtorg/rules/case';
import { isNewlyArrived } from '../subgraphs/partners/rules/reception';
import { AfRegistration, endAfterWeeks, mondayOnOrAfter, planAfActivity, providerFor, SfiPeriod } from './agencies';
import { AF_ACTIVITIES, INTERVENTIONS } from './catalogue';
import { addDays, addWorkingDays, daysBetween, stockholmInstant, workingDayOnOrAfter } from './clock';
import { dayBetween, earlier, PersonContext, workingTime } from './context';
import * as figures from './figures';
import { InfoMeetingBook } from './meetings';
import { Person } from './person';
import { providersOfKind, unitFor } from './reference';
import { ClosureReason, ConsentPurpose, InterventionKind, JobPlanRow, Party, ReferralRow, ReferralStatus, TargetGroup } from './rows';
import { CLOSURE_NOTES, FOLLOW_UP_FEEDBACK, GOALS, THREE_PARTY } from './texts';
import { hoursOf, scheduleJson, Slot, slots } from './timetable';

/**
 * The city's side of the chain for one person: the district refers (with consent) to an
 * info meeting, Jobbtorg enrols, plans within the jobbgaranti, reports back, and in time
 * closes the case. Writes stadsdel's and jobbtorg's rows; returns what the income-support
 * spell depends on.
 */

export interface EnrolmentOutcome {
  status: ReferralStatus;
  meetingDay: string;
  closedOn: string | null;
  closureReason: ClosureReason | null;
}

/** What the partner agencies already planned for the person, for Jobbtorg to plan around. */
export interface AgencyPlans {
  sfi: SfiPeriod[];
  af: AfRegistration | null;
  hasProviderAssignment: boolean;
}

/** Refers the person if the district does and a meeting has a place; null when not referred. */
export function referAndEnrol(ctx: PersonContext, person: Person, plans: AgencyPlans, book: InfoMeetingBook): EnrolmentOutcome | null {
  const { random, bundle, ids, until } = ctx;
  if (!random.chance(figures.REFERRED_SHARE[person.needReason])) return null;
  const referredOn = workingDayOnOrAfter(addDays(person.spellStart, random.int(7, 60)));
  if (referredOn > until) return null;
  const booking = book.book(person.district, person.birthDate, referredOn, figures.MAX_WAIT_WEEKS, bundle.stadsdel.info_meetings);
  if (!booking) return null;

  const hour = random.int(8, 15);
  const refugee = isNewlyArrived(person.receivedOn, referredOn);
  const consentId = recordConsents(ctx, person, referredOn, hour, refugee, plans);
  const status: ReferralStatus = booking.day > until ? 'BOOKED' : random.weighted(figures.REFERRAL_OUTCOMES);
  const referralId = ids.next('referrals');
  const referral: ReferralRow = {
    id: referralId,
    personnummer: person.personnummer,
    district_code: person.district.code,
    reason: refugee ? 'NEWLY_ARRIVED_REFUGEE' : person.needReason,
    info_meeting_id: booking.meetingId,
    consent_id: consentId,
    status,
    referred_at: stockholmInstant(referredOn, `${hour}:30`),
    referred_by: person.officer,
    jobbtorg_case_id: null,
    jobbtorg_closed_on: null,
  };
  bundle.stadsdel.referrals.push(referral);
  if (status !== 'ENROLLED') return { status, meetingDay: booking.day, closedOn: null, closureReason: null };
  const outcome = enrol(ctx, person, plans, referralId, booking.day);
  // As the API enrols: the referral names the case Jobbtorg opened from it.
  referral.jobbtorg_case_id = bundle.jobbtorg.cases[bundle.jobbtorg.cases.length - 1].id;
  referral.jobbtorg_closed_on = outcome.closedOn;
  return outcome;
}

/** Consents recorded at the referral; returns the one the referral rests on (null: none given). */
function recordConsents(ctx: PersonContext, person: Person, day: string, hour: number, refugee: boolean, plans: AgencyPlans): number | null {
  const { random, bundle, ids, until } = ctx;
  const record = (purpose: ConsentPurpose, parties: Party[]): number => {
    const id = ids.next('consents');
    const validTo = random.chance(0.8) ? addDays(day, 729) : null;
    const lastWithdrawal = earlier(until, validTo);
    const withdrawn = random.chance(figures.CONSENT.withdrawn) && addDays(day, 30) <= lastWithdrawal;
    bundle.stadsdel.consents.push({
      id,
      personnummer: person.personnummer,
      purpose,
      valid_from: day,
      valid_to: validTo,
      withdrawn_at: withdrawn ? stockholmInstant(dayBetween(random, addDays(day, 30), lastWithdrawal), workingTime(random)) : null,
      recorded_at: stockholmInstant(day, `${hour}:00`),
      recorded_by: person.officer,
      // As the API withdraws: the officer is named and the version moves on.
      version: withdrawn ? 2 : 1,
      withdrawn_by: withdrawn ? person.officer : null,
    });
    for (const party of parties) bundle.stadsdel.consent_parties.push({ consent_id: id, party });
    return id;
  };
  const referral = random.chance(figures.CONSENT.referral) ? record('REFERRAL', ['SOCIAL_SERVICES', 'JOBBTORG']) : null;
  if (refugee && random.chance(figures.CONSENT.sharedPlanningAmongRefugees)) {
    const parties: Party[] = ['SOCIAL_SERVICES', 'JOBBTORG'];
    if (plans.af) parties.push('ARBETSFORMEDLINGEN');
    if (plans.sfi.length) parties.push('SFI');
    if (random.chance(0.5)) parties.push('MIGRATIONSVERKET');
    if (plans.hasProviderAssignment) parties.push('ETABLERING_PROVIDER');
    record('SHARED_PLANNING', parties);
  }
  if (random.chance(figures.CONSENT.followUp)) record('FOLLOW_UP', ['SOCIAL_SERVICES', 'JOBBTORG', 'ARBETSFORMEDLINGEN']);
  return referral;
}

/** Jobbtorg enrols at the info meeting: the case, its plan, feedback and three-party meetings. */
function enrol(ctx: PersonContext, person: Person, plans: AgencyPlans, referralId: number, enrolledOn: string): EnrolmentOutcome {
  const { random, bundle, ids, until } = ctx;
  const targetGroup = targetGroupOf({
    birthDate: person.birthDate,
    enrolledOn,
    needReason: person.needReason,
    newlyArrivedRefugee: isNewlyArrived(person.receivedOn, enrolledOn),
    studiesSfi: plans.sfi.some((p) => p.start <= enrolledOn && enrolledOn <= p.end),
  });
  const unit = unitFor(person.district.code, targetGroup === 'YOUTH', random.chance(0.5));
  const coach = `coach-${unit.code.toLowerCase().replace(/_/g, '-')}-${String(random.int(1, 12)).padStart(2, '0')}`;
  const deadline = jobbgarantiDeadline(enrolledOn);
  const closure = drawClosure(ctx, targetGroup, enrolledOn);
  const closureNote = closure ? random.pick(CLOSURE_NOTES[closure.reason]) : null;
  const caseId = ids.next('cases');
  bundle.jobbtorg.cases.push({
    version: 1,
    id: caseId,
    personnummer: person.personnummer,
    referral_id: referralId,
    district_code: person.district.code,
    unit_code: unit.code,
    coach,
    target_group: targetGroup,
    reporting_group: reportingGroupOf(targetGroup, person.birthDate, enrolledOn),
    enrolled_on: enrolledOn,
    jobbgaranti_deadline: deadline,
    status: closure ? 'CLOSED' : 'OPEN',
    closed_on: closure?.on ?? null,
    closure_reason: closure?.reason ?? null,
    closure_note: closureNote,
  });
  const closedOn = closure?.on ?? null;

  // Closure feedback goes last on its day, after any other sent that day.
  const feedback = (day: string, message: string, time = workingTime(random, 9, 16)) =>
    bundle.jobbtorg.feedback.push({
      id: ids.next('feedback'),
      case_id: caseId,
      referral_id: referralId,
      sent_at: stockholmInstant(day, time),
      sent_by: coach,
      message,
    });

  if (random.chance(figures.PLAN_SHARE)) {
    const establishedOn = random.chance(figures.PLAN_ON_TIME_SHARE) ? addWorkingDays(enrolledOn, random.int(0, 5)) : addWorkingDays(deadline, random.int(1, 15));
    if (establishedOn <= until && (!closedOn || establishedOn <= closedOn)) {
      const plan = planJob(ctx, person, plans, { id: caseId, coach }, targetGroup, establishedOn, closedOn);
      if (random.chance(figures.FEEDBACK_SHARE.afterPlan)) {
        const insatser = plan.titles.length ? `Insatser: ${plan.titles.join(', ')}.` : 'Insatserna planeras vid nästa möte.';
        feedback(earlier(addWorkingDays(establishedOn, random.int(0, 2)), earlier(until, closedOn)), `Jobbplan upprättad med mål ${GOALS[plan.goal]}. ${insatser}`);
      }
      const followUpOn = workingDayOnOrAfter(addDays(establishedOn, random.int(30, 60)));
      if (random.chance(figures.FEEDBACK_SHARE.followUp) && followUpOn <= earlier(until, closedOn)) feedback(followUpOn, random.pick(FOLLOW_UP_FEEDBACK));
    }
  }
  if (closure && random.chance(figures.FEEDBACK_SHARE.atClosure)) {
    feedback(closure.on, `Ärendet avslutat: ${closureNote}`, '16:30');
  }
  recordThreePartyMeetings(ctx, person, targetGroup, coach, enrolledOn, closedOn);
  return { status: 'ENROLLED', meetingDay: enrolledOn, closedOn, closureReason: closure?.reason ?? null };
}

/** When and why the case closes (figures.CLOSURE_TIMING); null while it is still open at the end of the history. */
function drawClosure(ctx: PersonContext, targetGroup: TargetGroup, enrolledOn: string): { on: string; reason: ClosureReason } | null {
  const { random, until } = ctx;
  const timing = figures.CLOSURE_TIMING[targetGroup];
  const phase = random.weighted([
    ['early', timing.early],
    ['middle', timing.middle],
    ['late', timing.late],
    ['never', Math.max(0, 1 - timing.early - timing.middle - timing.late)],
  ] as const);
  if (phase === 'never') return null;
  const days =
    phase === 'early'
      ? random.int(figures.EARLY_DAYS[0], figures.EARLY_DAYS[1])
      : phase === 'middle'
        ? random.int(figures.MIDDLE_DAYS[0], figures.MIDDLE_DAYS[1])
        : figures.MIDDLE_DAYS[1] + 1 + Math.min(random.exponential(figures.LATE_CLOSURE_MEAN_DAYS), 1000);
  const on = workingDayOnOrAfter(addDays(enrolledOn, days));
  if (on > until) return null;
  const shift = figures.CLOSURE_REASON_SHIFT[targetGroup];
  const reasons = figures.CLOSURE_REASONS[phase].map(([reason, weight]): [ClosureReason, number] => {
    if (!shift) return [reason, weight];
    if (reason === 'WORK') return [reason, Math.max(0, weight - shift.share)];
    return [reason, reason === shift.to ? weight + shift.share : weight];
  });
  return { on, reason: random.weighted(reasons) };
}

/** Which interventions a coach reaches for, by target group (the start-up group always comes first). */
const INTERVENTION_MIX: Record<TargetGroup, readonly (readonly [InterventionKind, number])[]> = {
  YOUTH: [
    ['ACTIVE_JOB_SEARCH', 3],
    ['MATCHING', 3],
    ['WORK_PLACEMENT', 3],
    ['VOCATIONAL_COURSE', 2],
  ],
  UNEMPLOYED: [
    ['ACTIVE_JOB_SEARCH', 3],
    ['MATCHING', 3],
    ['WORK_PLACEMENT', 2],
    ['VOCATIONAL_COURSE', 2],
  ],
  SFI_STUDENT: [
    ['COMMUNICATION_COURSE', 3],
    ['WORK_PLACEMENT', 3],
    ['MATCHING', 2],
    ['VOCATIONAL_COURSE', 2],
    ['ACTIVE_JOB_SEARCH', 1],
  ],
  REFUGEE: [
    ['COMMUNICATION_COURSE', 3],
    ['WORK_PLACEMENT', 3],
    ['MATCHING', 2],
    ['VOCATIONAL_COURSE', 2],
    ['ACTIVE_JOB_SEARCH', 1],
  ],
  RESURS: [
    ['WORK_PLACEMENT', 3],
    ['ACTIVE_JOB_SEARCH', 2],
    ['MATCHING', 1],
    ['COMMUNICATION_COURSE', 0.5],
  ],
};

const GOAL_MIX: Record<TargetGroup, readonly (readonly [JobPlanRow['goal'], number])[]> = {
  YOUTH: [
    ['WORK', 0.6],
    ['STUDIES', 0.35],
    ['SELF_SUPPORT', 0.05],
  ],
  UNEMPLOYED: [
    ['WORK', 0.8],
    ['STUDIES', 0.12],
    ['SELF_SUPPORT', 0.08],
  ],
  SFI_STUDENT: [
    ['WORK', 0.6],
    ['STUDIES', 0.3],
    ['SELF_SUPPORT', 0.1],
  ],
  REFUGEE: [
    ['WORK', 0.55],
    ['STUDIES', 0.15],
    ['SELF_SUPPORT', 0.3],
  ],
  RESURS: [
    ['WORK', 0.5],
    ['STUDIES', 0.1],
    ['SELF_SUPPORT', 0.4],
  ],
};

/**
 * Share of the newly arrived with a plan for whom a conflict can be planted (Sfi or an AF
 * registration running when the plan starts), measured on the default world; planting at
 * COLLIDING_PLANS_SHARE / this rate makes COLLIDING_PLANS_SHARE of them collide.
 */
const PLANTABLE_SHARE = 0.75;

/** The job plan and its interventions, fitted around the other agencies' plans. */
function planJob(
  ctx: PersonContext,
  person: Person,
  plans: AgencyPlans,
  jobbtorgCase: { id: number; coach: string },
  targetGroup: TargetGroup,
  establishedOn: string,
  closedOn: string | null,
): { goal: JobPlanRow['goal']; titles: string[] } {
  const { random, bundle, ids, timetable, until } = ctx;
  const planId = ids.next('job_plans');
  const goal = random.weighted(GOAL_MIX[targetGroup]);
  bundle.jobbtorg.job_plans.push({ id: planId, case_id: jobbtorgCase.id, established_on: establishedOn, goal });

  const plantConflict = person.receivedOn !== null && random.chance(figures.COLLIDING_PLANS_SHARE / PLANTABLE_SHARE);
  const extra = random.weighted([
    [0, 0.15],
    [1, 0.35],
    [2, 0.35],
    [3, 0.15],
  ] as const);
  const kinds: InterventionKind[] = ['START_UP_GROUP'];
  const pool = [...INTERVENTION_MIX[targetGroup]];
  while (kinds.length < 1 + Math.min(extra, plantConflict ? 2 : 3) && pool.length) {
    const kind = random.weighted(pool);
    kinds.push(kind);
    pool.splice(
      pool.findIndex(([k]) => k === kind),
      1,
    );
  }

  const titles: string[] = [];
  let start = mondayOnOrAfter(addDays(establishedOn, 1));
  for (const kind of kinds) {
    if (start > addDays(until, 60) || (closedOn && start > closedOn)) break;
    const template = INTERVENTIONS[kind];
    const end = endAfterWeeks(start, random.int(template.weeks[0], template.weeks[1]));
    // Some drop out of an intervention before it ends; a closure ends whatever still runs.
    const droppedOn = random.chance(0.05) ? addDays(start, random.int(7, Math.max(7, daysBetween(start, end) - 1))) : null;
    const runsUntil = earlier(earlier(end, droppedOn), closedOn);
    const booked = timetable.bookFirstFitting(start, runsUntil, random.shuffle(template.schedules), template.unscheduledHours, template.duplicateClass);
    if (!booked) continue;
    const title = random.pick(template.titles);
    const providerId =
      kind === 'COMMUNICATION_COURSE' && title.includes('Sfi')
        ? (plans.sfi[0]?.schoolId ?? random.pick(providersOfKind('SFI_SCHOOL')).id)
        : kind === 'COMMUNICATION_COURSE'
          ? random.pick(providersOfKind('COURSE_PROVIDER')).id
          : providerFor(ctx, template.providers);
    bundle.jobbtorg.interventions.push({
      version: 1,
      // The coach plans the case's interventions, and ends those still running when closing it.
      changed_by: jobbtorgCase.coach,
      id: ids.next('interventions'),
      plan_id: planId,
      kind,
      title,
      provider_id: providerId,
      start_date: start,
      end_date: end,
      ended_on: runsUntil < end ? runsUntil : null,
      hours_per_week: booked.hours,
      schedule: scheduleJson(booked.schedule),
    });
    titles.push(title);
    start = mondayOnOrAfter(addDays(start, 7 * random.int(1, 3)));
  }
  if (plantConflict) {
    const title = plantCollision(ctx, person, plans, planId, jobbtorgCase.coach, establishedOn, closedOn);
    if (title) titles.push(title);
  }
  return { goal, titles };
}

const MON_FRI = ['MONDAY', 'TUESDAY', 'WEDNESDAY', 'THURSDAY', 'FRIDAY'] as const;

/**
 * A conflict the shared plan should find: Jobbtorg books a placement over the person's Sfi
 * hours, a full-time placement beside a full-time establishment programme, or the same
 * kind of placement Arbetsförmedlingen has planned. Returns the placement's title, or null
 * when nothing of the other agencies runs then.
 */
function plantCollision(
  ctx: PersonContext,
  person: Person,
  plans: AgencyPlans,
  planId: number,
  coach: string,
  establishedOn: string,
  closedOn: string | null,
): string | null {
  const { random, bundle, ids, timetable, until } = ctx;
  const start = mondayOnOrAfter(addDays(establishedOn, random.int(7, 21)));
  if (start > until || (closedOn && addDays(start, 14) > closedOn)) return null;
  const sfi = plans.sfi.find((p) => p.start <= start && start <= p.end);
  const af = plans.af;
  const fullTimeProgramme = af && af.extentPercent === 100 && af.from !== null && af.to !== null && af.from <= start && start <= af.to;
  // Each conflict the person's other plans allow, as the placement's weekly schedule.
  const conflicts: (() => Slot[])[] = [];
  // The same days as Sfi, an hour either side of its lessons.
  if (sfi) conflicts.push(() => sfi.schedule.map((s) => ({ weekday: s.weekday, start: s.start - 60, end: s.end + 60 })));
  if (fullTimeProgramme) conflicts.push(() => slots(MON_FRI, '08:00', '16:00'));
  if (af) {
    conflicts.push(() => {
      planAfActivity(ctx, af.id, AF_ACTIVITIES.WORK_PLACEMENT, start, person, [slots(MON_FRI, '08:00', '12:00')], true);
      return slots(MON_FRI, '13:00', '17:00');
    });
  }
  if (conflicts.length === 0) return null;
  const schedule = random.pick(conflicts)();
  const end = endAfterWeeks(start, random.int(8, 12));
  const runsUntil = earlier(end, closedOn);
  const hours = hoursOf(schedule);
  timetable.add({ from: start, to: runsUntil, schedule, hours, duplicateClass: 'PLACEMENT' });
  const title = random.pick(INTERVENTIONS.WORK_PLACEMENT.titles);
  bundle.jobbtorg.interventions.push({
    version: 1,
    changed_by: coach,
    id: ids.next('interventions'),
    plan_id: planId,
    kind: 'WORK_PLACEMENT',
    title,
    provider_id: null,
    start_date: start,
    end_date: end,
    ended_on: runsUntil < end ? runsUntil : null,
    hours_per_week: hours,
    schedule: scheduleJson(schedule),
  });
  return title;
}

/** Trepartssamtal for a share of refugee and Resurs cases: one, sometimes a follow-up. */
function recordThreePartyMeetings(ctx: PersonContext, person: Person, targetGroup: TargetGroup, coach: string, enrolledOn: string, closedOn: string | null): void {
  const { random, bundle, ids, until } = ctx;
  const parties = THREE_PARTY[targetGroup];
  if (!parties || !random.chance(figures.THREE_PARTY_MEETING_SHARE)) return;
  const { party, notes } = random.weighted(parties);
  let day = workingDayOnOrAfter(addDays(enrolledOn, random.int(10, 40)));
  for (let meeting = 0; meeting < (random.chance(0.4) ? 2 : 1); meeting++) {
    if (day > until || (closedOn && day > closedOn)) break;
    bundle.stadsdel.three_party_meetings.push({
      id: ids.next('three_party_meetings'),
      personnummer: person.personnummer,
      district_code: person.district.code,
      district_officer: person.officer,
      jobbtorg_coach: coach,
      third_party: party,
      starts_at: stockholmInstant(day, random.pick(['09:00', '10:00', '13:00', '14:00'])),
      notes: random.pick(notes),
    });
    day = workingDayOnOrAfter(addDays(day, random.int(60, 120)));
  }
}

