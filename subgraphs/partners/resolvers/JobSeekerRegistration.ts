import type { JobSeekerRegistrationResolvers } from '../__generated__/resolvers-types';
import { versionedFields } from './shared-fields';

export const JobSeekerRegistration: JobSeekerRegistrationResolvers = {
  ...versionedFields,
  person: (r) => ({ personnummer: r.personnummer }),
  registeredOn: (r) => r.registered_on,
  programmeFrom: (r) => r.programme_from,
  programmeTo: (r) => r.programme_to,
  programmeExtentPercent: (r) => r.programme_extent_percent,
  plannedActivities: (r, _, { loaders }) => loaders.activitiesOfRegistration.load(r.id),
  programmeParts: (r, _, { loaders }) => loaders.partsOfRegistration.load(r.id),
};
