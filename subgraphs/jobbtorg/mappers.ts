/**
 * Codegen mappers: which row type in ./models each GraphQL type resolves from. Paths are
 * relative to ./__generated__/.
 */
export const mappers: Record<string, string> = {
  JobbtorgUnit: '../models#UnitRow',
  Case: '../models#StoredCase',
  JobPlan: '../models#JobPlanRow',
  Intervention: '../models#StoredIntervention',
  Feedback: '../models#FeedbackRow',
  CaseConnection: '../models#CasePage',
  Person: '../models#PersonRef',
  Referral: '../models#ReferralRef',
  District: '../models#DistrictRef',
  Provider: '../models#ProviderRef',
  SharedPlan: '../plan#SharedPlanModel',
  PlanItem: '../../../lib/plan/items#PlanItem',
  PlanConflict: '../plan-conflicts#PlanConflictModel',
  PlanConflictEvent: '../models#PlanConflictEventRow',
  PlanConflictConnection: '../plan-conflicts#PlanConflictPage',
  PlanConflictSummary: '../plan#PlanConflictSummaryModel',
  PersonPlanConflicts: '../plan#PersonPlanConflictsModel',
  PersonPlanConflictsConnection: '../plan#PersonPlanConflictsPage',
  ThreePartyMeeting: '../models#ThreePartyMeetingRef',
  PersonAccessLog: '../../../lib/audit/queries#PersonAccessLogModel',
  UserAccessLog: '../../../lib/audit/queries#UserAccessLogModel',
  UnusualVolumeReport: '../../../lib/audit/volume#UnusualVolumeModel',
  AuditEntry: '../../../lib/audit/queries#AuditEntryView',
  FollowUpReport: '../statistics#FollowUpReportModel',
  FollowUpCell: '../statistics#FollowUpCellModel',
};
