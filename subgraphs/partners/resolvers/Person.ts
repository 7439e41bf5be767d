import { isNewlyArrived } from '../../../lib/domain';
import { todayInStockholm } from '../../../lib/scalars/calendar';
import type { PersonResolvers } from '../__generated__/resolvers-types';
import { partnersPlanItems } from '../plan-items';

/** A person is known here by personnummer alone; one without partner records has empty lists. */
export const Person: PersonResolvers = {
  __resolveReference: ({ personnummer }) => ({ personnummer }),
  jobSeekerRegistrations: (p, _, { loaders }) => loaders.registrationsOfPerson.load(p.personnummer),
  residencePermits: (p, _, { loaders }) => loaders.permitsOfPerson.load(p.personnummer),
  municipalityReceptionDate: async (p, _, { loaders }) =>
    (await loaders.receptionOfPerson.load(p.personnummer))?.received_on ?? null,
  municipalityReception: (p, _, { loaders }) => loaders.receptionOfPerson.load(p.personnummer),
  newlyArrived: async (p, { on }, { loaders }) =>
    isNewlyArrived((await loaders.receptionOfPerson.load(p.personnummer))?.received_on ?? null, on ?? todayInStockholm()),
  sfiEnrolments: (p, _, { loaders }) => loaders.sfiEnrolmentsOfPerson.load(p.personnummer),
  providerAssignments: (p, _, { loaders }) => loaders.assignmentsOfPerson.load(p.personnummer),
  partnersPlanItems: (p, _, { loaders }) => partnersPlanItems(loaders, p.personnummer, todayInStockholm()),
  afProgrammes: async (p, _, { loaders }) =>
    (await loaders.registrationsOfPerson.load(p.personnummer)).map((r) => ({
      id: `partners:registration:${r.id}`,
      programme: r.programme,
      from: r.programme_from,
      to: r.programme_to,
      extentPercent: r.programme_extent_percent,
    })),
};
