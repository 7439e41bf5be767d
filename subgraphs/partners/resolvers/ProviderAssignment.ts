import { loadExisting } from '../../../lib/loaders';
import type { ProviderAssignmentResolvers } from '../__generated__/resolvers-types';
import { scheduledFields, versionedFields } from './shared-fields';

export const ProviderAssignment: ProviderAssignmentResolvers = {
  ...scheduledFields,
  ...versionedFields,
  person: (a) => ({ personnummer: a.personnummer }),
  provider: (a, _, { loaders }) => loadExisting(loaders.provider, a.provider_id, 'provider'),
};
