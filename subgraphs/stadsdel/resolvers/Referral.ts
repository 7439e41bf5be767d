import { loadExisting } from '../../../lib/loaders';
import type { ReferralResolvers } from '../__generated__/resolvers-types';

export const Referral: ReferralResolvers = {
  // Another subgraph's reference is answered only for a caller who may read the record; otherwise as if unknown.
  __resolveReference: async ({ id }, { loaders, access }) => {
    const record = await loaders.referral.load(id);
    return record && (await access.mayRead(record.personnummer, 'REFERRAL', 'Referral')) ? record : null;
  },
  person: (r, _, { loaders }) => loadExisting(loaders.person, r.personnummer, 'person'),
  district: (r, _, { loaders }) => loadExisting(loaders.district, r.district_code, 'district'),
  infoMeeting: (r, _, { loaders }) =>
    loadExisting(loaders.infoMeeting, r.info_meeting_id, 'info meeting'),
  referredAt: (r) => r.referred_at,
  referredBy: (r) => r.referred_by,
};
