/**
 * Codegen mappers: which row type in ./models each GraphQL type resolves from. Paths are
 * relative to ./__generated__/.
 */
export const mappers: Record<string, string> = {
  Agency: '../models#AgencyRow',
  Provider: '../models#ProviderRow',
  Person: '../models#PersonRef',
  JobSeekerRegistration: '../models#RegistrationRow',
  PlannedActivity: '../models#PlannedActivityRow',
  ResidencePermit: '../models#ResidencePermitRow',
  SfiEnrolment: '../models#SfiEnrolmentRow',
  ProviderAssignment: '../models#ProviderAssignmentRow',
  SfiEnrolmentConnection: '../models#SfiEnrolmentPage',
  ProviderAssignmentConnection: '../models#ProviderAssignmentPage',
};
