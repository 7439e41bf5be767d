import { Knex } from 'knex';
import { insertIfEmpty } from '../../../lib/db';
import { DistrictRow } from '../models';

/**
 * The reference data every stadsdel database holds, whatever else it holds: the fourteen
 * district committees (stadsdelsnämnder, 2007–2020) with their weekly quota of Jobbtorg
 * information-meeting places. Written on start once the schema is migrated; the seed
 * generator places its people in these districts.
 */
export const DISTRICTS: readonly DistrictRow[] = [
  { code: 'RK', name: 'Rinkeby-Kista', info_meeting_quota_per_week: 30 },
  { code: 'ST', name: 'Spånga-Tensta', info_meeting_quota_per_week: 22 },
  { code: 'HV', name: 'Hässelby-Vällingby', info_meeting_quota_per_week: 20 },
  { code: 'BR', name: 'Bromma', info_meeting_quota_per_week: 8 },
  { code: 'KU', name: 'Kungsholmen', info_meeting_quota_per_week: 8 },
  { code: 'NM', name: 'Norrmalm', info_meeting_quota_per_week: 8 },
  { code: 'OM', name: 'Östermalm', info_meeting_quota_per_week: 8 },
  { code: 'SO', name: 'Södermalm', info_meeting_quota_per_week: 12 },
  // The city's own figure: Enskede-Årsta-Vantör has 26 info-meeting places a week.
  { code: 'EAV', name: 'Enskede-Årsta-Vantör', info_meeting_quota_per_week: 26 },
  { code: 'SKN', name: 'Skarpnäck', info_meeting_quota_per_week: 12 },
  { code: 'FA', name: 'Farsta', info_meeting_quota_per_week: 16 },
  { code: 'AV', name: 'Älvsjö', info_meeting_quota_per_week: 8 },
  { code: 'HL', name: 'Hägersten-Liljeholmen', info_meeting_quota_per_week: 14 },
  { code: 'SKH', name: 'Skärholmen', info_meeting_quota_per_week: 22 },
];

/** Writes the districts into an empty table; a restart changes nothing. */
export async function insertReferenceData(db: Knex): Promise<void> {
  await insertIfEmpty(db, 'districts', DISTRICTS);
}
