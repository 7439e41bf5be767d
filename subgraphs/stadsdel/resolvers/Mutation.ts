import * as data from '../data';
import type { MutationResolvers } from '../__generated__/resolvers-types';

export const Mutation: MutationResolvers = {
  recordIncomeSupportDecision: (_, { input }, { db }) => data.recordDecision(db, input, new Date()),
};
