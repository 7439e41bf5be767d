import { Knex } from 'knex';
import { insertIfEmpty } from '../../../lib/db';
import { AgencyRow, ProviderRow } from '../models';

/**
 * The reference data every partners database holds: the partner agencies, and the
 * providers they work through.
 */
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

/** Writes the agencies and providers into empty tables; a restart changes nothing. */
export async function insertReferenceData(db: Knex): Promise<void> {
  await insertIfEmpty(db, 'agencies', AGENCIES);
  await insertIfEmpty(db, 'providers', PROVIDERS);
}
