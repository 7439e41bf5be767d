import { badInput } from '../../../lib/errors';
import type { SfiCourse } from '../__generated__/resolvers-types';

/** The rules an Sfi enrolment keeps apart from its timing (./schedule.ts), as a plain function. */

/** The Sfi courses each study path (studieväg) teaches, from little prior schooling to much. */
export const SFI_COURSES_OF_PATH: Readonly<Record<number, readonly SfiCourse[]>> = { 1: ['A', 'B'], 2: ['B', 'C'], 3: ['C', 'D'] };

/** The study path must be 1–3 and teach the course. */
export function checkSfiCourse(studyPath: number, course: SfiCourse): void {
  const courses = SFI_COURSES_OF_PATH[studyPath];
  if (!courses) throw badInput('input.studyPath', 'must be 1, 2 or 3');
  if (!courses.includes(course)) {
    throw badInput('input.course', `is not taught on study path ${studyPath}, which teaches ${courses.join(' and ')}`);
  }
}
