import * as data from '../data';
import type { QueryResolvers } from '../__generated__/resolvers-types';

/** A school lists its own enrolments and a provider its own assignments; agencies and providers are public. */
export const Query: QueryResolvers = {
  agencies: (_, __, { db }) => data.allAgencies(db),
  provider: (_, { id }, { loaders }) => loaders.provider.load(id),
  providers: (_, { kind }, { db }) => data.listProviders(db, kind),
  providerAssignments: (_, { filter, first, after }, { db, access }) =>
    data.listProviderAssignments(db, access.scopeProviderAssignments, filter, { first, after }),
  sfiEnrolments: (_, { filter, first, after }, { db, access }) => data.listSfiEnrolments(db, access.scopeSfiEnrolments, filter, { first, after }),
};
