import { loadExisting } from '../../../lib/loaders';
import { todayInStockholm } from '../../../lib/scalars/calendar';
import type { ConsentResolvers, Party } from '../__generated__/resolvers-types';
import { isConsentActive } from '../rules/consent';

export const Consent: ConsentResolvers = {
  // Another subgraph's reference is answered only for a caller who may read the record; otherwise as if unknown.
  __resolveReference: async ({ id }, { loaders, access }) => {
    const record = await loaders.consent.load(id);
    return record && (await access.mayRead(record.personnummer, 'CONSENT', 'Consent')) ? record : null;
  },
  person: (c, _, { loaders }) => loadExisting(loaders.person, c.personnummer, 'person'),
  parties: async (c, _, { loaders }) => (await loaders.partiesOfConsent.load(c.id)).map((p) => p.party as Party),
  validFrom: (c) => c.valid_from,
  validTo: (c) => c.valid_to,
  withdrawnAt: (c) => c.withdrawn_at,
  recordedAt: (c) => c.recorded_at,
  recordedBy: (c) => c.recorded_by,
  withdrawnBy: (c) => c.withdrawn_by,
  active: (c) => isConsentActive(c, todayInStockholm()),
};
