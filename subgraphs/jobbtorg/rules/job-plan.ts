import { conflict } from '../../../lib/errors';
import type { EstablishJobPlanInput } from '../__generated__/resolvers-types';
import { JobPlanRow, StoredCase } from '../models';
import { checkDayHasCome, checkDayInCase, checkOpen } from './case';

/** The rules a job plan keeps, as plain functions. Errors name the input field at fault. */

/** A plan is established on a day that has come; checked before the transaction. */
export function checkJobPlanInput(input: EstablishJobPlanInput, today: string): void {
  checkDayHasCome(input.establishedOn, 'input.establishedOn', today);
}

/** One plan per case, on an open case, established on a day not before enrolment. */
export function checkJobPlan(found: StoredCase, plan: Pick<JobPlanRow, 'id'> | undefined, input: EstablishJobPlanInput): void {
  checkOpen(found, 'input.caseId');
  if (plan) throw conflict('input.caseId', `already has a job plan (${plan.id}); a case has one plan`);
  checkDayInCase(input.establishedOn, 'input.establishedOn', found.enrolled_on);
}
