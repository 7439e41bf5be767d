import { createHash } from 'node:crypto';
import type { Conflict } from './conflicts';

/**
 * A conflict's identity: what makes two readings of a plan the same conflict, so the
 * agencies can speak about it, and Jobbtorg can keep its state (subgraphs/jobbtorg/plan-conflicts.ts).
 *
 * A conflict is the records it names — its kind, the activities and the context facts
 * (a case, a programme) — and, where one pair of records can conflict in two ways, which
 * way: the reason of a `CONTRADICTING_GOALS`, the category of a `DUPLICATE_KIND`. Never its
 * weeks, hours or message, which follow the window read and the reader's words: the same
 * conflict has the same id whatever window it was found in and whoever found it.
 */

/** The part of a conflict its identity is made of. */
export interface ConflictIdentity {
  kind: Conflict['kind'];
  activityIds: readonly string[];
  contextIds: readonly string[];
  /** `detailOf(conflict)`: the reason or category that tells two conflicts of the same records apart. */
  detail: string | null;
}

/** The reason of a `CONTRADICTING_GOALS`, the category of a `DUPLICATE_KIND`; null for the other kinds. */
export function detailOf(conflict: Conflict): string | null {
  if (conflict.kind === 'CONTRADICTING_GOALS') return conflict.reason;
  if (conflict.kind === 'DUPLICATE_KIND') return conflict.category;
  return null;
}

/** The identity of a conflict found by the rules. */
export function identityOf(conflict: Conflict): ConflictIdentity {
  return { kind: conflict.kind, activityIds: conflict.activityIds, contextIds: conflict.contextIds, detail: detailOf(conflict) };
}

/**
 * `c_` and the first 16 hex digits of the SHA-256 of the identity, with the ids sorted:
 * short enough to say on the phone, and 64 bits leave a collision among one city's
 * conflicts practically impossible. Ids of records never contain a newline or a comma.
 */
export function conflictId(conflict: Conflict | ConflictIdentity): string {
  const { kind, activityIds, contextIds } = conflict;
  const detail = 'detail' in conflict ? conflict.detail : detailOf(conflict);
  const text = [kind, [...activityIds].sort().join(','), [...contextIds].sort().join(','), detail ?? ''].join('\n');
  return `c_${createHash('sha256').update(text).digest('hex').slice(0, 16)}`;
}
