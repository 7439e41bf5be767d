/**
 * The shares the seed follows, each from the city's own reports (../shared/DESIGN.md,
 * "Figures from the city's own reports"), so that `npm start` shows figures near the
 * real ones.
 */

/** Who the people known to the districts are. */
export const POPULATION = {
  /** Etablering Stockholm: ~10,000 newly arrived of working age, a large part of recipients. */
  newlyArrived: 0.3,
  /** Youth 16–24, the city's separate reporting group and info meetings. */
  youth: 0.2,
  /** Skyddade personuppgifter. */
  protectedIdentity: 0.005,
  /** Samordningsnummer among the newly arrived. */
  coordinationNumber: 0.03,
};

/** Resurs (other reasons than unemployment): 1,235 of 6,627 enrolled in 2013 ≈ 19 %. */
export const OTHER_REASONS_SHARE = 0.19;

/** Share of recipients whom the district refers to Jobbtorg. */
export const REFERRED_SHARE = 0.85;

/** Referrals that never lead to enrolment. */
export const NO_SHOW_SHARE = 0.08;
export const WITHDRAWN_SHARE = 0.03;

/** Jobbgaranti: a plan within five days; most, not all, are kept. */
export const PLAN_SHARE = 0.93;
export const JOBBGARANTI_KEPT_SHARE = 0.87;

/**
 * Closure: 56.4 % of those enrolled in 2012 were closed; youth 67 %. Closure within a year
 * is drawn with these probabilities; 90 % of closures come within the year.
 */
export const CLOSE_PROBABILITY = { youth: 0.74, other: 0.6 };

/**
 * When a closure comes: 40 % closed to work or studies within three months (2013), so most
 * closures come early and most of those are to work or studies.
 */
export const CLOSURE_TIMING: readonly (readonly [[number, number], number])[] = [
  [[14, 90], 0.6],
  [[91, 365], 0.3],
  [[366, 700], 0.1],
];

export const CLOSURE_REASONS: readonly (readonly ['WORK' | 'STUDIES' | 'AF_PROGRAMME' | 'OTHER' | 'UNKNOWN', number])[] = [
  ['WORK', 0.5],
  ['STUDIES', 0.17],
  ['AF_PROGRAMME', 0.13],
  ['OTHER', 0.12],
  ['UNKNOWN', 0.08],
];

/** 71 % without income support six months after closure (2013; target 70 %). */
export const STAYS_OFF_SUPPORT_SHARE = 0.71;

/** Newcomers whose agencies' plans collide (issue 4 builds conflict detection on these). */
export const COLLIDING_PLANS_SHARE = 0.12;
