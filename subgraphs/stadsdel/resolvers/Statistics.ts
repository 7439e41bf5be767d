import { todayInStockholm } from '../../../lib/scalars/calendar';
import { parseReportId } from '../../../lib/statistics/keys';
import type { Context } from '../context';
import { followUpCsv, incomeSupportToWork } from '../statistics';
import type {
  FederationReferenceTypes,
  FederationTypes,
  FollowUpCellResolvers,
  FollowUpReportResolvers,
  IncomeSupportToWorkCellResolvers,
  IncomeSupportToWorkReportResolvers,
  ResolversParentTypes,
} from '../__generated__/resolvers-types';

/**
 * The districts' figures on Jobbtorg's follow-up report. The gateway brings each cell's
 * closures with the cell (`@requires`); the cells of one fetch are answered by one
 * statement, so the complementary suppression sees the whole table.
 */

const currentMonth = () => todayInStockholm().slice(0, 7);

/**
 * An entity's reference as the gateway sends it here: its key, all that codegen types a
 * reference with, and the fields `K` that Jobbtorg resolved for `@requires`.
 */
type ReferenceWithRequiredFields<T extends keyof FederationReferenceTypes, K extends keyof FederationTypes[T]> = FederationReferenceTypes[T] &
  Partial<Pick<FederationTypes[T], K>>;

export const FollowUpCell: FollowUpCellResolvers<Context, ResolversParentTypes['FollowUpCell'], ReferenceWithRequiredFields<'FollowUpCell', 'closures'>> = {
  __resolveReference: async ({ id, closures = '' }, { access, loaders }) => {
    access.statistics('FollowUpCell', '__resolveReference');
    return { id, closures, withoutIncomeSupportSixMonthsAfterClosure: await loaders.withoutIncomeSupportOfCell.load({ id: String(id), closures }) };
  },
};

export const FollowUpReport: FollowUpReportResolvers<Context, ResolversParentTypes['FollowUpReport'], ReferenceWithRequiredFields<'FollowUpReport', 'csvParts'>> = {
  __resolveReference: async ({ id, csvParts = '' }, { db, access }) => {
    // The districts' part is only the CSV: all this entity holds is the export.
    access.statisticsExport('FollowUpReport', 'csv');
    return { id, csvParts, csv: await followUpCsv(db, csvParts, currentMonth()) };
  },
};

export const IncomeSupportToWorkReport: IncomeSupportToWorkReportResolvers<
  Context,
  ResolversParentTypes['IncomeSupportToWorkReport'],
  ReferenceWithRequiredFields<'IncomeSupportToWorkReport', 'closuresToWork'>
> = {
  __resolveReference: async ({ id, closuresToWork = '' }, { db, access }) => {
    access.statistics('IncomeSupportToWorkReport', '__resolveReference');
    return { id, closuresToWork, ...(await incomeSupportToWork(db, parseReportId(String(id)), closuresToWork, currentMonth())) };
  },
  // Made with the figures, but handed out as a file only when asked for: that is the export.
  csv: (report, _, { access }) => {
    access.statisticsExport('IncomeSupportToWorkReport', 'csv');
    // A bare reference (its id only) was never resolved here: it has no figures to give.
    return 'csv' in report ? report.csv : '';
  },
};

export const IncomeSupportToWorkCell: IncomeSupportToWorkCellResolvers = {
  district: (cell, _, { loaders }) => (cell.districtCode ? loaders.district.load(String(cell.districtCode)) : null),
};
