import { personAccessEntries, personAccessLogReference, userAccessEntries, userAccessLogReference } from '../../../lib/audit/queries';
import { unusualVolumeReference, unusualVolumeRows } from '../../../lib/audit/volume';
import type { PersonAccessLogResolvers, UnusualVolumeReportResolvers, UserAccessLogResolvers } from '../__generated__/resolvers-types';

/** The partner agencies' part of the auditors' questions: its own log's entries, the scope checked here too. */
export const PersonAccessLog: PersonAccessLogResolvers = {
  __resolveReference: (reference, { access }) => personAccessLogReference(reference, access),
  partnersEntries: (log, _, ctx) => personAccessEntries(ctx, 'PARTNERS', log, 'partnersEntries'),
};

export const UserAccessLog: UserAccessLogResolvers = {
  __resolveReference: (reference, { access }) => userAccessLogReference(reference, access),
  partnersEntries: (log, _, ctx) => userAccessEntries(ctx, 'PARTNERS', log, 'partnersEntries'),
};

export const UnusualVolumeReport: UnusualVolumeReportResolvers = {
  __resolveReference: (reference, { access }) => unusualVolumeReference(reference, access),
  partnersRows: (report, _, ctx) => unusualVolumeRows(ctx, 'PARTNERS', report, 'partnersRows'),
};
