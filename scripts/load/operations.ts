import { TokenClaims } from '../../lib/auth/development';

/**
 * What `npm run bench:load` and `npm run soak` send: one caller and the same documents for
 * every contestant. The caller is Jobbtorg as a whole, who sees every person with an open
 * matter at any unit, so that a page of cases is a page of people it may read; the cases are
 * newly arrived refugees', who have records at every agency, so each list reaches all three
 * subgraphs (jobbtorg → stadsdel → partners).
 */

export const LOAD_CALLER: TokenClaims = { org: 'JOBBTORG', sub: 'samordnare.load', scope: 'records:read' };

/** A person's name and district: one subgraph (stadsdel). */
export const ONE_SUBGRAPH = /* GraphQL */ `
  query LoadPersonName($pnr: Personnummer!) {
    person(personnummer: $pnr) { givenName familyName district { name } }
  }
`;

/** The same person with their Jobbtorg cases and partner records: all three subgraphs. */
export const THREE_SUBGRAPHS = /* GraphQL */ `
  query LoadPerson($pnr: Personnummer!) {
    person(personnummer: $pnr) {
      givenName familyName district { name }
      jobbtorgCases { unit { name } targetGroup enrolledOn }
      residencePermits { kind grantedOn }
      sfiEnrolments { course school { name } }
    }
  }
`;

/** A page of cases with each person's name, district, residence permits and Sfi enrolments. */
export const CASE_LIST = /* GraphQL */ `
  query LoadCases($first: Int!) {
    cases(first: $first, filter: { reportingGroup: NEWLY_ARRIVED_REFUGEE }) {
      edges { node { id person { givenName familyName district { name } residencePermits { kind } sfiEnrolments { course } } } }
    }
  }
`;

/** To find a case and a person the caller sees: the first such case. */
export const FIRST_CASE = /* GraphQL */ `
  query LoadFirstCase {
    cases(first: 1, filter: { reportingGroup: NEWLY_ARRIVED_REFUGEE }) { edges { node { id person { personnummer } } } }
  }
`;

export interface LoadOperation {
  name: string;
  query: string;
  variables: Record<string, unknown>;
}

/** The three operations measured at 50 connections, for the person `pnr`. */
export function benchOperations(pnr: string): LoadOperation[] {
  return [
    { name: 'one-subgraph person', query: ONE_SUBGRAPH, variables: { pnr } },
    { name: 'three-subgraph person', query: THREE_SUBGRAPHS, variables: { pnr } },
    { name: '50-case list', query: CASE_LIST, variables: { first: 50 } },
  ];
}
