import { loadExisting } from '../../../lib/loaders';
import type { IncomeSupportDecisionResolvers } from '../__generated__/resolvers-types';

export const IncomeSupportDecision: IncomeSupportDecisionResolvers = {
  // Another subgraph's reference is answered only for a caller who may read the record; otherwise as if unknown.
  __resolveReference: async ({ id }, { loaders, access }) => {
    const record = await loaders.decision.load(id);
    return record && (await access.mayRead(record.personnummer, 'DECISION', 'IncomeSupportDecision')) ? record : null;
  },
  person: (d, _, { loaders }) => loadExisting(loaders.person, d.personnummer, 'person'),
  district: (d, _, { loaders }) => loadExisting(loaders.district, d.district_code, 'district'),
  needReason: (d) => d.need_reason,
  decidedAt: (d) => d.decided_at,
  decidedBy: (d) => d.decided_by,
  replaces: (d, _, { loaders }) => (d.replaces_id === null ? null : loaders.decision.load(d.replaces_id)),
  current: (d) => d.replaced_by_id === null,
};
