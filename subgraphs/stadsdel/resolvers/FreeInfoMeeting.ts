import { loadExisting } from '../../../lib/loaders';
import type { FreeInfoMeetingResolvers } from '../__generated__/resolvers-types';

export const FreeInfoMeeting: FreeInfoMeetingResolvers = {
  district: (m, _, { loaders }) => loadExisting(loaders.district, m.districtCode, 'district'),
};
