import { personAccessEntries, personAccessLogReference, userAccessEntries, userAccessLogReference } from '../../../lib/audit/queries';
import { unusualVolumeReference, unusualVolumeRows } from '../../../lib/audit/volume';
import type { PersonAccessLogResolvers, UnusualVolumeReportResolvers, UserAccessLogResolvers } from '../__generated__/resolvers-types';

/** Jobbtorg's part of the auditors' questions: its own log's entries, the scope checked here too. */
export const PersonAccessLog: PersonAccessLogResolvers = {
  __resolveReference: (reference, { access }) => personAccessLogReference(reference, access),
  jobbtorgEntries: (log, _, ctx) => personAccessEntries(ctx, 'JOBBTORG', log, 'jobbtorgEntries'),
};

export const UserAccessLog: UserAccessLogResolvers = {
  __resolveReference: (reference, { access }) => userAccessLogReference(reference, access),
  jobbtorgEntries: (log, _, ctx) => userAccessEntries(ctx, 'JOBBTORG', log, 'jobbtorgEntries'),
};

export const UnusualVolumeReport: UnusualVolumeReportResolvers = {
  __resolveReference: (reference, { access }) => unusualVolumeReference(reference, access),
  jobbtorgRows: (report, _, ctx) => unusualVolumeRows(ctx, 'JOBBTORG', report, 'jobbtorgRows'),
};
