import DataLoader from 'dataloader';
import { todayInStockholm } from '../../../lib/scalars/calendar';
import { parseReportId } from '../../../lib/statistics/keys';
import { Share } from '../../../lib/statistics/protection';
import type { Context } from '../context';
import { CellClosures, followUpCsv, incomeSupportToWork, withoutIncomeSupportAfterClosure } from '../statistics';
import type { FollowUpCellResolvers, FollowUpReportResolvers, IncomeSupportToWorkCellResolvers, IncomeSupportToWorkReportResolvers } from '../__generated__/resolvers-types';

/**
 * The districts' figures on Jobbtorg's follow-up report. The gateway brings each cell's
 * closures with the cell (`@requires`); the cells of one fetch are answered by one
 * statement, so the complementary suppression sees the whole table.
 */

const currentMonth = () => todayInStockholm().slice(0, 7);

/** One loader per request (keyed by its context), so the cells of one fetch are one batch. */
const cellLoaders = new WeakMap<Context, DataLoader<CellClosures, Share, string>>();

function cellLoader(ctx: Context): DataLoader<CellClosures, Share, string> {
  let loader = cellLoaders.get(ctx);
  if (!loader) {
    loader = new DataLoader((cells) => withoutIncomeSupportAfterClosure(ctx.db, cells, currentMonth()), { cacheKeyFn: (c) => c.id });
    cellLoaders.set(ctx, loader);
  }
  return loader;
}

/** The fields Jobbtorg's subgraph resolved for `@requires`, which codegen does not type on the reference. */
type Required<K extends string> = { id: string } & Partial<Record<K, string>>;

export const FollowUpCell: FollowUpCellResolvers = {
  __resolveReference: async (reference, ctx) => {
    ctx.access.statistics();
    const { id, closures = '' } = reference as Required<'closures'>;
    return { id, closures, withoutIncomeSupportSixMonthsAfterClosure: await cellLoader(ctx).load({ id, closures }) };
  },
};

export const FollowUpReport: FollowUpReportResolvers = {
  __resolveReference: async (reference, { db, access }) => {
    access.statistics();
    const { id, csvParts = '' } = reference as Required<'csvParts'>;
    return { id, csvParts, csv: await followUpCsv(db, csvParts, currentMonth()) };
  },
};

export const IncomeSupportToWorkReport: IncomeSupportToWorkReportResolvers = {
  __resolveReference: async (reference, { db, access }) => {
    access.statistics();
    const { id, closuresToWork = '' } = reference as Required<'closuresToWork'>;
    return { id, closuresToWork, ...(await incomeSupportToWork(db, parseReportId(id), closuresToWork, currentMonth())) };
  },
};

export const IncomeSupportToWorkCell: IncomeSupportToWorkCellResolvers = {
  district: (cell, _, { loaders }) => (cell.districtCode ? loaders.district.load(String(cell.districtCode)) : null),
};
