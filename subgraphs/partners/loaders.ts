import { Knex } from 'knex';
import { groupLoader, referenceLoader, rowLoader } from '../../lib/loaders';
import * as data from './data';

/** This request's DataLoaders: every entity lookup and list-to-child edge goes through one. */
export function createLoaders(db: Knex) {
  return {
    agency: referenceLoader(() => data.allAgencies(db), (a) => a.code),
    provider: referenceLoader(() => data.listProviders(db, null), (p) => p.id),
    providersOfAgency: groupLoader((codes) => data.providersByAgency(db, codes), (p) => p.agency_code),
    registrationsOfPerson: groupLoader((pnr) => data.registrationsByPersonnummer(db, pnr), (r) => r.personnummer),
    activitiesOfRegistration: groupLoader((ids) => data.activitiesByRegistration(db, ids), (a) => a.registration_id),
    partsOfRegistration: groupLoader((ids) => data.partsByRegistration(db, ids), (p) => p.registration_id),
    permitsOfPerson: groupLoader((pnr) => data.permitsByPersonnummer(db, pnr), (p) => p.personnummer),
    receptionOfPerson: rowLoader((pnr) => data.receptionsByPersonnummer(db, pnr), (r) => r.personnummer),
    sfiEnrolmentsOfPerson: groupLoader((pnr) => data.sfiEnrolmentsByPersonnummer(db, pnr), (e) => e.personnummer),
    assignmentsOfPerson: groupLoader((pnr) => data.assignmentsByPersonnummer(db, pnr), (a) => a.personnummer),
  };
}

export type Loaders = ReturnType<typeof createLoaders>;
