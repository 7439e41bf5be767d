import * as data from '../data';
import type { QueryResolvers } from '../__generated__/resolvers-types';

export const Query: QueryResolvers = {
  person: (_, { personnummer }, { loaders }) => loaders.person.load(personnummer),
  persons: (_, { filter, first, after }, { db }) => data.listPersons(db, filter, { first, after }),
  districts: (_, __, { db }) => data.allDistricts(db),
  district: (_, { code }, { loaders }) => loaders.district.load(code),
  incomeSupportDecisions: (_, { filter, first, after }, { db }) => data.listDecisions(db, filter, { first, after }),
  nextFreeInfoMeeting: (_, { districtCode, audience }, { db }) => data.nextFreeInfoMeeting(db, districtCode, audience, new Date()),
  referrals: (_, { filter, first, after }, { db }) => data.listReferrals(db, filter, { first, after }),
};
