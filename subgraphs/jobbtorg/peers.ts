import { notFound } from '../../lib/errors';
import { askPeer } from '../../lib/peer-client';
import { RequestScope } from '../../lib/subgraph';
import type { EnrolmentFacts } from './models';

/**
 * What Jobbtorg asks the other subgraphs when it enrols someone: the referral, its person,
 * reason and district from stadsdel, newly-arrived status and Sfi studies from partners.
 * Their tables stay theirs; Jobbtorg asks as the caller, through the gateway's token.
 */
export interface Peers {
  /** The facts enrolment derives the target group from, as of the day of enrolment. */
  enrolmentFacts(referralId: string, on: string): Promise<EnrolmentFacts>;
  /** Tells stadsdel the referral led to this case; the referral then reads ENROLLED. */
  markReferralEnrolled(referralId: string, caseId: string): Promise<void>;
}

const REFERRAL_FACTS = /* GraphQL */ `
  query ReferralFacts($representations: [_Any!]!) {
    _entities(representations: $representations) {
      ... on Referral { id status reason district { code } person { personnummer birthDate } }
    }
  }
`;

const PERSON_FACTS = /* GraphQL */ `
  query PersonFacts($representations: [_Any!]!, $on: Date!) {
    _entities(representations: $representations) {
      ... on Person { newlyArrived(on: $on) sfiEnrolments { startDate endDate } }
    }
  }
`;

const MARK_ENROLLED = /* GraphQL */ `
  mutation MarkReferralEnrolled($referralId: ID!, $caseId: ID!) {
    recordReferralEnrolment(referralId: $referralId, caseId: $caseId) { id status }
  }
`;

interface ReferralEntity {
  id: string;
  status: EnrolmentFacts['referralStatus'];
  reason: EnrolmentFacts['reason'];
  district: { code: string };
  person: { personnummer: string; birthDate: string };
}

interface PersonEntity {
  newlyArrived: boolean | null;
  sfiEnrolments: { startDate: string; endDate: string | null }[] | null;
}

export function createPeers({ gatewayToken, subgraphUrls }: Pick<RequestScope, 'gatewayToken' | 'subgraphUrls'>): Peers {
  return {
    async enrolmentFacts(referralId, on) {
      const { _entities: [referral] } = await askPeer<{ _entities: (ReferralEntity | null)[] }>(
        {
          url: subgraphUrls.stadsdel,
          serviceName: 'stadsdel',
          gatewayToken,
          query: REFERRAL_FACTS,
          variables: { representations: [{ __typename: 'Referral', id: referralId }] },
        },
        'input.referralId',
      );
      if (!referral) throw notFound('input.referralId');
      const { _entities: [person] } = await askPeer<{ _entities: (PersonEntity | null)[] }>(
        {
          url: subgraphUrls.partners,
          serviceName: 'partners',
          gatewayToken,
          query: PERSON_FACTS,
          variables: { representations: [{ __typename: 'Person', personnummer: referral.person.personnummer }], on },
        },
        'input.referralId',
      );
      return {
        referralId: String(referral.id),
        referralStatus: referral.status,
        personnummer: referral.person.personnummer,
        birthDate: referral.person.birthDate,
        districtCode: referral.district.code,
        reason: referral.reason,
        newlyArrived: person?.newlyArrived ?? false,
        studiesSfi: (person?.sfiEnrolments ?? []).some((e) => e.startDate <= on && (e.endDate === null || e.endDate >= on)),
      };
    },
    async markReferralEnrolled(referralId, caseId) {
      await askPeer(
        {
          url: subgraphUrls.stadsdel,
          serviceName: 'stadsdel',
          gatewayToken,
          query: MARK_ENROLLED,
          variables: { referralId, caseId },
        },
        'input.referralId',
      );
    },
  };
}
