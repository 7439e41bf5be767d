import { Knex } from 'knex';
import { addDays, mondayOf, todayInStockholm } from '../../../lib/scalars/calendar';
import { makePersonnummer } from '../../../lib/scalars/personnummer';
import { describeEachDialect } from '../../helpers/dialects';
import { districtOfficer, Stack, startStack } from '../../helpers/stack';
import { STACK_START_TIMEOUT_MS } from '../../helpers/timeouts';

/**
 * Referring to Jobbtorg through the gateway: consent first, then the next free place in the
 * district's weekly quota. People are added straight to the stadsdel database as the
 * population register would; everything else goes through the API.
 */

const CONSENT = /* GraphQL */ `
  mutation($p: Personnummer!) {
    recordConsent(input: { personnummer: $p, parties: [SOCIAL_SERVICES, JOBBTORG], purpose: REFERRAL, validFrom: "2026-01-01" }) { id }
  }
`;
const REFER = /* GraphQL */ `
  mutation($p: Personnummer!, $from: Date) {
    referToJobbtorg(input: { personnummer: $p, reason: UNEMPLOYMENT, fromWeek: $from }) {
      id status district { code }
      infoMeeting { id audience startsAt bookedPlaces }
    }
  }
`;

let serial = 100;
async function addPerson(db: Knex, birthDate: string): Promise<string> {
  const personnummer = makePersonnummer(birthDate, serial++);
  await db('persons').insert({ personnummer, given_name: 'Test', family_name: 'Person', birth_date: birthDate, district_code: 'AV', protected_identity: false });
  return personnummer;
}

describeEachDialect('referrals to Jobbtorg', (dialect) => {
  let stack: Stack;
  let db: Knex;
  // A week far from the seed's bookings, so the quota count starts at zero.
  const week = mondayOf(addDays(todayInStockholm(), 70));
  /** Älvsjö's officer: the people here live in Älvsjö (AV). */
  const query = (text: string, variables: Record<string, unknown> = {}) => stack.query(text, variables, districtOfficer('AV'));
  beforeAll(async () => {
    stack = await startStack({ dialect, people: 0 });
    db = stack.subgraphs.stadsdel.db;
  }, STACK_START_TIMEOUT_MS);
  afterAll(() => stack?.stop());

  it('refuses a referral without a consent that covers Jobbtorg, and writes nothing', async () => {
    const p = await addPerson(db, '1980-05-05');
    const answer = await query(REFER, { p });
    expect(answer.errors?.[0].extensions).toMatchObject({ code: 'CONSENT_REQUIRED', field: 'input.personnummer' });
    expect(await db('referrals').where({ personnummer: p }).count({ n: '*' })).toEqual([{ n: 0 }]);
  });

  it('books adults and youth on separate meetings, and says which', async () => {
    const adult = await addPerson(db, '1980-05-05');
    const young = await addPerson(db, '2005-05-05');
    for (const p of [adult, young]) await query(CONSENT, { p });
    const a = await query(REFER, { p: adult, from: week });
    const y = await query(REFER, { p: young, from: week });
    expect(a.errors).toBeUndefined();
    expect(a.data.referToJobbtorg).toMatchObject({ status: 'BOOKED', district: { code: 'AV' }, infoMeeting: { audience: 'ADULTS' } });
    expect(a.data.referToJobbtorg.infoMeeting.startsAt.slice(0, 10)).toBe(addDays(week, 1));
    expect(y.data.referToJobbtorg.infoMeeting).toMatchObject({ audience: 'YOUTH', startsAt: `${addDays(week, 3)}T12:00:00Z` });

    const again = await query(REFER, { p: adult, from: week });
    expect(again.errors?.[0].extensions).toMatchObject({ code: 'CONFLICT', field: 'input.personnummer' });
  });

  it('moves a booking to the next week when the district’s quota is full', async () => {
    // Älvsjö has 8 places a week; two went to the test above.
    const people: string[] = [];
    for (let i = 0; i < 7; i++) people.push(await addPerson(db, '1975-03-03'));
    for (const p of people) await query(CONSENT, { p });
    const weeks: string[] = [];
    for (const p of people) {
      const answer = await query(REFER, { p, from: week });
      expect(answer.errors).toBeUndefined();
      weeks.push(answer.data.referToJobbtorg.infoMeeting.startsAt.slice(0, 10));
    }
    expect(weeks.filter((d) => d === addDays(week, 1))).toHaveLength(6);
    expect(weeks[6]).toBe(addDays(week, 8));
  });

  it('gives the last place of a week to exactly one of simultaneous referrals', async () => {
    const later = addDays(week, 21);
    const filling: string[] = [];
    for (let i = 0; i < 9; i++) filling.push(await addPerson(db, '1970-01-01'));
    for (const p of filling) await query(CONSENT, { p });
    for (const p of filling.slice(0, 7)) await query(REFER, { p, from: later });
    const [x, y] = await Promise.all(filling.slice(7).map((p) => query(REFER, { p, from: later })));
    const days = [x, y].map((a) => a.data.referToJobbtorg.infoMeeting.startsAt.slice(0, 10)).sort();
    expect(days).toEqual([addDays(later, 1), addDays(later, 8)]);
  });

  it('tells the next free meeting, and a referral made now books exactly that one', async () => {
    const NEXT = `{ nextFreeInfoMeeting(districtCode: "AV", audience: ADULTS) { district { name } startsAt placesLeftInWeek } }`;
    const before = (await query(NEXT)).data.nextFreeInfoMeeting;
    expect(before.district.name).toBe('Älvsjö');
    expect(before.startsAt.slice(0, 10)).toBe(addDays(mondayOf(addDays(todayInStockholm(), 7)), 1));
    const p = await addPerson(db, '1981-06-06');
    await query(CONSENT, { p });
    const booked = await query(REFER, { p });
    expect(booked.data.referToJobbtorg.infoMeeting.startsAt).toBe(before.startsAt);
    expect((await query(NEXT)).data.nextFreeInfoMeeting.placesLeftInWeek).toBe(before.placesLeftInWeek - 1);
    expect((await query(`{ nextFreeInfoMeeting(districtCode: "XX", audience: YOUTH) { startsAt } }`)).data.nextFreeInfoMeeting).toBeNull();
  });
});
