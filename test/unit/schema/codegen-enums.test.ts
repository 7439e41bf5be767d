import type { AuditOutcome } from '../../../lib/audit/log';
import type { AuditLogName } from '../../../lib/audit/queries';
import { PURPOSES } from '../../../lib/auth/request-context';
import type { Party } from '../../../lib/auth/rules';
import type { WeeklySlot } from '../../../lib/schedule';
import type { Dimension } from '../../../lib/statistics/keys';
import type * as Jobbtorg from '../../../subgraphs/jobbtorg/__generated__/resolvers-types';
import { CLOSURE_REASONS, NeedReason } from '../../../subgraphs/jobbtorg/rules/case';
import type { EnrolmentFacts } from '../../../subgraphs/jobbtorg/models';
import { INTERVENTION_KINDS } from '../../../subgraphs/jobbtorg/statistics';
import type * as Stadsdel from '../../../subgraphs/stadsdel/__generated__/resolvers-types';
import { Equal, Expect } from '../../helpers/types';

/**
 * Kinds written out where codegen's enums cannot be imported: in lib/, which imports no
 * subgraph, and in one subgraph for another's values. Each must equal the schema enum it
 * stands for; lib/plan's are test/unit/plan/kinds.test.ts's.
 */
export type LibKindsAreTheSchemas = Expect<
  [
    Equal<WeeklySlot['weekday'], Jobbtorg.Weekday>,
    Equal<Dimension, Jobbtorg.FollowUpDimension>,
    Equal<AuditOutcome, Jobbtorg.AuditOutcome>,
    Equal<AuditLogName, Jobbtorg.AuditLogName>,
  ]
>;

/** Stadsdel's values as Jobbtorg receives them when it enrols a referral. */
export type EnrolmentFactsAreStadsdels = Expect<
  [
    Equal<EnrolmentFacts['referralStatus'], Stadsdel.ReferralStatus>,
    Equal<EnrolmentFacts['reason'], Stadsdel.ReferralReason>,
    Equal<NeedReason, Stadsdel.NeedReason>,
  ]
>;

/** The consents' parties and purposes, which the access rules and the gateway's purpose header read. */
export type ConsentTermsAreStadsdels = Expect<[Equal<Party, Stadsdel.Party>, Equal<(typeof PURPOSES)[number], Stadsdel.ConsentPurpose>]>;

/** Const arrays that list every value of an enum, for SQL and CSV columns. */
export type ListsAreComplete = Expect<
  [Equal<(typeof CLOSURE_REASONS)[number], Jobbtorg.ClosureReason>, Equal<(typeof INTERVENTION_KINDS)[number], Jobbtorg.InterventionKind>]
>;

describe('kinds outside codegen', () => {
  it('list each closure reason and intervention kind once', () => {
    expect(new Set(CLOSURE_REASONS).size).toBe(CLOSURE_REASONS.length);
    expect(new Set(INTERVENTION_KINDS).size).toBe(INTERVENTION_KINDS.length);
  });
});
