import { loadExisting } from '../../../lib/loaders';
import type { ThreePartyMeetingResolvers } from '../__generated__/resolvers-types';

export const ThreePartyMeeting: ThreePartyMeetingResolvers = {
  __resolveReference: ({ id }, { loaders }) => loaders.threePartyMeeting.load(id),
  person: (m, _, { loaders }) => loadExisting(loaders.person, m.personnummer, 'person'),
  district: (m, _, { loaders }) => loadExisting(loaders.district, m.district_code, 'district'),
  districtOfficer: (m) => m.district_officer,
  jobbtorgCoach: (m) => m.jobbtorg_coach,
  thirdParty: (m) => m.third_party,
  startsAt: (m) => m.starts_at,
};
