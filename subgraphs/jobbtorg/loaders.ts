import DataLoader from 'dataloader';
import { Knex } from 'knex';
import { groupLoader, referenceLoader, rowLoader } from '../../lib/loaders';
import * as data from './data';

/** This request's DataLoaders: every entity lookup and list-to-child edge goes through one. */
export function createLoaders(db: Knex) {
  return {
    unit: referenceLoader(() => data.allUnits(db), (u) => u.code),
    branchesOfUnit: groupLoader((codes) => data.unitsByParent(db, codes), (u) => u.parent_code ?? ''),
    districtsOfUnit: groupLoader((codes) => data.districtsByUnit(db, codes), (d) => d.unit_code),
    case: rowLoader((ids) => data.casesById(db, ids), (c) => c.id),
    casesOfPerson: groupLoader((pnr) => data.casesByPersonnummer(db, pnr), (c) => c.personnummer),
    caseOfReferral: rowLoader((ids) => data.casesByReferral(db, ids), (c) => c.referral_id),
    planOfCase: rowLoader((ids) => data.plansByCase(db, ids), (p) => p.case_id),
    interventionsOfPlan: groupLoader((ids) => data.interventionsByPlan(db, ids), (i) => i.plan_id),
    caseOfIntervention: new DataLoader<string, number | null>(async (ids) => {
      const byId = new Map((await data.caseIdsByIntervention(db, [...ids])).map((r) => [String(r.id), Number(r.case_id)]));
      return ids.map((id) => byId.get(String(id)) ?? null);
    }),
    feedbackOfCase: groupLoader((ids) => data.feedbackByCase(db, ids), (f) => f.case_id),
    feedbackOfReferral: groupLoader((ids) => data.feedbackByReferral(db, ids), (f) => f.referral_id),
    keptConflict: rowLoader((ids) => data.planConflictsById(db, ids), (c) => c.id),
    keptConflictsOfPerson: groupLoader((pnr) => data.planConflictsByPerson(db, pnr), (c) => c.personnummer),
    eventsOfConflict: groupLoader((ids) => data.planConflictEventsByConflict(db, ids), (e) => e.conflict_id),
  };
}

export type Loaders = ReturnType<typeof createLoaders>;
