import { ClosureReason, TargetGroup } from './rows';

/**
 * The shares the seed follows, so `npm start` shows figures near the city's real ones.
 * "DESIGN" cites ../shared/DESIGN.md, "Figures from the city's own reports". Where a share is
 * calibrated (chosen so that a reported figure comes out), the comment says which figure;
 * test/unit/seed/seed.test.ts measures them.
 */

/** Who the people known to the districts are. */
export const POPULATION = {
  /**
   * Newly arrived refugees received in Stockholm during the history. DESIGN: Etablering
   * Stockholm counted about 10,000 newly arrived of working age in the city, a large part of
   * the districts' recipients.
   */
  newlyArrived: 0.25,
  /**
   * Recent immigrants who are not refugees (family ties, work): no municipality reception,
   * mostly at Sfi — Jobbtorg's Sfi-student target group.
   */
  recentImmigrants: 0.06,
  /** Youth 16–24, the city's own reporting group with its own info meetings. */
  youth: 0.2,
  /** Skyddade personuppgifter. */
  protectedIdentity: 0.005,
  /** Samordningsnummer among the newly arrived (not yet registered in folkbokföringen). */
  coordinationNumberAmongNewlyArrived: 0.03,
} as const;

/**
 * Income support for other reasons than unemployment (Jobbtorg Resurs). Calibrated: DESIGN
 * 2013, Resurs 1,235 of 6,627 enrolled ≈ 18.6 % of cases. Resurs applies only to adults who
 * are not newly arrived refugees (the target group rules put youth and refugees first), so
 * their share must be higher than 18.6 %.
 */
export const OTHER_REASONS_SHARE = { settledAdult: 0.38, youth: 0.1, newlyArrived: 0.03 } as const;

/** Households and their monthly income support (riksnorm plus housing, SEK). */
export const HOUSEHOLDS: readonly (readonly [{ amount: readonly [number, number] }, number])[] = [
  [{ amount: [6000, 12000] }, 0.55], // single adult
  [{ amount: [10000, 16000] }, 0.15], // couple
  [{ amount: [14000, 26000] }, 0.3], // family with children
];

export const DECISION_OUTCOMES = [
  ['GRANTED', 0.87],
  ['PARTLY_GRANTED', 0.09],
  ['REFUSED', 0.04],
] as const;

/** Months of income support for someone Jobbtorg never enrols: many short spells, some long. */
export const SPELL_MONTHS: readonly (readonly [readonly [number, number], number])[] = [
  [[2, 6], 0.4],
  [[7, 18], 0.4],
  [[19, 40], 0.2],
];

/** Recipients the district refers to Jobbtorg, by reason for the need. */
export const REFERRED_SHARE = { UNEMPLOYMENT: 0.85, OTHER_REASONS: 0.7 } as const;

/**
 * What becomes of a referral whose meeting has been held. Radio Stockholm (Sveriges Radio,
 * on Jobbtorg Stockholm's annual report): of nearly 14,500 referred, "nästan 30 procent"
 * never came; the district may also withdraw a referral before the meeting.
 */
export const REFERRAL_OUTCOMES = [
  ['ENROLLED', 0.72],
  ['NO_SHOW', 0.24],
  ['WITHDRAWN', 0.04],
] as const;

/** The same report: not coming "gjorde att dom inte heller fick socialbidrag" — mostly. */
export const NO_SHOW_STOPS_SUPPORT = 0.6;

/**
 * Weeks a district looks ahead for a free info-meeting place. When every week is full the
 * person is not referred yet (a queue, not an overbooking), which keeps each district-week
 * within its quota (DESIGN: Enskede-Årsta-Vantör, 26 places a week) at any number of people.
 */
export const MAX_WAIT_WEEKS = 6;

/** Consent (samtycke): most referred people give it; a few withdraw it later. */
export const CONSENT = {
  referral: 0.95,
  withdrawn: 0.02,
  /** Newly arrived refugees: one shared plan across the agencies. */
  sharedPlanningAmongRefugees: 0.85,
  followUp: 0.1,
} as const;

/** Jobbgaranti: a plan within five working days. Most get a plan, most of those in time (≈ 87 % kept). */
export const PLAN_SHARE = 0.92;
export const PLAN_ON_TIME_SHARE = 0.94;

/**
 * When a case closes, by target group: within three months (early), within the first year
 * (middle), later (late); the rest stay open. Calibrated on DESIGN:
 * - 2012: 56.4 % closed, youth 67 % → closed within a year of enrolment;
 * - 2013: 40 % closed to work or studies within three months → most early closures are to
 *   work or studies, and early closures are many;
 * - 2013: 24 % enrolled over a year → those still open after a year mostly close in the
 *   following months (LATE_CLOSURE_MEAN_DAYS);
 * - 2013: Resurs 1,235 enrolled, 331 closed → Resurs closes far less.
 */
export const CLOSURE_TIMING: Record<TargetGroup, { early: number; middle: number; late: number }> = {
  YOUTH: { early: 0.53, middle: 0.15, late: 0.3 },
  UNEMPLOYED: { early: 0.5, middle: 0.12, late: 0.36 },
  SFI_STUDENT: { early: 0.42, middle: 0.12, late: 0.44 },
  REFUGEE: { early: 0.38, middle: 0.13, late: 0.47 },
  RESURS: { early: 0.18, middle: 0.17, late: 0.6 },
};

export const EARLY_DAYS = [10, 88] as const;
export const MIDDLE_DAYS = [93, 365] as const;
/** Mean days past the first year before a late closure (an exponential tail). */
export const LATE_CLOSURE_MEAN_DAYS = 90;

/** Closure reasons by when the closure comes: early closures are mostly to work or studies. */
export const CLOSURE_REASONS: Record<'early' | 'middle' | 'late', readonly (readonly [ClosureReason, number])[]> = {
  early: [
    ['WORK', 0.64],
    ['STUDIES', 0.21],
    ['AF_PROGRAMME', 0.04],
    ['OTHER', 0.03],
    ['UNKNOWN', 0.08],
  ],
  middle: [
    ['WORK', 0.42],
    ['STUDIES', 0.12],
    ['AF_PROGRAMME', 0.16],
    ['OTHER', 0.16],
    ['UNKNOWN', 0.14],
  ],
  late: [
    ['WORK', 0.26],
    ['STUDIES', 0.08],
    ['AF_PROGRAMME', 0.24],
    ['OTHER', 0.24],
    ['UNKNOWN', 0.18],
  ],
};

/** Youth close to studies more often, refugees to Arbetsförmedlingen's programme (share moved from WORK). */
export const CLOSURE_REASON_SHIFT: Partial<Record<TargetGroup, { to: ClosureReason; share: number }>> = {
  YOUTH: { to: 'STUDIES', share: 0.12 },
  REFUGEE: { to: 'AF_PROGRAMME', share: 0.1 },
};

/** DESIGN 2013: 71 % without income support six months after closure (target 70 %). */
export const STAYS_OFF_SUPPORT_SHARE = 0.71;

/** Arbetsförmedlingen registrations. */
export const ARBETSFORMEDLINGEN = {
  /**
   * Newly arrived refugees on income support in the establishment programme. DESIGN counts
   * about 3,400 of 10,000 newly arrived registered city-wide; among refugees who also need
   * income support (the people seeded here) the share is far higher.
   */
  newlyArrivedRegistered: 0.85,
  unemployedRegistered: 0.8,
  otherReasonsRegistered: 0.3,
  youthJobGuarantee: 0.5,
  jobAndDevelopmentGuarantee: 0.3,
  establishmentExtent: [
    [100, 0.8],
    [75, 0.1],
    [50, 0.1],
  ] as const,
} as const;

/** Sfi enrolment: most newly arrived and recent immigrants, a few who settled long ago. */
export const SFI_SHARE = { newlyArrived: 0.85, recentImmigrants: 0.8, settledForeignBorn: 0.05 } as const;

/** Etablering Stockholm provider assignments among the newly arrived. */
export const PROVIDER_ASSIGNMENT_SHARE = 0.3;

/** Three-party meetings (trepartssamtal) for refugee and Resurs cases. */
export const THREE_PARTY_MEETING_SHARE = 0.3;

/** Feedback (återkoppling) to the referring district, after the plan and at closure. */
export const FEEDBACK_SHARE = { afterPlan: 0.9, atClosure: 0.9, followUp: 0.3 } as const;

/**
 * Newly arrived refugees with an active plan whose agencies plan past each other: Jobbtorg
 * books a placement over Sfi hours, a full-time placement beside a full-time establishment
 * programme, or the same placement Arbetsförmedlingen planned. DESIGN: "varje myndighet
 * gör sin egen plan … ofta står dessa planer i direkt strid med varandra". Everyone else's
 * activities are fitted around each other's times, so these are the only collisions between
 * activities in the seed. The activities are not fitted around a programme's extent, though:
 * the shared plan counts the programme as planned time, so a full-time programme beside
 * Jobbtorg's or Sfi's hours is more than full time for many more (README *One shared plan*).
 */
export const COLLIDING_PLANS_SHARE = 0.12;
