import { writeRequest } from '../../../lib/idempotency';
import * as data from '../data';
import type { MutationResolvers } from '../__generated__/resolvers-types';

/**
 * Each mutation acts as the verified caller, and each agency records its own records only
 * (./access.ts); the data module does the rest in one transaction.
 */
export const Mutation: MutationResolvers = {
  registerJobSeeker: (_, args, { db, caller, access }, info) => {
    access.arbetsformedlingen();
    return data.registerJobSeeker(db, writeRequest(caller, args, info), new Date());
  },
  changeJobSeekerRegistration: (_, args, { db, caller, access }, info) => {
    access.arbetsformedlingen();
    return data.changeJobSeekerRegistration(db, writeRequest(caller, args, info), new Date());
  },
  addPlannedActivity: (_, args, { db, caller, access }, info) => {
    access.arbetsformedlingen();
    return data.addPlannedActivity(db, writeRequest(caller, args, info), new Date());
  },
  changePlannedActivity: (_, args, { db, caller, access }, info) => {
    access.arbetsformedlingen();
    return data.changePlannedActivity(db, writeRequest(caller, args, info), new Date());
  },
  endPlannedActivity: (_, args, { db, caller, access }, info) => {
    access.arbetsformedlingen();
    return data.endPlannedActivity(db, writeRequest(caller, args, info), new Date());
  },
  addProgrammePart: (_, args, { db, caller, access }, info) => {
    access.arbetsformedlingen();
    return data.addProgrammePart(db, writeRequest(caller, args, info), new Date());
  },
  removeProgrammePart: (_, args, { db, caller, access }, info) => {
    access.arbetsformedlingen();
    return data.removeProgrammePart(db, writeRequest(caller, args, info), new Date());
  },
  recordResidencePermit: (_, args, { db, caller, access }, info) => {
    access.migrationsverket();
    return data.recordResidencePermit(db, writeRequest(caller, args, info), new Date());
  },
  recordMunicipalityReception: (_, args, { db, caller, access }, info) => {
    access.migrationsverket();
    return data.recordMunicipalityReception(db, writeRequest(caller, args, info), new Date());
  },
  enrolInSfi: (_, args, { db, caller, access }, info) => {
    access.sfiSchool(args.input.schoolId, 'input.schoolId');
    return data.enrolInSfi(db, writeRequest(caller, args, info), new Date());
  },
  changeSfiEnrolment: async (_, args, { db, caller, access }, info) => {
    await access.ownRecord(db, 'sfi_enrolments', args.input.id, 'input.id');
    return data.changeSfiEnrolment(db, writeRequest(caller, args, info), new Date());
  },
  assignProvider: (_, args, { db, caller, access }, info) => {
    access.provider(args.input.providerId, 'input.providerId');
    return data.assignProvider(db, writeRequest(caller, args, info), new Date());
  },
  changeProviderAssignment: async (_, args, { db, caller, access }, info) => {
    await access.ownRecord(db, 'provider_assignments', args.input.id, 'input.id');
    return data.changeProviderAssignment(db, writeRequest(caller, args, info), new Date());
  },
};
