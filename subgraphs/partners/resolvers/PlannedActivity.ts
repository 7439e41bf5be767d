import { loadExisting } from '../../../lib/loaders';
import type { PlannedActivityResolvers } from '../__generated__/resolvers-types';
import { scheduledFields, versionedFields } from './shared-fields';

export const PlannedActivity: PlannedActivityResolvers = {
  ...scheduledFields,
  ...versionedFields,
  endedOn: (a) => a.ended_on,
  // No provider means Arbetsförmedlingen runs it itself; a provider id that finds no row is broken data.
  provider: (a, _, { loaders }) =>
    a.provider_id === null ? null : loadExisting(loaders.provider, a.provider_id, 'provider'),
};
