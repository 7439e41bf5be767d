import { loadExisting } from '../../../lib/loaders';
import type { ProviderResolvers } from '../__generated__/resolvers-types';

export const Provider: ProviderResolvers = {
  __resolveReference: ({ id }, { loaders }) => loaders.provider.load(id),
  agency: (p, _, { loaders }) => loadExisting(loaders.agency, p.agency_code, 'agency'),
  organisationNumber: (p) => p.organisation_number,
};
