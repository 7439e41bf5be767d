import { RecordPolicy } from '../../lib/audit/instrument';

/**
 * The partners types that are records about one person; every read and write of them is
 * audited. Planned activities are read through their registration, which is logged.
 */
const byPersonnummer = { personOf: (record: { personnummer?: string }) => record.personnummer };

export const recordPolicy: RecordPolicy = {
  Person: byPersonnummer,
  JobSeekerRegistration: byPersonnummer,
  ResidencePermit: byPersonnummer,
  MunicipalityReception: byPersonnummer,
  SfiEnrolment: byPersonnummer,
  ProviderAssignment: byPersonnummer,
};
