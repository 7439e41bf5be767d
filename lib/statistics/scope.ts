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

/**
 * Lets a caller with `statistics:read` take figures away as a file, and logs it as an
 * EXPORT with no person key — allowed or refused: what leaves the system as a file is
 * accounted for, though the figures concern no one person.
 */
export function exportStatistics({ caller, audit }: { caller: Caller; audit: AuditRecorder }, typeName: string, field: string): void {
  requireScope({ caller, audit }, STATISTICS_SCOPE, typeName, field, null, 'EXPORT');
  audit.note(null, typeName, field, 'ALLOWED', 'EXPORT');
}
