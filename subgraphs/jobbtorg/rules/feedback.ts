import { badInput } from '../../../lib/errors';

/** The rules feedback to the referring district keeps, as a plain function. */

/** Feedback to a district must say something; it is read as a message, so it is kept short. */
export const FEEDBACK_MAX_LENGTH = 4000;

export function checkFeedbackMessage(message: string): string {
  const trimmed = message.trim();
  if (!trimmed) throw badInput('input.message', 'must not be empty');
  if (trimmed.length > FEEDBACK_MAX_LENGTH) throw badInput('input.message', `must be at most ${FEEDBACK_MAX_LENGTH} characters`);
  return trimmed;
}
