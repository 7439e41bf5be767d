import { loadExisting } from '../../../lib/loaders';
import type { ReferralResolvers } from '../__generated__/resolvers-types';

export const Referral: ReferralResolvers = {
  __resolveReference: ({ id }, { loaders }) => loaders.referral.load(id),
  person: (r, _, { loaders }) => loadExisting(loaders.person, r.personnummer, 'person'),
  district: (r, _, { loaders }) => loadExisting(loaders.district, r.district_code, 'district'),
  infoMeeting: (r, _, { loaders }) =>
    loadExisting(loaders.infoMeeting, r.info_meeting_id, 'info meeting'),
  referredAt: (r) => r.referred_at,
  referredBy: (r) => r.referred_by,
};
