import type { AgencyResolvers } from '../__generated__/resolvers-types';

export const Agency: AgencyResolvers = {
  __resolveReference: ({ code }, { loaders }) => loaders.agency.load(code),
  providers: (a, _, { loaders }) => loaders.providersOfAgency.load(a.code),
};
