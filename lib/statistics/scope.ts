import { AuditRecorder } from '../audit/recorder';
import { Scope } from '../auth/rules';
import { requireScope } from '../auth/scopes';
import { Caller } from '../identity';

/** The scope that lets a caller read the aggregate follow-up figures (and nothing about any one person). */
export const STATISTICS_SCOPE = 'statistics:read' satisfies Scope;

/**
 * Refuses a caller without `statistics:read`, and logs the refusal with no person key: the
 * figures concern no one person. Each subgraph's access module checks it for its own part
 * of a report, so no subgraph relies on another having checked.
 */
export function requireStatisticsScope(context: { caller: Caller; audit: AuditRecorder }, typeName: string, field: string): void {
  requireScope(context, STATISTICS_SCOPE, typeName, field);
}
