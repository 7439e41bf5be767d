import { badInput, notFound } from '../../../lib/errors';
import type { ProviderKind } from '../__generated__/resolvers-types';
import { ProviderRow } from '../models';

/** Which providers a record may name, as plain rules. Errors name the input field at fault. */

/** Who delivers what: the provider kinds each kind of record may name. */
export const PROVIDER_KINDS = {
  /** Arbetsförmedlingen buys its activities from complementary actors and course providers. */
  plannedActivity: ['COMPLEMENTARY_ACTOR', 'COURSE_PROVIDER'],
  sfiEnrolment: ['SFI_SCHOOL'],
  providerAssignment: ['ESTABLISHMENT_SERVICE'],
} as const satisfies Record<string, readonly ProviderKind[]>;

/** The provider `field` names must exist and be of one of `kinds`. */
export function checkProvider(provider: ProviderRow | undefined, kinds: readonly ProviderKind[], field: string): ProviderRow {
  if (!provider) throw notFound(field);
  if (!kinds.includes(provider.kind)) {
    throw badInput(field, `names ${provider.name}, of kind ${provider.kind}; it must be of kind ${kinds.join(' or ')}`);
  }
  return provider;
}
