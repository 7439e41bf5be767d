import { badInput } from '../../../lib/errors';
import type { ScheduleThreePartyMeetingInput } from '../__generated__/resolvers-types';

/** What a three-party meeting must say to be scheduled, as a plain function. */

/** Who meets, trimmed. */
export type MeetingNames = Pick<ScheduleThreePartyMeetingInput, 'districtOfficer' | 'jobbtorgCoach' | 'thirdParty'>;

/** All three parties are named, and the meeting lies ahead of `now`; returns the names trimmed. */
export function checkMeetingInput(input: ScheduleThreePartyMeetingInput, now: Date): MeetingNames {
  const names = {
    districtOfficer: input.districtOfficer.trim(),
    jobbtorgCoach: input.jobbtorgCoach.trim(),
    thirdParty: input.thirdParty.trim(),
  };
  for (const field of ['districtOfficer', 'jobbtorgCoach', 'thirdParty'] as const) {
    if (!names[field]) throw badInput(`input.${field}`, 'must not be empty');
  }
  if (input.startsAt.getTime() <= now.getTime()) throw badInput('input.startsAt', 'must be in the future');
  return names;
}
