import { todayInStockholm } from '../../../lib/scalars/calendar';
import * as data from '../data';
import { listPeopleWithPlanConflicts } from '../shared-plan';
import type { QueryResolvers } from '../__generated__/resolvers-types';

export const Query: QueryResolvers = {
  jobbtorgUnits: (_, __, { db }) => data.allUnits(db),
  jobbtorgUnit: (_, { code }, { loaders }) => loaders.unit.load(code),
  case: (_, { id }, { loaders }) => loaders.case.load(id),
  cases: (_, { filter, first, after }, { db }) => data.listCases(db, filter, { first, after }),
  jobbgarantiBreaches: (_, { filter, first, after }, { db }) =>
    data.listJobbgarantiBreaches(db, filter, { first, after }, todayInStockholm()),
  casesWithoutPlan: (_, { filter, first, after }, { db }) => data.listCasesWithoutPlan(db, filter, { first, after }),
  peopleWithPlanConflicts: (_, { filter, first, after }, ctx) =>
    listPeopleWithPlanConflicts(ctx, filter, { first, after }, todayInStockholm()),
};
