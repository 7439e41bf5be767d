import { badInput } from '../../../lib/errors';
import { todayInStockholm } from '../../../lib/scalars/calendar';
import type { PersonResolvers } from '../__generated__/resolvers-types';
import { checkWindow, ExternalPlanFacts, ownPlanFacts, sharedPlanOf } from '../plan';

/**
 * A person is known here by personnummer, and by the other agencies' plan facts the gateway
 * brings when `sharedPlan` is asked for (`@requires`). One without cases has empty lists.
 */
export const Person: PersonResolvers = {
  __resolveReference: (representation) => representation,
  jobbtorgCases: async (p, _, { loaders, access }) => access.readableAll(await loaders.casesOfPerson.load(p.personnummer)),
  currentJobbtorgCase: async (p, _, { loaders, access }) =>
    access.readable((await loaders.casesOfPerson.load(p.personnummer)).find((c) => c.status === 'OPEN') ?? null),
  sharedPlan: async (p, { from, to, fullTimeHours }, { loaders, access }) => {
    checkWindow({ from, to }, 'sharedPlan');
    const hours = fullTimeHours ?? 40;
    if (!(hours > 0 && hours <= 168)) throw badInput('sharedPlan.fullTimeHours', 'must be more than 0 and at most 168');
    const external = externalFacts(p);
    if (!access.mayReadPlan(p.personnummer, external.assignedProviderIds)) return null;
    const own = await ownPlanFacts(loaders, p.personnummer, todayInStockholm());
    return sharedPlanOf(own, external, access.visibleAgencies(external.sharingConsents), { from, to }, hours);
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
