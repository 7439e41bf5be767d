import type { PersonResolvers } from '../__generated__/resolvers-types';

/** A person is known here by personnummer alone; one without cases has empty lists. */
export const Person: PersonResolvers = {
  __resolveReference: ({ personnummer }) => ({ personnummer }),
  jobbtorgCases: (p, _, { loaders }) => loaders.casesOfPerson.load(p.personnummer),
  currentJobbtorgCase: async (p, _, { loaders }) =>
    (await loaders.casesOfPerson.load(p.personnummer)).find((c) => c.status === 'OPEN') ?? null,
};
