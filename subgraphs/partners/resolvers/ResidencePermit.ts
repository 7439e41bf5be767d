import type { ResidencePermitResolvers } from '../__generated__/resolvers-types';
import { recordedFields } from './shared-fields';

export const ResidencePermit: ResidencePermitResolvers = {
  ...recordedFields,
  person: (p) => ({ personnummer: p.personnummer }),
  grantedOn: (p) => p.granted_on,
  validUntil: (p) => p.valid_until,
};
