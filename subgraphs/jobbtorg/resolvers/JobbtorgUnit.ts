import type { JobbtorgUnitResolvers } from '../__generated__/resolvers-types';

export const JobbtorgUnit: JobbtorgUnitResolvers = {
  __resolveReference: ({ code }, { loaders }) => loaders.unit.load(code),
  parent: (u, _, { loaders }) => (u.parent_code ? loaders.unit.load(u.parent_code) : null),
  branches: (u, _, { loaders }) => loaders.branchesOfUnit.load(u.code),
  districts: async (u, _, { loaders }) =>
    (await loaders.districtsOfUnit.load(u.code)).map((d) => ({ code: d.district_code })),
  youthOnly: (u) => Boolean(u.youth_only),
};
