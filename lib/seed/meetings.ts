import { isYouth } from '../domain';
import { ageOn } from '../scalars/calendar';
import { addDays, mondayOf, stockholmInstant } from './clock';
import { Ids } from './context';
import { DistrictReference } from './reference';
import { InfoMeetingRow } from './rows';

/**
 * The districts' info meetings (infomöten), created as referrals first need them: one per
 * district, ISO week and audience. A district's weekly quota counts places booked on both
 * audiences' meetings of that week. The state is one counter per district-week and one id
 * per meeting — small at any number of people.
 */

export type Audience = InfoMeetingRow['audience'];

/** Adults meet on Tuesday mornings, youth on Thursday afternoons (Stockholm time). */
const WHEN: Record<Audience, { dayOffset: number; time: string }> = {
  ADULTS: { dayOffset: 1, time: '09:00' },
  YOUTH: { dayOffset: 3, time: '13:00' },
};

export interface Booking {
  meetingId: number;
  audience: Audience;
  day: string;
}

export class InfoMeetingBook {
  private readonly booked = new Map<string, number>();
  private readonly meetingIds = new Map<string, number>();

  constructor(private readonly ids: Ids) {}

  /**
   * Books a place for someone born on `birthDate`, referred on `referredOn`, at the first of
   * the district's meetings after that day whose week still has a place, looking at most
   * `maxWeeks` weeks ahead. Youth 16–24 on the meeting day go to the youth meeting. A meeting
   * booked for the first time is pushed onto `created`. Returns null when every week is full.
   */
  book(district: DistrictReference, birthDate: string, referredOn: string, maxWeeks: number, created: InfoMeetingRow[]): Booking | null {
    let monday = mondayOf(addDays(referredOn, 1));
    for (let week = 0; week < maxWeeks; week++, monday = addDays(monday, 7)) {
      const load = `${district.code}|${monday}`;
      const booked = this.booked.get(load) ?? 0;
      if (booked >= district.info_meeting_quota_per_week) continue;
      const audience = this.audienceOn(birthDate, monday);
      if (audience === null) continue;
      const day = addDays(monday, WHEN[audience].dayOffset);
      if (day <= referredOn) continue;
      this.booked.set(load, booked + 1);
      return { meetingId: this.meetingId(district.code, monday, audience, day, created), audience, day };
    }
    return null;
  }

  /**
   * Youth if 16–24 on the youth meeting's day, adults if 25 or older on the adults' day.
   * Null in the one week someone turns 25 between the two meetings: neither fits, so they
   * wait a week.
   */
  private audienceOn(birthDate: string, monday: string): Audience | null {
    if (isYouth(ageOn(birthDate, addDays(monday, WHEN.YOUTH.dayOffset)))) return 'YOUTH';
    if (!isYouth(ageOn(birthDate, addDays(monday, WHEN.ADULTS.dayOffset)))) return 'ADULTS';
    return null;
  }

  private meetingId(districtCode: string, monday: string, audience: Audience, day: string, created: InfoMeetingRow[]): number {
    const key = `${districtCode}|${monday}|${audience}`;
    let id = this.meetingIds.get(key);
    if (id === undefined) {
      id = this.ids.next('info_meetings');
      this.meetingIds.set(key, id);
      created.push({ id, district_code: districtCode, audience, week_start: monday, starts_at: stockholmInstant(day, WHEN[audience].time) });
    }
    return id;
  }
}
