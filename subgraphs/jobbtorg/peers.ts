import { notFound } from '../../lib/errors';
import { askPeer } from '../../lib/peer-client';
import { birthDateOf } from '../../lib/scalars/personnummer';
import { RequestScope } from '../../lib/subgraph';
import type { EnrolmentFacts } from './models';
import type { ExternalPlanFacts } from './plan';

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
  /** Tells stadsdel the case the referral led to is closed: Jobbtorg's access to the person's records ends. */
  markReferralClosed(referralId: string, closedOn: string): Promise<void>;
  /** Takes back an enrolment notice when the case could not be written after all. */
  unmarkReferralEnrolled(referralId: string, caseId: string): Promise<void>;
  /** Takes back a closure notice when the closure could not be written after all. */
  unmarkReferralClosed(referralId: string, closedOn: string): Promise<void>;
  /**
   * The other agencies' plan items and the consents of many people at once, one request to
   * each subgraph whatever their number: what `@requires` brings for one person's plan.
   */
  planFacts(personnummer: readonly string[]): Promise<Map<string, ExternalPlanFacts>>;
}

const MARK_CLOSED = /* GraphQL */ `
  mutation MarkReferralClosed($referralId: ID!, $closedOn: Date!) {
    recordReferralClosure(referralId: $referralId, closedOn: $closedOn) { id }
  }
`;

const UNDO_ENROLLED = /* GraphQL */ `
  mutation UndoReferralEnrolment($referralId: ID!, $caseId: ID!) { undoReferralEnrolment(referralId: $referralId, caseId: $caseId) { id } }
`;

const UNDO_CLOSED = /* GraphQL */ `
  mutation UndoReferralClosure($referralId: ID!, $closedOn: Date!) { undoReferralClosure(referralId: $referralId, closedOn: $closedOn) { id } }
`;

/** The selection of a plan item: the same fields `Person.sharedPlan` requires in schema.graphql. */
const PLAN_ITEM = 'id agency kind category title provider startDate endDate hoursPerWeek schedule { weekday startTime endTime } status';

const PARTNERS_PLAN_FACTS = /* GraphQL */ `
  query PartnersPlanFacts($representations: [_Any!]!) {
    _entities(representations: $representations) {
      ... on Person { personnummer partnersPlanItems { ${PLAN_ITEM} } afProgrammes { id programme from to extentPercent } assignedProviderIds }
    }
  }
`;

const STADSDEL_PLAN_FACTS = /* GraphQL */ `
  query StadsdelPlanFacts($representations: [_Any!]!) {
    _entities(representations: $representations) {
      ... on Person { personnummer stadsdelPlanItems { ${PLAN_ITEM} } sharingConsents { purpose parties active } }
    }
  }
`;

const REFERRAL_FACTS = /* GraphQL */ `
  query ReferralFacts($representations: [_Any!]!) {
    _entities(representations: $representations) {
      ... on Referral { id status reason district { code } person { personnummer birthDate sharingConsents { purpose parties active } } }
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
  person: { personnummer: string; birthDate: string | null; sharingConsents: { purpose: string; parties: string[]; active: boolean }[] };
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
          // The consents go along as the gateway would bring them: partners shows Jobbtorg
          // newly-arrived status and Sfi studies only where the person consented.
          variables: {
            representations: [{ __typename: 'Person', personnummer: referral.person.personnummer, sharingConsents: referral.person.sharingConsents }],
            on,
          },
        },
        'input.referralId',
      );
      return {
        referralId: String(referral.id),
        referralStatus: referral.status,
        personnummer: referral.person.personnummer,
        birthDate: referral.person.birthDate ?? birthDateOf(referral.person.personnummer),
        districtCode: referral.district.code,
        reason: referral.reason,
        newlyArrived: person?.newlyArrived ?? false,
        studiesSfi: (person?.sfiEnrolments ?? []).some((e) => e.startDate <= on && (e.endDate === null || e.endDate >= on)),
      };
    },
    async planFacts(personnummer) {
      const facts = new Map<string, ExternalPlanFacts>();
      if (!personnummer.length) return facts;
      const representations = personnummer.map((p) => ({ __typename: 'Person', personnummer: p }));
      const ask = <T>(serviceName: 'partners' | 'stadsdel', query: string) =>
        askPeer<{ _entities: (T | null)[] }>(
          { url: subgraphUrls[serviceName], serviceName, gatewayToken, query, variables: { representations } },
          'peopleWithPlanConflicts',
        );
      type Partners = Pick<ExternalPlanFacts, 'partnersPlanItems' | 'afProgrammes' | 'assignedProviderIds'> & { personnummer: string };
      type Stadsdel = Pick<ExternalPlanFacts, 'stadsdelPlanItems' | 'sharingConsents'> & { personnummer: string };
      const [partners, stadsdel] = await Promise.all([ask<Partners>('partners', PARTNERS_PLAN_FACTS), ask<Stadsdel>('stadsdel', STADSDEL_PLAN_FACTS)]);
      personnummer.forEach((p, i) => {
        facts.set(p, {
          partnersPlanItems: partners._entities[i]?.partnersPlanItems ?? [],
          afProgrammes: partners._entities[i]?.afProgrammes ?? [],
          assignedProviderIds: partners._entities[i]?.assignedProviderIds ?? [],
          stadsdelPlanItems: stadsdel._entities[i]?.stadsdelPlanItems ?? [],
          sharingConsents: stadsdel._entities[i]?.sharingConsents ?? [],
        });
      });
      return facts;
    },
    async markReferralClosed(referralId, closedOn) {
      await askPeer(
        { url: subgraphUrls.stadsdel, serviceName: 'stadsdel', gatewayToken, query: MARK_CLOSED, variables: { referralId, closedOn } },
        'input.id',
      );
    },
    async unmarkReferralEnrolled(referralId, caseId) {
      await askPeer({ url: subgraphUrls.stadsdel, serviceName: 'stadsdel', gatewayToken, query: UNDO_ENROLLED, variables: { referralId, caseId } }, 'input.referralId');
    },
    async unmarkReferralClosed(referralId, closedOn) {
      await askPeer({ url: subgraphUrls.stadsdel, serviceName: 'stadsdel', gatewayToken, query: UNDO_CLOSED, variables: { referralId, closedOn } }, 'input.id');
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
