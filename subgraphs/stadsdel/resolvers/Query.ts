import * as data from '../data';
import type { QueryResolvers } from '../__generated__/resolvers-types';

/** Lists hold only the people the caller has a matter with; a person the caller may not see is null, as if unknown. */
export const Query: QueryResolvers = {
  person: async (_, { personnummer }, { loaders, access }) => {
    const person = await loaders.person.load(personnummer);
    return person && (await access.mayRead(personnummer, 'PERSON', 'Person')) ? person : null;
  },
  persons: (_, { filter, first, after }, { db, access }) => data.listPersons(db, access.scopePersons, filter, { first, after }),
  districts: (_, __, { db }) => data.allDistricts(db),
  district: (_, { code }, { loaders }) => loaders.district.load(code),
  incomeSupportDecisions: (_, { filter, first, after }, { db, access }) => data.listDecisions(db, access.scopeDecisions, filter, { first, after }),
  nextFreeInfoMeeting: (_, { districtCode, audience }, { db }) => data.nextFreeInfoMeeting(db, districtCode, audience, new Date()),
  referrals: (_, { filter, first, after }, { db, access }) => data.listReferrals(db, access.scopeReferrals, filter, { first, after }),
  sharedPlanPeople: (_, __, { db, access }) => data.scopedPersonnummer(db, access.scopePersons),
};
