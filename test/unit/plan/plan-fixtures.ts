import { PlanContext } from '../../../lib/plan/activity';
import { Conflict, findConflicts } from '../../../lib/plan/conflicts';
import { PlanItem, toPlannedItem } from '../../../lib/plan/items';
import { PlanRecords } from '../../../lib/plan/settling';

/** Plan items and records for the identity and settling tests: March–May 2025. */

export const NO_CONTEXT: PlanContext = { jobbtorgCases: [] };

/** An item running March–May 2025 on Tuesday mornings, three hours a week. */
export function item(id: string, agency: PlanItem['agency'], kind: string, category: PlanItem['category'], changes: Partial<PlanItem> = {}): PlanItem {
  return {
    id, agency, kind, category, title: id, provider: null, startDate: '2025-03-03', endDate: '2025-05-25', hoursPerWeek: 3,
    schedule: [{ weekday: 'TUESDAY', startTime: '09:00', endTime: '12:00' }], status: 'PLANNED', extentPercent: null, partOf: null, version: 1, changedBy: null, ...changes,
  };
}

export const PLACEMENT = item('jobbtorg:intervention:1', 'JOBBTORG', 'WORK_PLACEMENT', 'WORK_PLACEMENT');
export const SFI = item('partners:sfi:1', 'SFI', 'SFI_COURSE', 'SWEDISH_FOR_IMMIGRANTS');
export const AF_PLACEMENT = item('partners:activity:1', 'ARBETSFORMEDLINGEN', 'WORK_PLACEMENT', 'WORK_PLACEMENT', { schedule: [{ weekday: 'FRIDAY', startTime: '13:00', endTime: '16:00' }] });

export const records = (items: PlanItem[], context = NO_CONTEXT): PlanRecords => ({ items, context, stamps: new Map() });
export const conflictsOf = (items: PlanItem[], window = { from: '2025-03-03', to: '2025-05-25' }, context = NO_CONTEXT) =>
  findConflicts(items.map(toPlannedItem), context, window);
export const only = (conflicts: Conflict[], kind: Conflict['kind']) => conflicts.find((c) => c.kind === kind)!;
