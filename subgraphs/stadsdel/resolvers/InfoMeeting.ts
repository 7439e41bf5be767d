import { loadExisting } from '../../../lib/loaders';
import type { InfoMeetingResolvers } from '../__generated__/resolvers-types';

export const InfoMeeting: InfoMeetingResolvers = {
  district: (m, _, { loaders }) => loadExisting(loaders.district, m.district_code, 'district'),
  startsAt: (m) => m.starts_at,
  bookedPlaces: (m, _, { loaders }) => loaders.bookedPlaces.load(m.id),
};
