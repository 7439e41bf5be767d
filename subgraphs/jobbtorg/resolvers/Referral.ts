import type { ReferralResolvers } from '../__generated__/resolvers-types';

/** What Jobbtorg made of a referral, shown to those who may read the case (the referring district, Jobbtorg). */
export const Referral: ReferralResolvers = {
  __resolveReference: ({ id }) => ({ id }),
  jobbtorgCase: async (r, _, { loaders, access }) => access.readable(await loaders.caseOfReferral.load(r.id)),
  feedback: async (r, _, { loaders, access }) => {
    const c = access.readable(await loaders.caseOfReferral.load(r.id));
    return c ? loaders.feedbackOfReferral.load(r.id) : [];
  },
};
