/**
 * Small-number protection (röjandeskydd): no published figure may let anyone tell which
 * person it counts. Pure functions; every follow-up figure of every subgraph goes through
 * them, so the rule is the same wherever a figure is computed.
 *
 * - Primary: a count of 1–4 people is suppressed (null, with `suppressed: true`). Zero is
 *   shown: it names no one. A share or an average is suppressed when the people it counts or
 *   the people it is out of are 1–4, and whenever a count it repeats is suppressed.
 * - Complementary: along every line of a table (the cells that differ in one dimension
 *   only, whose sum a coarser report publishes), one suppressed cell alone could be
 *   recovered by subtraction, so the smallest other non-empty cell of that line is
 *   suppressed too.
 */

/** Cells counting fewer people than this (but some) are suppressed. */
export const SUPPRESSION_THRESHOLD = 5;

export interface Count {
  value: number | null;
  suppressed: boolean;
}

export interface Share {
  /** People counted; null when suppressed. */
  count: number | null;
  /** People it is out of; null when suppressed. */
  of: number | null;
  /** count / of, to four decimals; null when suppressed or when `of` is 0. */
  value: number | null;
  suppressed: boolean;
}

export interface Average {
  value: number | null;
  /** How many the average is over; null when suppressed. */
  of: number | null;
  suppressed: boolean;
}

/** 1 to 4 people: too few to publish. */
export function isSmall(people: number): boolean {
  return people > 0 && people < SUPPRESSION_THRESHOLD;
}

export function countNeedsSuppression(people: number): boolean {
  return isSmall(people);
}

export function shareNeedsSuppression(count: number, of: number): boolean {
  return isSmall(of) || isSmall(count);
}

export function toCount(people: number, suppressed: boolean): Count {
  return suppressed ? { value: null, suppressed } : { value: people, suppressed };
}

export function toShare(count: number, of: number, suppressed: boolean): Share {
  if (suppressed) return { count: null, of: null, value: null, suppressed };
  return { count, of, value: of > 0 ? Math.round((count / of) * 10_000) / 10_000 : null, suppressed };
}

export function toAverage(mean: number | null, of: number, suppressed: boolean): Average {
  if (suppressed) return { value: null, of: null, suppressed };
  return { value: of > 0 && mean !== null ? Math.round(mean * 10) / 10 : null, of, suppressed };
}

/** One figure of a table, placed by its coordinates (one value per dimension). */
export interface Protectable {
  coords: readonly string[];
  /** How many people it rests on (a count, or a share's `of`): the smallest non-empty one is sacrificed first. */
  size: number;
  suppressed: boolean;
}

/**
 * Complementary suppression in place: until every line holds no suppressed cell or at
 * least two, the smallest unsuppressed non-empty cell of a line with exactly one is
 * suppressed. A line whose other cells are all empty needs nothing: its sum equals the
 * suppressed cell and is itself 1–4, so the coarser report suppresses it.
 */
export function protectLines(entries: readonly Protectable[]): void {
  const axes = entries[0]?.coords.length ?? 0;
  let changed = true;
  while (changed) {
    changed = false;
    for (let axis = 0; axis < axes; axis++) {
      const lines = new Map<string, Protectable[]>();
      for (const entry of entries) {
        const key = entry.coords.map((c, i) => (i === axis ? '*' : c)).join('\u0000');
        lines.set(key, [...(lines.get(key) ?? []), entry]);
      }
      for (const line of lines.values()) {
        if (line.filter((e) => e.suppressed).length !== 1) continue;
        const candidates = line.filter((e) => !e.suppressed && e.size > 0).sort((a, b) => a.size - b.size);
        if (candidates.length) {
          candidates[0].suppressed = true;
          changed = true;
        }
      }
    }
  }
}

/** How a figure reads in a CSV cell: `..` when suppressed (the statistical offices' mark), empty when there is nothing to measure. */
export function csvValue(figure: Count | Share | Average): string {
  if (figure.suppressed) return '..';
  return figure.value === null ? '' : String(figure.value);
}
