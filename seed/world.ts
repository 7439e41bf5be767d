import { parseDate } from '../lib/scalars/calendar';
import { planArbetsformedlingen, planProviderAssignment, planSfi, recordMigration, recordProgrammeParts } from './agencies';
import { keepConflictHistory } from './conflicts';
import { Ids, PersonContext } from './context';
import { referAndEnrol } from './enrolment';
import { InfoMeetingBook } from './meetings';
import { createPerson } from './person';
import { Random } from './random';
import { emptyBundle, PersonBundle } from './rows';
import { recordIncomeSupport } from './support';
import { Timetable } from './timetable';

export type { PersonBundle } from './rows';

/**
 * The deterministic world the three databases are seeded from: one bundle of rows per
 * person, keyed by table and column exactly as the migrations define them, with explicit
 * ids. Each subgraph inserts only its own slice; the same seed gives the same bundles, so
 * the slices agree (a case's referral id is the referral's id in stadsdel, a provider id is
 * a provider in partners, and so on) without any subgraph reading another's database.
 */

export interface WorldOptions {
  /** How many people; each yields one bundle. */
  people: number;
  /** The PRNG seed; the default gives the world `npm start` shows. */
  seed?: number;
  /** First day of the history, `YYYY-MM-DD`. */
  from?: string;
  /**
   * Last day of the history; fixed, so the world never depends on the day it is made, and in
   * the past, so no record is dated after the day the system first ran (an enrolment, plan
   * or closure may not be in the future).
   */
  until?: string;
}

export const DEFAULT_SEED = 20090901;
export const DEFAULT_FROM = '2023-01-01';
export const DEFAULT_UNTIL = '2026-11-20';

/**
 * Yields one bundle per person, in a fixed order. Only the state that crosses people is
 * kept (id counters, used personnummer, info-meeting places), so any number of people can
 * be streamed into the databases. Each bundle's `stadsdel.info_meetings` holds the meetings
 * first booked by that person: insert bundles in order and meetings precede their referrals.
 * @throws RangeError on a negative or fractional number of people or an empty history.
 */
export function* generateWorld(options: WorldOptions): Generator<PersonBundle> {
  const from = parseDate(options.from ?? DEFAULT_FROM);
  const until = parseDate(options.until ?? DEFAULT_UNTIL);
  if (!Number.isInteger(options.people) || options.people < 0) throw new RangeError(`people must be a whole number ≥ 0, got ${options.people}`);
  if (from >= until) throw new RangeError(`from (${from}) must come before until (${until})`);
  const random = new Random(options.seed ?? DEFAULT_SEED);
  const ids = new Ids();
  const meetings = new InfoMeetingBook(ids);
  const usedNumbers = new Set<string>();
  for (let i = 0; i < options.people; i++) {
    const ctx: PersonContext = { random, ids, bundle: emptyBundle(), timetable: new Timetable(), from, until };
    const person = createPerson(ctx, usedNumbers);
    recordMigration(ctx, person);
    // Sfi's timetable is fixed first; the others plan around it, Jobbtorg last.
    const sfi = planSfi(ctx, person);
    const af = planArbetsformedlingen(ctx, person);
    planProviderAssignment(ctx, person);
    recordProgrammeParts(ctx, af);
    const hasProviderAssignment = ctx.bundle.partners.provider_assignments.length > 0;
    const enrolment = referAndEnrol(ctx, person, { sfi, af, hasProviderAssignment }, meetings);
    recordIncomeSupport(ctx, person, enrolment);
    keepConflictHistory(ctx);
    yield ctx.bundle;
  }
}
