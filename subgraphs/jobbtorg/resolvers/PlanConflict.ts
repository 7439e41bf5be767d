import type { PlanConflictEventResolvers, PlanConflictResolvers } from '../__generated__/resolvers-types';
import { standingOf } from '../rules/plan-conflict';

/**
 * A conflict of the shared plan. Its list and state fields read what Jobbtorg keeps; a
 * conflict is only ever handed to a reader who sees all of it (plan.ts, access.ts), so
 * none of these asks again.
 */
export const PlanConflict: PlanConflictResolvers = {
  otherAgencies: (c, _, { access }) => c.agencies.filter((a) => a !== access.planParty()),
  person: (c) => ({ personnummer: c.personnummer }),
  state: (c) => c.kept?.state ?? null,
  version: (c) => c.kept?.version ?? null,
  foundAt: (c) => c.kept?.foundAt ?? null,
  stateChangedAt: (c) => c.kept?.changedAt ?? null,
  settledAt: (c) => c.kept?.settledAt ?? null,
  note: (c) => (c.kept?.state === 'ACKNOWLEDGED' ? c.kept.note : null),
  expectedSettledOn: (c) => (c.kept?.state === 'ACKNOWLEDGED' ? c.kept.expectedSettledOn : null),
  acceptedBy: (c) => (c.kept ? standingOf(c.kept).map((a) => a.agency) : []),
  acceptanceReason: (c) => (c.kept?.state === 'ACCEPTED' ? (c.kept.acceptances.at(-1)?.reason ?? null) : null),
  threePartyMeeting: (c) => (c.kept?.state === 'ACCEPTED' && c.kept.threePartyMeetingId ? { id: c.kept.threePartyMeetingId } : null),
  resolvedBy: (c) => {
    const resolved = c.kept?.state === 'RESOLVED' ? c.kept.resolvedBy : null;
    if (!resolved) return null;
    const agency = c.kept!.records.find((r) => r.id === resolved.recordId)?.agency;
    return agency ? { ...resolved, agency } : null;
  },
  history: (c, _, { loaders }) => (c.kept ? loaders.eventsOfConflict.load(c.id) : []),
};

export const PlanConflictEvent: PlanConflictEventResolvers = {
  version: (e) => Number(e.version),
  at: (e) => e.at,
  expectedSettledOn: (e) => e.expected_settled_on,
  threePartyMeeting: (e) => (e.three_party_meeting_id ? { id: e.three_party_meeting_id } : null),
  change: (e) =>
    e.record_id && e.agency ? { recordId: e.record_id, agency: e.agency, version: e.record_version === null ? null : Number(e.record_version), changedBy: e.user } : null,
};
