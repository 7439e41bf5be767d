import { DateScalar, DateTimeScalar, MonthScalar, PersonnummerScalar } from '../../../lib/scalars';
import type { Resolvers } from '../__generated__/resolvers-types';
import { PersonAccessLog, UnusualVolumeReport, UserAccessLog } from './AuditLog';
import { Case } from './Case';
import { Feedback } from './Feedback';
import { Intervention } from './Intervention';
import { JobbtorgUnit } from './JobbtorgUnit';
import { JobPlan } from './JobPlan';
import { Mutation } from './Mutation';
import { Person } from './Person';
import { PlanConflict, PlanConflictEvent } from './PlanConflict';
import { Query } from './Query';
import { Referral } from './Referral';
import { FollowUpCell, FollowUpReport, IncomeSupportToWorkReport, StatisticsQuery } from './Statistics';

export const resolvers: Resolvers = {
  Personnummer: PersonnummerScalar,
  Date: DateScalar,
  DateTime: DateTimeScalar,
  Month: MonthScalar,
  Query: { ...Query, ...StatisticsQuery },
  Mutation,
  JobbtorgUnit,
  Person,
  Referral,
  Case,
  JobPlan,
  Intervention,
  Feedback,
  PlanConflict,
  PlanConflictEvent,
  FollowUpReport,
  FollowUpCell,
  IncomeSupportToWorkReport,
  PersonAccessLog,
  UserAccessLog,
  UnusualVolumeReport,
};
