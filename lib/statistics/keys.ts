import { badInput } from '../errors';
import { Period } from './period';

/**
 * The identifiers and compact sets the follow-up reports hand between subgraphs. A report's
 * id states what was asked (so the subgraph that adds its own figures to the report knows
 * the period and the split without asking again); a cell's id adds where in the table the
 * cell stands. A closure set is the one person-level fact that crosses: who closed in which
 * month, as `personnummer:YYYY-MM` joined by `;`.
 */

/** The dimensions a follow-up report can be split by, in the order a cell's coordinates follow. */
export const DIMENSIONS = ['MONTH', 'DISTRICT', 'REPORTING_GROUP', 'UNIT'] as const;
export type Dimension = (typeof DIMENSIONS)[number];

export interface ReportFilter {
  districtCode?: string | null;
  unitCode?: string | null;
  reportingGroup?: string | null;
}

export interface ReportSpec extends Period {
  kind: 'followUp' | 'incomeSupportToWork';
  /** The dimensions asked for, in DIMENSIONS order, each once. */
  groupBy: Dimension[];
  filter: ReportFilter;
}

export interface CellSpec {
  report: ReportSpec;
  /** One value per dimension of `report.groupBy`, in its order. */
  coords: string[];
}

/** The dimensions in canonical order, each once, so the same question has the same id. */
export function canonicalGroupBy(groupBy: readonly string[] | null | undefined): Dimension[] {
  return DIMENSIONS.filter((d) => groupBy?.includes(d));
}

function encode(value: unknown): string {
  return Buffer.from(JSON.stringify(value)).toString('base64url');
}

function decode<T>(id: string, field: string): T {
  try {
    return JSON.parse(Buffer.from(id, 'base64url').toString('utf8')) as T;
  } catch {
    throw badInput(field, 'is not an id of a follow-up report');
  }
}

export function reportId(report: ReportSpec): string {
  return encode(report);
}

export function parseReportId(id: string): ReportSpec {
  const report = decode<ReportSpec>(id, 'id');
  if (!report || !Array.isArray(report.groupBy) || typeof report.from !== 'string') throw badInput('id', 'is not an id of a follow-up report');
  return report;
}

export function cellId(cell: CellSpec): string {
  return encode(cell);
}

export function parseCellId(id: string): CellSpec {
  const cell = decode<CellSpec>(id, 'id');
  if (!cell?.report || !Array.isArray(cell.coords)) throw badInput('id', 'is not an id of a follow-up cell');
  return cell;
}

/** A person who closed in a month (avslut), the fact the income-support measures join on. */
export interface Closure {
  personnummer: string;
  month: string;
}

export function encodeClosures(closures: readonly Closure[]): string {
  return closures.map((c) => `${c.personnummer}:${c.month}`).join(';');
}

const CLOSURE = /^(\d{12}):(\d{4}-(0[1-9]|1[0-2]))$/;

/** Reads a closure set; anything but well-formed entries is refused rather than half read. */
export function decodeClosures(encoded: string): Closure[] {
  if (!encoded) return [];
  return encoded.split(';').map((entry) => {
    const m = CLOSURE.exec(entry);
    if (!m) throw badInput('closures', 'holds an entry that is not personnummer:YYYY-MM');
    return { personnummer: m[1], month: m[2] };
  });
}
