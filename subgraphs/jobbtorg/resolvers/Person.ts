import { badInput } from '../../../lib/errors';
import type { PersonResolvers } from '../__generated__/resolvers-types';
import { checkWindow, ExternalPlanFacts, sharedPlanWithState } from '../plan';
import { KEPT_AT_FULL_TIME_HOURS } from '../plan-conflicts';

/**
 * A person is known here by personnummer, and by the other agencies' plan facts the gateway
 * brings when `sharedPlan` is asked for (`@requires`). One without cases has empty lists.
 */
export const Person: PersonResolvers = {
  __resolveReference: (representation) => representation,
  jobbtorgCases: async (p, _, { loaders, access }) => access.readableAll(await loaders.casesOfPerson.load(p.personnummer)),
  currentJobbtorgCase: async (p, _, { loaders, access }) =>
    access.readable((await loaders.casesOfPerson.load(p.personnummer)).find((c) => c.status === 'OPEN') ?? null),
  sharedPlan: async (p, { from, to, fullTimeHours }, ctx) => {
    checkWindow({ from, to }, 'sharedPlan');
    const hours = fullTimeHours ?? KEPT_AT_FULL_TIME_HOURS;
    if (!(hours > 0 && hours <= 168)) throw badInput('sharedPlan.fullTimeHours', 'must be more than 0 and at most 168');
    const external = externalFacts(p);
    if (!ctx.access.mayReadPlan(p.personnummer, external.assignedProviderIds)) return null;
    return sharedPlanWithState(ctx, p.personnummer, external, { from, to }, hours, new Date());
  },
};

/** The facts `@requires` brought; the gateway always sends them with a request for `sharedPlan`. */
function externalFacts(p: Partial<ExternalPlanFacts>): ExternalPlanFacts {
  return {
    partnersPlanItems: p.partnersPlanItems ?? [],
    stadsdelPlanItems: p.stadsdelPlanItems ?? [],
    sharingConsents: p.sharingConsents ?? [],
    assignedProviderIds: p.assignedProviderIds ?? [],
  };
}
