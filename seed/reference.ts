import { JOBBTORG_UNITS, JobbtorgUnit } from '../lib/reference/units';
import { AgencyRow, DistrictRow, ProviderKind, ProviderRow } from './rows';

/**
 * Reference data every database starts with, whatever the number of people: the fourteen
 * district committees (stadsdelsnämnder, 2007–2020), the partner agencies and providers
 * (the seven Jobbtorg units are lib/reference/units.ts's, which the access rules read too).
 * Fields are the tables' columns, plus what the generator needs to place people (a
 * district's weight).
 */

export interface DistrictReference extends DistrictRow {
  /**
   * Relative number of income-support recipients living there. A rough shape, not census
   * data: the north-west and south suburbs carry most of the city's income support.
   */
  weight: number;
}

export const DISTRICTS: readonly DistrictReference[] = [
  { code: 'RK', name: 'Rinkeby-Kista', info_meeting_quota_per_week: 30, weight: 14 },
  { code: 'ST', name: 'Spånga-Tensta', info_meeting_quota_per_week: 22, weight: 10 },
  { code: 'HV', name: 'Hässelby-Vällingby', info_meeting_quota_per_week: 20, weight: 9 },
  { code: 'BR', name: 'Bromma', info_meeting_quota_per_week: 8, weight: 3 },
  { code: 'KU', name: 'Kungsholmen', info_meeting_quota_per_week: 8, weight: 2 },
  { code: 'NM', name: 'Norrmalm', info_meeting_quota_per_week: 8, weight: 2 },
  { code: 'OM', name: 'Östermalm', info_meeting_quota_per_week: 8, weight: 2 },
  { code: 'SO', name: 'Södermalm', info_meeting_quota_per_week: 12, weight: 5 },
  // The city's own figure: Enskede-Årsta-Vantör has 26 info-meeting places a week.
  { code: 'EAV', name: 'Enskede-Årsta-Vantör', info_meeting_quota_per_week: 26, weight: 11 },
  { code: 'SKN', name: 'Skarpnäck', info_meeting_quota_per_week: 12, weight: 5 },
  { code: 'FA', name: 'Farsta', info_meeting_quota_per_week: 16, weight: 7 },
  { code: 'AV', name: 'Älvsjö', info_meeting_quota_per_week: 8, weight: 2 },
  { code: 'HL', name: 'Hägersten-Liljeholmen', info_meeting_quota_per_week: 14, weight: 6 },
  { code: 'SKH', name: 'Skärholmen', info_meeting_quota_per_week: 22, weight: 10 },
];

export const AGENCIES: readonly AgencyRow[] = [
  { code: 'ARBETSFORMEDLINGEN', name: 'Arbetsförmedlingen' },
  { code: 'MIGRATIONSVERKET', name: 'Migrationsverket' },
  { code: 'SFI', name: 'Sfi – svenska för invandrare, Stockholms stad' },
  { code: 'ETABLERING_STOCKHOLM', name: 'Etablering Stockholm (ESF)' },
];

/**
 * Providers with fixed ids, so jobbtorg's and partners' rows can name them without either
 * reading the other's database. Organisation numbers are Luhn-valid; the city's own schools
 * carry the City of Stockholm's number, the rest are made up.
 */
export const PROVIDERS: readonly ProviderRow[] = [
  { id: 1, name: 'Sfi Stockholm Kista', kind: 'SFI_SCHOOL', agency_code: 'SFI', organisation_number: '212000-0142' },
  { id: 2, name: 'Sfi Stockholm Liljeholmen', kind: 'SFI_SCHOOL', agency_code: 'SFI', organisation_number: '212000-0142' },
  { id: 3, name: 'Hermods Sfi', kind: 'SFI_SCHOOL', agency_code: 'SFI', organisation_number: '556050-2055' },
  { id: 4, name: 'Folkuniversitetet Sfi', kind: 'SFI_SCHOOL', agency_code: 'SFI', organisation_number: '802011-6227' },
  { id: 5, name: 'Röda Korset Stockholm', kind: 'ESTABLISHMENT_SERVICE', agency_code: 'ETABLERING_STOCKHOLM', organisation_number: '802002-8711' },
  { id: 6, name: 'Studiefrämjandet Stockholm', kind: 'ESTABLISHMENT_SERVICE', agency_code: 'ETABLERING_STOCKHOLM', organisation_number: '802005-2836' },
  { id: 7, name: 'Stockholms Stadsmission', kind: 'ESTABLISHMENT_SERVICE', agency_code: 'ETABLERING_STOCKHOLM', organisation_number: '802003-5666' },
  { id: 8, name: 'Hela Människan Stockholm', kind: 'ESTABLISHMENT_SERVICE', agency_code: 'ETABLERING_STOCKHOLM', organisation_number: '802007-3188' },
  { id: 9, name: 'ABF Stockholm', kind: 'COURSE_PROVIDER', agency_code: 'ETABLERING_STOCKHOLM', organisation_number: '802004-8917' },
  { id: 10, name: 'Lernia Utbildning', kind: 'COURSE_PROVIDER', agency_code: 'ARBETSFORMEDLINGEN', organisation_number: '556575-6409' },
  { id: 11, name: 'AMV Truckutbildning', kind: 'COURSE_PROVIDER', agency_code: 'ARBETSFORMEDLINGEN', organisation_number: '556734-1150' },
  { id: 12, name: 'Medborgarskolan Stockholm', kind: 'COURSE_PROVIDER', agency_code: 'ETABLERING_STOCKHOLM', organisation_number: '802009-2451' },
  { id: 13, name: 'Jobbfabriken Stockholm', kind: 'COMPLEMENTARY_ACTOR', agency_code: 'ARBETSFORMEDLINGEN', organisation_number: '556912-3358' },
  { id: 14, name: 'Validering Stockholm', kind: 'COMPLEMENTARY_ACTOR', agency_code: 'ARBETSFORMEDLINGEN', organisation_number: '556801-7742' },
];

/** The providers of one kind, in id order. */
export function providersOfKind(kind: ProviderKind): ProviderRow[] {
  return PROVIDERS.filter((p) => p.kind === kind);
}

/**
 * The unit a case is enrolled at: youth from Rinkeby-Kista and Spånga-Tensta go to Kista's
 * youth branch; half of Spånga-Tensta's adults to the Lunda branch; everyone else to the
 * main unit serving their district.
 */
export function unitFor(districtCode: string, youth: boolean, preferBranch: boolean): JobbtorgUnit {
  const serving = JOBBTORG_UNITS.filter((u) => u.districts.includes(districtCode));
  const youthBranch = serving.find((u) => u.youth_only);
  if (youth && youthBranch) return youthBranch;
  const branch = serving.find((u) => u.parent_code !== null && !u.youth_only);
  if (preferBranch && branch) return branch;
  const main = serving.find((u) => u.parent_code === null);
  if (!main) throw new Error(`no Jobbtorg unit serves district ${districtCode}`);
  return main;
}
