import { createHash } from 'node:crypto';
import { Knex } from 'knex';
import { isYouth } from '../../../lib/domain';
import { createDb } from '../../../lib/db';
import { migrateToLatest } from '../../../lib/migrations';
import { PeopleSeeder, SubgraphDefinition } from '../../../lib/subgraph';
import { JOBBTORG_UNITS } from '../../../lib/reference/units';
import * as calendar from '../../../lib/scalars/calendar';
import { birthDateOf, luhnValid, parsePersonnummer } from '../../../lib/scalars/personnummer';
import { WeeklySlot } from '../../../lib/schedule';
import * as clock from '../../../seed/clock';
import * as figures from '../../../seed/figures';
import { insertInBatches } from '../../../seed/insert';
import { Random } from '../../../seed/random';
import { AGENCIES, DISTRICTS, PROVIDERS } from '../../../seed/reference';
import { DEFAULT_UNTIL, generateWorld, PersonBundle } from '../../../seed/world';
import * as jobbtorg from '../../../seed/jobbtorg';
import * as partners from '../../../seed/partners';
import * as stadsdel from '../../../seed/stadsdel';
import { jobbgarantiDeadline, reportingGroupOf, targetGroupOf } from '../../../subgraphs/jobbtorg/rules/case';
import { jobbtorg as jobbtorgDefinition } from '../../../subgraphs/jobbtorg/server';
import { isNewlyArrived } from '../../../subgraphs/partners/rules/reception';
import { partners as partnersDefinition } from '../../../subgraphs/partners/server';
import { stadsdel as stadsdelDefinition } from '../../../subgraphs/stadsdel/server';

/**
 * The deterministic seed: the same for the same seed, consistent across the three slices,
 * true to the domain rules, near the city's reported figures, and insertable into the three
 * databases as each subgraph's own slice.
 */

const { addDays, addMonths, ageOn } = calendar;
const UNTIL = DEFAULT_UNTIL;
const within = (value: number, target: number, tolerance: number) => {
  expect(value).toBeGreaterThanOrEqual(target - tolerance);
  expect(value).toBeLessThanOrEqual(target + tolerance);
};
const hash = (bundles: PersonBundle[]) => createHash('sha256').update(JSON.stringify(bundles)).digest('hex');

describe('Random', () => {
  it('repeats its sequence for a seed and keeps within bounds', () => {
    const a = new Random(42);
    const b = new Random(42);
    const draws = Array.from({ length: 1000 }, () => a.int(3, 9));
    expect(Array.from({ length: 1000 }, () => b.int(3, 9))).toEqual(draws);
    expect(new Set(draws)).toEqual(new Set([3, 4, 5, 6, 7, 8, 9]));
    expect(new Random(43).int(0, 1e9)).not.toBe(new Random(42).int(0, 1e9));
  });

  it('shuffles into a permutation without touching the input', () => {
    const items = [1, 2, 3, 4, 5, 6];
    const shuffled = new Random(1).shuffle(items);
    expect([...shuffled].sort()).toEqual(items);
    expect(items).toEqual([1, 2, 3, 4, 5, 6]);
  });
});

describe('the seed clock', () => {
  it('does day arithmetic exactly as lib/scalars/calendar does', () => {
    const mismatches: string[] = [];
    for (let day = '2019-12-25'; day < '2028-03-05'; day = calendar.addDays(day, 1)) {
      for (const n of [-400, -7, -1, 0, 1, 6, 31, 365]) if (clock.addDays(day, n) !== calendar.addDays(day, n)) mismatches.push(`addDays ${day} ${n}`);
      if (clock.mondayOf(day) !== calendar.mondayOf(day)) mismatches.push(`mondayOf ${day}`);
      if (clock.addWorkingDays(day, 5) !== calendar.addWorkingDays(day, 5)) mismatches.push(`addWorkingDays ${day}`);
    }
    expect(mismatches).toEqual([]);
  });

  it('writes Stockholm wall-clock times as UTC database instants across summer time', () => {
    for (const day of ['2025-01-14', '2025-03-28', '2025-03-31', '2025-07-01', '2025-10-24', '2025-10-27', '2026-11-24']) {
      const instant = clock.stockholmInstant(day, '09:00');
      const asDate = new Date(instant.replace(' ', 'T') + 'Z');
      expect(calendar.toDbDateTime(asDate)).toBe(instant);
      expect(asDate.toLocaleString('sv-SE', { timeZone: 'Europe/Stockholm' })).toBe(`${day} 09:00:00`);
    }
  });
});

describe('reference data', () => {
  it('has the fourteen districts, seven units and every district served', () => {
    expect(DISTRICTS).toHaveLength(14);
    expect(DISTRICTS.find((d) => d.code === 'EAV')?.info_meeting_quota_per_week).toBe(26);
    expect(JOBBTORG_UNITS).toHaveLength(7);
    for (const d of DISTRICTS) expect(JOBBTORG_UNITS.some((u) => u.parent_code === null && u.districts.includes(d.code))).toBe(true);
  });

  it('gives providers fixed ids, known agencies and valid organisation numbers', () => {
    expect(PROVIDERS.map((p) => p.id)).toEqual(PROVIDERS.map((_, i) => i + 1));
    for (const p of PROVIDERS) {
      expect(AGENCIES.map((a) => a.code)).toContain(p.agency_code);
      expect(p.organisation_number).toMatch(/^\d{2}[2-9]\d{3}-\d{4}$/);
      expect(luhnValid(p.organisation_number.replace('-', ''))).toBe(true);
    }
  });
});

describe('the seed world', () => {
  const PEOPLE = 3000;
  const world = [...generateWorld({ people: PEOPLE })];
  const all = <R,>(pick: (b: PersonBundle) => R[]): R[] => world.flatMap(pick);
  const persons = all((b) => b.stadsdel.persons);
  const referrals = all((b) => b.stadsdel.referrals);
  const cases = all((b) => b.jobbtorg.cases);
  const meetings = new Map(all((b) => b.stadsdel.info_meetings).map((m) => [m.id, m]));

  it('is the same for the same seed and differs for another', () => {
    expect(hash([...generateWorld({ people: PEOPLE })])).toBe(hash(world));
    expect(hash([...generateWorld({ people: 50, seed: 7 })])).not.toBe(hash(world.slice(0, 50)));
  });

  it('does not depend on how many people follow: a smaller world is a prefix', () => {
    expect(hash([...generateWorld({ people: 200 })])).toBe(hash(world.slice(0, 200)));
  });

  it('gives everyone a valid, unique personnummer matching the birth date', () => {
    const numbers = persons.map((p) => p.personnummer);
    expect(new Set(numbers).size).toBe(PEOPLE);
    for (const p of persons) {
      expect(parsePersonnummer(p.personnummer)).toBe(p.personnummer);
      expect(birthDateOf(p.personnummer)).toBe(p.birth_date);
    }
  });

  it('opens a case for every enrolled referral, and only for those', () => {
    const referralById = new Map(referrals.map((r) => [r.id, r]));
    for (const c of cases) {
      const referral = referralById.get(c.referral_id)!;
      expect(referral).toMatchObject({ personnummer: c.personnummer, district_code: c.district_code, status: 'ENROLLED' });
      expect(meetings.get(referral.info_meeting_id)!.starts_at.slice(0, 10)).toBe(c.enrolled_on);
      // No one is enrolled before the district referred them (Jobbtorg refuses it).
      expect(calendar.todayInStockholm(new Date(calendar.fromDbDateTime(referral.referred_at))) <= c.enrolled_on).toBe(true);
    }
    expect(cases).toHaveLength(referrals.filter((r) => r.status === 'ENROLLED').length);
    expect(new Set(cases.map((c) => c.referral_id)).size).toBe(cases.length);
  });

  it('follows the domain rules for target group, reporting group, jobbgaranti and unit', () => {
    for (const b of world) {
      const person = b.stadsdel.persons[0];
      for (const c of b.jobbtorg.cases) {
        const reception = b.partners.municipality_receptions[0]?.received_on ?? null;
        const targetGroup = targetGroupOf({
          birthDate: person.birth_date,
          enrolledOn: c.enrolled_on,
          needReason: b.stadsdel.income_support_decisions[0].need_reason,
          newlyArrivedRefugee: isNewlyArrived(reception, c.enrolled_on),
          studiesSfi: b.partners.sfi_enrolments.some((e) => e.start_date <= c.enrolled_on && c.enrolled_on <= (e.end_date ?? c.enrolled_on)),
        });
        expect(c.target_group).toBe(targetGroup);
        expect(c.reporting_group).toBe(reportingGroupOf(c.target_group, person.birth_date, c.enrolled_on));
        expect(c.jobbgaranti_deadline).toBe(jobbgarantiDeadline(c.enrolled_on));
        const unit = JOBBTORG_UNITS.find((u) => u.code === c.unit_code)!;
        expect(unit.districts).toContain(c.district_code);
        if (unit.youth_only) expect(c.target_group).toBe('YOUTH');
      }
    }
  });

  it('books each referral on a meeting of its district and audience, within the weekly quota', () => {
    const keys = new Set<string>();
    for (const m of meetings.values()) {
      const key = `${m.district_code}|${m.week_start}|${m.audience}`;
      expect(keys.has(key)).toBe(false);
      keys.add(key);
      expect(calendar.mondayOf(m.week_start)).toBe(m.week_start);
    }
    const birthDate = new Map(persons.map((p) => [p.personnummer, p.birth_date]));
    const perWeek = new Map<string, number>();
    for (const r of referrals) {
      const m = meetings.get(r.info_meeting_id)!;
      expect(m.district_code).toBe(r.district_code);
      expect(m.starts_at > r.referred_at).toBe(true);
      expect(m.audience).toBe(isYouth(ageOn(birthDate.get(r.personnummer)!, m.starts_at.slice(0, 10))) ? 'YOUTH' : 'ADULTS');
      const key = `${m.district_code}|${m.week_start}`;
      perWeek.set(key, (perWeek.get(key) ?? 0) + 1);
    }
    for (const [key, booked] of perWeek) {
      expect(booked).toBeLessThanOrEqual(DISTRICTS.find((d) => d.code === key.split('|')[0])!.info_meeting_quota_per_week);
    }
    for (const r of referrals.filter((r) => r.status === 'BOOKED')) expect(meetings.get(r.info_meeting_id)!.starts_at.slice(0, 10) > UNTIL).toBe(true);
  });

  it('queues rather than overbooks when a district’s weeks are full', () => {
    const crowded = [...generateWorld({ people: 3000, from: '2025-01-01', until: '2025-03-31' })];
    const crowdedMeetings = new Map(crowded.flatMap((b) => b.stadsdel.info_meetings).map((m) => [m.id, m]));
    const perWeek = new Map<string, number>();
    for (const r of crowded.flatMap((b) => b.stadsdel.referrals)) {
      const m = crowdedMeetings.get(r.info_meeting_id)!;
      perWeek.set(`${m.district_code}|${m.week_start}`, (perWeek.get(`${m.district_code}|${m.week_start}`) ?? 0) + 1);
    }
    const full = [...perWeek].filter(([key, booked]) => booked === DISTRICTS.find((d) => d.code === key.split('|')[0])!.info_meeting_quota_per_week);
    const over = [...perWeek].filter(([key, booked]) => booked > DISTRICTS.find((d) => d.code === key.split('|')[0])!.info_meeting_quota_per_week);
    expect(full.length).toBeGreaterThan(0);
    expect(over).toEqual([]);
  });

  it('rests referrals on the person’s own referral consent, and feedback on the case’s referral', () => {
    const consents = new Map(all((b) => b.stadsdel.consents).map((c) => [c.id, c]));
    for (const r of referrals.filter((r) => r.consent_id !== null)) {
      expect(consents.get(r.consent_id!)).toMatchObject({ personnummer: r.personnummer, purpose: 'REFERRAL' });
    }
    const parties = new Map<number, string[]>();
    for (const p of all((b) => b.stadsdel.consent_parties)) parties.set(p.consent_id, [...(parties.get(p.consent_id) ?? []), p.party]);
    for (const c of consents.values()) expect(parties.get(c.id)).toEqual(expect.arrayContaining(['SOCIAL_SERVICES', 'JOBBTORG']));
    const caseById = new Map(cases.map((c) => [c.id, c]));
    for (const f of all((b) => b.jobbtorg.feedback)) expect(caseById.get(f.case_id)!.referral_id).toBe(f.referral_id);
  });

  it('records as parts of an establishment programme the Sfi courses and introductions to working life that start within it', () => {
    let inProgrammeWithSfi = 0;
    let withParts = 0;
    for (const b of world) {
      const { job_seeker_registrations: registrations, sfi_enrolments: sfi, provider_assignments: assignments, programme_parts: parts } = b.partners;
      for (const part of parts) {
        const registration = registrations.find((r) => r.id === part.registration_id)!;
        expect(registration.programme).toBe('ESTABLISHMENT_PROGRAMME');
        expect([part.sfi_enrolment_id, part.provider_assignment_id].filter((id) => id !== null)).toHaveLength(1);
        const record = part.sfi_enrolment_id !== null ? sfi.find((e) => e.id === part.sfi_enrolment_id) : assignments.find((a) => a.id === part.provider_assignment_id);
        expect(record!.start_date >= registration.programme_from! && record!.start_date <= registration.programme_to!).toBe(true);
        if (part.provider_assignment_id !== null) expect(assignments.find((a) => a.id === part.provider_assignment_id)!.service).toBe('WORKING_LIFE_INTRODUCTION');
      }
      const programme = registrations.find((r) => r.programme === 'ESTABLISHMENT_PROGRAMME');
      if (programme && sfi.length) {
        inProgrammeWithSfi++;
        if (parts.length) withParts++;
      }
    }
    // Nearly everyone's Sfi starts within the programme; a few began it before and keep it Sfi's own.
    expect(withParts / inProgrammeWithSfi).toBeGreaterThan(0.9);
    expect(withParts).toBeLessThan(inProgrammeWithSfi);
  });

  it('names only providers that exist, of the right kind', () => {
    const kind = new Map(PROVIDERS.map((p) => [p.id, p.kind]));
    for (const i of all((b) => b.jobbtorg.interventions)) if (i.provider_id !== null) expect(kind.has(i.provider_id)).toBe(true);
    for (const a of all((b) => b.partners.planned_activities)) if (a.provider_id !== null) expect(kind.has(a.provider_id)).toBe(true);
    for (const e of all((b) => b.partners.sfi_enrolments)) expect(kind.get(e.school_id)).toBe('SFI_SCHOOL');
    for (const a of all((b) => b.partners.provider_assignments)) expect(kind.get(a.provider_id)).toBe('ESTABLISHMENT_SERVICE');
  });

  it('decides income support once a month per person, refusals at 0 SEK, before the month starts or early in it', () => {
    const wrong: unknown[] = [];
    for (const b of world) {
      const months = b.stadsdel.income_support_decisions.map((d) => d.month);
      if (new Set(months).size !== months.length) wrong.push(months);
      for (const d of b.stadsdel.income_support_decisions) {
        const amountOk = d.outcome === 'REFUSED' ? d.amount === 0 : d.amount > 0;
        const decidedOk = d.decided_at >= `${addMonths(d.month, -1)}-15` && d.decided_at < `${d.month}-08`;
        if (d.month > UNTIL.slice(0, 7) || !amountOk || !decidedOk) wrong.push(d);
      }
    }
    expect(wrong).toEqual([]);
  });

  it('closes a case with everything in it: no intervention runs past the closure', () => {
    const planCase = new Map(all((b) => b.jobbtorg.job_plans).map((p) => [p.id, p.case_id]));
    const caseById = new Map(cases.map((c) => [c.id, c]));
    for (const i of all((b) => b.jobbtorg.interventions)) {
      const c = caseById.get(planCase.get(i.plan_id)!)!;
      expect(JSON.parse(i.schedule)).toEqual(expect.any(Array));
      if (!c.closed_on) continue;
      expect(i.start_date <= c.closed_on).toBe(true);
      expect((i.ended_on ?? i.end_date)! <= c.closed_on).toBe(true);
    }
    for (const c of cases) expect(c.status).toBe(c.closed_on ? 'CLOSED' : 'OPEN');
  });

  describe('near the city’s figures', () => {
    const matured = cases.filter((c) => c.enrolled_on <= addDays(UNTIL, -365));
    const closedWithinYear = (cs: typeof cases) => cs.filter((c) => c.closed_on && c.closed_on <= addDays(c.enrolled_on, 365)).length / cs.length;

    it('closes 56 % within a year (2012: 56.4 %), youth more often (67 %)', () => {
      within(closedWithinYear(matured), 0.564, 0.08);
      const youth = matured.filter((c) => c.reporting_group === 'YOUTH_16_24');
      const others = matured.filter((c) => c.reporting_group !== 'YOUTH_16_24');
      within(closedWithinYear(youth), 0.67, 0.1);
      expect(closedWithinYear(youth)).toBeGreaterThan(closedWithinYear(others));
    });

    it('closes 40 % to work or studies within three months (2013), counted among closures', () => {
      const closures = matured.filter((c) => c.closed_on);
      const early = closures.filter((c) => ['WORK', 'STUDIES'].includes(c.closure_reason!) && c.closed_on! <= addDays(c.enrolled_on, 91));
      within(early.length / closures.length, 0.4, 0.1);
    });

    it('has 24 % of those enrolled now enrolled for over a year (2013)', () => {
      const open = cases.filter((c) => !c.closed_on);
      within(open.filter((c) => c.enrolled_on < addDays(UNTIL, -365)).length / open.length, 0.24, 0.08);
    });

    it('leaves 71 % without income support six months after closure (2013)', () => {
      const supported = new Set(all((b) => b.stadsdel.income_support_decisions).filter((d) => d.outcome !== 'REFUSED').map((d) => `${d.personnummer}|${d.month}`));
      const followed = cases.filter((c) => c.closed_on && addMonths(c.closed_on.slice(0, 7), 6) <= UNTIL.slice(0, 7));
      const off = followed.filter((c) => !supported.has(`${c.personnummer}|${addMonths(c.closed_on!.slice(0, 7), 6)}`));
      within(off.length / followed.length, 0.71, 0.07);
    });

    it('enrols Resurs as 18.6 % of cases (2013: 1,235 of 6,627)', () => {
      within(cases.filter((c) => c.target_group === 'RESURS').length / cases.length, 1235 / 6627, 0.05);
    });

    it('keeps the jobbgaranti for most cases, not all', () => {
      const plans = new Map(all((b) => b.jobbtorg.job_plans).map((p) => [p.case_id, p]));
      const due = cases.filter((c) => c.jobbgaranti_deadline <= UNTIL);
      within(due.filter((c) => plans.has(c.id)).length / due.length, 0.9, 0.05);
      within(due.filter((c) => (plans.get(c.id)?.established_on ?? '9999') <= c.jobbgaranti_deadline).length / due.length, 0.87, 0.05);
    });

    it('plants conflicting plans for about 12 % of newcomers with a plan, and for nobody else', () => {
      let newcomersWithPlans = 0;
      let colliding = 0;
      for (const b of world) {
        const conflicting = hasConflict(b);
        if (b.partners.municipality_receptions.length && b.jobbtorg.interventions.length) {
          newcomersWithPlans++;
          if (conflicting) colliding++;
        } else {
          expect(conflicting).toBe(false);
        }
      }
      within(colliding / newcomersWithPlans, figures.COLLIDING_PLANS_SHARE, 0.05);
    });
  });
});

/**
 * Whether a person's activities across agencies conflict: shared weekly times on shared
 * days, the same kind of activity twice at once, or more than 40 hours in a week. A check of
 * its own, independent of the generator's timetable. It counts activities only, not an
 * Arbetsförmedlingen programme's extent, which the generator does not fit plans around.
 */
function hasConflict(b: PersonBundle): boolean {
  const same: Record<string, string> = { WORK_PLACEMENT: 'placement', ACTIVE_JOB_SEARCH: 'search', JOB_SEARCH: 'search', VOCATIONAL_COURSE: 'training', LABOUR_MARKET_TRAINING: 'training' };
  type Activity = { kind: string | null; from: string; to: string; slots: WeeklySlot[]; hours: number };
  const activity = (kind: string | null, from: string, to: string | null, schedule: string, hours: number): Activity => ({
    kind: kind && same[kind] ? same[kind] : null,
    from,
    to: to ?? '9999-12-31',
    slots: JSON.parse(schedule),
    hours,
  });
  const activities = [
    ...b.partners.sfi_enrolments.map((e) => activity(null, e.start_date, e.end_date, e.schedule, e.hours_per_week)),
    ...b.partners.planned_activities.map((a) => activity(a.kind, a.start_date, a.end_date, a.schedule, a.hours_per_week)),
    ...b.partners.provider_assignments.map((a) => activity(null, a.start_date, a.end_date, a.schedule, a.hours_per_week)),
    ...b.jobbtorg.interventions.map((i) => activity(i.kind, i.start_date, i.ended_on ?? i.end_date, i.schedule, i.hours_per_week)),
  ];
  for (const [i, a] of activities.entries()) {
    const concurrent = activities.filter((x) => x.from <= a.from && a.from <= x.to);
    if (concurrent.reduce((sum, x) => sum + x.hours, 0) > 40) return true;
    for (const b2 of activities.slice(i + 1)) {
      if (a.from > b2.to || b2.from > a.to) continue;
      if (a.kind && a.kind === b2.kind) return true;
      if (a.slots.some((x) => b2.slots.some((y) => x.weekday === y.weekday && x.startTime < y.endTime && y.startTime < x.endTime))) return true;
    }
  }
  return false;
}

describe('seeding the three databases', () => {
  const PEOPLE = 300;
  const dbs: Knex[] = [];
  afterAll(() => Promise.all(dbs.map((db) => db.destroy())));

  async function seeded(definition: SubgraphDefinition, seeder: PeopleSeeder): Promise<Knex> {
    const db = createDb('sqlite::memory:');
    dbs.push(db);
    await migrateToLatest(db, definition.migrations);
    await definition.insertReferenceData(db);
    await definition.insertReferenceData(db); // a second start must not duplicate reference data
    expect(await seeder.isSeeded(db)).toBe(false);
    await seeder.seedPeople(db, { people: PEOPLE });
    expect(await seeder.isSeeded(db)).toBe(true);
    return db;
  }

  const count = async (db: Knex, table: string, where: Record<string, string> = {}) => Number((await db(table).where(where).count({ n: '*' }))[0].n);

  it('writes slices that agree across databases, each holding exactly its own tables', async () => {
    const [s, j, p] = await Promise.all([seeded(stadsdelDefinition, stadsdel), seeded(jobbtorgDefinition, jobbtorg), seeded(partnersDefinition, partners)]);
    const world = [...generateWorld({ people: PEOPLE })];
    for (const [db, group] of [
      [s, 'stadsdel'],
      [j, 'jobbtorg'],
      [p, 'partners'],
    ] as const) {
      for (const table of Object.keys(world[0][group])) {
        const rows = world.flatMap((b) => (b[group] as Record<string, object[]>)[table]);
        expect(await count(db, table)).toBe(rows.length);
        // Every generated key is a column, and every column is generated.
        const columns = Object.keys(await db(table).columnInfo()).sort();
        if (rows.length) expect(Object.keys(rows[0]).sort()).toEqual(columns);
      }
    }
    expect(await count(s, 'districts')).toBe(14);
    expect(await count(s, 'persons')).toBe(PEOPLE);
    expect(await count(j, 'units')).toBe(7);
    expect(await count(p, 'providers')).toBe(PROVIDERS.length);
    expect(await count(j, 'cases')).toBe(await count(s, 'referrals', { status: 'ENROLLED' }));

    const caseReferrals = (await j('cases').select('referral_id', 'personnummer')).map((c) => `${c.referral_id}|${c.personnummer}`);
    const enrolled = (await s('referrals').where({ status: 'ENROLLED' }).select('id', 'personnummer')).map((r) => `${r.id}|${r.personnummer}`);
    expect(caseReferrals.sort()).toEqual(enrolled.sort());
    const people = new Set((await s('persons').select('personnummer')).map((r) => r.personnummer));
    for (const table of ['municipality_receptions', 'residence_permits', 'job_seeker_registrations', 'sfi_enrolments', 'provider_assignments']) {
      for (const row of await p(table).select('personnummer')) expect(people.has(row.personnummer)).toBe(true);
    }
    expect(await count(p, 'municipality_receptions')).toBeGreaterThan(0);
  });

  it('inserts batches wider than SQLite allows in one statement', async () => {
    const db = createDb('sqlite::memory:');
    dbs.push(db);
    await db.schema.createTable('wide', (t) => {
      t.integer('id').primary();
      t.string('value');
    });
    await insertInBatches(
      db,
      'wide',
      Array.from({ length: 2500 }, (_, id) => ({ id, value: `row ${id}` })),
    );
    expect(await count(db, 'wide')).toBe(2500);
  });
});
