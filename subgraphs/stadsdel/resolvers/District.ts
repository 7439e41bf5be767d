import type { DistrictResolvers } from '../__generated__/resolvers-types';

export const District: DistrictResolvers = {
  __resolveReference: ({ code }, { loaders }) => loaders.district.load(code),
  infoMeetingQuotaPerWeek: (d) => d.info_meeting_quota_per_week,
  infoMeetings: (d, { from, to }, { loaders }) => loaders.infoMeetingsOfDistrict.load({ code: d.code, from, to }),
};
