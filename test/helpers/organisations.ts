import { Organisation, OrganisationKind } from '../../lib/auth/organisations';

/** An organisation as the token border hands it on, for tests that build a caller or ask a rule by hand. */
export const org = (kind: OrganisationKind, id: string | null = null): Organisation => ({ kind, id });
