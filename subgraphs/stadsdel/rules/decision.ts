import { badInput, conflict } from '../../../lib/errors';
import type { RecordIncomeSupportDecisionInput } from '../__generated__/resolvers-types';
import { DecisionRow } from '../models';

/**
 * The rules a decision on income support keeps, as plain functions: what the input must
 * say, and whether it may be recorded beside the month's current decision.
 */

/** Amount and outcome must agree: a refusal grants nothing, a grant grants something. */
export function checkDecisionInput(input: RecordIncomeSupportDecisionInput): void {
  if (input.outcome === 'REFUSED' && input.amount !== 0) {
    throw badInput('input.amount', 'must be 0 when the outcome is REFUSED');
  }
  if (input.outcome !== 'REFUSED' && input.amount === 0) {
    throw badInput('input.amount', `must be more than 0 when the outcome is ${input.outcome}`);
  }
}

/**
 * A month has one current decision. Recording over it needs `replaces` naming it at its
 * current version; anything else is a conflict, and nothing is written.
 * @returns the version the new decision gets.
 */
export function versionAfter(current: DecisionRow | null, replaces: RecordIncomeSupportDecisionInput['replaces']): number {
  if (!replaces) {
    if (current) {
      throw conflict('input.month', `already has a decision (id ${current.id}, version ${current.version}); to change it, give replaces`);
    }
    return 1;
  }
  if (!current || String(current.id) !== String(replaces.id)) {
    throw conflict('input.replaces.id', 'is not the current decision for this person and month');
  }
  if (current.version !== replaces.version) {
    throw conflict('input.replaces.version', `is stale: the decision is at version ${current.version}`);
  }
  return current.version + 1;
}
