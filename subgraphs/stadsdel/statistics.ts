import { Knex } from 'knex';
import { addMonths } from '../../lib/scalars/calendar';
import { toCsv } from '../../lib/statistics/csv';
import { Closure, decodeClosures, parseCellId, ReportSpec } from '../../lib/statistics/keys';
import {
  Count,
  countNeedsSuppression,
  csvValue,
  Protectable,
  protectLines,
  Share,
  shareNeedsSuppression,
  toCount,
  toShare,
} from '../../lib/statistics/protection';
import { forceIndex, selectRows, withTemporarySet } from '../../lib/statistics/sql';

/**
 * The districts' part of the follow-up: whether people were on income support after their
 * Jobbtorg closure, and how many recipients went to work. Jobbtorg hands over who closed in
 * which month (a compact set, through the gateway); it is joined here, in SQL, with the
 * decisions, and only protected counts leave. No decision ever leaves this database.
 */

/** The index a passed-in set reaches the decisions through: person and month (migration 008). */
const BY_PERSON = 'decisions_statistics_by_person';

/** Outcomes that mean the person had income support for the month. */
const GRANTED = ['GRANTED', 'PARTLY_GRANTED'] as const;
const GRANTED_SQL = `IN (${GRANTED.map(() => '?').join(', ')})`;

type Row = Record<string, unknown>;
const n = (value: unknown) => Number(value ?? 0);

const rows = selectRows;

/** A table's figures before protection: how many people, out of how many. */
interface Figure extends Protectable {
  count: number;
  of: number;
}

/** Primary suppression, then complementary along the lines of each report's table (a total stands alone). */
function protectShares(figures: Figure[], reportOf: (i: number) => string): Share[] {
  const tables = new Map<string, Figure[]>();
  figures.forEach((f, i) => {
    f.suppressed = f.suppressed || shareNeedsSuppression(f.count, f.of);
    const key = `${reportOf(i)}|${f.coords.length}`;
    tables.set(key, [...(tables.get(key) ?? []), f]);
  });
  for (const table of tables.values()) protectLines(table);
  return figures.map((f) => toShare(f.count, f.of, f.suppressed));
}

/** One follow-up cell as Jobbtorg hands it over: its id and who closed in its period. */
export interface CellClosures {
  id: string;
  closures: string;
}

/**
 * For each cell, of the people whose sixth month after the closure month has come (by
 * `currentMonth`), those not granted income support for that month. One statement for all
 * cells, driven by the set: each closure looks up one person-month in the decisions index.
 */
export async function withoutIncomeSupportAfterClosure(db: Knex, cells: readonly CellClosures[], currentMonth: string): Promise<Share[]> {
  const set: { cell: number; seq: number; personnummer: string; month: string }[] = [];
  cells.forEach((cell, index) => {
    for (const closure of decodeClosures(cell.closures)) {
      const sixth = addMonths(closure.month, 6);
      if (sixth <= currentMonth) set.push({ cell: index, seq: set.length, personnummer: closure.personnummer, month: sixth });
    }
  });
  const counted = new Map<number, { followed: number; supported: number }>();
  if (set.length) {
    const columns = { cell: 'integer', seq: 'integer', personnummer: { like: 'personnummer' }, month: { like: 'month' } } as const;
    const found = await withTemporarySet(db, 'income_support_decisions', columns, set, (trx, table) =>
      rows(
        trx,
        `SELECT t.cell AS cell, COUNT(DISTINCT t.seq) AS followed, COUNT(DISTINCT CASE WHEN d.id IS NOT NULL THEN t.seq END) AS supported
         FROM ${table} t
         LEFT JOIN income_support_decisions d${forceIndex(trx, BY_PERSON)}
           ON d.personnummer = t.personnummer AND d.month = t.month AND d.outcome ${GRANTED_SQL} AND d.replaced_by_id IS NULL
         GROUP BY t.cell`,
        GRANTED,
      ),
    );
    for (const row of found) counted.set(n(row.cell), { followed: n(row.followed), supported: n(row.supported) });
  }
  const specs = cells.map((c) => parseCellId(c.id));
  const figures: Figure[] = cells.map((_, i) => {
    const { followed = 0, supported = 0 } = counted.get(i) ?? {};
    return { coords: specs[i].coords, size: followed, count: followed - supported, of: followed, suppressed: false };
  });
  return protectShares(figures, (i) => JSON.stringify(specs[i].report));
}

/** The parts Jobbtorg's report hands over for the export (see subgraphs/jobbtorg/statistics.ts). */
interface CsvParts {
  header: string[];
  lines: { cellId: string; fields: string[]; closures: string }[];
}

/** The follow-up report's CSV: Jobbtorg's columns, then the districts' measure. */
export async function followUpCsv(db: Knex, csvParts: string, currentMonth: string): Promise<string> {
  const parts = JSON.parse(csvParts) as CsvParts;
  const shares = await withoutIncomeSupportAfterClosure(
    db,
    parts.lines.map((l) => ({ id: l.cellId, closures: l.closures })),
    currentMonth,
  );
  return toCsv([
    [...parts.header, 'without_income_support_6_months_after_closure'],
    ...parts.lines.map((l, i) => [...l.fields, csvValue(shares[i])]),
  ]);
}

export interface IncomeSupportToWorkCellModel {
  month: string | null;
  districtCode: string | null;
  /** Resolved by the cell's resolver from `districtCode`. */
  district: null;
  recipients: Count;
  wentToWork: Share;
  backOnIncomeSupportWithinSixMonths: Share;
}

export interface IncomeSupportToWorkModel {
  total: IncomeSupportToWorkCellModel;
  cells: IncomeSupportToWorkCellModel[];
  csv: string;
}

function dimensionSql(groupBy: readonly string[]): { select: string; groupBy: string } {
  const expressions = groupBy.map((d) => (d === 'MONTH' ? 'd.month' : 'd.district_code'));
  return {
    select: expressions.map((e, i) => `${e} AS d${i}, `).join(''),
    groupBy: expressions.length ? `GROUP BY ${expressions.join(', ')}` : '',
  };
}

interface RawToWork {
  coords: string[];
  recipients: number;
  went: number;
  followed: number;
  back: number;
}

async function countToWork(db: Knex, spec: ReportSpec, groupBy: string[], closures: Closure[], currentMonth: string): Promise<RawToWork[]> {
  const g = dimensionSql(groupBy);
  const district = spec.filter.districtCode ? ' AND d.district_code = ?' : '';
  const where = [spec.from, spec.to, ...(spec.filter.districtCode ? [spec.filter.districtCode] : [])];
  const coordsOf = (row: Row) => groupBy.map((_, i) => String(row[`d${i}`]));
  const cells = new Map<string, RawToWork>();
  const cell = (coords: string[]) => {
    const key = coords.join('\u0000');
    if (!cells.has(key)) cells.set(key, { coords, recipients: 0, went: 0, followed: 0, back: 0 });
    return cells.get(key)!;
  };
  if (!groupBy.length) cell([]);

  const recipients = await rows(
    db,
    `SELECT ${g.select} COUNT(DISTINCT d.personnummer) AS recipients
     FROM income_support_decisions d
     WHERE d.month >= ? AND d.month <= ? AND d.outcome ${GRANTED_SQL} AND d.replaced_by_id IS NULL${district}
     ${g.groupBy}`,
    [spec.from, spec.to, ...GRANTED, ...where.slice(2)],
  );
  for (const row of recipients) cell(coordsOf(row)).recipients = n(row.recipients);

  const set = closures.map((c, seq) => ({ seq, personnummer: c.personnummer, month: c.month, back_from: addMonths(c.month, 1), back_to: addMonths(c.month, 6) }));
  if (set.length) {
    const went = await withTemporarySet(
      db,
      'income_support_decisions',
      { seq: 'integer', personnummer: { like: 'personnummer' }, month: { like: 'month' }, back_from: { like: 'month' }, back_to: { like: 'month' } },
      set,
      (trx, table) =>
        rows(
          trx,
          `SELECT ${g.select}
             COUNT(DISTINCT d.personnummer) AS went,
             COUNT(DISTINCT CASE WHEN t.back_to <= ? THEN d.personnummer END) AS followed,
             COUNT(DISTINCT CASE WHEN t.back_to <= ? AND EXISTS (
               SELECT 1 FROM income_support_decisions b${forceIndex(trx, BY_PERSON)}
               WHERE b.personnummer = t.personnummer AND b.month >= t.back_from AND b.month <= t.back_to
                 AND b.outcome ${GRANTED_SQL} AND b.replaced_by_id IS NULL
             ) THEN d.personnummer END) AS back
           FROM ${table} t
           JOIN income_support_decisions d${forceIndex(trx, BY_PERSON)}
             ON d.personnummer = t.personnummer AND d.month = t.month AND d.outcome ${GRANTED_SQL} AND d.replaced_by_id IS NULL
           WHERE d.month >= ? AND d.month <= ?${district}
           ${g.groupBy}`,
          [currentMonth, currentMonth, ...GRANTED, ...GRANTED, ...where],
        ),
    );
    for (const row of went) {
      const c = cell(coordsOf(row));
      c.went = n(row.went);
      c.followed = n(row.followed);
      c.back = n(row.back);
    }
  }
  return [...cells.values()].sort((a, b) => a.coords.join('\u0000').localeCompare(b.coords.join('\u0000')));
}

function protectToWork(raw: RawToWork[], groupBy: string[]): IncomeSupportToWorkCellModel[] {
  const recipients: Figure[] = raw.map((c) => ({ coords: c.coords, size: c.recipients, count: c.recipients, of: c.recipients, suppressed: countNeedsSuppression(c.recipients) }));
  protectLines(recipients);
  const went: Figure[] = raw.map((c, i) => ({ coords: c.coords, size: c.recipients, count: c.went, of: c.recipients, suppressed: recipients[i].suppressed }));
  const back: Figure[] = raw.map((c) => ({ coords: c.coords, size: c.followed, count: c.back, of: c.followed, suppressed: false }));
  const wentShares = protectShares(went, () => '');
  const backShares = protectShares(back, () => '');
  return raw.map((c, i) => {
    const at = (d: string) => (groupBy.includes(d) ? c.coords[groupBy.indexOf(d)] : null);
    const district = at('DISTRICT');
    return {
      month: at('MONTH'),
      districtCode: district,
      district: null,
      recipients: toCount(c.recipients, recipients[i].suppressed),
      wentToWork: wentShares[i],
      backOnIncomeSupportWithinSixMonths: backShares[i],
    };
  });
}

/**
 * Income-support recipients who went to work: per month and district of the decisions,
 * the people granted support, those whose case Jobbtorg closed to work in a month they were
 * granted it, and of those (once six months have passed) who were granted it again.
 */
export async function incomeSupportToWork(db: Knex, spec: ReportSpec, closuresToWork: string, currentMonth: string): Promise<IncomeSupportToWorkModel> {
  const closures = decodeClosures(closuresToWork);
  const groupBy = spec.groupBy.filter((d) => d === 'MONTH' || d === 'DISTRICT');
  const [totalRaw, cellsRaw] = await Promise.all([
    countToWork(db, spec, [], closures, currentMonth),
    groupBy.length ? countToWork(db, spec, groupBy, closures, currentMonth) : Promise.resolve([]),
  ]);
  const [total] = protectToWork(totalRaw, []);
  const cells = protectToWork(cellsRaw, groupBy);
  const line = (c: IncomeSupportToWorkCellModel) => [
    c.month ?? '',
    c.districtCode ?? '',
    csvValue(c.recipients),
    c.wentToWork.suppressed ? '..' : String(c.wentToWork.count),
    csvValue(c.wentToWork),
    c.backOnIncomeSupportWithinSixMonths.suppressed ? '..' : String(c.backOnIncomeSupportWithinSixMonths.of),
    c.backOnIncomeSupportWithinSixMonths.suppressed ? '..' : String(c.backOnIncomeSupportWithinSixMonths.count),
    csvValue(c.backOnIncomeSupportWithinSixMonths),
  ];
  const csv = toCsv([
    ['month', 'district', 'recipients', 'went_to_work', 'share_went_to_work', 'went_to_work_followed_6_months', 'back_on_income_support_within_6_months', 'share_back_within_6_months'],
    ...[total, ...cells].map(line),
  ]);
  return { total, cells, csv };
}
