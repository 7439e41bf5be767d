/**
 * How long a test or hook may take before jest gives up. Generous on purpose: the suite
 * runs on shared two-core machines that may be busy with other work, so these are limits
 * on a hang, never a measure of speed (speed goals live in benchmarks, `npm run bench`).
 */

/** A unit test or its hooks: pure rules, or a data module against a fresh database. */
export const UNIT_TIMEOUT_MS = 60_000;

/** An end-to-end test: requests through a running stack. */
export const E2E_TIMEOUT_MS = 180_000;

/** A hook that starts a stack, seeds or migrates a database: several processes' worth of work at once. */
export const STACK_START_TIMEOUT_MS = 300_000;
