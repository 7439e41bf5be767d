import type { ResidencePermitResolvers } from '../__generated__/resolvers-types';

export const ResidencePermit: ResidencePermitResolvers = {
  grantedOn: (p) => p.granted_on,
  validUntil: (p) => p.valid_until,
};
