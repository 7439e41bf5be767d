import { Knex } from 'knex';
import { reportingGroupOf } from '../lib/domain';
import { createDb } from '../lib/db';
import { migrateToLatest } from '../lib/migrations';
import { addDays } from '../lib/scalars/calendar';
import { parsePersonnummer } from '../lib/scalars/personnummer';
import { DISTRICTS, PROVIDERS } from '../lib/seed/reference';
import { generateWorld, PersonBundle } from '../lib/seed/world';
import * as jobbtorg from '../subgraphs/jobbtorg/seed';
import { migrations as jobbtorgMigrations } from '../subgraphs/jobbtorg/migrations';
import * as partners from '../subgraphs/partners/seed';
import { migrations as partnersMigrations } from '../subgraphs/partners/migrations';
import * as stadsdel from '../subgraphs/stadsdel/seed';
import { migrations as stadsdelMigrations } from '../subgraphs/stadsdel/migrations';

/** The deterministic world: the same for the same seed, consistent, and near the city's figures. */

function rows(bundles: PersonBundle[], pick: (b: PersonBundle) => Record<string, any>[]): Record<string, any>[] {
  return bundles.flatMap(pick);
}

describe('the seed world', () => {
  const world = [...generateWorld({ people: 3000 })];
  const cases = rows(world, (b) => b.jobbtorg.cases);
  const referrals = rows(world, (b) => b.stadsdel.referrals);

  it('is the same for the same seed and differs for another', () => {
    expect([...generateWorld({ people: 50 })]).toEqual(world.slice(0, 50));
    expect([...generateWorld({ people: 50, seed: 7 })]).not.toEqual(world.slice(0, 50));
  });

  it('gives everyone a valid, unique personnummer', () => {
    const numbers = rows(world, (b) => b.stadsdel.persons).map((p) => p.personnummer);
    expect(new Set(numbers).size).toBe(3000);
    for (const pnr of numbers) expect(parsePersonnummer(pnr)).toBe(pnr);
  });

  it('keeps the three slices consistent with each other', () => {
    const referralById = new Map(referrals.map((r) => [r.id, r]));
    for (const c of cases) {
      const referral = referralById.get(c.referral_id)!;
      expect(referral).toMatchObject({ personnummer: c.personnummer, district_code: c.district_code, status: 'ENROLLED' });
      const person = world.find((b) => b.stadsdel.persons[0].personnummer === c.personnummer)!.stadsdel.persons[0];
      expect(c.reporting_group).toBe(reportingGroupOf(c.target_group, person.birth_date as string, c.enrolled_on));
    }
    expect(cases).toHaveLength(referrals.filter((r) => r.status === 'ENROLLED').length);
    const providers = new Set(PROVIDERS.map((p) => p.id));
    for (const i of rows(world, (b) => b.jobbtorg.interventions)) if (i.provider_id !== null) expect(providers).toContain(i.provider_id);
    for (const e of rows(world, (b) => b.partners.sfi_enrolments)) expect(providers).toContain(e.school_id);
  });

  it('books no district week beyond its info-meeting quota', () => {
    const meetings = new Map(rows(world, (b) => b.stadsdel.info_meetings).map((m) => [m.id, m]));
    const perWeek = new Map<string, number>();
    for (const r of referrals) {
      const m = meetings.get(r.info_meeting_id)!;
      expect(m.district_code).toBe(r.district_code);
      const key = `${m.district_code}|${m.week_start}`;
      perWeek.set(key, (perWeek.get(key) ?? 0) + 1);
    }
    for (const [key, booked] of perWeek) {
      const quota = DISTRICTS.find((d) => d.code === key.split('|')[0])!.infoMeetingQuotaPerWeek;
      expect(booked).toBeLessThanOrEqual(quota);
    }
  });

  it('closes cases about as often as the city did, youth more often', () => {
    const matured = cases.filter((c) => c.enrolled_on <= '2025-11-30');
    const closedWithinYear = (cs: any[]) =>
      cs.filter((c) => c.closed_on && c.closed_on <= addDays(c.enrolled_on, 365)).length / cs.length;
    const youth = matured.filter((c) => c.reporting_group === 'YOUTH_16_24');
    const others = matured.filter((c) => c.reporting_group !== 'YOUTH_16_24');
    // 2012: 56.4 % closed; youth 67 %.
    expect(closedWithinYear(matured)).toBeGreaterThan(0.48);
    expect(closedWithinYear(matured)).toBeLessThan(0.64);
    expect(closedWithinYear(youth)).toBeGreaterThan(closedWithinYear(others));
    // 2013: 40 % closed to work or studies within three months.
    const closures = matured.filter((c) => c.closed_on);
    const early = closures.filter((c) => ['WORK', 'STUDIES'].includes(c.closure_reason) && c.closed_on <= addDays(c.enrolled_on, 91));
    expect(early.length / closures.length).toBeGreaterThan(0.3);
    expect(early.length / closures.length).toBeLessThan(0.5);
  });
});

describe('seeding the three databases', () => {
  const dbs: Knex[] = [];
  afterAll(() => Promise.all(dbs.map((db) => db.destroy())));

  async function seeded(migrations: any, seeder: typeof stadsdel): Promise<Knex> {
    const db = createDb('sqlite::memory:');
    dbs.push(db);
    await migrateToLatest(db, migrations);
    await seeder.seedReferenceData(db);
    await seeder.seedReferenceData(db); // a second start must not duplicate reference data
    await seeder.seedPeople(db, { people: 300 });
    return db;
  }

  it('writes slices that agree across databases', async () => {
    const [s, j, p] = await Promise.all([
      seeded(stadsdelMigrations, stadsdel),
      seeded(jobbtorgMigrations, jobbtorg),
      seeded(partnersMigrations, partners),
    ]);
    const count = async (db: Knex, table: string, where: Record<string, string> = {}) =>
      Number((await db(table).where(where).count({ n: '*' }))[0].n);
    expect(await count(s, 'districts')).toBe(14);
    expect(await count(s, 'persons')).toBe(300);
    expect(await count(j, 'units')).toBe(7);
    expect(await count(j, 'cases')).toBe(await count(s, 'referrals', { status: 'ENROLLED' }));
    const newcomers = await count(p, 'municipality_receptions');
    expect(newcomers).toBeGreaterThan(0);
    const caseReferrals = (await j('cases').select('referral_id', 'personnummer')).map((c) => `${c.referral_id}|${c.personnummer}`);
    const enrolled = (await s('referrals').where({ status: 'ENROLLED' }).select('id', 'personnummer')).map((r) => `${r.id}|${r.personnummer}`);
    expect(caseReferrals.sort()).toEqual(enrolled.sort());
    expect(await stadsdel.isSeeded(s)).toBe(true);
  });
});
