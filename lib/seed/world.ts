import { isYouth, jobbgarantiDeadline, NeedReason, reportingGroupOf, targetGroupOf } from '../domain';
import { addDays, addMonths, ageOn, mondayOf, toDbDateTime } from '../scalars/calendar';
import { makePersonnummer } from '../scalars/personnummer';
import { WeeklySlot } from '../schedule';
import * as figures from './figures';
import { NEWCOMER_FAMILY, NEWCOMER_GIVEN, SWEDISH_FAMILY, SWEDISH_GIVEN } from './names';
import { Random } from './random';
import { DISTRICTS, JOBBTORG_UNITS, providersOfKind } from './reference';

/**
 * The deterministic world the three databases are seeded from: one bundle of rows per
 * person, keyed by table and column exactly as the migrations define them, with explicit
 * ids. Each subgraph inserts only its own slice; the same seed gives the same bundles, so
 * the slices agree (a case's referral id is the referral's id in stadsdel, and so on).
 */

export interface WorldOptions {
  people: number;
  seed?: number;
  /** First day of the history. */
  from?: string;
  /** Last day of the history; fixed, so the world never depends on the day it is made. */
  until?: string;
}

type Row = Record<string, string | number | boolean | null>;

export interface PersonBundle {
  stadsdel: Record<'info_meetings' | 'persons' | 'income_support_decisions' | 'consents' | 'consent_parties' | 'referrals' | 'three_party_meetings', Row[]>;
  jobbtorg: Record<'cases' | 'job_plans' | 'interventions' | 'feedback', Row[]>;
  partners: Record<
    | 'residence_permits'
    | 'municipality_receptions'
    | 'job_seeker_registrations'
    | 'planned_activities'
    | 'sfi_enrolments'
    | 'provider_assignments',
    Row[]
  >;
}

export const DEFAULT_SEED = 20090901;
export const DEFAULT_FROM = '2023-01-01';
export const DEFAULT_UNTIL = '2026-11-30';

const SFI_SCHOOLS = providersOfKind('SFI_SCHOOL');
const ESTABLISHMENT = providersOfKind('ESTABLISHMENT_SERVICE');
const COURSES = providersOfKind('COURSE_PROVIDER');
const COMPLEMENTARY = providersOfKind('COMPLEMENTARY_ACTOR');

function emptyBundle(): PersonBundle {
  return {
    stadsdel: { info_meetings: [], persons: [], income_support_decisions: [], consents: [], consent_parties: [], referrals: [], three_party_meetings: [] },
    jobbtorg: { cases: [], job_plans: [], interventions: [], feedback: [] },
    partners: { residence_permits: [], municipality_receptions: [], job_seeker_registrations: [], planned_activities: [], sfi_enrolments: [], provider_assignments: [] },
  };
}

function slots(weekdays: WeeklySlot['weekday'][], startTime: string, endTime: string): string {
  return JSON.stringify(weekdays.map((weekday) => ({ weekday, startTime, endTime })));
}

function dayBetween(random: Random, from: string, to: string): string {
  const span = Math.round((Date.parse(to) - Date.parse(from)) / 86_400_000);
  return addDays(from, random.int(0, Math.max(0, span)));
}

function instant(day: string, time: string): string {
  return toDbDateTime(new Date(`${day}T${time}Z`));
}

/** The state that crosses people: id counters, used numbers and the weekly meeting places. */
class WorldState {
  private readonly ids = new Map<string, number>();
  readonly usedNumbers = new Set<string>();
  private readonly meetings = new Map<string, { id: number; booked: number }>();
  private readonly weekLoad = new Map<string, number>();

  nextId(table: string): number {
    const id = (this.ids.get(table) ?? 0) + 1;
    this.ids.set(table, id);
    return id;
  }

  /**
   * Books a place at the district's first meeting for the audience in or after `week`
   * whose week still has a place within the quota; new meetings go into `created`.
   */
  bookMeeting(districtCode: string, quota: number, week: string, audience: 'ADULTS' | 'YOUTH', created: Row[]) {
    let monday = mondayOf(week);
    while ((this.weekLoad.get(`${districtCode}|${monday}`) ?? 0) >= quota) monday = addDays(monday, 7);
    this.weekLoad.set(`${districtCode}|${monday}`, (this.weekLoad.get(`${districtCode}|${monday}`) ?? 0) + 1);
    const key = `${districtCode}|${monday}|${audience}`;
    let meeting = this.meetings.get(key);
    // Adults meet on Tuesday mornings, youth on Thursday afternoons.
    const day = addDays(monday, audience === 'ADULTS' ? 1 : 3);
    if (!meeting) {
      meeting = { id: this.nextId('info_meetings'), booked: 0 };
      this.meetings.set(key, meeting);
      created.push({
        id: meeting.id,
        district_code: districtCode,
        audience,
        week_start: monday,
        starts_at: instant(day, audience === 'ADULTS' ? '08:00:00' : '12:00:00'),
      });
    }
    meeting.booked++;
    return { id: meeting.id, day };
  }
}

/** Yields one bundle per person, in a fixed order. */
export function* generateWorld(options: WorldOptions): Generator<PersonBundle> {
  const random = new Random(options.seed ?? DEFAULT_SEED);
  const from = options.from ?? DEFAULT_FROM;
  const until = options.until ?? DEFAULT_UNTIL;
  const state = new WorldState();
  for (let i = 0; i < options.people; i++) yield generatePerson(random, state, from, until);
}

function generatePerson(random: Random, state: WorldState, from: string, until: string): PersonBundle {
  const bundle = emptyBundle();
  const district = random.weighted(DISTRICTS.map((d) => [d, d.weight] as const));
  const newlyArrived = random.chance(figures.POPULATION.newlyArrived);
  const youth = random.chance(figures.POPULATION.youth);
  const firstYear = Number(from.slice(0, 4));
  const birthYear = youth ? firstYear - random.int(16, 22) : firstYear - random.int(25, 62);
  const birthDate = dayBetween(random, `${birthYear}-01-01`, `${birthYear}-12-28`);
  let personnummer: string;
  do {
    const coordination = newlyArrived && random.chance(figures.POPULATION.coordinationNumber);
    personnummer = makePersonnummer(birthDate, random.int(0, 999), coordination);
  } while (state.usedNumbers.has(personnummer));
  state.usedNumbers.add(personnummer);
  const foreignName = newlyArrived || random.chance(0.5);
  bundle.stadsdel.persons.push({
    personnummer,
    given_name: random.pick(foreignName ? NEWCOMER_GIVEN : SWEDISH_GIVEN),
    family_name: random.pick(foreignName ? NEWCOMER_FAMILY : SWEDISH_FAMILY),
    birth_date: birthDate,
    district_code: district.code,
    protected_identity: random.chance(figures.POPULATION.protectedIdentity),
  });

  // Migrationsverket: newcomers were granted a permit, then received in Stockholm.
  let receivedOn: string | null = null;
  let refugee = false;
  if (newlyArrived) {
    receivedOn = dayBetween(random, addDays(from, -180), addDays(until, -60));
    const kind = random.weighted([
      ['TEMPORARY_REFUGEE', 0.6],
      ['TEMPORARY_SUBSIDIARY_PROTECTION', 0.2],
      ['FAMILY_TIES', 0.15],
      ['PERMANENT', 0.05],
    ] as const);
    refugee = kind !== 'FAMILY_TIES';
    const grantedOn = addDays(receivedOn, -random.int(20, 120));
    bundle.partners.residence_permits.push({
      id: state.nextId('residence_permits'),
      personnummer,
      kind,
      granted_on: grantedOn,
      valid_until: kind === 'PERMANENT' ? null : addDays(grantedOn, kind === 'TEMPORARY_REFUGEE' ? 3 * 365 : 13 * 30),
    });
    bundle.partners.municipality_receptions.push({ personnummer, received_on: receivedOn });
  }

  // Income support: a spell of monthly decisions, from reception for newcomers.
  const needReason: NeedReason = random.chance(figures.OTHER_REASONS_SHARE) ? 'OTHER_REASONS' : 'UNEMPLOYMENT';
  const spellStart = receivedOn && receivedOn >= from ? receivedOn : dayBetween(random, from, addDays(until, -90));
  const startMonth = spellStart.slice(0, 7);
  const lastMonth = until.slice(0, 7);
  let spellEndMonth = addMonths(startMonth, random.int(4, 30));
  const officer = `handl-${district.code.toLowerCase()}-${String(random.int(1, 12)).padStart(2, '0')}`;
  const household = random.weighted([
    [1, 0.55],
    [2, 0.2],
    [3, 0.25],
  ] as const);

  // Sfi and Arbetsförmedlingen, planned from the start of the spell.
  const sfi = newlyArrived && random.chance(0.85) ? planSfi(random, state, bundle, personnummer, receivedOn ?? spellStart, until) : null;
  const afProgramme = planArbetsformedlingen(random, state, bundle, personnummer, spellStart, newlyArrived, youth);
  if (newlyArrived && random.chance(0.3)) planProviderAssignment(random, state, bundle, personnummer, spellStart);

  // Referral to Jobbtorg, with consent, and the case that follows.
  let closure: { on: string; reason: string } | null = null;
  if (random.chance(figures.REFERRED_SHARE)) {
    const referredOn = addDays(spellStart, random.int(10, 75));
    if (referredOn <= until) {
      closure = referAndEnrol(random, state, bundle, {
        personnummer,
        district,
        birthDate,
        referredOn,
        until,
        needReason,
        refugee: refugee && receivedOn !== null,
        studiesSfi: sfi !== null,
        sfi,
        afProgramme,
        officer,
      });
    }
  }

  // After a closure to work or studies most stay off income support; the rest come back.
  let resumeFrom: string | null = null;
  if (closure) {
    const toWork = closure.reason === 'WORK' || closure.reason === 'STUDIES';
    spellEndMonth = closure.on.slice(0, 7);
    if (!toWork || !random.chance(figures.STAYS_OFF_SUPPORT_SHARE)) resumeFrom = addMonths(spellEndMonth, random.int(1, 5));
  }
  const baseAmount = household === 1 ? random.int(6000, 12000) : household === 2 ? random.int(10000, 16000) : random.int(14000, 24000);
  const months: string[] = [];
  for (let m = startMonth; m <= spellEndMonth && m <= lastMonth; m = addMonths(m, 1)) months.push(m);
  if (resumeFrom) for (let m = resumeFrom, n = 0; m <= lastMonth && n < 6; m = addMonths(m, 1), n++) months.push(m);
  for (const month of months) {
    const outcome = random.weighted([
      ['GRANTED', 0.86],
      ['PARTLY_GRANTED', 0.1],
      ['REFUSED', 0.04],
    ] as const);
    const amount = outcome === 'REFUSED' ? 0 : outcome === 'PARTLY_GRANTED' ? Math.round(baseAmount * 0.6) : baseAmount;
    bundle.stadsdel.income_support_decisions.push({
      id: state.nextId('income_support_decisions'),
      personnummer,
      district_code: district.code,
      month,
      outcome,
      amount,
      need_reason: needReason,
      decided_at: instant(addDays(`${month}-01`, -random.int(1, 10)), `${String(random.int(7, 15)).padStart(2, '0')}:${String(random.int(0, 59)).padStart(2, '0')}:00`),
      decided_by: officer,
    });
  }
  return bundle;
}

interface SfiPlan {
  start: string;
  end: string;
  slot: 'MORNING' | 'AFTERNOON';
}

function planSfi(random: Random, state: WorldState, bundle: PersonBundle, personnummer: string, after: string, until: string): SfiPlan | null {
  const start = addDays(after, random.int(14, 90));
  if (start > until) return null;
  const end = addDays(start, random.int(180, 540));
  const slot = random.chance(0.7) ? 'MORNING' : 'AFTERNOON';
  bundle.partners.sfi_enrolments.push({
    id: state.nextId('sfi_enrolments'),
    personnummer,
    school_id: random.pick(SFI_SCHOOLS).id,
    course: random.weighted([
      ['A', 0.2],
      ['B', 0.35],
      ['C', 0.3],
      ['D', 0.15],
    ] as const),
    study_path: random.int(1, 3),
    start_date: start,
    end_date: end,
    hours_per_week: 12,
    schedule: slots(['MONDAY', 'TUESDAY', 'WEDNESDAY', 'THURSDAY'], slot === 'MORNING' ? '09:00' : '13:00', slot === 'MORNING' ? '12:00' : '16:00'),
  });
  return { start, end, slot };
}

/** Returns the programme's full-time span, when the person is in a full-time programme. */
function planArbetsformedlingen(
  random: Random,
  state: WorldState,
  bundle: PersonBundle,
  personnummer: string,
  spellStart: string,
  newlyArrived: boolean,
  youth: boolean,
): { from: string; to: string; fullTime: boolean } | null {
  if (!newlyArrived && !random.chance(0.6)) return null;
  const registeredOn = addDays(spellStart, random.int(0, 30));
  const programme = newlyArrived
    ? 'ESTABLISHMENT_PROGRAMME'
    : youth
      ? random.chance(0.5) ? 'YOUTH_JOB_GUARANTEE' : 'NONE'
      : random.chance(0.35) ? 'JOB_AND_DEVELOPMENT_GUARANTEE' : 'NONE';
  const inProgramme = programme !== 'NONE';
  const extent = inProgramme ? random.weighted([[100, 0.8], [75, 0.1], [50, 0.1]] as const) : 0;
  const programmeTo = inProgramme ? addDays(registeredOn, newlyArrived ? 730 : random.int(180, 450)) : null;
  const registrationId = state.nextId('job_seeker_registrations');
  bundle.partners.job_seeker_registrations.push({
    id: registrationId,
    personnummer,
    registered_on: registeredOn,
    office: random.pick(['Arbetsförmedlingen Stockholm Kista', 'Arbetsförmedlingen Stockholm Globen', 'Arbetsförmedlingen Stockholm Liljeholmen', 'Arbetsförmedlingen Stockholm Vällingby']),
    programme,
    programme_from: inProgramme ? registeredOn : null,
    programme_to: programmeTo,
    programme_extent_percent: extent,
  });
  const activities = newlyArrived
    ? [
        ['ASSESSMENT', 'Kartläggning av kompetens', null, 4, '[]'],
        ['CIVIC_ORIENTATION', 'Samhällsorientering', null, 6, slots(['WEDNESDAY'], '13:00', '16:00')],
        ['VALIDATION', 'Validering av yrkeskunskaper', random.pick(COMPLEMENTARY).id, 8, slots(['FRIDAY'], '09:00', '13:00')],
      ]
    : [['JOB_SEARCH', 'Jobbsökaraktiviteter med coach', random.pick(COMPLEMENTARY).id, 5, '[]']];
  let start = addDays(registeredOn, random.int(7, 30));
  for (const [kind, title, providerId, hours, schedule] of activities.slice(0, random.int(1, activities.length))) {
    const end = addDays(start, random.int(28, 120));
    bundle.partners.planned_activities.push({
      id: state.nextId('planned_activities'),
      registration_id: registrationId,
      kind,
      title,
      provider_id: providerId,
      start_date: start,
      end_date: end,
      hours_per_week: hours,
      schedule,
    });
    start = addDays(end, 1);
  }
  return inProgramme && programmeTo ? { from: registeredOn, to: programmeTo, fullTime: extent === 100 } : null;
}

function planProviderAssignment(random: Random, state: WorldState, bundle: PersonBundle, personnummer: string, after: string): void {
  const start = addDays(after, random.int(30, 120));
  bundle.partners.provider_assignments.push({
    id: state.nextId('provider_assignments'),
    personnummer,
    provider_id: random.pick(ESTABLISHMENT).id,
    service: random.pick(['MENTORSHIP', 'WORKING_LIFE_INTRODUCTION', 'HEALTH_SUPPORT', 'WORKPLACE_LANGUAGE_SUPPORT']),
    start_date: start,
    end_date: addDays(start, random.int(60, 240)),
    hours_per_week: random.pick([2, 4, 8]),
    schedule: slots(['FRIDAY'], '13:00', '15:00'),
  });
}

interface Referral {
  personnummer: string;
  district: (typeof DISTRICTS)[number];
  birthDate: string;
  referredOn: string;
  until: string;
  needReason: NeedReason;
  refugee: boolean;
  studiesSfi: boolean;
  sfi: SfiPlan | null;
  afProgramme: { from: string; to: string; fullTime: boolean } | null;
  officer: string;
}

function unitFor(random: Random, districtCode: string, youth: boolean): string {
  if (youth && (districtCode === 'RK' || districtCode === 'ST')) return 'KISTA_UNGDOM';
  if (districtCode === 'ST' && random.chance(0.5)) return 'KISTA_LUNDA';
  return JOBBTORG_UNITS.find((u) => u.parentCode === null && u.districts.includes(districtCode))!.code;
}

/** The district refers (with consent), Jobbtorg enrols, plans, and perhaps closes. Returns the closure. */
function referAndEnrol(random: Random, state: WorldState, bundle: PersonBundle, r: Referral): { on: string; reason: string } | null {
  const consentId = state.nextId('consents');
  bundle.stadsdel.consents.push({
    id: consentId,
    personnummer: r.personnummer,
    purpose: r.refugee ? 'SHARED_PLANNING' : 'REFERRAL',
    valid_from: r.referredOn,
    valid_to: addDays(r.referredOn, 730),
    withdrawn_at: random.chance(0.02) ? instant(addDays(r.referredOn, random.int(30, 300)), '10:00:00') : null,
    recorded_at: instant(r.referredOn, '09:00:00'),
    recorded_by: r.officer,
  });
  const parties = r.refugee ? ['SOCIAL_SERVICES', 'JOBBTORG', 'ARBETSFORMEDLINGEN', 'SFI', 'ETABLERING_PROVIDER'] : ['SOCIAL_SERVICES', 'JOBBTORG'];
  for (const party of parties) bundle.stadsdel.consent_parties.push({ consent_id: consentId, party });

  const week = addDays(r.referredOn, 7);
  const audience = isYouth(ageOn(r.birthDate, mondayOf(week))) ? 'YOUTH' : 'ADULTS';
  const meeting = state.bookMeeting(r.district.code, r.district.infoMeetingQuotaPerWeek, week, audience, bundle.stadsdel.info_meetings);
  const status =
    meeting.day > r.until
      ? 'BOOKED'
      : random.weighted([
          ['ENROLLED', 1 - figures.NO_SHOW_SHARE - figures.WITHDRAWN_SHARE],
          ['NO_SHOW', figures.NO_SHOW_SHARE],
          ['WITHDRAWN', figures.WITHDRAWN_SHARE],
        ] as const);
  const referralId = state.nextId('referrals');
  bundle.stadsdel.referrals.push({
    id: referralId,
    personnummer: r.personnummer,
    district_code: r.district.code,
    reason: r.refugee ? 'NEWLY_ARRIVED_REFUGEE' : r.needReason,
    info_meeting_id: meeting.id,
    consent_id: consentId,
    status,
    referred_at: instant(r.referredOn, '10:30:00'),
    referred_by: r.officer,
  });
  if (status !== 'ENROLLED') return null;

  const enrolledOn = meeting.day;
  const targetGroup = targetGroupOf({ birthDate: r.birthDate, enrolledOn, needReason: r.needReason, newlyArrivedRefugee: r.refugee, studiesSfi: r.studiesSfi });
  const youth = targetGroup === 'YOUTH';
  const unitCode = unitFor(random, r.district.code, youth);
  const coach = `coach-${unitCode.toLowerCase()}-${String(random.int(1, 15)).padStart(2, '0')}`;
  const deadline = jobbgarantiDeadline(enrolledOn);

  // Closure: drawn first, so the plan's interventions can end with it.
  let closedOn: string | null = null;
  let reason: string | null = null;
  if (random.chance(youth ? figures.CLOSE_PROBABILITY.youth : figures.CLOSE_PROBABILITY.other)) {
    const [min, max] = random.weighted(figures.CLOSURE_TIMING);
    const on = addDays(enrolledOn, random.int(min, max));
    if (on <= r.until) {
      closedOn = on;
      reason = random.weighted(figures.CLOSURE_REASONS);
    }
  }

  const caseId = state.nextId('cases');
  bundle.jobbtorg.cases.push({
    id: caseId,
    personnummer: r.personnummer,
    referral_id: referralId,
    district_code: r.district.code,
    unit_code: unitCode,
    coach,
    target_group: targetGroup,
    reporting_group: reportingGroupOf(targetGroup, r.birthDate, enrolledOn),
    enrolled_on: enrolledOn,
    jobbgaranti_deadline: deadline,
    status: closedOn ? 'CLOSED' : 'OPEN',
    closed_on: closedOn,
    closure_reason: reason,
    closure_note: closedOn ? closureNote(reason!) : null,
  });

  if (random.chance(figures.PLAN_SHARE)) {
    const establishedOn = random.chance(figures.JOBBGARANTI_KEPT_SHARE)
      ? dayBetween(random, addDays(enrolledOn, 1), deadline)
      : addDays(deadline, random.int(1, 20));
    if (establishedOn <= r.until && (!closedOn || establishedOn <= closedOn)) {
      planInterventions(random, state, bundle, { caseId, establishedOn, closedOn, youth, r });
      bundle.jobbtorg.feedback.push({
        id: state.nextId('feedback'),
        case_id: caseId,
        referral_id: referralId,
        sent_at: instant(establishedOn, '15:00:00'),
        sent_by: coach,
        message: 'Jobbplan upprättad. Aspiranten deltar i planerade insatser.',
      });
    }
  }
  if (closedOn && random.chance(0.9)) {
    bundle.jobbtorg.feedback.push({
      id: state.nextId('feedback'),
      case_id: caseId,
      referral_id: referralId,
      sent_at: instant(closedOn, '15:30:00'),
      sent_by: coach,
      message: `Ärendet avslutat: ${closureNote(reason!)}`,
    });
  }
  if ((targetGroup === 'REFUGEE' || targetGroup === 'RESURS') && random.chance(0.25)) {
    const meetingDay = addDays(enrolledOn, random.int(14, 35));
    if (meetingDay <= r.until) {
      bundle.stadsdel.three_party_meetings.push({
        id: state.nextId('three_party_meetings'),
        personnummer: r.personnummer,
        district_code: r.district.code,
        district_officer: r.officer,
        jobbtorg_coach: coach,
        third_party: targetGroup === 'REFUGEE' ? 'Arbetsförmedlingen' : 'Psykiatrin Sydväst',
        starts_at: instant(meetingDay, '09:00:00'),
        notes: targetGroup === 'REFUGEE' ? 'Gemensam planering: Sfi på förmiddagar, praktik efter kurs C.' : 'Behov av anpassad insats; uppföljning om sex veckor.',
      });
    }
  }
  return closedOn ? { on: closedOn, reason: reason! } : null;
}

function closureNote(reason: string): string {
  return {
    WORK: 'Fått anställning.',
    STUDIES: 'Påbörjat studier.',
    AF_PROGRAMME: 'Egen försörjning i Arbetsförmedlingens program.',
    OTHER: 'Avslutad av annan orsak (flytt, sjukdom eller föräldraledighet).',
    UNKNOWN: 'Har slutat komma; orsak okänd.',
  }[reason]!;
}

const INTERVENTIONS = [
  ['START_UP_GROUP', 'Uppstartsgrupp', null, 6, ['MONDAY'], '09:00', '12:00'],
  ['ACTIVE_JOB_SEARCH', 'Aktivt jobbsökande på Jobbtorg', null, 10, ['TUESDAY', 'THURSDAY'], '13:00', '16:00'],
  ['MATCHING', 'Matchning mot lediga jobb', null, 4, [], '', ''],
  ['COMMUNICATION_COURSE', 'Kommunikationskurs med Sfi', 'COURSE', 6, ['FRIDAY'], '09:00', '12:00'],
  ['VOCATIONAL_COURSE', 'Truckkort A+B', 'COURSE', 20, ['MONDAY', 'TUESDAY', 'WEDNESDAY', 'THURSDAY'], '08:00', '13:00'],
  ['WORK_PLACEMENT', 'Praktik i butik', null, 20, ['WEDNESDAY', 'THURSDAY', 'FRIDAY'], '13:00', '17:00'],
] as const;

function planInterventions(
  random: Random,
  state: WorldState,
  bundle: PersonBundle,
  p: { caseId: number; establishedOn: string; closedOn: string | null; youth: boolean; r: Referral },
): void {
  const planId = state.nextId('job_plans');
  bundle.jobbtorg.job_plans.push({
    id: planId,
    case_id: p.caseId,
    established_on: p.establishedOn,
    goal: random.weighted([
      ['WORK', 0.7],
      ['STUDIES', p.youth ? 0.25 : 0.15],
      ['SELF_SUPPORT', 0.1],
    ] as const),
  });
  const chosen = [INTERVENTIONS[0], ...[...INTERVENTIONS.slice(1)].sort(() => random.float() - 0.5).slice(0, random.int(0, 3))];
  let start = addDays(p.establishedOn, random.int(1, 7));
  for (const [kind, title, provider, hours, weekdays, startTime, endTime] of chosen) {
    if (p.closedOn && start > p.closedOn) break;
    const end = addDays(start, random.int(3, 16) * 7);
    pushIntervention(state, bundle, planId, p.closedOn, {
      kind,
      title,
      provider_id: provider ? random.pick(COURSES).id : null,
      start_date: start,
      end_date: end,
      hours_per_week: hours,
      schedule: weekdays.length ? slots([...weekdays], startTime, endTime) : '[]',
    });
    start = addDays(start, random.int(7, 28));
  }

  // Some newcomers' agencies plan past each other: a full-time placement over Sfi mornings
  // or beside a full-time programme — the conflicts a shared plan exists to catch.
  const { sfi, afProgramme } = p.r;
  if ((sfi || afProgramme?.fullTime) && random.chance(figures.COLLIDING_PLANS_SHARE / 0.85)) {
    const placementStart = addDays(p.establishedOn, random.int(7, 21));
    if (!p.closedOn || placementStart <= p.closedOn) {
      pushIntervention(state, bundle, planId, p.closedOn, {
        kind: 'WORK_PLACEMENT',
        title: 'Heltidspraktik på lager',
        provider_id: null,
        start_date: placementStart,
        end_date: addDays(placementStart, 12 * 7),
        hours_per_week: 40,
        schedule: slots(['MONDAY', 'TUESDAY', 'WEDNESDAY', 'THURSDAY', 'FRIDAY'], '08:00', '16:00'),
      });
    }
  }
}

function pushIntervention(state: WorldState, bundle: PersonBundle, planId: number, closedOn: string | null, row: Row & { end_date: string }): void {
  bundle.jobbtorg.interventions.push({
    id: state.nextId('interventions'),
    plan_id: planId,
    ...row,
    // A closure ends every intervention still running.
    ended_on: closedOn && closedOn < row.end_date ? closedOn : null,
  });
}
