import { forbidden } from '../errors';
import { Caller } from '../identity';

/** The scope that lets a caller read the aggregate follow-up figures (and nothing about any one person). */
export const STATISTICS_SCOPE = 'statistics:read';

/**
 * Refuses a caller without `statistics:read`. Each subgraph's access module checks it for
 * its own part of a report, so no subgraph relies on another having checked.
 */
export function requireStatisticsScope(caller: Caller): void {
  if (!caller.scopes.includes(STATISTICS_SCOPE)) throw forbidden(`the follow-up figures need the scope ${STATISTICS_SCOPE}`);
}
