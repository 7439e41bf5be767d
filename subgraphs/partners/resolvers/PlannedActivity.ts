import type { PlannedActivityResolvers } from '../__generated__/resolvers-types';
import { scheduledFields } from './scheduled';

export const PlannedActivity: PlannedActivityResolvers = {
  ...scheduledFields,
  provider: (a, _, { loaders }) => (a.provider_id === null ? null : loaders.provider.load(a.provider_id)),
};
