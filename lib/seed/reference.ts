/**
 * Reference data every database starts with, whatever the number of people: the fourteen
 * district committees (2007–2020), the seven Jobbtorg units, the partner agencies and
 * providers. Weights say where income-support recipients live (relative, not census).
 */

export interface DistrictReference {
  code: string;
  name: string;
  infoMeetingQuotaPerWeek: number;
  weight: number;
}

export const DISTRICTS: readonly DistrictReference[] = [
  { code: 'RK', name: 'Rinkeby-Kista', infoMeetingQuotaPerWeek: 30, weight: 14 },
  { code: 'ST', name: 'Spånga-Tensta', infoMeetingQuotaPerWeek: 22, weight: 10 },
  { code: 'HV', name: 'Hässelby-Vällingby', infoMeetingQuotaPerWeek: 20, weight: 9 },
  { code: 'BR', name: 'Bromma', infoMeetingQuotaPerWeek: 8, weight: 3 },
  { code: 'KU', name: 'Kungsholmen', infoMeetingQuotaPerWeek: 8, weight: 3 },
  { code: 'NM', name: 'Norrmalm', infoMeetingQuotaPerWeek: 8, weight: 2 },
  { code: 'OM', name: 'Östermalm', infoMeetingQuotaPerWeek: 8, weight: 2 },
  { code: 'SO', name: 'Södermalm', infoMeetingQuotaPerWeek: 12, weight: 5 },
  // The city's own figure: Enskede-Årsta-Vantör has 26 info-meeting places a week.
  { code: 'EAV', name: 'Enskede-Årsta-Vantör', infoMeetingQuotaPerWeek: 26, weight: 11 },
  { code: 'SKN', name: 'Skarpnäck', infoMeetingQuotaPerWeek: 12, weight: 5 },
  { code: 'FA', name: 'Farsta', infoMeetingQuotaPerWeek: 16, weight: 7 },
  { code: 'AV', name: 'Älvsjö', infoMeetingQuotaPerWeek: 8, weight: 2 },
  { code: 'HL', name: 'Hägersten-Liljeholmen', infoMeetingQuotaPerWeek: 14, weight: 6 },
  { code: 'SKH', name: 'Skärholmen', infoMeetingQuotaPerWeek: 22, weight: 10 },
];

export interface UnitReference {
  code: string;
  name: string;
  parentCode: string | null;
  youthOnly: boolean;
  districts: readonly string[];
}

export const JOBBTORG_UNITS: readonly UnitReference[] = [
  { code: 'VARBERG', name: 'Jobbtorg Vårberg', parentCode: null, youthOnly: false, districts: ['SKH', 'HL', 'AV'] },
  { code: 'FARSTA', name: 'Jobbtorg Farsta', parentCode: null, youthOnly: false, districts: ['FA', 'SKN', 'EAV'] },
  {
    code: 'ROSENLUNDSGATAN',
    name: 'Jobbtorg Rosenlundsgatan',
    parentCode: null,
    youthOnly: false,
    districts: ['SO', 'NM', 'OM', 'KU'],
  },
  { code: 'VALLINGBY', name: 'Jobbtorg Vällingby', parentCode: null, youthOnly: false, districts: ['HV', 'BR'] },
  { code: 'KISTA', name: 'Jobbtorg Kista', parentCode: null, youthOnly: false, districts: ['RK', 'ST'] },
  { code: 'KISTA_LUNDA', name: 'Jobbtorg Kista, filial Lunda', parentCode: 'KISTA', youthOnly: false, districts: ['ST'] },
  {
    code: 'KISTA_UNGDOM',
    name: 'Jobbtorg Kista, ungdomsfilial',
    parentCode: 'KISTA',
    youthOnly: true,
    districts: ['RK', 'ST'],
  },
];

export const AGENCIES = [
  { code: 'ARBETSFORMEDLINGEN', name: 'Arbetsförmedlingen' },
  { code: 'MIGRATIONSVERKET', name: 'Migrationsverket' },
  { code: 'SFI', name: 'Sfi – svenska för invandrare, Stockholms stad' },
  { code: 'ETABLERING_STOCKHOLM', name: 'Etablering Stockholm (ESF)' },
] as const;

export interface ProviderReference {
  id: number;
  name: string;
  kind: 'SFI_SCHOOL' | 'ESTABLISHMENT_SERVICE' | 'COURSE_PROVIDER' | 'COMPLEMENTARY_ACTOR';
  agencyCode: (typeof AGENCIES)[number]['code'];
  organisationNumber: string;
}

export const PROVIDERS: readonly ProviderReference[] = [
  { id: 1, name: 'Sfi Stockholm Kista', kind: 'SFI_SCHOOL', agencyCode: 'SFI', organisationNumber: '212000-0142' },
  { id: 2, name: 'Sfi Stockholm Liljeholmen', kind: 'SFI_SCHOOL', agencyCode: 'SFI', organisationNumber: '212000-0142' },
  { id: 3, name: 'Hermods Sfi', kind: 'SFI_SCHOOL', agencyCode: 'SFI', organisationNumber: '556050-2051' },
  { id: 4, name: 'Folkuniversitetet Sfi', kind: 'SFI_SCHOOL', agencyCode: 'SFI', organisationNumber: '802011-6224' },
  { id: 5, name: 'Röda Korset Stockholm', kind: 'ESTABLISHMENT_SERVICE', agencyCode: 'ETABLERING_STOCKHOLM', organisationNumber: '802002-8711' },
  { id: 6, name: 'Studiefrämjandet Stockholm', kind: 'ESTABLISHMENT_SERVICE', agencyCode: 'ETABLERING_STOCKHOLM', organisationNumber: '802005-2836' },
  { id: 7, name: 'Stockholms Stadsmission', kind: 'ESTABLISHMENT_SERVICE', agencyCode: 'ETABLERING_STOCKHOLM', organisationNumber: '802003-5666' },
  { id: 8, name: 'ABF Stockholm', kind: 'COURSE_PROVIDER', agencyCode: 'ETABLERING_STOCKHOLM', organisationNumber: '802004-8917' },
  { id: 9, name: 'Lernia Utbildning', kind: 'COURSE_PROVIDER', agencyCode: 'ARBETSFORMEDLINGEN', organisationNumber: '556575-6408' },
  { id: 10, name: 'AMV Truckutbildning', kind: 'COURSE_PROVIDER', agencyCode: 'ARBETSFORMEDLINGEN', organisationNumber: '556734-1159' },
  { id: 11, name: 'Jobbfabriken', kind: 'COMPLEMENTARY_ACTOR', agencyCode: 'ARBETSFORMEDLINGEN', organisationNumber: '556912-3354' },
  { id: 12, name: 'Validering Stockholm', kind: 'COMPLEMENTARY_ACTOR', agencyCode: 'ARBETSFORMEDLINGEN', organisationNumber: '556801-7746' },
];

export function providersOfKind(kind: ProviderReference['kind']): ProviderReference[] {
  return PROVIDERS.filter((p) => p.kind === kind);
}
