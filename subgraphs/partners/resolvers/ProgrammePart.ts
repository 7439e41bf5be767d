import type { ProgrammePartResolvers } from '../__generated__/resolvers-types';
import { partRecordOf, planItemIdOf } from '../rules/programme-part';
import { recordedFields } from './shared-fields';

export const ProgrammePart: ProgrammePartResolvers = {
  ...recordedFields,
  kind: (p) => partRecordOf(p).kind,
  recordId: (p) => partRecordOf(p).recordId,
  planItemId: (p) => {
    const { kind, recordId } = partRecordOf(p);
    return planItemIdOf(kind, recordId);
  },
};
