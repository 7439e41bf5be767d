import { loadExisting } from '../../../lib/loaders';
import type { IncomeSupportDecisionResolvers } from '../__generated__/resolvers-types';

export const IncomeSupportDecision: IncomeSupportDecisionResolvers = {
  __resolveReference: ({ id }, { loaders }) => loaders.decision.load(id),
  person: (d, _, { loaders }) => loadExisting(loaders.person, d.personnummer, 'person'),
  district: (d, _, { loaders }) => loadExisting(loaders.district, d.district_code, 'district'),
  needReason: (d) => d.need_reason,
  decidedAt: (d) => d.decided_at,
  decidedBy: (d) => d.decided_by,
  replaces: (d, _, { loaders }) => (d.replaces_id === null ? null : loaders.decision.load(d.replaces_id)),
  current: (d) => d.replaced_by_id === null,
};
