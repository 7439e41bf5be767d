import { graphql } from '../gql';
import type { PlanAgency, PlanConflictEventKind, PlanConflictFieldsFragment, PlanConflictState } from '../gql/graphql';

/**
 * A conflict as the desk shows and settles it, wherever it is read — in a person's shared
 * plan, in the inbox, in a settling mutation's answer: its id and state with the version an
 * action states, what the agencies said, and its history.
 */

export const PlanConflictFields = graphql(`
  fragment PlanConflictFields on PlanConflict {
    id
    kind
    state
    version
    agencies
    otherAgencies
    weeks
    message
    note
    expectedSettledOn
    acceptedBy
    acceptanceReason
    stateChangedAt
    history {
      version
      event
      state
      at
      agency
      organisation
      user
      note
      expectedSettledOn
      reason
    }
  }
`);

export type SettlingConflict = PlanConflictFieldsFragment;

export const STATE_NAMES: Record<PlanConflictState, string> = {
  OPEN: 'Öppen',
  ACKNOWLEDGED: 'Tas om hand',
  ACCEPTED: 'Accepterad',
  RESOLVED: 'Löst',
};

export const EVENT_NAMES: Record<PlanConflictEventKind, string> = {
  FOUND: 'Upptäckt',
  ACKNOWLEDGED: 'Tas om hand',
  ACCEPTED: 'Accepterad',
  ACCEPTANCE_WITHDRAWN: 'Accepterandet återtaget',
  REOPENED: 'Öppnad igen',
  RESOLVED: 'Löst',
};

/** How a conflict's state reads; a plan read at another full time than the city's keeps none. */
export function stateName(state: PlanConflictState | null | undefined): string {
  return state ? STATE_NAMES[state] : 'Utan status';
}

/**
 * The reader's own agency in the conflict, when it is one of those involved: the API names
 * the involved agencies and, of them, the ones other than the reader's.
 */
export function readersAgency(conflict: Pick<SettlingConflict, 'agencies' | 'otherAgencies'>): PlanAgency | null {
  return conflict.agencies.find((agency) => !conflict.otherAgencies.includes(agency)) ?? null;
}

/** What the reader's agency may ask of the conflict as it stands; the API decides, this only offers. */
export function offeredActions(conflict: SettlingConflict): { acknowledge: boolean; accept: boolean; withdraw: boolean } {
  const own = readersAgency(conflict);
  const unsettled = conflict.state === 'OPEN' || conflict.state === 'ACKNOWLEDGED';
  const acceptedByUs = own !== null && conflict.acceptedBy.includes(own);
  return {
    acknowledge: own !== null && unsettled,
    accept: own !== null && unsettled && !acceptedByUs,
    withdraw: own !== null && (acceptedByUs || conflict.state === 'ACCEPTED'),
  };
}
