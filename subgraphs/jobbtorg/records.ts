import { RecordPolicy } from '../../lib/audit/instrument';

/**
 * The jobbtorg types that are records about one person; every read and write of them is
 * audited. A case's plan, interventions, closure and feedback are read through the case.
 */
const byPersonnummer = { personOf: (record: { personnummer?: string }) => record.personnummer };

export const recordPolicy: RecordPolicy = {
  Person: byPersonnummer,
  Case: byPersonnummer,
};
