import type { JobPlanResolvers } from '../__generated__/resolvers-types';

export const JobPlan: JobPlanResolvers = {
  establishedOn: (p) => p.established_on,
  interventions: (p, _, { loaders }) => loaders.interventionsOfPlan.load(p.id),
};
