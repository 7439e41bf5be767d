import { loadExisting } from '../../../lib/loaders';
import type { SfiEnrolmentResolvers } from '../__generated__/resolvers-types';
import { scheduledFields, versionedFields } from './shared-fields';

export const SfiEnrolment: SfiEnrolmentResolvers = {
  ...scheduledFields,
  ...versionedFields,
  person: (e) => ({ personnummer: e.personnummer }),
  school: (e, _, { loaders }) => loadExisting(loaders.provider, e.school_id, 'school'),
  studyPath: (e) => e.study_path,
};
