import type { ReferralResolvers } from '../__generated__/resolvers-types';

export const Referral: ReferralResolvers = {
  __resolveReference: ({ id }) => ({ id }),
  jobbtorgCase: (r, _, { loaders }) => loaders.caseOfReferral.load(r.id),
  feedback: (r, _, { loaders }) => loaders.feedbackOfReferral.load(r.id),
};
