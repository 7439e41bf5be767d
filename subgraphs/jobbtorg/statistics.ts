import { Knex } from 'knex';
import { addDays } from '../../lib/scalars/calendar';
import { cellId, Closure, Dimension, encodeClosures, ReportFilter, reportId, ReportSpec } from '../../lib/statistics/keys';
import { addMonthsToDate, firstDay, lastDay, monthsOf, Period } from '../../lib/statistics/period';
import {
  Average,
  Count,
  countNeedsSuppression,
  csvValue,
  isSmall,
  Protectable,
  protectLines,
  Share,
  shareNeedsSuppression,
  SUPPRESSION_THRESHOLD,
  toAverage,
  toCount,
  toShare,
} from '../../lib/statistics/protection';
import { daysBetween, monthOf, selectRows, withinMonths } from '../../lib/statistics/sql';
import type { ClosureReason, InterventionKind, ReportingGroup } from './__generated__/resolvers-types';
import { CLOSURE_REASONS, CLOSURES_TO_WORK_OR_STUDIES } from './rules/case';

/**
 * Jobbtorg's follow-up figures, counted in SQL over its own cases, plans and interventions:
 * each query filters on an indexed date range and groups by the report's dimensions, so a
 * month's figures cost what that month's rows cost. Only the grouped counts come back; the
 * one exception is the set of closures the districts need for their income-support
 * measure, read only when that measure is asked for.
 */

/** Every `InterventionKind`, in the order the figures list them (test/unit/schema/codegen-enums.test.ts checks it is every one). */
export const INTERVENTION_KINDS = [
  'ACTIVE_JOB_SEARCH',
  'START_UP_GROUP',
  'COMMUNICATION_COURSE',
  'MATCHING',
  'WORK_PLACEMENT',
  'VOCATIONAL_COURSE',
] as const satisfies readonly InterventionKind[];

/** The figures of one cell, before protection: plain numbers of people. */
interface RawCell {
  coords: string[];
  enrolled: number;
  newlyEnrolled: number;
  closed: number;
  byReason: Record<ClosureReason, number>;
  workOrStudiesWithinThreeMonths: number;
  yearFollowed: number;
  closedWithinYear: number;
  openAtEnd: number;
  openAtEndOverAYear: number;
  outcomeFollowed: number;
  outcome: number;
  jobbgarantiDue: number;
  jobbgarantiKept: number;
  withPlan: number;
  meanDaysToPlan: number | null;
  interventions: Record<InterventionKind, number>;
}

export interface FollowUpCellModel {
  id: string;
  month: string | null;
  districtCode: string | null;
  district: { code: string } | null;
  reportingGroup: ReportingGroup | null;
  unitCode: string | null;
  enrolled: Count;
  newlyEnrolled: Count;
  closed: Count;
  closedByReason: { reason: ClosureReason; count: Count }[];
  shareClosed: Share;
  closedToWorkOrStudiesWithinThreeMonths: Share;
  closedWithinAYear: Share;
  enrolledLongerThanAYear: Share;
  outcomeAfter18Months: Share;
  jobbgarantiKept: Share;
  daysToFirstPlan: Average;
  interventionsByKind: { kind: InterventionKind; people: Share }[];
  /** The cell's closures, `personnummer:YYYY-MM;…`: read when first asked for, in one query for the whole report. */
  readClosures(): Promise<string>;
}

export interface FollowUpReportModel {
  id: string;
  from: string;
  to: string;
  groupBy: Dimension[];
  suppressionThreshold: number;
  total: FollowUpCellModel;
  cells: FollowUpCellModel[];
  /** The CSV lines of the report's Jobbtorg figures with each line's closures, as JSON (`CsvParts`): read when first asked for. */
  readCsvParts(): Promise<string>;
}

/** Where a dimension's value comes from; the month from whichever date the cohort is counted by. */
function dimensionSql(dimension: Dimension, monthColumn: string): string {
  switch (dimension) {
    case 'MONTH':
      return monthOf(monthColumn);
    case 'DISTRICT':
      return 'c.district_code';
    case 'REPORTING_GROUP':
      return 'c.reporting_group';
    case 'UNIT':
      return 'c.unit_code';
  }
}

interface Grouping {
  select: string;
  groupBy: string;
}

function grouping(dimensions: readonly Dimension[], monthColumn: string): Grouping {
  const expressions = dimensions.map((d) => dimensionSql(d, monthColumn));
  return {
    select: expressions.map((e, i) => `${e} AS d${i}, `).join(''),
    groupBy: expressions.length ? `GROUP BY ${expressions.join(', ')}` : '',
  };
}

function filterSql(filter: ReportFilter): { sql: string; bindings: string[] } {
  const parts: string[] = [];
  const bindings: string[] = [];
  if (filter.districtCode) (parts.push('c.district_code = ?'), bindings.push(filter.districtCode));
  if (filter.unitCode) (parts.push('c.unit_code = ?'), bindings.push(filter.unitCode));
  if (filter.reportingGroup) (parts.push('c.reporting_group = ?'), bindings.push(filter.reportingGroup));
  return { sql: parts.map((p) => ` AND ${p}`).join(''), bindings };
}

type Row = Record<string, unknown>;

const rows = selectRows;

const n = (value: unknown) => Number(value ?? 0);
const coordsOf = (row: Row, count: number) => Array.from({ length: count }, (_, i) => String(row[`d${i}`]));

/** Newly enrolled in the period, and the outcomes counted over that enrolment cohort. */
async function enrolmentCohort(db: Knex, period: Period, filter: ReportFilter, dims: Dimension[], today: string): Promise<Row[]> {
  const g = grouping(dims, 'c.enrolled_on');
  const f = filterSql(filter);
  const year = addMonthsToDate(today, -12);
  const eighteen = addMonthsToDate(today, -18);
  const workOrStudies = CLOSURES_TO_WORK_OR_STUDIES.map(() => '?').join(', ');
  return rows(
    db,
    `SELECT ${g.select}
       COUNT(DISTINCT c.personnummer) AS newly,
       COUNT(DISTINCT CASE WHEN c.enrolled_on <= ? THEN c.personnummer END) AS year_followed,
       COUNT(DISTINCT CASE WHEN c.enrolled_on <= ? AND c.closed_on IS NOT NULL AND ${withinMonths('c.enrolled_on', 'c.closed_on', 12)} THEN c.personnummer END) AS year_closed,
       COUNT(DISTINCT CASE WHEN c.enrolled_on <= ? THEN c.personnummer END) AS outcome_followed,
       COUNT(DISTINCT CASE WHEN c.enrolled_on <= ? AND c.closure_reason IN (${workOrStudies}) AND ${withinMonths('c.enrolled_on', 'c.closed_on', 18)} THEN c.personnummer END) AS outcome,
       COUNT(DISTINCT CASE WHEN p.id IS NOT NULL OR c.jobbgaranti_deadline < ? THEN c.personnummer END) AS jobbgaranti_due,
       COUNT(DISTINCT CASE WHEN p.established_on <= c.jobbgaranti_deadline THEN c.personnummer END) AS jobbgaranti_kept,
       COUNT(DISTINCT CASE WHEN p.id IS NOT NULL THEN c.personnummer END) AS with_plan,
       AVG(${daysBetween(db, 'c.enrolled_on', 'p.established_on')}) AS mean_days_to_plan
     FROM cases c LEFT JOIN job_plans p ON p.case_id = c.id
     WHERE c.enrolled_on >= ? AND c.enrolled_on <= ?${f.sql}
     ${g.groupBy}`,
    [year, year, eighteen, eighteen, ...CLOSURES_TO_WORK_OR_STUDIES, today, firstDay(period.from), lastDay(period.to), ...f.bindings],
  );
}

/** Closed in the period, by reason, and how many of them to work or studies within three months of enrolment. */
async function closureCohort(db: Knex, period: Period, filter: ReportFilter, dims: Dimension[]): Promise<Row[]> {
  const g = grouping(dims, 'c.closed_on');
  const f = filterSql(filter);
  const workOrStudies = CLOSURES_TO_WORK_OR_STUDIES.map(() => '?').join(', ');
  const reasons = CLOSURE_REASONS.map((r, i) => `COUNT(DISTINCT CASE WHEN c.closure_reason = ? THEN c.personnummer END) AS reason_${i}`);
  return rows(
    db,
    `SELECT ${g.select}
       COUNT(DISTINCT c.personnummer) AS closed,
       ${reasons.join(',\n       ')},
       COUNT(DISTINCT CASE WHEN c.closure_reason IN (${workOrStudies}) AND ${withinMonths('c.enrolled_on', 'c.closed_on', 3)} THEN c.personnummer END) AS within_three
     FROM cases c
     WHERE c.closed_on >= ? AND c.closed_on <= ?${f.sql}
     ${g.groupBy}`,
    [...CLOSURE_REASONS, ...CLOSURES_TO_WORK_OR_STUDIES, firstDay(period.from), lastDay(period.to), ...f.bindings],
  );
}

/**
 * People enrolled at some time in [start, end], and of those still enrolled on `endDay`, how
 * many for more than a year. Two index range scans: cases closed on or after the start, and
 * cases still open; never the cases that closed before the period.
 */
async function enrolledDuring(db: Knex, start: string, end: string, endDay: string, filter: ReportFilter, dims: Dimension[]): Promise<Row[]> {
  const g = grouping(dims, 'c.enrolled_on');
  const f = filterSql(filter);
  const columns = 'c.personnummer, c.enrolled_on, c.closed_on, c.district_code, c.reporting_group, c.unit_code';
  const yearBefore = addMonthsToDate(endDay, -12);
  return rows(
    db,
    `SELECT ${g.select}
       COUNT(DISTINCT c.personnummer) AS enrolled,
       COUNT(DISTINCT CASE WHEN c.enrolled_on <= ? AND (c.closed_on IS NULL OR c.closed_on > ?) THEN c.personnummer END) AS open_at_end,
       COUNT(DISTINCT CASE WHEN c.enrolled_on < ? AND (c.closed_on IS NULL OR c.closed_on > ?) THEN c.personnummer END) AS open_at_end_over_a_year
     FROM (
       SELECT ${columns} FROM cases c WHERE c.closed_on >= ? AND c.enrolled_on <= ?${f.sql}
       UNION ALL
       SELECT ${columns} FROM cases c WHERE c.closed_on IS NULL AND c.enrolled_on <= ?${f.sql}
     ) c
     ${g.groupBy}`,
    [endDay, endDay, yearBefore, endDay, start, end, ...f.bindings, end, ...f.bindings],
  );
}

/** People whose intervention of each kind started in the period (cancelled ones not counted). */
async function interventionUse(db: Knex, period: Period, filter: ReportFilter, dims: Dimension[]): Promise<Row[]> {
  const g = grouping(dims, 'i.start_date');
  const f = filterSql(filter);
  return rows(
    db,
    `SELECT ${g.select} i.kind AS kind, COUNT(DISTINCT c.personnummer) AS people
     FROM interventions i
     JOIN job_plans p ON p.id = i.plan_id
     JOIN cases c ON c.id = p.case_id
     WHERE i.start_date >= ? AND i.start_date <= ? AND (i.ended_on IS NULL OR i.ended_on >= i.start_date)${f.sql}
     ${g.groupBy}${g.groupBy ? ', i.kind' : 'GROUP BY i.kind'}`,
    [firstDay(period.from), lastDay(period.to), ...f.bindings],
  );
}

function emptyCell(coords: string[]): RawCell {
  return {
    coords,
    enrolled: 0,
    newlyEnrolled: 0,
    closed: 0,
    byReason: Object.fromEntries(CLOSURE_REASONS.map((r) => [r, 0])) as Record<ClosureReason, number>,
    workOrStudiesWithinThreeMonths: 0,
    yearFollowed: 0,
    closedWithinYear: 0,
    openAtEnd: 0,
    openAtEndOverAYear: 0,
    outcomeFollowed: 0,
    outcome: 0,
    jobbgarantiDue: 0,
    jobbgarantiKept: 0,
    withPlan: 0,
    meanDaysToPlan: null,
    interventions: Object.fromEntries(INTERVENTION_KINDS.map((k) => [k, 0])) as Record<InterventionKind, number>,
  };
}

/** Every figure of every cell, counted in SQL; the cells are the dimension values that have any case. */
async function countCells(db: Knex, spec: ReportSpec, dims: Dimension[], today: string): Promise<RawCell[]> {
  const cells = new Map<string, RawCell>();
  const cell = (coords: string[]) => {
    const key = coords.join('\u0000');
    if (!cells.has(key)) cells.set(key, emptyCell(coords));
    return cells.get(key)!;
  };
  const { filter } = spec;
  const byMonth = dims.includes('MONTH');
  const others = dims.filter((d) => d !== 'MONTH');
  // A month's stock is its own query, so a month costs the cases open in it, not the history.
  const stockPeriods = byMonth ? monthsOf(spec).map((m) => ({ from: m, to: m })) : [{ from: spec.from, to: spec.to }];
  const [enrolment, closure, interventions, ...stocks] = await Promise.all([
    enrolmentCohort(db, spec, filter, dims, today),
    closureCohort(db, spec, filter, dims),
    interventionUse(db, spec, filter, dims),
    ...stockPeriods.map((p) => {
      const end = lastDay(p.to);
      const endDay = end <= today ? end : today >= firstDay(p.from) ? today : addDays(firstDay(p.from), -1);
      return enrolledDuring(db, firstDay(p.from), end, endDay, filter, others);
    }),
  ]);
  // Month is the first dimension when present, so a stock row's coordinates are its month and then its own.
  stocks.forEach((result, i) => {
    for (const row of result) {
      const c = cell(byMonth ? [stockPeriods[i].from, ...coordsOf(row, others.length)] : coordsOf(row, others.length));
      c.enrolled = n(row.enrolled);
      c.openAtEnd = n(row.open_at_end);
      c.openAtEndOverAYear = n(row.open_at_end_over_a_year);
    }
  });
  for (const row of enrolment) {
    const c = cell(coordsOf(row, dims.length));
    c.newlyEnrolled = n(row.newly);
    c.yearFollowed = n(row.year_followed);
    c.closedWithinYear = n(row.year_closed);
    c.outcomeFollowed = n(row.outcome_followed);
    c.outcome = n(row.outcome);
    c.jobbgarantiDue = n(row.jobbgaranti_due);
    c.jobbgarantiKept = n(row.jobbgaranti_kept);
    c.withPlan = n(row.with_plan);
    c.meanDaysToPlan = row.mean_days_to_plan === null || row.mean_days_to_plan === undefined ? null : Number(row.mean_days_to_plan);
  }
  for (const row of closure) {
    const c = cell(coordsOf(row, dims.length));
    c.closed = n(row.closed);
    CLOSURE_REASONS.forEach((r, i) => (c.byReason[r] = n(row[`reason_${i}`])));
    c.workOrStudiesWithinThreeMonths = n(row.within_three);
  }
  for (const row of interventions) {
    const c = cell(coordsOf(row, dims.length));
    c.interventions[row.kind as InterventionKind] = n(row.people);
  }
  // Without dimensions the total is one cell even when nothing was counted.
  if (!dims.length) cell([]);
  return [...cells.values()]
    .filter((c) => !dims.length || c.enrolled || c.newlyEnrolled || c.closed || Object.values(c.interventions).some(Boolean))
    .sort((a, b) => a.coords.join('\u0000').localeCompare(b.coords.join('\u0000')));
}

/** A figure being protected: its table coordinates and whether it is suppressed yet. */
interface Figure extends Protectable {
  count: number;
  of: number;
}

/**
 * Applies small-number protection to the cells of one table: primary suppression, then a
 * figure that repeats a suppressed count is suppressed with it, then every line of every
 * table keeps no lone suppressed figure.
 */
function protect(cells: RawCell[]): FollowUpCellFigures[] {
  const counts = (pick: (c: RawCell) => number): Figure[] =>
    cells.map((c) => ({ coords: c.coords, size: pick(c), count: pick(c), of: pick(c), suppressed: countNeedsSuppression(pick(c)) }));
  const shares = (count: (c: RawCell) => number, of: (c: RawCell) => number, linked: Figure[][] = []): Figure[] =>
    cells.map((c, i) => ({
      coords: c.coords,
      size: of(c),
      count: count(c),
      of: of(c),
      suppressed: shareNeedsSuppression(count(c), of(c)) || linked.some((table) => table[i].suppressed),
    }));
  const lines = (table: Figure[]) => (protectLines(table), table);

  const enrolled = lines(counts((c) => c.enrolled));
  const newlyEnrolled = lines(counts((c) => c.newlyEnrolled));
  const closed = lines(counts((c) => c.closed));
  // Reasons partition the cell's closures: one table with the reason as a last coordinate.
  const reasonTable: Figure[] = cells.flatMap((c, i) =>
    CLOSURE_REASONS.map((r) => ({
      coords: [...c.coords, r],
      size: c.byReason[r],
      count: c.byReason[r],
      of: c.byReason[r],
      suppressed: countNeedsSuppression(c.byReason[r]) || (closed[i].suppressed && c.byReason[r] > 0),
    })),
  );
  protectLines(reasonTable);
  const kindTable: Figure[] = cells.flatMap((c, i) =>
    INTERVENTION_KINDS.map((k) => ({
      coords: [...c.coords, k],
      size: c.enrolled,
      count: c.interventions[k],
      of: c.enrolled,
      suppressed: shareNeedsSuppression(c.interventions[k], c.enrolled) || enrolled[i].suppressed,
    })),
  );
  protectLines(kindTable);
  const plan = lines(
    cells.map((c) => ({ coords: c.coords, size: c.withPlan, count: c.withPlan, of: c.withPlan, suppressed: isSmall(c.withPlan) })),
  );

  const tables = {
    shareClosed: lines(shares((c) => c.closed, (c) => c.enrolled, [closed, enrolled])),
    withinThree: lines(shares((c) => c.workOrStudiesWithinThreeMonths, (c) => c.closed, [closed])),
    withinYear: lines(shares((c) => c.closedWithinYear, (c) => c.yearFollowed)),
    overAYear: lines(shares((c) => c.openAtEndOverAYear, (c) => c.openAtEnd)),
    outcome: lines(shares((c) => c.outcome, (c) => c.outcomeFollowed)),
    jobbgaranti: lines(shares((c) => c.jobbgarantiKept, (c) => c.jobbgarantiDue)),
  };
  const share = (f: Figure) => toShare(f.count, f.of, f.suppressed);
  return cells.map((c, i) => ({
    coords: c.coords,
    enrolled: toCount(c.enrolled, enrolled[i].suppressed),
    newlyEnrolled: toCount(c.newlyEnrolled, newlyEnrolled[i].suppressed),
    closed: toCount(c.closed, closed[i].suppressed),
    closedByReason: CLOSURE_REASONS.map((reason, r) => ({ reason, count: toCount(c.byReason[reason], reasonTable[i * CLOSURE_REASONS.length + r].suppressed) })),
    shareClosed: share(tables.shareClosed[i]),
    closedToWorkOrStudiesWithinThreeMonths: share(tables.withinThree[i]),
    closedWithinAYear: share(tables.withinYear[i]),
    enrolledLongerThanAYear: share(tables.overAYear[i]),
    outcomeAfter18Months: share(tables.outcome[i]),
    jobbgarantiKept: share(tables.jobbgaranti[i]),
    daysToFirstPlan: toAverage(c.meanDaysToPlan, c.withPlan, plan[i].suppressed),
    interventionsByKind: INTERVENTION_KINDS.map((kind, k) => ({ kind, people: share(kindTable[i * INTERVENTION_KINDS.length + k]) })),
  }));
}

type FollowUpCellFigures = Omit<FollowUpCellModel, 'id' | 'month' | 'districtCode' | 'district' | 'reportingGroup' | 'unitCode' | 'readClosures'> & {
  coords: string[];
};

/** The key of the total's closure set (a cell key has its coordinates). */
const TOTAL = '';

/** Who closed in the period and in which month, by cell: the set the districts' measure joins on. */
async function closureSets(db: Knex, spec: ReportSpec): Promise<Map<string, Closure[]>> {
  const g = grouping(spec.groupBy, 'c.closed_on');
  const f = filterSql(spec.filter);
  const found = await rows(
    db,
    `SELECT DISTINCT ${g.select} c.personnummer AS personnummer, ${monthOf('c.closed_on')} AS month
     FROM cases c WHERE c.closed_on >= ? AND c.closed_on <= ?${f.sql}`,
    [firstDay(spec.from), lastDay(spec.to), ...f.bindings],
  );
  const sets = new Map<string, Closure[]>();
  const add = (key: string, closure: Closure) => {
    if (!sets.has(key)) sets.set(key, []);
    sets.get(key)!.push(closure);
  };
  // The total counts each person's closure in a month once, however many cells it falls in.
  const inTotal = new Set<string>();
  for (const row of found) {
    const closure = { personnummer: String(row.personnummer), month: String(row.month) };
    const key = coordsOf(row, spec.groupBy.length).join('\u0000');
    if (key) add(key, closure);
    if (!inTotal.has(`${closure.personnummer}:${closure.month}`)) {
      inTotal.add(`${closure.personnummer}:${closure.month}`);
      add(TOTAL, closure);
    }
  }
  return sets;
}

const CSV_HEADER = [
  'month',
  'district',
  'reporting_group',
  'unit',
  'enrolled',
  'newly_enrolled',
  'closed',
  ...CLOSURE_REASONS.map((r) => `closed_${r.toLowerCase()}`),
  'share_closed',
  'closed_to_work_or_studies_within_3_months',
  'closed_within_a_year',
  'enrolled_longer_than_a_year',
  'outcome_after_18_months',
  'jobbgaranti_kept',
  'days_to_first_plan',
  ...INTERVENTION_KINDS.map((k) => `intervention_${k.toLowerCase()}`),
];

function csvLine(cell: FollowUpCellModel): string[] {
  return [
    cell.month ?? '',
    cell.districtCode ?? '',
    cell.reportingGroup ?? '',
    cell.unitCode ?? '',
    csvValue(cell.enrolled),
    csvValue(cell.newlyEnrolled),
    csvValue(cell.closed),
    ...cell.closedByReason.map((r) => csvValue(r.count)),
    csvValue(cell.shareClosed),
    csvValue(cell.closedToWorkOrStudiesWithinThreeMonths),
    csvValue(cell.closedWithinAYear),
    csvValue(cell.enrolledLongerThanAYear),
    csvValue(cell.outcomeAfter18Months),
    csvValue(cell.jobbgarantiKept),
    csvValue(cell.daysToFirstPlan),
    ...cell.interventionsByKind.map((k) => csvValue(k.people)),
  ];
}

/** What the districts' subgraph gets to finish the CSV: the lines so far and each line's closures. */
export interface CsvParts {
  header: string[];
  lines: { cellId: string; fields: string[]; closures: string }[];
}

/**
 * The report for a period, filter and split; `today` decides which outcomes have had their
 * time. The parts only the districts' measure needs are read when it is asked for, through
 * the report's own models: they are made for this request and go with it.
 */
export async function followUpReport(db: Knex, spec: ReportSpec, today: string): Promise<FollowUpReportModel> {
  const [totalRaw, cellsRaw] = await Promise.all([
    countCells(db, { ...spec, groupBy: [] }, [], today),
    spec.groupBy.length ? countCells(db, spec, spec.groupBy, today) : Promise.resolve([]),
  ]);
  let sets: Promise<Map<string, Closure[]>> | null = null;
  const model = (figures: FollowUpCellFigures, key: string): FollowUpCellModel => {
    const at = (d: Dimension) => (spec.groupBy.includes(d) ? figures.coords[spec.groupBy.indexOf(d)] : null);
    const district = at('DISTRICT');
    const { coords, ...rest } = figures;
    const cell: FollowUpCellModel = {
      ...rest,
      id: cellId({ report: spec, coords }),
      month: at('MONTH'),
      districtCode: district,
      district: district ? { code: district } : null,
      reportingGroup: at('REPORTING_GROUP') as ReportingGroup | null,
      unitCode: at('UNIT'),
      readClosures: async () => {
        sets ??= closureSets(db, spec);
        return encodeClosures((await sets).get(key) ?? []);
      },
    };
    return cell;
  };
  const total = model(protect(totalRaw)[0], TOTAL);
  const cells = protect(cellsRaw).map((figures) => model(figures, figures.coords.join('\u0000')));
  const report: FollowUpReportModel = {
    id: reportId(spec),
    from: spec.from,
    to: spec.to,
    groupBy: spec.groupBy,
    suppressionThreshold: SUPPRESSION_THRESHOLD,
    total,
    cells,
    readCsvParts: async () => {
      const all = [total, ...cells];
      const closures = await Promise.all(all.map((c) => c.readClosures()));
      const parts: CsvParts = { header: CSV_HEADER, lines: all.map((c, i) => ({ cellId: c.id, fields: csvLine(c), closures: closures[i] })) };
      return JSON.stringify(parts);
    },
  };
  return report;
}

/** Who closed to work in the period, and in which month: the set the income-support-to-work measure joins on. */
export async function closuresToWork(db: Knex, period: Period): Promise<string> {
  const found = await rows(
    db,
    `SELECT DISTINCT c.personnummer AS personnummer, ${monthOf('c.closed_on')} AS month
     FROM cases c WHERE c.closed_on >= ? AND c.closed_on <= ? AND c.closure_reason = ?`,
    [firstDay(period.from), lastDay(period.to), 'WORK'],
  );
  return encodeClosures(found.map((r) => ({ personnummer: String(r.personnummer), month: String(r.month) })));
}
