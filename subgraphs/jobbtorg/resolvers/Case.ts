import { jobbgarantiStatus } from '../rules/case';
import { loadExisting } from '../../../lib/loaders';
import { todayInStockholm } from '../../../lib/scalars/calendar';
import type { CaseResolvers } from '../__generated__/resolvers-types';

export const Case: CaseResolvers = {
  __resolveReference: async ({ id }, { loaders, access }) => access.readable(await loaders.case.load(id)),
  person: (c) => ({ personnummer: c.personnummer }),
  referral: (c) => ({ id: c.referral_id }),
  referringDistrict: (c) => ({ code: c.district_code }),
  unit: (c, _, { loaders }) => loadExisting(loaders.unit, c.unit_code, 'unit'),
  targetGroup: (c) => c.target_group,
  reportingGroup: (c) => c.reporting_group,
  enrolledOn: (c) => c.enrolled_on,
  jobbgaranti: async (c, _, { loaders }) => {
    const planEstablishedOn = (await loaders.planOfCase.load(c.id))?.established_on ?? null;
    const deadline = c.jobbgaranti_deadline;
    return { deadline, planEstablishedOn, status: jobbgarantiStatus(deadline, planEstablishedOn, todayInStockholm()) };
  },
  jobPlan: (c, _, { loaders }) => loaders.planOfCase.load(c.id),
  closure: (c) =>
    c.closed_on && c.closure_reason ? { closedOn: c.closed_on, reason: c.closure_reason, note: c.closure_note } : null,
  feedback: (c, _, { loaders }) => loaders.feedbackOfCase.load(c.id),
};
