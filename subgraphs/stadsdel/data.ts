import { Knex } from 'knex';
import { forUpdate } from '../../lib/db';
import { infoMeetingAudience, infoMeetingTime } from './rules/info-meeting';
import { conflict, notFound } from '../../lib/errors';
import { idempotentRow, WriteRequest } from '../../lib/idempotency';
import { ListScope, paginate, PageArgs } from '../../lib/pagination';
import { addDays, mondayOf, todayInStockholm, toDbDateTime } from '../../lib/scalars/calendar';
import { checkConsentInput, checkWithdrawal } from './rules/consent';
import { checkDecisionInput, versionAfter } from './rules/decision';
import { BOOKING_HORIZON_WEEKS, checkReferral, consentForReferral } from './rules/referral';
import { checkMeetingInput } from './rules/three-party-meeting';
import {
  ConsentPartyRow,
  ConsentRow,
  DecisionPage,
  DecisionRow,
  DistrictRow,
  FreeInfoMeetingModel,
  InfoMeetingRow,
  PersonPage,
  PersonRow,
  ReferralPage,
  ReferralRow,
  ThreePartyMeetingRow,
} from './models';
import type {
  IncomeSupportDecisionFilter,
  PersonFilter,
  RecordConsentInput,
  RecordIncomeSupportDecisionInput,
  ReferToJobbtorgInput,
  ScheduleThreePartyMeetingInput,
  ReferralFilter,
  WithdrawConsentInput,
} from './__generated__/resolvers-types';

/**
 * Every query the stadsdel subgraph runs. The `…By…` functions take a batch of keys and
 * back the DataLoaders; the list functions back the root connections.
 */

export function allDistricts(db: Knex): Promise<DistrictRow[]> {
  return db('districts').orderBy('name');
}

export function personsByPersonnummer(db: Knex, personnummer: string[]): Promise<PersonRow[]> {
  return db('persons').whereIn('personnummer', personnummer);
}

export function decisionsById(db: Knex, ids: string[]): Promise<DecisionRow[]> {
  return db('income_support_decisions').whereIn('id', ids);
}

/** Current decisions (not changed by a later one), newest month first, as a person's history reads. */
export function decisionsByPersonnummer(db: Knex, personnummer: string[]): Promise<DecisionRow[]> {
  return db('income_support_decisions').whereIn('personnummer', personnummer).whereNull('replaced_by_id').orderBy([
    { column: 'month', order: 'desc' },
    { column: 'id', order: 'desc' },
  ]);
}

export function referralsById(db: Knex, ids: string[]): Promise<ReferralRow[]> {
  return db('referrals').whereIn('id', ids);
}

export function referralsByPersonnummer(db: Knex, personnummer: string[]): Promise<ReferralRow[]> {
  return db('referrals').whereIn('personnummer', personnummer).orderBy([
    { column: 'referred_at', order: 'desc' },
    { column: 'id', order: 'desc' },
  ]);
}

export function infoMeetingsById(db: Knex, ids: string[]): Promise<InfoMeetingRow[]> {
  return db('info_meetings').whereIn('id', ids);
}

/** Meetings of several districts that start within [from, to], earliest first. */
export function infoMeetingsOfDistricts(db: Knex, codes: string[], from: string, to: string): Promise<InfoMeetingRow[]> {
  return db('info_meetings')
    .whereIn('district_code', codes)
    .whereBetween('starts_at', [`${from} 00:00:00`, `${to} 23:59:59`])
    .orderBy([{ column: 'starts_at' }, { column: 'id' }]);
}

/** Booked places per meeting: referrals on it that were not withdrawn. */
export function bookedPlacesByInfoMeeting(db: Knex, ids: string[]): Promise<{ info_meeting_id: number; booked: number }[]> {
  return db('referrals')
    .select('info_meeting_id')
    .count({ booked: '*' })
    .whereIn('info_meeting_id', ids)
    .whereNot('status', 'WITHDRAWN')
    .groupBy('info_meeting_id') as unknown as Promise<{ info_meeting_id: number; booked: number }[]>;
}

export function threePartyMeetingsById(db: Knex, ids: string[]): Promise<ThreePartyMeetingRow[]> {
  return db('three_party_meetings').whereIn('id', ids);
}

export function threePartyMeetingsByPersonnummer(db: Knex, personnummer: string[]): Promise<ThreePartyMeetingRow[]> {
  return db('three_party_meetings').whereIn('personnummer', personnummer).orderBy([
    { column: 'starts_at' },
    { column: 'id' },
  ]);
}

export function consentsById(db: Knex, ids: string[]): Promise<ConsentRow[]> {
  return db('consents').whereIn('id', ids);
}

export function consentsByPersonnummer(db: Knex, personnummer: string[]): Promise<ConsentRow[]> {
  return db('consents').whereIn('personnummer', personnummer).orderBy([
    { column: 'recorded_at', order: 'desc' },
    { column: 'id', order: 'desc' },
  ]);
}

export function partiesByConsent(db: Knex, consentIds: string[]): Promise<ConsentPartyRow[]> {
  return db('consent_parties').whereIn('consent_id', consentIds).orderBy('party');
}

export function listPersons(db: Knex, scope: ListScope, filter: PersonFilter | null | undefined, page: PageArgs): Promise<PersonPage> {
  const query = scope(db('persons').select('persons.*'));
  if (filter?.districtCode) query.where('district_code', filter.districtCode);
  if (filter?.protectedIdentity != null) query.where('protected_identity', filter.protectedIdentity);
  return paginate(query, page, [{ column: 'personnummer', valueOf: (p: PersonRow) => p.personnummer }], 'persons');
}

/** Every person in the caller's scope, by personnummer, in one statement: whose shared plans the caller takes part in. */
export async function scopedPersonnummer(db: Knex, scope: ListScope): Promise<string[]> {
  const rows: { personnummer: string }[] = await scope(db('persons').select('persons.personnummer')).orderBy('persons.personnummer');
  return rows.map((r) => r.personnummer);
}

export function listDecisions(
  db: Knex,
  scope: ListScope,
  filter: IncomeSupportDecisionFilter | null | undefined,
  page: PageArgs,
): Promise<DecisionPage> {
  const query = scope(db('income_support_decisions').select('income_support_decisions.*').whereNull('replaced_by_id'));
  if (filter?.districtCode) query.where('district_code', filter.districtCode);
  if (filter?.personnummer) query.where('personnummer', filter.personnummer);
  if (filter?.outcome) query.where('outcome', filter.outcome);
  if (filter?.needReason) query.where('need_reason', filter.needReason);
  if (filter?.fromMonth) query.where('month', '>=', filter.fromMonth);
  if (filter?.toMonth) query.where('month', '<=', filter.toMonth);
  return paginate(
    query,
    page,
    [
      { column: 'month', descending: true, valueOf: (d: DecisionRow) => d.month },
      { column: 'id', descending: true, valueOf: (d: DecisionRow) => d.id },
    ],
    'incomeSupportDecisions',
  );
}

export function listReferrals(db: Knex, scope: ListScope, filter: ReferralFilter | null | undefined, page: PageArgs): Promise<ReferralPage> {
  const query = scope(db('referrals').select('referrals.*'));
  if (filter?.districtCode) query.where('district_code', filter.districtCode);
  if (filter?.status) query.where('status', filter.status);
  if (filter?.reason) query.where('reason', filter.reason);
  if (filter?.from) query.where('referred_at', '>=', `${filter.from} 00:00:00`);
  if (filter?.to) query.where('referred_at', '<=', `${filter.to} 23:59:59`);
  return paginate(
    query,
    page,
    [
      { column: 'referred_at', descending: true, valueOf: (r: ReferralRow) => r.referred_at },
      { column: 'id', descending: true, valueOf: (r: ReferralRow) => r.id },
    ],
    'referrals',
  );
}

/**
 * Records a decision in one transaction. The person's row is locked first, so two writers
 * for the same person take turns and cannot both find the month free.
 */
export async function recordDecision(db: Knex, request: WriteRequest<RecordIncomeSupportDecisionInput>, now: Date): Promise<DecisionRow> {
  const { input, caller } = request;
  checkDecisionInput(input);
  return idempotentRow(db, 'income_support_decisions', request, now, async (trx) => {
    const person: PersonRow | undefined = await forUpdate(trx('persons').where({ personnummer: input.personnummer }), trx).first();
    if (!person) throw notFound('input.personnummer');
    const current: DecisionRow | undefined = await trx('income_support_decisions')
      .where({ personnummer: input.personnummer, month: input.month })
      .whereNull('replaced_by_id')
      .first();
    const version = versionAfter(current ?? null, input.replaces);
    const [id] = await trx('income_support_decisions').insert({
      personnummer: input.personnummer,
      district_code: person.district_code,
      month: input.month,
      outcome: input.outcome,
      amount: input.amount,
      need_reason: input.needReason,
      decided_at: toDbDateTime(now),
      decided_by: caller.user,
      version,
      replaces_id: current?.id ?? null,
    });
    if (current) await trx('income_support_decisions').where({ id: current.id }).update({ replaced_by_id: id });
    return trx('income_support_decisions').where({ id }).first();
  });
}

/** Records a consent and its parties in one transaction. */
export async function recordConsent(db: Knex, request: WriteRequest<RecordConsentInput>, now: Date): Promise<ConsentRow> {
  const { input, caller } = request;
  checkConsentInput(input);
  return idempotentRow(db, 'consents', request, now, async (trx) => {
    if (!(await trx('persons').where({ personnummer: input.personnummer }).first())) throw notFound('input.personnummer');
    const [id] = await trx('consents').insert({
      personnummer: input.personnummer,
      purpose: input.purpose,
      valid_from: input.validFrom,
      valid_to: input.validTo ?? null,
      recorded_at: toDbDateTime(now),
      recorded_by: caller.user,
    });
    await trx('consent_parties').insert(input.parties.map((party) => ({ consent_id: id, party })));
    return trx('consents').where({ id }).first();
  });
}

/** Withdraws a consent; the row is locked so two withdrawals cannot both pass the version check. */
export async function withdrawConsent(db: Knex, request: WriteRequest<WithdrawConsentInput>, now: Date): Promise<ConsentRow> {
  const { input, caller } = request;
  return idempotentRow(db, 'consents', request, now, async (trx) => {
    const consent: ConsentRow | undefined = await forUpdate(trx('consents').where({ id: input.id }), trx).first();
    if (!consent) throw notFound('input.id');
    checkWithdrawal(consent, input);
    await trx('consents')
      .where({ id: consent.id })
      .update({ withdrawn_at: toDbDateTime(now), withdrawn_by: caller.user, version: consent.version + 1 });
    return trx('consents').where({ id: consent.id }).first();
  });
}

/**
 * Refers a person to Jobbtorg and books an info-meeting place, in one transaction. The
 * district's row is locked first, so bookings in one district take turns and the last
 * place of a week goes to exactly one of two simultaneous referrals.
 */
export async function referToJobbtorg(db: Knex, request: WriteRequest<ReferToJobbtorgInput>, now: Date): Promise<ReferralRow> {
  const { input, caller } = request;
  const today = todayInStockholm(now);
  return idempotentRow(db, 'referrals', request, now, async (trx) => {
    // Locking reads only, until the district is locked: on MySQL the first plain read fixes
    // the transaction's snapshot, and a snapshot taken before the lock would miss a booking
    // that the writer ahead of us committed while we waited.
    const person: PersonRow | undefined = await forUpdate(trx('persons').where({ personnummer: input.personnummer }), trx).first();
    if (!person) throw notFound('input.personnummer');
    const district: DistrictRow = await forUpdate(trx('districts').where({ code: person.district_code }), trx).first();
    const consents: ConsentRow[] = await trx('consents').where({ personnummer: input.personnummer });
    const parties: ConsentPartyRow[] = await trx('consent_parties').whereIn('consent_id', consents.map((c) => c.id));
    const consent = consentForReferral(consents, parties, today);
    const open: ReferralRow[] = await trx('referrals').where({ personnummer: input.personnummer, status: 'BOOKED' });
    checkReferral(input, consent, open);

    let weekStart = await firstWeekWithPlace(trx, district, firstBookableWeek(today, input.fromWeek));
    let audience = infoMeetingAudience(person.birth_date, weekStart);
    if (audience === null) {
      // Turns 25 between the week's two meetings: the next week with a place fits.
      weekStart = await firstWeekWithPlace(trx, district, addDays(weekStart, 7));
      audience = infoMeetingAudience(person.birth_date, weekStart)!;
    }
    const meetingId = await meetingFor(trx, district.code, weekStart, audience);
    const [id] = await trx('referrals').insert({
      personnummer: person.personnummer,
      district_code: district.code,
      reason: input.reason,
      info_meeting_id: meetingId,
      consent_id: consent!.id,
      status: 'BOOKED',
      referred_at: toDbDateTime(now),
      referred_by: caller.user,
    });
    return trx('referrals').where({ id }).first();
  });
}

/**
 * Marks a booked referral as enrolled by Jobbtorg, inside Jobbtorg's enrolment (only Jobbtorg
 * may: ./access.ts). A repeat for the same case is a no-op, so Jobbtorg may retry.
 */
export async function recordReferralEnrolment(db: Knex, referralId: string, caseId: string): Promise<ReferralRow> {
  return db.transaction(async (trx) => {
    const referral: ReferralRow | undefined = await forUpdate(trx('referrals').where({ id: referralId }), trx).first();
    if (!referral) throw notFound('referralId');
    if (referral.status === 'ENROLLED' && String(referral.jobbtorg_case_id) === caseId) return referral;
    if (referral.status !== 'BOOKED') throw conflict('referralId', `is ${referral.status}, not BOOKED`);
    await trx('referrals').where({ id: referral.id }).update({ status: 'ENROLLED', jobbtorg_case_id: Number(caseId) });
    return trx('referrals').where({ id: referral.id }).first();
  });
}

/**
 * Takes back an enrolment notice whose case Jobbtorg could not write after all: the
 * referral is booked again. Only for the same case; a repeat is a no-op.
 */
export async function undoReferralEnrolment(db: Knex, referralId: string, caseId: string): Promise<ReferralRow> {
  return db.transaction(async (trx) => {
    const referral: ReferralRow | undefined = await forUpdate(trx('referrals').where({ id: referralId }), trx).first();
    if (!referral) throw notFound('referralId');
    if (referral.status === 'ENROLLED' && String(referral.jobbtorg_case_id) === caseId) {
      await trx('referrals').where({ id: referral.id }).update({ status: 'BOOKED', jobbtorg_case_id: null });
    } else if (referral.status !== 'BOOKED') {
      throw conflict('referralId', `is ${referral.status} for another case`);
    }
    return trx('referrals').where({ id: referral.id }).first();
  });
}

/** Takes back a closure notice whose closure Jobbtorg could not write after all. */
export async function undoReferralClosure(db: Knex, referralId: string, closedOn: string): Promise<ReferralRow> {
  return db.transaction(async (trx) => {
    const referral: ReferralRow | undefined = await forUpdate(trx('referrals').where({ id: referralId }), trx).first();
    if (!referral) throw notFound('referralId');
    if (referral.jobbtorg_closed_on === closedOn) await trx('referrals').where({ id: referral.id }).update({ jobbtorg_closed_on: null });
    return trx('referrals').where({ id: referral.id }).first();
  });
}

/**
 * Records that Jobbtorg closed the case a referral led to, inside Jobbtorg's closure:
 * Jobbtorg's access to the person's records ends with it (only Jobbtorg may: ./access.ts).
 * A repeat is a no-op.
 */
export async function recordReferralClosure(db: Knex, referralId: string, closedOn: string): Promise<ReferralRow> {
  return db.transaction(async (trx) => {
    const referral: ReferralRow | undefined = await forUpdate(trx('referrals').where({ id: referralId }), trx).first();
    if (!referral) throw notFound('referralId');
    if (referral.status !== 'ENROLLED') throw conflict('referralId', `is ${referral.status}, not ENROLLED`);
    await trx('referrals').where({ id: referral.id }).update({ jobbtorg_closed_on: closedOn });
    return trx('referrals').where({ id: referral.id }).first();
  });
}

/** Monday of the first week a booking may go to: the week after today, or a later one asked for. */
function firstBookableWeek(today: string, fromWeek: string | null | undefined): string {
  return mondayOf(fromWeek && fromWeek > today ? fromWeek : addDays(today, 7));
}

/** Places booked in a district's week, across both audiences; withdrawn referrals free theirs. */
async function bookedInWeek(db: Knex, districtCode: string, weekStart: string): Promise<number> {
  const [{ booked }] = await db('referrals')
    .join('info_meetings', 'info_meetings.id', 'referrals.info_meeting_id')
    .where({ 'info_meetings.district_code': districtCode, 'info_meetings.week_start': weekStart })
    .whereNot('referrals.status', 'WITHDRAWN')
    .count({ booked: '*' });
  return Number(booked);
}

/** Monday of the first week from `firstWeek` with a place left in the district's quota. */
async function firstWeekWithPlace(db: Knex, district: DistrictRow, firstWeek: string): Promise<string> {
  for (let week = 0; week < BOOKING_HORIZON_WEEKS; week++) {
    const weekStart = addDays(firstWeek, 7 * week);
    if ((await bookedInWeek(db, district.code, weekStart)) < district.info_meeting_quota_per_week) return weekStart;
  }
  throw conflict('input.fromWeek', `finds no free info-meeting place in ${district.name} within ${BOOKING_HORIZON_WEEKS} weeks`);
}

/** The next meeting a referral made now would be booked on, with the places left in its week. */
export async function nextFreeInfoMeeting(
  db: Knex,
  districtCode: string,
  audience: 'ADULTS' | 'YOUTH',
  now: Date,
): Promise<FreeInfoMeetingModel | null> {
  const district: DistrictRow | undefined = await db('districts').where({ code: districtCode }).first();
  if (!district) return null;
  const weekStart = await firstWeekWithPlace(db, district, firstBookableWeek(todayInStockholm(now), null));
  return {
    districtCode,
    audience,
    startsAt: infoMeetingTime(weekStart, audience).startsAtUtc,
    placesLeftInWeek: district.info_meeting_quota_per_week - (await bookedInWeek(db, districtCode, weekStart)),
  };
}

/** The district's meeting for the week and audience, created on first booking. */
async function meetingFor(trx: Knex, districtCode: string, weekStart: string, audience: 'ADULTS' | 'YOUTH'): Promise<number> {
  const existing: InfoMeetingRow | undefined = await trx('info_meetings')
    .where({ district_code: districtCode, week_start: weekStart, audience })
    .first();
  if (existing) return existing.id;
  const [id] = await trx('info_meetings').insert({
    district_code: districtCode,
    audience,
    week_start: weekStart,
    starts_at: infoMeetingTime(weekStart, audience).startsAtUtc,
  });
  return id;
}

/** Schedules a three-party meeting in the person's district. */
export async function scheduleThreePartyMeeting(
  db: Knex,
  request: WriteRequest<ScheduleThreePartyMeetingInput>,
  now: Date,
): Promise<ThreePartyMeetingRow> {
  const { input } = request;
  const names = checkMeetingInput(input, now);
  return idempotentRow(db, 'three_party_meetings', request, now, async (trx) => {
    const person: PersonRow | undefined = await trx('persons').where({ personnummer: input.personnummer }).first();
    if (!person) throw notFound('input.personnummer');
    const [id] = await trx('three_party_meetings').insert({
      personnummer: person.personnummer,
      district_code: person.district_code,
      district_officer: names.districtOfficer,
      jobbtorg_coach: names.jobbtorgCoach,
      third_party: names.thirdParty,
      starts_at: toDbDateTime(input.startsAt),
      notes: input.notes ?? null,
    });
    return trx('three_party_meetings').where({ id }).first();
  });
}
