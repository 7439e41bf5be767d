import { todayInStockholm } from '../../../lib/scalars/calendar';
import * as data from '../data';
import { listPeopleWithPlanConflicts } from '../shared-plan';
import type { QueryResolvers } from '../__generated__/resolvers-types';

/** Lists hold only the cases the caller may read; a case it may not is null, as if unknown. */
export const Query: QueryResolvers = {
  jobbtorgUnits: (_, __, { db }) => data.allUnits(db),
  jobbtorgUnit: (_, { code }, { loaders }) => loaders.unit.load(code),
  case: async (_, { id }, { loaders, access }) => access.readable(await loaders.case.load(id)),
  cases: (_, { filter, first, after }, { db, access }) => data.listCases(db, filter, { first, after }, (q) => access.scopeCases(q)),
  jobbgarantiBreaches: (_, { filter, first, after }, { db, access }) =>
    data.listJobbgarantiBreaches(db, filter, { first, after }, todayInStockholm(), (q) => access.scopeCases(q)),
  casesWithoutPlan: (_, { filter, first, after }, { db, access }) =>
    data.listCasesWithoutPlan(db, filter, { first, after }, (q) => access.scopeCases(q)),
  peopleWithPlanConflicts: (_, { filter, first, after }, ctx) =>
    listPeopleWithPlanConflicts(ctx, filter, { first, after }, todayInStockholm()),
};
