import { Agency, AGENCIES, ActivityCategory, CATEGORIES, JobbtorgCaseFacts, KindsByAgency, PlannedItemStatus, PROGRAMME_NAMES } from '../../../lib/plan/activity';
import { ConflictKind } from '../../../lib/plan/conflicts';
import type { ActivityStatus } from '../../../lib/plan/status';
import type * as Jobbtorg from '../../../subgraphs/jobbtorg/__generated__/resolvers-types';
import type * as Partners from '../../../subgraphs/partners/__generated__/resolvers-types';
import type * as Stadsdel from '../../../subgraphs/stadsdel/__generated__/resolvers-types';
import { Equal, Expect } from '../../helpers/types';

/**
 * lib/plan declares its own kinds (lib/ imports no subgraph); these are the schema enums
 * they stand for. A subgraph that adds a kind to its schema fails the type check here, and
 * then lib/plan/activity.ts's `CATEGORIES` until the kind has a category.
 */
export type PlanKindsAreTheSchemas = Expect<
  [
    Equal<KindsByAgency['JOBBTORG'], Jobbtorg.InterventionKind>,
    Equal<KindsByAgency['ARBETSFORMEDLINGEN'], Partners.AfActivityKind | Exclude<Partners.AfProgramme, 'NONE'>>,
    Equal<KindsByAgency['ETABLERING_PROVIDER'], Partners.EstablishmentService>,
    Equal<keyof typeof PROGRAMME_NAMES, Partners.AfProgramme>,
    Equal<NonNullable<JobbtorgCaseFacts['closure']>['reason'], Jobbtorg.ClosureReason>,
    Equal<JobbtorgCaseFacts['jobbgaranti']['status'], Jobbtorg.JobbgarantiStatus>,
    Equal<ConflictKind, Jobbtorg.PlanConflictKind>,
  ]
>;

/** The shared plan's own enums (schema/shared.graphql), the same in every subgraph. */
export type SharedPlanEnumsAreTheSchemas = Expect<
  [
    Equal<Agency, Jobbtorg.PlanAgency>,
    Equal<Agency, Partners.PlanAgency>,
    Equal<Agency, Stadsdel.PlanAgency>,
    Equal<ActivityCategory, Jobbtorg.PlanCategory>,
    Equal<ActivityCategory, Partners.PlanCategory>,
    Equal<ActivityCategory, Stadsdel.PlanCategory>,
    Equal<PlannedItemStatus, Jobbtorg.PlanItemStatus>,
    Equal<ActivityStatus, Partners.PlanItemStatus>,
    Equal<ActivityStatus, Stadsdel.PlanItemStatus>,
  ]
>;

describe('plan kinds', () => {
  it('give every agency a category table', () => {
    expect(Object.keys(CATEGORIES).sort()).toEqual([...AGENCIES].sort());
  });

  it('make each Arbetsförmedlingen programme, and nothing else, a PROGRAMME', () => {
    const programmes = Object.entries(CATEGORIES.ARBETSFORMEDLINGEN).filter(([, category]) => category === 'PROGRAMME').map(([kind]) => kind);
    expect(programmes.sort()).toEqual(Object.keys(PROGRAMME_NAMES).filter((p) => p !== 'NONE').sort());
    for (const agency of AGENCIES.filter((a) => a !== 'ARBETSFORMEDLINGEN')) expect(Object.values(CATEGORIES[agency])).not.toContain('PROGRAMME');
  });
});
