import { DateScalar, DateTimeScalar, MonthScalar, PersonnummerScalar, SEKScalar } from '../../../lib/scalars';
import type { Resolvers } from '../__generated__/resolvers-types';
import { AuditLogQuery, PersonAccessLog, UnusualVolumeReport, UserAccessLog } from './AuditLog';
import { Consent } from './Consent';
import { District } from './District';
import { FreeInfoMeeting } from './FreeInfoMeeting';
import { IncomeSupportDecision } from './IncomeSupportDecision';
import { InfoMeeting } from './InfoMeeting';
import { Mutation } from './Mutation';
import { Person } from './Person';
import { Query } from './Query';
import { Referral } from './Referral';
import { ThreePartyMeeting } from './ThreePartyMeeting';
import { FollowUpCell, FollowUpReport, IncomeSupportToWorkCell, IncomeSupportToWorkReport } from './Statistics';

export const resolvers: Resolvers = {
  Personnummer: PersonnummerScalar,
  Date: DateScalar,
  DateTime: DateTimeScalar,
  Month: MonthScalar,
  SEK: SEKScalar,
  Query: { ...Query, ...AuditLogQuery },
  Mutation,
  District,
  FreeInfoMeeting,
  Person,
  IncomeSupportDecision,
  InfoMeeting,
  Referral,
  ThreePartyMeeting,
  Consent,
  FollowUpReport,
  FollowUpCell,
  IncomeSupportToWorkReport,
  IncomeSupportToWorkCell,
  PersonAccessLog,
  UserAccessLog,
  UnusualVolumeReport,
};
