import {
  accessLogWindow,
  mergeNewestFirst,
  personAccessEntries,
  personAccessLogReference,
  userAccessEntries,
  userAccessLogReference,
} from '../../../lib/audit/queries';
import { mergeMostReadsFirst, unusualVolumeQuestion, unusualVolumeReference, unusualVolumeRows } from '../../../lib/audit/volume';
import type { PersonAccessLogResolvers, QueryResolvers, UnusualVolumeReportResolvers, UserAccessLogResolvers } from '../__generated__/resolvers-types';

/**
 * The auditors' questions start here: the root fields check the scope and state the
 * question, which is the key every subgraph answers its own log's list by. `entries` merges
 * the districts' list with the two the gateway brings from the others (`@requires`).
 */
export const AuditLogQuery: QueryResolvers = {
  personAccessLog: (_, { personnummer, from, to, first }, { access }) => {
    access.auditLog({ kind: 'PersonAccessLog', personnummer }, 'personAccessLog');
    return { personnummer, ...accessLogWindow({ from, to, first }, 'personAccessLog') };
  },
  userAccessLog: (_, { organisation, user, from, to, first }, { access }) => {
    access.auditLog({ kind: 'UserAccessLog' }, 'userAccessLog');
    return { organisation, user, ...accessLogWindow({ from, to, first }, 'userAccessLog') };
  },
  unusualAccessVolume: (_, args, { access }) => {
    access.auditLog({ kind: 'UnusualVolumeReport' }, 'unusualAccessVolume');
    return unusualVolumeQuestion(args, 'unusualAccessVolume');
  },
};

export const PersonAccessLog: PersonAccessLogResolvers = {
  __resolveReference: (reference, { access }) => personAccessLogReference(reference, access),
  stadsdelEntries: (log, _, ctx) => personAccessEntries(ctx, 'STADSDEL', log, 'stadsdelEntries'),
  entries: async (log, _, ctx) => mergeNewestFirst(await personAccessEntries(ctx, 'STADSDEL', log, 'entries'), log),
};

export const UserAccessLog: UserAccessLogResolvers = {
  __resolveReference: (reference, { access }) => userAccessLogReference(reference, access),
  stadsdelEntries: (log, _, ctx) => userAccessEntries(ctx, 'STADSDEL', log, 'stadsdelEntries'),
  entries: async (log, _, ctx) => mergeNewestFirst(await userAccessEntries(ctx, 'STADSDEL', log, 'entries'), log),
};

export const UnusualVolumeReport: UnusualVolumeReportResolvers = {
  __resolveReference: (reference, { access }) => unusualVolumeReference(reference, access),
  stadsdelRows: (report, _, ctx) => unusualVolumeRows(ctx, 'STADSDEL', report, 'stadsdelRows'),
  rows: async (report, _, ctx) => mergeMostReadsFirst(await unusualVolumeRows(ctx, 'STADSDEL', report, 'rows'), report),
};
