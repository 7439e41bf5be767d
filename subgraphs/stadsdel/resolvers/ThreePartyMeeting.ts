import { loadExisting } from '../../../lib/loaders';
import type { ThreePartyMeetingResolvers } from '../__generated__/resolvers-types';

export const ThreePartyMeeting: ThreePartyMeetingResolvers = {
  // Another subgraph's reference is answered only for a caller who may read the record; otherwise as if unknown.
  __resolveReference: async ({ id }, { loaders, access }) => {
    const record = await loaders.threePartyMeeting.load(id);
    return record && (await access.mayRead(record.personnummer, 'MEETING', 'ThreePartyMeeting')) ? record : null;
  },
  person: (m, _, { loaders }) => loadExisting(loaders.person, m.personnummer, 'person'),
  district: (m, _, { loaders }) => loadExisting(loaders.district, m.district_code, 'district'),
  districtOfficer: (m) => m.district_officer,
  jobbtorgCoach: (m) => m.jobbtorg_coach,
  thirdParty: (m) => m.third_party,
  startsAt: (m) => m.starts_at,
};
