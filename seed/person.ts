import { ageOn } from '../lib/scalars/calendar';
import { addDays } from './clock';
import { makePersonnummer } from '../lib/scalars/personnummer';
import { dayBetween, PersonContext } from './context';
import * as figures from './figures';
import { IMMIGRANT_ORIGINS, NAMES, NEWCOMER_ORIGINS, Origin, SETTLED_ORIGINS } from './names';
import { DistrictReference, DISTRICTS } from './reference';
import { NeedReason } from './rows';

/** The facts about a person that every agency's records follow from. */
export interface Person {
  personnummer: string;
  birthDate: string;
  district: DistrictReference;
  origin: Origin;
  /** Received in Stockholm as a refugee (kommunmottagen) during the history; null otherwise. */
  receivedOn: string | null;
  /** Came to Sweden recently on a family-ties or work permit, not as a refugee; null otherwise. */
  immigratedOn: string | null;
  needReason: NeedReason;
  /** First day of the first income-support spell of the history. */
  spellStart: string;
  /** The person's social worker (handläggare) at the district. */
  officer: string;
}

const DISTRICT_WEIGHTS = DISTRICTS.map((d) => [d, d.weight] as const);

/** Ages at the start of support: few under 18, most adults under 45. */
const YOUTH_AGES: readonly (readonly [readonly [number, number], number])[] = [
  [[16, 17], 0.06],
  [[18, 20], 0.44],
  [[21, 24], 0.5],
];
const ADULT_AGES: readonly (readonly [readonly [number, number], number])[] = [
  [[25, 34], 0.4],
  [[35, 44], 0.3],
  [[45, 54], 0.2],
  [[55, 62], 0.1],
];

/**
 * Draws a person, writes their `persons` row and returns the facts the rest of the
 * generator needs. `usedNumbers` keeps personnummer unique across the run.
 */
export function createPerson(ctx: PersonContext, usedNumbers: Set<string>): Person {
  const { random, from, until } = ctx;
  const district = random.weighted(DISTRICT_WEIGHTS);
  const category = random.weighted([
    ['refugee', figures.POPULATION.newlyArrived],
    ['immigrant', figures.POPULATION.recentImmigrants],
    ['settled', 1 - figures.POPULATION.newlyArrived - figures.POPULATION.recentImmigrants],
  ] as const);
  const newlyArrived = category === 'refugee';
  const origin = random.weighted(category === 'refugee' ? NEWCOMER_ORIGINS : category === 'immigrant' ? IMMIGRANT_ORIGINS : SETTLED_ORIGINS);
  const female = random.chance(0.5);
  const names = NAMES[origin];

  // Refugees apply for income support soon after they are received, other immigrants when
  // the family's means run out; everyone else at any time.
  const receivedOn = newlyArrived ? dayBetween(random, from, addDays(until, -60)) : null;
  const immigratedOn = category === 'immigrant' ? dayBetween(random, addDays(from, -365), addDays(until, -120)) : null;
  const spellStart = receivedOn
    ? addDays(receivedOn, random.int(0, 45))
    : immigratedOn && immigratedOn >= from
      ? addDays(immigratedOn, random.int(60, 90))
      : dayBetween(random, from, addDays(until, -30));
  const [minAge, maxAge] = random.weighted(random.chance(figures.POPULATION.youth) ? YOUTH_AGES : ADULT_AGES);
  const birthDate = addDays(spellStart, -Math.floor(random.int(minAge, maxAge) * 365.25) - random.int(0, 364));

  const others = figures.OTHER_REASONS_SHARE;
  const otherReasons = newlyArrived ? others.newlyArrived : ageOn(birthDate, spellStart) <= 24 ? others.youth : others.settledAdult;
  const needReason: NeedReason = random.chance(otherReasons) ? 'OTHER_REASONS' : 'UNEMPLOYMENT';

  // The third digit of the birth number is odd for men, even for women.
  const coordination = newlyArrived && random.chance(figures.POPULATION.coordinationNumberAmongNewlyArrived);
  let personnummer: string;
  do {
    personnummer = makePersonnummer(birthDate, random.int(1, 499) * 2 - (female ? 0 : 1), coordination);
  } while (usedNumbers.has(personnummer));
  usedNumbers.add(personnummer);

  ctx.bundle.stadsdel.persons.push({
    personnummer,
    given_name: random.pick(female ? names.female : names.male),
    family_name: random.pick(names.family),
    birth_date: birthDate,
    district_code: district.code,
    protected_identity: random.chance(figures.POPULATION.protectedIdentity),
  });
  return {
    personnummer,
    birthDate,
    district,
    origin,
    receivedOn,
    immigratedOn,
    needReason,
    spellStart,
    officer: `handl-${district.code.toLowerCase()}-${String(random.int(1, Math.ceil(district.info_meeting_quota_per_week / 2))).padStart(2, '0')}`,
  };
}
