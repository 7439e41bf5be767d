import { Knex } from 'knex';
import { badInput } from './errors';

/**
 * Relay-style cursor pagination by keyset: a page is "the next `first` rows after the
 * cursor in this order", so a page costs the same at the start and at the end of a long
 * list, and rows inserted meanwhile do not shift it.
 */

/** Largest page a caller may ask for. */
export const MAX_PAGE_SIZE = 100;

/** One column of the order. The last sort key must be unique (an id) so the order is total. */
export interface SortKey<R> {
  column: string;
  descending?: boolean;
  valueOf: (row: R) => string | number;
}

export interface Page<R> {
  edges: { cursor: string; node: R }[];
  pageInfo: { hasNextPage: boolean; endCursor: string | null };
  /** Counted only when the caller asks for it (the default resolver calls it). */
  totalCount: () => Promise<number>;
}

export interface PageArgs {
  first?: number | null;
  after?: string | null;
}

/**
 * Narrows a list's query to the rows the caller may see. A subgraph's access module makes
 * one for each list; every list function takes it right after the database.
 */
export type ListScope = (query: Knex.QueryBuilder) => Knex.QueryBuilder;

function encodeCursor(values: (string | number)[]): string {
  return Buffer.from(JSON.stringify(values)).toString('base64url');
}

function decodeCursor(cursor: string, length: number, field: string): (string | number)[] {
  try {
    const values: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (
      Array.isArray(values) &&
      values.length === length &&
      values.every((v) => typeof v === 'string' || typeof v === 'number')
    ) {
      return values as (string | number)[];
    }
  } catch {
    // falls through to the error below
  }
  throw badInput(`${field}.after`, 'is not a cursor from this list');
}

/** Rows strictly after `values` in the order of `sort`: (a < x) or (a = x and b < y) … */
function whereAfter<R>(query: Knex.QueryBuilder, sort: SortKey<R>[], values: (string | number)[]): void {
  query.where(function after() {
    sort.forEach((_, i) => {
      this.orWhere(function tie() {
        for (let j = 0; j < i; j++) this.where(sort[j].column, values[j]);
        this.where(sort[i].column, sort[i].descending ? '<' : '>', values[i]);
      });
    });
  });
}

/**
 * Pages through `filtered` (a query with its WHERE clauses and no ORDER BY or LIMIT).
 * `field` names the list in errors, e.g. `cases`.
 */
export async function paginate<R>(
  filtered: Knex.QueryBuilder,
  args: PageArgs,
  sort: SortKey<R>[],
  field: string,
): Promise<Page<R>> {
  const first = pageSize(args, field);
  const query = filtered.clone();
  if (args.after) whereAfter(query, sort, decodeCursor(args.after, sort.length, field));
  for (const key of sort) query.orderBy(key.column, key.descending ? 'desc' : 'asc');
  const rows: R[] = await query.limit(first + 1);
  const hasNextPage = rows.length > first;
  const edges = rows.slice(0, first).map((node) => ({
    cursor: encodeCursor(sort.map((key) => key.valueOf(node))),
    node,
  }));
  return {
    edges,
    pageInfo: { hasNextPage, endCursor: edges.length ? edges[edges.length - 1].cursor : null },
    totalCount: async () => {
      const [{ count }] = await filtered.clone().clearSelect().count({ count: '*' });
      return Number(count);
    },
  };
}

function pageSize(args: PageArgs, field: string): number {
  const first = args.first ?? 20;
  if (!Number.isInteger(first) || first < 0 || first > MAX_PAGE_SIZE) {
    throw badInput(`${field}.first`, `must be between 0 and ${MAX_PAGE_SIZE}`);
  }
  return first;
}

/**
 * Pages through a list already worked out in memory, sorted by a unique string key —
 * ascending, or descending with `{ descending: true }` — with the same cursors and limits
 * as `paginate`.
 */
export function paginateSorted<R>(
  sorted: readonly R[],
  args: PageArgs,
  keyOf: (row: R) => string,
  field: string,
  order: { descending?: boolean } = {},
): Page<R> {
  const first = pageSize(args, field);
  const after = args.after ? String(decodeCursor(args.after, 1, field)[0]) : null;
  const rest = after === null ? sorted : sorted.filter((row) => (order.descending ? keyOf(row) < after : keyOf(row) > after));
  const edges = rest.slice(0, first).map((node) => ({ cursor: encodeCursor([keyOf(node)]), node }));
  return {
    edges,
    pageInfo: { hasNextPage: rest.length > first, endCursor: edges.length ? edges[edges.length - 1].cursor : null },
    totalCount: async () => sorted.length,
  };
}
