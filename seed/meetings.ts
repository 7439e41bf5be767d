import { infoMeetingAudience, infoMeetingTime } from '../subgraphs/stadsdel/rules/info-meeting';
import { addDays, mondayOf } from './clock';
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
      const audience = infoMeetingAudience(birthDate, monday);
      if (audience === null) continue;
      const { day, startsAtUtc } = infoMeetingTime(monday, audience);
      if (day <= referredOn) continue;
      this.booked.set(load, booked + 1);
      return { meetingId: this.meetingId(district.code, monday, audience, startsAtUtc, created), audience, day };
    }
    return null;
  }

  private meetingId(districtCode: string, monday: string, audience: Audience, startsAt: string, created: InfoMeetingRow[]): number {
    const key = `${districtCode}|${monday}|${audience}`;
    let id = this.meetingIds.get(key);
    if (id === undefined) {
      id = this.ids.next('info_meetings');
      this.meetingIds.set(key, id);
      created.push({ id, district_code: districtCode, audience, week_start: monday, starts_at: startsAt });
    }
    return id;
  }
}
