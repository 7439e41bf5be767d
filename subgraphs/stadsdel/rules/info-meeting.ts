import { isYouth } from '../../../lib/domain';
import { addDays, ageOn, stockholmInstant } from '../../../lib/scalars/calendar';
import type { InfoMeetingAudience } from '../__generated__/resolvers-types';

/**
 * When the districts' information meetings (informationsmöten) are held and who goes to
 * which, shared by the booking of a referral and the seed. Pure functions, no I/O.
 */

/** Adults meet on Tuesday mornings, youth on Thursday afternoons, Stockholm time. */
const INFO_MEETING_SCHEDULE: Record<InfoMeetingAudience, { dayOffset: number; time: string }> = {
  ADULTS: { dayOffset: 1, time: '09:00' },
  YOUTH: { dayOffset: 3, time: '13:00' },
};

/** The day of a week's meeting for the audience, and when it starts as a database instant (UTC). */
export function infoMeetingTime(weekStart: string, audience: InfoMeetingAudience): { day: string; startsAtUtc: string } {
  const { dayOffset, time } = INFO_MEETING_SCHEDULE[audience];
  const day = addDays(weekStart, dayOffset);
  return { day, startsAtUtc: stockholmInstant(day, time) };
}

/**
 * Which of a week's meetings someone goes to: youth if 16–24 on the youth meeting's day,
 * adults if 25 or older on the adults' day. Null in the one week someone turns 25 between
 * the two meetings: neither fits, so they wait a week.
 */
export function infoMeetingAudience(birthDate: string, weekStart: string): InfoMeetingAudience | null {
  if (isYouth(ageOn(birthDate, infoMeetingTime(weekStart, 'YOUTH').day))) return 'YOUTH';
  if (!isYouth(ageOn(birthDate, infoMeetingTime(weekStart, 'ADULTS').day))) return 'ADULTS';
  return null;
}
