import { todayInStockholm } from '../../../lib/scalars/calendar';
import * as data from '../data';
import { listPeopleWithPlanConflicts, planConflictInbox } from '../plan';
import type { QueryResolvers } from '../__generated__/resolvers-types';

/** Lists hold only the cases the caller may read; a case it may not is null, as if unknown. */
export const Query: QueryResolvers = {
  jobbtorgUnits: (_, __, { db }) => data.allUnits(db),
  jobbtorgUnit: (_, { code }, { loaders }) => loaders.unit.load(code),
  case: async (_, { id }, { loaders, access }) => access.readable(await loaders.case.load(id)),
  cases: (_, { filter, first, after }, { db, access }) => data.listCases(db, access.scopeCases, filter, { first, after }),
  jobbgarantiBreaches: (_, { filter, first, after }, { db, access }) =>
    data.listJobbgarantiBreaches(db, access.scopeCases, filter, { first, after }, todayInStockholm()),
  casesWithoutPlan: (_, { filter, first, after }, { db, access }) => data.listCasesWithoutPlan(db, access.scopeCases, filter, { first, after }),
  peopleWithPlanConflicts: (_, { filter, first, after }, ctx) => listPeopleWithPlanConflicts(ctx, filter, { first, after }, new Date()),
  planConflictInbox: (_, { filter, first, after }, ctx) => planConflictInbox(ctx, filter, { first, after }, new Date()),
};
