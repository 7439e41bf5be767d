import { DateScalar, DateTimeScalar, PersonnummerScalar } from '../../../lib/scalars';
import type { Resolvers } from '../__generated__/resolvers-types';
import { PersonAccessLog, UnusualVolumeReport, UserAccessLog } from './AuditLog';
import { Agency } from './Agency';
import { JobSeekerRegistration } from './JobSeekerRegistration';
import { MunicipalityReception } from './MunicipalityReception';
import { Mutation } from './Mutation';
import { Person } from './Person';
import { PlannedActivity } from './PlannedActivity';
import { ProgrammePart } from './ProgrammePart';
import { Provider } from './Provider';
import { ProviderAssignment } from './ProviderAssignment';
import { Query } from './Query';
import { ResidencePermit } from './ResidencePermit';
import { SfiEnrolment } from './SfiEnrolment';

export const resolvers: Resolvers = {
  Personnummer: PersonnummerScalar,
  Date: DateScalar,
  DateTime: DateTimeScalar,
  Query,
  Mutation,
  Agency,
  Provider,
  Person,
  JobSeekerRegistration,
  PlannedActivity,
  ProgrammePart,
  ResidencePermit,
  MunicipalityReception,
  SfiEnrolment,
  ProviderAssignment,
  PersonAccessLog,
  UserAccessLog,
  UnusualVolumeReport,
};
