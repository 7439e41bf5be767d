import * as data from '../data';
import type { MutationResolvers } from '../__generated__/resolvers-types';

/**
 * Each mutation acts as the verified caller, and each agency records its own records only
 * (./access.ts); the data module does the rest in one transaction.
 */
export const Mutation: MutationResolvers = {
  registerJobSeeker: (_, { input, idempotencyKey }, { db, caller, access }) => {
    access.arbetsformedlingen();
    return data.registerJobSeeker(db, caller, input, idempotencyKey);
  },
  changeJobSeekerRegistration: (_, { input, idempotencyKey }, { db, caller, access }) => {
    access.arbetsformedlingen();
    return data.changeJobSeekerRegistration(db, caller, input, idempotencyKey);
  },
  addPlannedActivity: (_, { input, idempotencyKey }, { db, caller, access }) => {
    access.arbetsformedlingen();
    return data.addPlannedActivity(db, caller, input, idempotencyKey);
  },
  changePlannedActivity: (_, { input, idempotencyKey }, { db, caller, access }) => {
    access.arbetsformedlingen();
    return data.changePlannedActivity(db, caller, input, idempotencyKey);
  },
  endPlannedActivity: (_, { input, idempotencyKey }, { db, caller, access }) => {
    access.arbetsformedlingen();
    return data.endPlannedActivity(db, caller, input, idempotencyKey);
  },
  recordResidencePermit: (_, { input, idempotencyKey }, { db, caller, access }) => {
    access.migrationsverket();
    return data.recordResidencePermit(db, caller, input, idempotencyKey);
  },
  recordMunicipalityReception: (_, { input, idempotencyKey }, { db, caller, access }) => {
    access.migrationsverket();
    return data.recordMunicipalityReception(db, caller, input, idempotencyKey);
  },
  enrolInSfi: (_, { input, idempotencyKey }, { db, caller, access }) => {
    access.sfiSchool(input.schoolId, 'input.schoolId');
    return data.enrolInSfi(db, caller, input, idempotencyKey);
  },
  changeSfiEnrolment: async (_, { input, idempotencyKey }, { db, caller, access }) => {
    await access.ownRecord(db, 'sfi_enrolments', input.id, 'input.id');
    return data.changeSfiEnrolment(db, caller, input, idempotencyKey);
  },
  assignProvider: (_, { input, idempotencyKey }, { db, caller, access }) => {
    access.provider(input.providerId, 'input.providerId');
    return data.assignProvider(db, caller, input, idempotencyKey);
  },
  changeProviderAssignment: async (_, { input, idempotencyKey }, { db, caller, access }) => {
    await access.ownRecord(db, 'provider_assignments', input.id, 'input.id');
    return data.changeProviderAssignment(db, caller, input, idempotencyKey);
  },
};
