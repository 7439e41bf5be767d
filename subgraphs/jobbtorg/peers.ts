import fs from 'node:fs';
import path from 'node:path';
import { ASTNode, DocumentNode, FragmentDefinitionNode, Kind, parse, print, visit } from 'graphql';
import { notFound } from '../../lib/errors';
import { askPeer } from '../../lib/peer-client';
import { stockholmWallClock } from '../../lib/scalars/calendar';
import { birthDateOf } from '../../lib/scalars/personnummer';
import { RequestScope } from '../../lib/subgraph';
import type * as Partners from './__generated__/partners-operations';
import type * as Stadsdel from './__generated__/stadsdel-operations';
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
   * each subgraph whatever their number: what `@requires` brings for one person's plan. A
   * refusal is reported under `field`.
   */
  planFacts(personnummer: readonly string[], field: string): Promise<Map<string, ExternalPlanFacts>>;
  /** The people whose shared plans the caller takes part in, as stadsdel decides (a district's residents, a partner's consenting people). */
  sharedPlanPeople(field: string): Promise<string[]>;
}

/** The questions, one operation a file: `peers/<peer>/<Operation>.graphql`; the fragments they share lie in `peers/`. */
const QUESTIONS_DIR = path.join(__dirname, 'peers');

type Peer = 'stadsdel' | 'partners';

/**
 * A question to a peer: the operation's text, with the fragments it spreads. `types` is
 * never set; it carries the result and variable types codegen generated for the operation
 * (`__generated__/<peer>-operations.ts`) to `ask`, so a question cannot be read as another's.
 */
interface Question<Result, Variables> {
  peer: Peer;
  text: string;
  types?: (variables: Variables) => Result;
}

function readDocument(file: string): DocumentNode {
  return parse(fs.readFileSync(file, 'utf8'));
}

function sharedFragments(): Map<string, FragmentDefinitionNode> {
  const files = fs.readdirSync(QUESTIONS_DIR).filter((f) => f.endsWith('.graphql'));
  const definitions = files.flatMap((f) => readDocument(path.join(QUESTIONS_DIR, f)).definitions);
  return new Map(definitions.filter((d) => d.kind === Kind.FRAGMENT_DEFINITION).map((d) => [d.name.value, d]));
}

const FRAGMENTS = sharedFragments();

/** The operation `peers/<peer>/<name>.graphql` as sent: its text and every fragment it spreads, once. */
export function questionText(peer: Peer, name: string): string {
  const document = readDocument(path.join(QUESTIONS_DIR, peer, `${name}.graphql`));
  const spread = new Map<string, FragmentDefinitionNode>();
  const collect = (node: ASTNode): void => {
    visit(node, {
      FragmentSpread({ name: { value } }) {
        if (spread.has(value)) return;
        const fragment = FRAGMENTS.get(value);
        if (!fragment) throw new Error(`peers/${peer}/${name}.graphql spreads ${value}, which no file in peers/ defines`);
        spread.set(value, fragment);
        collect(fragment);
      },
    });
  };
  collect(document);
  return print({ ...document, definitions: [...document.definitions, ...spread.values()] });
}

function question<Result, Variables>(peer: Peer, name: string): Question<Result, Variables> {
  return { peer, text: questionText(peer, name) };
}

const REFERRAL_FACTS = question<Stadsdel.ReferralFactsQuery, Stadsdel.ReferralFactsQueryVariables>('stadsdel', 'ReferralFacts');
const PERSON_FACTS = question<Partners.PersonFactsQuery, Partners.PersonFactsQueryVariables>('partners', 'PersonFacts');
const PARTNERS_PLAN_FACTS = question<Partners.PartnersPlanFactsQuery, Partners.PartnersPlanFactsQueryVariables>('partners', 'PartnersPlanFacts');
const STADSDEL_PLAN_FACTS = question<Stadsdel.StadsdelPlanFactsQuery, Stadsdel.StadsdelPlanFactsQueryVariables>('stadsdel', 'StadsdelPlanFacts');
const SHARED_PLAN_PEOPLE = question<Stadsdel.SharedPlanPeopleQuery, Stadsdel.SharedPlanPeopleQueryVariables>('stadsdel', 'SharedPlanPeople');
const MARK_ENROLLED = question<Stadsdel.MarkReferralEnrolledMutation, Stadsdel.MarkReferralEnrolledMutationVariables>('stadsdel', 'MarkReferralEnrolled');
const MARK_CLOSED = question<Stadsdel.MarkReferralClosedMutation, Stadsdel.MarkReferralClosedMutationVariables>('stadsdel', 'MarkReferralClosed');
const UNDO_ENROLLED = question<Stadsdel.UndoReferralEnrolmentMutation, Stadsdel.UndoReferralEnrolmentMutationVariables>('stadsdel', 'UndoReferralEnrolment');
const UNDO_CLOSED = question<Stadsdel.UndoReferralClosureMutation, Stadsdel.UndoReferralClosureMutationVariables>('stadsdel', 'UndoReferralClosure');

export function createPeers({ gatewayToken, subgraphUrls }: Pick<RequestScope, 'gatewayToken' | 'subgraphUrls'>): Peers {
  /** Asks `question`'s peer as the caller; a refusal of the caller's input is reported under `field`. */
  const ask = <Result, Variables extends Record<string, unknown>>(question: Question<Result, Variables>, variables: Variables, field: string) =>
    askPeer<Result>({ url: subgraphUrls[question.peer], serviceName: question.peer, gatewayToken, query: question.text, variables }, field);
  return {
    async enrolmentFacts(referralId, on) {
      const { _entities: [referral] } = await ask(REFERRAL_FACTS, { representations: [{ __typename: 'Referral', id: referralId }] }, 'input.referralId');
      if (!referral) throw notFound('input.referralId');
      const { _entities: [person] } = await ask(
        PERSON_FACTS,
        {
          // The consents go along as the gateway would bring them: partners shows Jobbtorg
          // newly-arrived status and Sfi studies only where the person consented.
          representations: [{ __typename: 'Person', personnummer: referral.person.personnummer, sharingConsents: referral.person.sharingConsents }],
          on,
        },
        'input.referralId',
      );
      return {
        referralId: String(referral.id),
        referralStatus: referral.status,
        referredOn: stockholmWallClock(new Date(referral.referredAt)).day,
        personnummer: referral.person.personnummer,
        birthDate: referral.person.birthDate ?? birthDateOf(referral.person.personnummer),
        districtCode: referral.district.code,
        reason: referral.reason,
        newlyArrived: person?.newlyArrived ?? false,
        studiesSfi: (person?.sfiEnrolments ?? []).some((e) => e.startDate <= on && (e.endDate === null || e.endDate >= on)),
      };
    },
    async planFacts(personnummer, field) {
      const facts = new Map<string, ExternalPlanFacts>();
      if (!personnummer.length) return facts;
      const variables = { representations: personnummer.map((p) => ({ __typename: 'Person', personnummer: p })) };
      const [partners, stadsdel] = await Promise.all([
        ask(PARTNERS_PLAN_FACTS, variables, field),
        ask(STADSDEL_PLAN_FACTS, variables, field),
      ]);
      personnummer.forEach((p, i) => {
        facts.set(p, {
          partnersPlanItems: partners._entities[i]?.partnersPlanItems ?? [],
          assignedProviderIds: partners._entities[i]?.assignedProviderIds ?? [],
          stadsdelPlanItems: stadsdel._entities[i]?.stadsdelPlanItems ?? [],
          sharingConsents: stadsdel._entities[i]?.sharingConsents ?? [],
        });
      });
      return facts;
    },
    async sharedPlanPeople(field) {
      return (await ask(SHARED_PLAN_PEOPLE, {}, field)).sharedPlanPeople;
    },
    async markReferralEnrolled(referralId, caseId) {
      await ask(MARK_ENROLLED, { referralId, caseId }, 'input.referralId');
    },
    async markReferralClosed(referralId, closedOn) {
      await ask(MARK_CLOSED, { referralId, closedOn }, 'input.id');
    },
    async unmarkReferralEnrolled(referralId, caseId) {
      await ask(UNDO_ENROLLED, { referralId, caseId }, 'input.referralId');
    },
    async unmarkReferralClosed(referralId, closedOn) {
      await ask(UNDO_CLOSED, { referralId, closedOn }, 'input.id');
    },
  };
}
