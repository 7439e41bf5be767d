import { isYouth } from '../lib/domain';
import { ageOn } from '../lib/scalars/calendar';
import { AF_ACTIVITIES, AF_OFFICES, ActivityTemplate, CIVIC_ORIENTATION_LANGUAGE, PROVIDER_SERVICES, SFI_SCHEDULES } from './catalogue';
import { addDays, mondayOf, workingDayOnOrAfter } from './clock';
import { PersonContext } from './context';
import * as figures from './figures';
import { Person } from './person';
import { providersOfKind } from './reference';
import { AfActivityKind, AfProgramme, EstablishmentService, ResidencePermitKind, SfiEnrolmentRow } from './rows';
import { hoursOf, scheduleJson, Slot } from './timetable';

/**
 * Who recorded an agency's rows, as the write side records the caller's user: one officer
 * per agency stands for them all. Seeded rows are as first recorded (version 1).
 */
const RECORDERS = {
  MIGRATIONSVERKET: 'mv.handlaggare',
  ARBETSFORMEDLINGEN: 'af.handlaggare',
  SFI: 'sfi.registrator',
  ETABLERING_PROVIDER: 'etablering.coach',
} as const;

function firstVersion(agency: keyof typeof RECORDERS) {
  return { recorded_by: RECORDERS[agency], version: 1, changed_by: null };
}

/**
 * The partner agencies' records of a person (the partners subgraph's slice): Migrationsverket's
 * permits and the municipality reception, Sfi, Arbetsförmedlingen, Etablering Stockholm.
 * Everything is booked into the person's timetable, so the agencies' plans fit together.
 */

/** Arbetsförmedlingen's registration, as Jobbtorg's planning needs to know it. */
export interface AfRegistration {
  id: number;
  programme: AfProgramme;
  from: string | null;
  to: string | null;
  extentPercent: number;
}

/** One Sfi course as booked. */
export interface SfiPeriod {
  start: string;
  end: string;
  schedule: readonly Slot[];
  schoolId: number;
}

/** The Monday on or after `day`: courses and programmes start on Mondays. */
export function mondayOnOrAfter(day: string): string {
  return mondayOf(addDays(day, 6));
}

/** The Friday of the last of `weeks` weeks starting on Monday `start`. */
export function endAfterWeeks(start: string, weeks: number): string {
  return addDays(start, weeks * 7 - 3);
}

/** A provider of one of `kinds`, or null when the agency delivers it itself. */
export function providerFor(ctx: PersonContext, kinds: ActivityTemplate<string>['providers']): number | null {
  return kinds ? ctx.random.pick(providersOfKind(ctx.random.pick(kinds))).id : null;
}

/**
 * Migrationsverket's permits: refugees were granted one and then received by the city (a
 * temporary permit that runs out is mostly renewed); other recent immigrants came on family
 * ties or work and are never received.
 */
export function recordMigration(ctx: PersonContext, person: Person): void {
  const { random, bundle, ids, until } = ctx;
  if (person.immigratedOn) {
    const kind = random.chance(0.7) ? 'FAMILY_TIES' : 'WORK';
    const grantedOn = workingDayOnOrAfter(addDays(person.immigratedOn, -random.int(14, 90)));
    bundle.partners.residence_permits.push({ id: ids.next('residence_permits'), personnummer: person.personnummer, kind, granted_on: grantedOn, valid_until: addDays(grantedOn, 2 * 365), recorded_by: RECORDERS.MIGRATIONSVERKET });
    return;
  }
  if (!person.receivedOn) return;
  let kind = random.weighted<ResidencePermitKind>([
    ['TEMPORARY_REFUGEE', 0.6],
    ['TEMPORARY_SUBSIDIARY_PROTECTION', 0.2],
    // Relatives of refugees, received with them.
    ['FAMILY_TIES', 0.12],
    ['PERMANENT', 0.08],
  ]);
  let grantedOn = workingDayOnOrAfter(addDays(person.receivedOn, -random.int(14, 120)));
  for (;;) {
    // 2016 law: refugees three years, subsidiary protection 13 months, family ties two years.
    const validUntil =
      kind === 'PERMANENT' ? null : addDays(grantedOn, kind === 'TEMPORARY_REFUGEE' ? 3 * 365 : kind === 'TEMPORARY_SUBSIDIARY_PROTECTION' ? 395 : 2 * 365);
    bundle.partners.residence_permits.push({ id: ids.next('residence_permits'), personnummer: person.personnummer, kind, granted_on: grantedOn, valid_until: validUntil, recorded_by: RECORDERS.MIGRATIONSVERKET });
    if (validUntil === null || validUntil > until || !random.chance(0.85)) break;
    grantedOn = workingDayOnOrAfter(addDays(validUntil, -random.int(0, 60)));
    kind = random.chance(0.3) ? 'PERMANENT' : kind;
  }
  bundle.partners.municipality_receptions.push({ personnummer: person.personnummer, received_on: person.receivedOn, ...firstVersion('MIGRATIONSVERKET') });
}

const SFI_COURSES: Record<number, readonly SfiEnrolmentRow['course'][]> = { 1: ['A', 'B'], 2: ['B', 'C'], 3: ['C', 'D'] };
const SFI_MONTHS: Record<number, readonly [number, number]> = { 1: [5, 8], 2: [4, 6], 3: [3, 5] };

/** Sfi for most of the newly arrived: one or two courses along a study path, mornings preferred. */
export function planSfi(ctx: PersonContext, person: Person): SfiPeriod[] {
  const { random, bundle, ids, timetable, until } = ctx;
  const shares = figures.SFI_SHARE;
  const share = person.receivedOn ? shares.newlyArrived : person.immigratedOn ? shares.recentImmigrants : person.origin === 'swedish' ? 0 : shares.settledForeignBorn;
  if (!random.chance(share)) return [];
  const path = random.weighted([
    [1, 0.3],
    [2, 0.45],
    [3, 0.25],
  ] as const);
  const preferred = random.weighted([
    [SFI_SCHEDULES[0], 0.6],
    [SFI_SCHEDULES[1], 0.3],
    [SFI_SCHEDULES[2], 0.1],
  ] as const);
  const schedules = [preferred, ...SFI_SCHEDULES.filter((s) => s !== preferred)];
  const schoolId = sfiSchoolFor(ctx, person.district.code);
  const periods: SfiPeriod[] = [];
  const arrived = person.receivedOn ?? person.immigratedOn;
  let start = mondayOnOrAfter(arrived && arrived >= ctx.from ? addDays(arrived, random.int(14, 90)) : addDays(person.spellStart, random.int(-60, 30)));
  for (const course of SFI_COURSES[path].slice(0, random.int(1, 2))) {
    if (start > addDays(until, 60)) break;
    const [minMonths, maxMonths] = SFI_MONTHS[path];
    const end = endAfterWeeks(start, Math.round(random.int(minMonths, maxMonths) * 4.35));
    const booked = timetable.bookFirstFitting(start, end, schedules, 0, null);
    if (!booked) break;
    bundle.partners.sfi_enrolments.push({
    ...firstVersion('SFI'),
      id: ids.next('sfi_enrolments'),
      personnummer: person.personnummer,
      school_id: schoolId,
      course,
      study_path: path,
      start_date: start,
      end_date: end,
      hours_per_week: booked.hours,
      schedule: scheduleJson(booked.schedule),
    });
    periods.push({ start, end, schedule: booked.schedule, schoolId });
    start = mondayOnOrAfter(addDays(end, random.int(7, 21)));
  }
  return periods;
}

/** The municipal school nearest the district, or one of the contracted schools. */
function sfiSchoolFor(ctx: PersonContext, districtCode: string): number {
  const schools = providersOfKind('SFI_SCHOOL');
  const near = ['RK', 'ST', 'HV', 'BR'].includes(districtCode) ? 'Sfi Stockholm Kista' : ['HL', 'SKH', 'AV', 'SO'].includes(districtCode) ? 'Sfi Stockholm Liljeholmen' : null;
  const municipal = schools.find((s) => s.name === near);
  if (municipal && ctx.random.chance(0.7)) return municipal.id;
  return ctx.random.pick(schools.filter((s) => !s.name.startsWith('Sfi Stockholm'))).id;
}

/**
 * Registration at Arbetsförmedlingen: the establishment programme for newly arrived adults,
 * the guarantees for some of the long-term unemployed, and the activities AF plans.
 */
export function planArbetsformedlingen(ctx: PersonContext, person: Person): AfRegistration | null {
  const { random, bundle, ids } = ctx;
  const af = figures.ARBETSFORMEDLINGEN;
  const share = person.receivedOn ? af.newlyArrivedRegistered : person.needReason === 'UNEMPLOYMENT' ? af.unemployedRegistered : af.otherReasonsRegistered;
  if (!random.chance(share)) return null;

  const registeredOn = workingDayOnOrAfter(person.receivedOn ? addDays(person.receivedOn, random.int(0, 30)) : addDays(person.spellStart, -random.int(0, 60)));
  const age = ageOn(person.birthDate, registeredOn);
  let programme: AfProgramme = 'NONE';
  let from: string | null = null;
  let to: string | null = null;
  let extentPercent = 0;
  if (person.receivedOn && age >= 20) {
    programme = 'ESTABLISHMENT_PROGRAMME';
    from = registeredOn;
    to = addDays(registeredOn, 729);
    extentPercent = random.weighted(af.establishmentExtent);
  } else if (!person.receivedOn && isYouth(age) && random.chance(af.youthJobGuarantee)) {
    programme = 'YOUTH_JOB_GUARANTEE';
    from = mondayOnOrAfter(addDays(registeredOn, 90));
    to = addDays(from, 455);
    extentPercent = 100;
  } else if (!person.receivedOn && person.needReason === 'UNEMPLOYMENT' && random.chance(af.jobAndDevelopmentGuarantee)) {
    programme = 'JOB_AND_DEVELOPMENT_GUARANTEE';
    from = mondayOnOrAfter(addDays(registeredOn, random.int(120, 400)));
    to = addDays(from, 540);
    extentPercent = random.chance(0.8) ? 100 : 50;
  }
  const registration: AfRegistration = { id: ids.next('job_seeker_registrations'), programme, from, to, extentPercent };
  bundle.partners.job_seeker_registrations.push({
    ...firstVersion('ARBETSFORMEDLINGEN'),
    id: registration.id,
    personnummer: person.personnummer,
    registered_on: registeredOn,
    office: AF_OFFICES[person.district.code],
    programme,
    programme_from: from,
    programme_to: to,
    programme_extent_percent: extentPercent,
  });

  const plans: [AfActivityKind, number, [number, number]][] = person.receivedOn
    ? [
        ['ASSESSMENT', 1, [7, 21]],
        ['CIVIC_ORIENTATION', 0.95, [14, 60]],
        ['VALIDATION', 0.4, [60, 200]],
        ['WORK_PLACEMENT', 0.3, [180, 400]],
        ['LABOUR_MARKET_TRAINING', 0.25, [240, 500]],
        ['JOB_SEARCH', 0.3, [540, 650]],
      ]
    : [
        ['JOB_SEARCH', 0.7, [7, 30]],
        ['LABOUR_MARKET_TRAINING', 0.15, [60, 200]],
      ];
  for (const [kind, probability, [minDays, maxDays]] of plans) {
    if (!random.chance(probability)) continue;
    const start = mondayOnOrAfter(addDays(registeredOn, random.int(minDays, maxDays)));
    if (start > addDays(ctx.until, 90)) continue;
    planAfActivity(ctx, registration.id, AF_ACTIVITIES[kind], start, person);
  }
  return registration;
}

/**
 * One planned activity, if one of `schedules` fits the person's week; returns its row's id.
 * @param force book the first schedule even where it clashes (a planted conflict).
 */
export function planAfActivity(
  ctx: PersonContext,
  registrationId: number,
  template: ActivityTemplate<AfActivityKind>,
  start: string,
  person: Person,
  schedules: readonly (readonly Slot[])[] = ctx.random.shuffle(template.schedules),
  force = false,
): number | null {
  const { random, bundle, ids, timetable } = ctx;
  const end = endAfterWeeks(start, random.int(template.weeks[0], template.weeks[1]));
  let booked: { schedule: readonly Slot[]; hours: number } | null;
  if (force) {
    const schedule = schedules[0];
    booked = { schedule, hours: schedule.length ? hoursOf(schedule) : template.unscheduledHours };
    timetable.add({ from: start, to: end, ...booked, duplicateClass: template.duplicateClass });
  } else {
    booked = timetable.bookFirstFitting(start, end, schedules, template.unscheduledHours, template.duplicateClass);
  }
  if (!booked) return null;
  const language = CIVIC_ORIENTATION_LANGUAGE[person.origin];
  const title = template.kind === 'CIVIC_ORIENTATION' ? `${template.titles[0]} ${language ?? 'lätt svenska'}` : random.pick(template.titles);
  const id = ids.next('planned_activities');
  bundle.partners.planned_activities.push({
    ...firstVersion('ARBETSFORMEDLINGEN'),
    ended_on: null,
    id,
    registration_id: registrationId,
    kind: template.kind,
    title,
    provider_id: providerFor(ctx, template.providers),
    start_date: start,
    end_date: end,
    hours_per_week: booked.hours,
    schedule: scheduleJson(booked.schedule),
  });
  return id;
}

/**
 * What Arbetsförmedlingen records as part of an establishment programme: the Sfi courses
 * and the introductions to working life that start within it, which the establishment plan
 * takes in. A course begun before the person entered the programme stays the school's own,
 * counted on top, as do mentorship, health and language support, which the providers give
 * beside the programme. A rule of the dates alone, drawing nothing, so the rest of the
 * world is what it was.
 */
export function recordProgrammeParts(ctx: PersonContext, registration: AfRegistration | null): void {
  const { bundle, ids } = ctx;
  if (registration?.programme !== 'ESTABLISHMENT_PROGRAMME' || registration.from === null) return;
  const { from, to } = registration;
  const within = (r: { start_date: string }) => r.start_date >= from && (to === null || r.start_date <= to);
  const part = (record: { sfi_enrolment_id: number | null; provider_assignment_id: number | null }) =>
    bundle.partners.programme_parts.push({ id: ids.next('programme_parts'), registration_id: registration.id, ...record, recorded_by: RECORDERS.ARBETSFORMEDLINGEN });
  for (const e of bundle.partners.sfi_enrolments.filter(within)) part({ sfi_enrolment_id: e.id, provider_assignment_id: null });
  for (const a of bundle.partners.provider_assignments.filter((a) => a.service === 'WORKING_LIFE_INTRODUCTION' && within(a))) {
    part({ sfi_enrolment_id: null, provider_assignment_id: a.id });
  }
}

/** Etablering Stockholm: a share of the newly arrived get a provider's service. */
export function planProviderAssignment(ctx: PersonContext, person: Person): void {
  const { random, bundle, ids, timetable, until } = ctx;
  if (!person.receivedOn || !random.chance(figures.PROVIDER_ASSIGNMENT_SHARE)) return;
  const start = mondayOnOrAfter(addDays(person.receivedOn, random.int(60, 240)));
  if (start > addDays(until, 30)) return;
  const service = random.weighted<EstablishmentService>([
    ['MENTORSHIP', 0.35],
    ['WORKING_LIFE_INTRODUCTION', 0.3],
    ['HEALTH_SUPPORT', 0.15],
    ['WORKPLACE_LANGUAGE_SUPPORT', 0.2],
  ]);
  const end = endAfterWeeks(start, random.int(12, 34));
  const { schedules, unscheduledHours } = PROVIDER_SERVICES[service];
  const booked = timetable.bookFirstFitting(start, end, random.shuffle(schedules), unscheduledHours, null);
  if (!booked) return;
  bundle.partners.provider_assignments.push({
    ...firstVersion('ETABLERING_PROVIDER'),
    id: ids.next('provider_assignments'),
    personnummer: person.personnummer,
    provider_id: random.pick(providersOfKind('ESTABLISHMENT_SERVICE')).id,
    service,
    start_date: start,
    end_date: end,
    hours_per_week: booked.hours,
    schedule: scheduleJson(booked.schedule),
  });
}
