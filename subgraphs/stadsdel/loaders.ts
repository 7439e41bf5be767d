import DataLoader from 'dataloader';
import { Knex } from 'knex';
import { groupByKey, groupLoader, referenceLoader, rowLoader } from '../../lib/loaders';
import { todayInStockholm } from '../../lib/scalars/calendar';
import { Share } from '../../lib/statistics/protection';
import { accessFactsLoader } from './access';
import * as data from './data';
import { InfoMeetingRow } from './models';
import { CellClosures, withoutIncomeSupportAfterClosure } from './statistics';

/** This request's DataLoaders: every entity lookup and list-to-child edge goes through one. */
export function createLoaders(db: Knex) {
  const person = rowLoader((pnr) => data.personsByPersonnummer(db, pnr), (p) => p.personnummer);
  const referralsOfPerson = groupLoader((pnr) => data.referralsByPersonnummer(db, pnr), (r) => r.personnummer);
  const consentsOfPerson = groupLoader((pnr) => data.consentsByPersonnummer(db, pnr), (c) => c.personnummer);
  const partiesOfConsent = groupLoader((ids) => data.partiesByConsent(db, ids), (p) => p.consent_id);
  return {
    district: referenceLoader(() => data.allDistricts(db), (d) => d.code),
    person,
    decision: rowLoader((ids) => data.decisionsById(db, ids), (d) => d.id),
    decisionsOfPerson: groupLoader((pnr) => data.decisionsByPersonnummer(db, pnr), (d) => d.personnummer),
    referral: rowLoader((ids) => data.referralsById(db, ids), (r) => r.id),
    referralsOfPerson,
    infoMeeting: rowLoader((ids) => data.infoMeetingsById(db, ids), (m) => m.id),
    bookedPlaces: new DataLoader<number | string, number, string>(
      async (ids) => {
        const counts = await data.bookedPlacesByInfoMeeting(db, ids.map(String));
        return groupByKey(ids, counts, (c) => c.info_meeting_id).map((rows) => Number(rows[0]?.booked ?? 0));
      },
      { cacheKeyFn: String },
    ),
    infoMeetingsOfDistrict: infoMeetingsLoader(db),
    // The cells of one fetch are one statement, so the complementary suppression sees the whole table.
    withoutIncomeSupportOfCell: new DataLoader<CellClosures, Share, string>(
      (cells) => withoutIncomeSupportAfterClosure(db, cells, todayInStockholm().slice(0, 7)),
      { cacheKeyFn: (c) => c.id },
    ),
    threePartyMeeting: rowLoader((ids) => data.threePartyMeetingsById(db, ids), (m) => m.id),
    threePartyMeetingsOfPerson: groupLoader(
      (pnr) => data.threePartyMeetingsByPersonnummer(db, pnr),
      (m) => m.personnummer,
    ),
    consent: rowLoader((ids) => data.consentsById(db, ids), (c) => c.id),
    consentsOfPerson,
    partiesOfConsent,
    accessFacts: accessFactsLoader({ person, referralsOfPerson, consentsOfPerson, partiesOfConsent }),
  };
}

export type Loaders = ReturnType<typeof createLoaders>;

interface DistrictPeriod {
  code: string;
  from: string;
  to: string;
}

/** Meetings per district for a period; one query per distinct period, however many districts ask. */
function infoMeetingsLoader(db: Knex) {
  return new DataLoader<DistrictPeriod, InfoMeetingRow[], string>(
    async (keys) => {
      const periods = new Map<string, DistrictPeriod[]>();
      for (const key of keys) {
        const period = `${key.from}|${key.to}`;
        periods.set(period, [...(periods.get(period) ?? []), key]);
      }
      const answers = new Map<string, InfoMeetingRow[]>();
      for (const [period, group] of periods) {
        const codes = group.map((k) => k.code);
        const rows = await data.infoMeetingsOfDistricts(db, codes, group[0].from, group[0].to);
        groupByKey(codes, rows, (m) => m.district_code).forEach((meetings, i) =>
          answers.set(`${codes[i]}|${period}`, meetings),
        );
      }
      return keys.map((k) => answers.get(`${k.code}|${k.from}|${k.to}`) ?? []);
    },
    { cacheKeyFn: (k) => `${k.code}|${k.from}|${k.to}` },
  );
}
