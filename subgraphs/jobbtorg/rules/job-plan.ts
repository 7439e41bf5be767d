import { conflict } from '../../../lib/errors';
import type { EstablishJobPlanInput } from '../__generated__/resolvers-types';
import { JobPlanRow, StoredCase } from '../models';
import { checkDayInCase, checkOpen } from './case';

/** The rules a job plan keeps, as a plain function. Errors name the input field at fault. */

/** One plan per case, on an open case, established on a day between enrolment and today. */
export function checkJobPlan(found: StoredCase, plan: Pick<JobPlanRow, 'id'> | undefined, input: EstablishJobPlanInput, today: string): void {
  checkOpen(found, 'input.caseId');
  if (plan) throw conflict('input.caseId', `already has a job plan (${plan.id}); a case has one plan`);
  checkDayInCase(input.establishedOn, 'input.establishedOn', found.enrolled_on, today);
}
