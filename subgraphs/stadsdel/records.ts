import { RecordPolicy } from '../../lib/audit/instrument';

/** The stadsdel types that are records about one person; every read and write of them is audited. */
const byPersonnummer = { personOf: (record: { personnummer?: string }) => record.personnummer };

export const recordPolicy: RecordPolicy = {
  Person: byPersonnummer,
  IncomeSupportDecision: byPersonnummer,
  Consent: byPersonnummer,
  Referral: byPersonnummer,
  ThreePartyMeeting: byPersonnummer,
};
