import { isNewlyArrived } from '../rules/reception';
import { todayInStockholm } from '../../../lib/scalars/calendar';
import type { PersonResolvers } from '../__generated__/resolvers-types';
import { partnersPlanItems } from '../plan';

/**
 * A person is known here by personnummer (and the consents the gateway brings); one without
 * partner records has empty lists. Each agency's records show to whom ./access.ts lets read
 * them, and for anyone else answer as if there were nothing.
 */
export const Person: PersonResolvers = {
  __resolveReference: (representation) => representation,
  jobSeekerRegistrations: (p, _, { access, loaders }) =>
    access.mayRead(p, 'ARBETSFORMEDLINGEN', 'jobSeekerRegistrations') ? loaders.registrationsOfPerson.load(p.personnummer) : [],
  residencePermits: (p, _, { access, loaders }) =>
    access.mayRead(p, 'MIGRATIONSVERKET', 'residencePermits') ? loaders.permitsOfPerson.load(p.personnummer) : [],
  municipalityReceptionDate: async (p, _, { access, loaders }) =>
    access.mayRead(p, 'MIGRATIONSVERKET', 'municipalityReceptionDate') ? ((await loaders.receptionOfPerson.load(p.personnummer))?.received_on ?? null) : null,
  municipalityReception: (p, _, { access, loaders }) =>
    access.mayRead(p, 'MIGRATIONSVERKET', 'municipalityReception') ? loaders.receptionOfPerson.load(p.personnummer) : null,
  newlyArrived: async (p, { on }, { access, loaders }) =>
    access.mayRead(p, 'MIGRATIONSVERKET', 'newlyArrived')
      ? isNewlyArrived((await loaders.receptionOfPerson.load(p.personnummer))?.received_on ?? null, on ?? todayInStockholm())
      : null,
  sfiEnrolments: (p, _, { access, loaders }) => (access.mayRead(p, 'SFI', 'sfiEnrolments') ? loaders.sfiEnrolmentsOfPerson.load(p.personnummer) : []),
  providerAssignments: (p, _, { access, loaders }) =>
    access.mayRead(p, 'ETABLERING_PROVIDER', 'providerAssignments') ? loaders.assignmentsOfPerson.load(p.personnummer) : [],
  partnersPlanItems: (p, _, { loaders }) => partnersPlanItems(loaders, p.personnummer, todayInStockholm()),
  assignedProviderIds: async (p, _, { loaders }) => [
    ...new Set((await loaders.assignmentsOfPerson.load(p.personnummer)).map((a) => String(a.provider_id))),
  ],
};
