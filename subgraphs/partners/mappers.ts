/**
 * Codegen mappers: which row type in ./models each GraphQL type resolves from. Paths are
 * relative to ./__generated__/.
 */
export const mappers: Record<string, string> = {
  Agency: '../models#AgencyRow',
  Provider: '../models#ProviderRow',
  Person: '../models#PersonRef',
  JobSeekerRegistration: '../models#StoredRegistration',
  PlannedActivity: '../models#StoredPlannedActivity',
  ProgrammePart: '../models#ProgrammePartRow',
  ResidencePermit: '../models#StoredResidencePermit',
  SfiEnrolment: '../models#StoredSfiEnrolment',
  ProviderAssignment: '../models#StoredProviderAssignment',
  MunicipalityReception: '../models#StoredReception',
  SfiEnrolmentConnection: '../models#SfiEnrolmentPage',
  ProviderAssignmentConnection: '../models#ProviderAssignmentPage',
  PersonAccessLog: '../../../lib/audit/queries#PersonAccessLogModel',
  UserAccessLog: '../../../lib/audit/queries#UserAccessLogModel',
  UnusualVolumeReport: '../../../lib/audit/volume#UnusualVolumeModel',
  AuditEntry: '../../../lib/audit/queries#AuditEntryView',
};
