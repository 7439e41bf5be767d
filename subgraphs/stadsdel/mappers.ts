/**
 * Codegen mappers: which row type in ./models each GraphQL type resolves from. Paths are
 * relative to ./__generated__/.
 */
export const mappers: Record<string, string> = {
  District: '../models#DistrictRow',
  Person: '../models#PersonRow',
  IncomeSupportDecision: '../models#DecisionRow',
  InfoMeeting: '../models#InfoMeetingRow',
  Referral: '../models#ReferralRow',
  ThreePartyMeeting: '../models#ThreePartyMeetingRow',
  Consent: '../models#ConsentRow',
  PersonConnection: '../models#PersonPage',
  IncomeSupportDecisionConnection: '../models#DecisionPage',
  ReferralConnection: '../models#ReferralPage',
  FreeInfoMeeting: '../models#FreeInfoMeetingModel',
  PersonAccessLog: '../../../lib/audit/queries#PersonAccessLogModel',
  UserAccessLog: '../../../lib/audit/queries#UserAccessLogModel',
  UnusualVolumeReport: '../../../lib/audit/volume#UnusualVolumeModel',
  AuditEntry: '../../../lib/audit/queries#AuditEntryView',
};
