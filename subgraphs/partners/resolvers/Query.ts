import * as data from '../data';
import type { QueryResolvers } from '../__generated__/resolvers-types';

export const Query: QueryResolvers = {
  agencies: (_, __, { db }) => data.allAgencies(db),
  provider: (_, { id }, { loaders }) => loaders.provider.load(id),
  providers: (_, { kind }, { db }) => data.listProviders(db, kind),
  providerAssignments: (_, { filter, first, after }, { db }) => data.listProviderAssignments(db, filter, { first, after }),
  sfiEnrolments: (_, { filter, first, after }, { db }) => data.listSfiEnrolments(db, filter, { first, after }),
};
