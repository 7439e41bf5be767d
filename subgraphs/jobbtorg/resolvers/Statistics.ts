import { canonicalGroupBy, reportId } from '../../../lib/statistics/keys';
import { checkPeriod } from '../../../lib/statistics/period';
import { todayInStockholm } from '../../../lib/scalars/calendar';
import { closuresToWork, followUpReport } from '../statistics';
import type { FollowUpCellResolvers, FollowUpReportResolvers, IncomeSupportToWorkReportResolvers, QueryResolvers } from '../__generated__/resolvers-types';

/** The follow-up reports' roots: aggregate figures only, for callers with `statistics:read`. */
export const StatisticsQuery: QueryResolvers = {
  followUp: (_, { filter, groupBy }, { db, access }) => {
    access.statistics('Query', 'followUp');
    const { from, to, districtCode, unitCode, reportingGroup } = filter;
    checkPeriod({ from, to }, 'followUp.filter');
    const spec = { kind: 'followUp' as const, from, to, groupBy: canonicalGroupBy(groupBy), filter: { districtCode, unitCode, reportingGroup } };
    return followUpReport(db, spec, todayInStockholm());
  },
  incomeSupportToWork: (_, { filter, groupBy }, { access }) => {
    access.statistics('Query', 'incomeSupportToWork');
    const { from, to, districtCode } = filter;
    checkPeriod({ from, to }, 'incomeSupportToWork.filter');
    const spec = { kind: 'incomeSupportToWork' as const, from, to, groupBy: canonicalGroupBy(groupBy), filter: { districtCode } };
    return { id: reportId(spec), from, to, groupBy: spec.groupBy as ('MONTH' | 'DISTRICT')[], closuresToWork: '' };
  },
};

// A bare reference (its id only), which the model types do not show, was never counted in
// this request: it has no parts to read.
export const FollowUpReport: FollowUpReportResolvers = {
  csvParts: (report, _, { access }) => {
    if (!('readCsvParts' in report)) return '';
    // Jobbtorg's lines of the CSV, read only for the export: Jobbtorg's part of it.
    access.statisticsExport('FollowUpReport', 'csvParts');
    return report.readCsvParts();
  },
};

export const FollowUpCell: FollowUpCellResolvers = {
  unit: (cell, _, { loaders }) => ('unitCode' in cell && cell.unitCode ? loaders.unit.load(String(cell.unitCode)) : null),
  closures: (cell) => ('readClosures' in cell ? cell.readClosures() : ''),
};

export const IncomeSupportToWorkReport: IncomeSupportToWorkReportResolvers = {
  closuresToWork: (report, _, { db }) => ('from' in report ? closuresToWork(db, { from: report.from, to: report.to }) : ''),
};
