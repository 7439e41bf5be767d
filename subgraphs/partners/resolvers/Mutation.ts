import * as data from '../data';
import type { MutationResolvers } from '../__generated__/resolvers-types';

/** Each mutation acts as the verified caller; the data module does the rest in one transaction. */
export const Mutation: MutationResolvers = {
  registerJobSeeker: (_, { input, idempotencyKey }, { db, caller }) => data.registerJobSeeker(db, caller, input, idempotencyKey),
  changeJobSeekerRegistration: (_, { input, idempotencyKey }, { db, caller }) =>
    data.changeJobSeekerRegistration(db, caller, input, idempotencyKey),
  addPlannedActivity: (_, { input, idempotencyKey }, { db, caller }) => data.addPlannedActivity(db, caller, input, idempotencyKey),
  changePlannedActivity: (_, { input, idempotencyKey }, { db, caller }) => data.changePlannedActivity(db, caller, input, idempotencyKey),
  endPlannedActivity: (_, { input, idempotencyKey }, { db, caller }) => data.endPlannedActivity(db, caller, input, idempotencyKey),
  recordResidencePermit: (_, { input, idempotencyKey }, { db, caller }) => data.recordResidencePermit(db, caller, input, idempotencyKey),
  recordMunicipalityReception: (_, { input, idempotencyKey }, { db, caller }) =>
    data.recordMunicipalityReception(db, caller, input, idempotencyKey),
  enrolInSfi: (_, { input, idempotencyKey }, { db, caller }) => data.enrolInSfi(db, caller, input, idempotencyKey),
  changeSfiEnrolment: (_, { input, idempotencyKey }, { db, caller }) => data.changeSfiEnrolment(db, caller, input, idempotencyKey),
  assignProvider: (_, { input, idempotencyKey }, { db, caller }) => data.assignProvider(db, caller, input, idempotencyKey),
  changeProviderAssignment: (_, { input, idempotencyKey }, { db, caller }) =>
    data.changeProviderAssignment(db, caller, input, idempotencyKey),
};
