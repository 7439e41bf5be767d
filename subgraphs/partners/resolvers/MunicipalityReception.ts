import type { MunicipalityReceptionResolvers } from '../__generated__/resolvers-types';
import { versionedFields } from './shared-fields';

export const MunicipalityReception: MunicipalityReceptionResolvers = {
  ...versionedFields,
  person: (r) => ({ personnummer: r.personnummer }),
  receivedOn: (r) => r.received_on,
};
